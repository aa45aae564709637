package telegram

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// MaxMessageRunes is Telegram's limit on a message's text.
const MaxMessageRunes = 4096

var htmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")
var attrEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// EscapeHTML escapes text for Telegram's HTML parse mode.
func EscapeHTML(s string) string { return htmlEscaper.Replace(s) }

// FormatAnswer renders an answer in Telegram HTML: the answer text, its
// note, then the numbered "Nguồn" list, each with the article title (linked
// when there is a link), date, link and the quoted passage, folded so a
// long quote does not fill a phone screen.
func FormatAnswer(a knowledge.Answer) string {
	var b strings.Builder
	b.WriteString(EscapeHTML(a.Text))
	if a.Note != "" {
		fmt.Fprintf(&b, "\n<i>(%s)</i>", EscapeHTML(a.Note))
	}
	if len(a.Citations) == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "\n\n<b>%s</b>", bot.SourcesHeading)
	for _, c := range a.Citations {
		title := EscapeHTML(c.Title)
		if safeURL(c.URL) {
			title = fmt.Sprintf(`<a href="%s">%s</a>`, attrEscaper.Replace(c.URL), title)
		}
		fmt.Fprintf(&b, "\n[%d] %s", c.N, title)
		if !c.Published.IsZero() {
			fmt.Fprintf(&b, " · %s", c.Published.Format("02/01/2006"))
		}
		if c.URL != "" {
			fmt.Fprintf(&b, "\n%s", EscapeHTML(c.URL))
		}
		if q := strings.TrimSpace(c.Quote); q != "" {
			fmt.Fprintf(&b, "\n<blockquote expandable>%s</blockquote>", EscapeHTML(q))
		}
	}
	return b.String()
}

func safeURL(u string) bool {
	return (strings.HasPrefix(u, "https://") || strings.HasPrefix(u, "http://")) && !strings.ContainsAny(u, " \n\t")
}

// preview is the escaped text of an answer still being written.
func preview(partial string) string {
	const max = MaxMessageRunes - 100
	if utf8.RuneCountInString(partial) > max {
		partial = string([]rune(partial)[:max])
	}
	return EscapeHTML(partial) + " …"
}

// cut priorities, best first.
const (
	cutAny = iota
	cutSpace
	cutSentence
	cutLine
	cutParagraph
	numCuts
)

// SplitHTML splits Telegram HTML into parts of at most limit characters,
// preferring paragraph, line and sentence boundaries, then spaces. Tags open
// at a cut are closed at the end of one part and reopened in the next, and
// neither tags nor entities (&amp;) are ever cut.
func SplitHTML(s string, limit int) []string {
	var parts []string
	for utf8.RuneCountInString(s) > limit {
		part, rest := cutHTML(s, limit)
		if rest == s { // cannot make progress (limit tiny); give up cutting
			break
		}
		parts = append(parts, part)
		s = rest
	}
	if strings.TrimSpace(s) != "" || len(parts) == 0 {
		parts = append(parts, s)
	}
	return parts
}

type cutPoint struct {
	pos   int      // byte offset in s
	stack []string // open tags at pos
}

func cutHTML(s string, limit int) (part, rest string) {
	var best [numCuts]*cutPoint
	var stack []string
	runes := 0
	record := func(kind, pos int) {
		if runes+closersLen(stack) > limit {
			return
		}
		best[kind] = &cutPoint{pos, append([]string(nil), stack...)}
	}
	for i := 0; i < len(s) && runes <= limit; {
		switch s[i] {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				end = len(s) - i - 1
			}
			tag := s[i : i+end+1]
			if strings.HasPrefix(tag, "</") {
				if len(stack) > 0 {
					stack = stack[:len(stack)-1]
				}
			} else {
				stack = append(stack, tag)
			}
			runes += utf8.RuneCountInString(tag)
			i += end + 1
			record(cutAny, i)
			continue
		case '&':
			if end := strings.IndexByte(s[i:], ';'); end > 0 && end < 10 {
				runes += end + 1
				i += end + 1
				record(cutAny, i)
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '\n' && strings.HasPrefix(s[i+n:], "\n"):
			record(cutParagraph, i)
		case r == '\n':
			record(cutLine, i)
		case r == ' ' && endsSentence(s[:i]):
			record(cutSentence, i)
		case r == ' ':
			record(cutSpace, i)
		default:
			if runes > 0 {
				record(cutAny, i)
			}
		}
		runes++
		i += n
	}
	var cp *cutPoint
	for k := numCuts - 1; k >= 0 && cp == nil; k-- {
		if best[k] != nil && utf8.RuneCountInString(s[:best[k].pos]) >= limit/2 {
			cp = best[k]
		}
	}
	for k := numCuts - 1; k >= 0 && cp == nil; k-- {
		cp = best[k]
	}
	if cp == nil || cp.pos == 0 {
		return s, s
	}
	var closers strings.Builder
	for i := len(cp.stack) - 1; i >= 0; i-- {
		closers.WriteString(closer(cp.stack[i]))
	}
	part = strings.TrimRight(s[:cp.pos], " \n") + closers.String()
	rest = strings.Join(cp.stack, "") + strings.TrimLeft(s[cp.pos:], " \n")
	return part, rest
}

// endsSentence reports whether text ends a sentence: . ! ? or … possibly
// followed by closing quotes or brackets.
func endsSentence(text string) bool {
	text = strings.TrimRight(text, "”\"')»")
	return strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") || strings.HasSuffix(text, "…")
}

func closer(open string) string {
	name := strings.TrimPrefix(open, "<")
	if i := strings.IndexAny(name, " >"); i >= 0 {
		name = name[:i]
	}
	return "</" + name + ">"
}

func closersLen(stack []string) int {
	n := 0
	for _, t := range stack {
		n += len(closer(t))
	}
	return n
}
