package bot

import (
	"fmt"
	"strings"

	"github.com/hoibao/hoibao/knowledge"
)

// SourcesHeading introduces the numbered list of cited passages.
const SourcesHeading = "Nguồn"

// FormatPlain renders an answer as plain text: the answer, an optional note,
// and the numbered sources with title, date, link and quoted passage.
func FormatPlain(a knowledge.Answer) string { return formatPlain(a, true) }

// SourceLine is a citation's title, date and link on one line.
func SourceLine(c knowledge.Citation) string {
	parts := []string{c.Title}
	if !c.Published.IsZero() {
		parts = append(parts, c.Published.Format("02/01/2006"))
	}
	if c.URL != "" {
		parts = append(parts, c.URL)
	}
	return strings.Join(parts, " · ")
}

// FormatShort renders an answer as plain text for channels without markup
// or buttons: the answer, an optional note and the numbered sources (title,
// date, link) without their quotes, so it fits a short message.
func FormatShort(a knowledge.Answer) string { return formatPlain(a, false) }

func formatPlain(a knowledge.Answer, quotes bool) string {
	var b strings.Builder
	b.WriteString(a.Text)
	if a.Note != "" {
		fmt.Fprintf(&b, "\n(%s)", a.Note)
	}
	if len(a.Citations) > 0 {
		fmt.Fprintf(&b, "\n\n%s:", SourcesHeading)
		for _, c := range a.Citations {
			fmt.Fprintf(&b, "\n[%d] %s", c.N, SourceLine(c))
			if quotes {
				fmt.Fprintf(&b, "\n    “%s”", c.Quote)
			}
		}
	}
	return b.String()
}
