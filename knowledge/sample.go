package knowledge

import (
	"embed"
	"io/fs"
	"path"
)

//go:embed sample/*.txt
var sampleFS embed.FS

// Sample returns the articles bundled into the binary: the content a fresh
// install answers about.
func Sample() []Article {
	names, err := fs.Glob(sampleFS, "sample/*.txt")
	if err != nil {
		panic(err)
	}
	var out []Article
	for _, name := range names {
		data, err := sampleFS.ReadFile(name)
		if err != nil {
			panic(err)
		}
		a, err := ParseArticle(path.Base(name), data)
		if err != nil {
			panic("bundled sample article: " + err.Error())
		}
		a.Source = "sample:" + path.Base(name)
		out = append(out, a)
	}
	return out
}
