package extract

import (
	"encoding/json"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// meta is what a page says about its article outside the body.
type meta struct {
	meta      map[string]string // lower-case name/property/itemprop -> content
	canonical string
	title     string // <title>
	h1        string
	ld        ldArticle
	lead      string // the sapo: an element whose class or id names it
	dateText  string // the text of a date element ("Thứ Ba, 09/01/2024 - 06:25")
	timeAttr  string // <time datetime="…">
	author    string // the text of an author element
}

// ldArticle is the part of a JSON-LD NewsArticle hoibao reads.
type ldArticle struct {
	Type          any    `json:"@type"`
	Headline      string `json:"headline"`
	DatePublished string `json:"datePublished"`
	URL           string `json:"url"`
	Author        any    `json:"author"`
}

// Class and id names Vietnamese papers give their parts.
var (
	leadRe   = regexp.MustCompile(`(?i)(^|[\s_-])(sapo|sapo-detail|detail-sapo|singular-sapo|article__sapo|lead|lead-detail|chapeau|summary|description|standfirst|tomtat|tom-tat|excerpt|article-summary)($|[\s_-])`)
	dateRe   = regexp.MustCompile(`(?i)(^|[\s_-])(date|time|datetime|publish|published|publish-date|post-date|ngay-dang|author-time|date-time|detail-time)($|[\s_-])`)
	authorRe = regexp.MustCompile(`(?i)(^|[\s_-])(author|author-name|byline|tac-gia|tacgia|author-info|name-author)($|[\s_-])`)
)

func readMeta(doc *html.Node) meta {
	m := meta{meta: map[string]string{}}
	m.walk(doc)
	return m
}

func (m *meta) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
				if _, ok := m.meta[key]; !ok {
					m.meta[key] = v
				}
			}
			return
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && m.canonical == "" {
				m.canonical = strings.TrimSpace(attr(n, "href"))
			}
			return
		case atom.Title:
			if m.title == "" {
				m.title = text(n)
			}
			return
		case atom.Script:
			if strings.Contains(attr(n, "type"), "ld+json") {
				m.readLD(rawText(n))
			}
			return
		case atom.Style, atom.Noscript, atom.Template, atom.Svg:
			return
		case atom.H1:
			if m.h1 == "" {
				m.h1 = text(n)
			}
			return
		case atom.Time:
			if m.timeAttr == "" {
				m.timeAttr = strings.TrimSpace(attr(n, "datetime"))
			}
			if m.dateText == "" {
				m.dateText = text(n)
			}
			return
		}
		names := attr(n, "class") + " " + attr(n, "id")
		switch {
		case m.lead == "" && leadRe.MatchString(names) && !skipped[n.DataAtom]:
			if t := text(n); utf8.RuneCountInString(t) >= 40 {
				m.lead = t
				return
			}
		case m.dateText == "" && dateRe.MatchString(names):
			if t := text(n); t != "" && utf8.RuneCountInString(t) <= 60 && strings.ContainsAny(t, "0123456789") {
				m.dateText = t
				return
			}
		case m.author == "" && authorRe.MatchString(names):
			if t := strings.TrimPrefix(text(n), "Tác giả:"); isByline(strings.TrimSpace(t)) {
				m.author = strings.TrimSpace(t)
				return
			}
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.walk(c)
	}
}

// readLD keeps the first JSON-LD object that is an article.
func (m *meta) readLD(raw string) {
	if m.ld.Headline != "" {
		return
	}
	raw = strings.TrimSpace(raw)
	var candidates []ldArticle
	var one ldArticle
	var many []ldArticle
	var graph struct {
		Graph []ldArticle `json:"@graph"`
	}
	if json.Unmarshal([]byte(raw), &one) == nil {
		candidates = append(candidates, one)
	}
	if json.Unmarshal([]byte(raw), &many) == nil {
		candidates = append(candidates, many...)
	}
	if json.Unmarshal([]byte(raw), &graph) == nil {
		candidates = append(candidates, graph.Graph...)
	}
	for _, c := range candidates {
		if isArticleType(c.Type) && c.Headline != "" {
			m.ld = c
			return
		}
	}
}

func isArticleType(v any) bool {
	switch t := v.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "Report"
	case []any:
		for _, x := range t {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

func ldAuthor(v any) string {
	switch a := v.(type) {
	case string:
		return a
	case map[string]any:
		s, _ := a["name"].(string)
		return s
	case []any:
		var names []string
		for _, x := range a {
			if s := ldAuthor(x); s != "" {
				names = append(names, s)
			}
		}
		return strings.Join(names, ", ")
	}
	return ""
}

// isByline reports whether a short line is an author's name: at most eight
// words, each capitalised ("Minh Anh", "NGUYỄN VĂN A - TRẦN B", "Theo TTXVN").
func isByline(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 8 || utf8.RuneCountInString(s) > 60 || strings.ContainsAny(s, ".:;?!\"“") {
		return false
	}
	capital := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r):
			capital++
		case w == "-" || w == "–" || w == "và" || w == "Theo" || w == "theo":
		default:
			return false
		}
	}
	return capital >= 1 && capital >= len(words)-2
}

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Figure: true, atom.Figcaption: true,
	atom.Iframe: true, atom.Button: true, atom.Select: true, atom.Template: true, atom.Svg: true,
}

// text is the visible text of n, whitespace collapsed.
func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch {
		case n.Type == html.TextNode:
			b.WriteString(n.Data)
		case n.Type == html.ElementNode && n.DataAtom == atom.Br:
			b.WriteByte(' ')
		case n.Type == html.ElementNode && skipped[n.DataAtom]:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// rawText is the text inside an element such as a script.
func rawText(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func first(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
