module github.com/hoibao/hoibao

go 1.26.0

require (
	github.com/chzyer/readline v1.5.1
	golang.org/x/text v0.44.0
)

require golang.org/x/sys v0.48.0 // indirect
