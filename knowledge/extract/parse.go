package extract

import (
	"encoding/json"
	"io"
	"net/url"
	"path"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/hoibao/hoibao/knowledge"
)

// skipped elements hold no article text.
var skipped = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Nav: true, atom.Header: true,
	atom.Footer: true, atom.Aside: true, atom.Form: true, atom.Figure: true, atom.Iframe: true,
	atom.Button: true, atom.Select: true, atom.Template: true, atom.Svg: true,
}

// page is what Parse gathers from a document.
type page struct {
	meta      map[string]string // lower-case name/property/itemprop -> content
	canonical string
	title     string // <title>
	h1        string
	ld        ldArticle
	paras     map[*html.Node][]string // container -> paragraph texts in order
	score     map[*html.Node]int
}

// ldArticle is the part of a JSON-LD NewsArticle hoibao reads.
type ldArticle struct {
	Type          any    `json:"@type"`
	Headline      string `json:"headline"`
	DatePublished string `json:"datePublished"`
	URL           string `json:"url"`
	Author        any    `json:"author"`
}

// Parse reads an article from an HTML document found at pageURL.
func Parse(r io.Reader, pageURL string) (knowledge.Article, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return knowledge.Article{}, &Error{Msg: "không đọc được trang (HTML hỏng)", Kind: knowledge.ErrInvalidArticle, Err: err}
	}
	p := &page{meta: map[string]string{}, paras: map[*html.Node][]string{}, score: map[*html.Node]int{}}
	p.walk(doc)

	a := knowledge.Article{Source: pageURL}
	a.Title = first(p.meta["og:title"], p.ld.Headline, p.h1, p.title)
	a.URL = resolve(pageURL, first(p.canonical, p.meta["og:url"], p.ld.URL, pageURL))
	for _, d := range []string{p.meta["article:published_time"], p.ld.DatePublished, p.meta["datepublished"],
		p.meta["pubdate"], p.meta["publishdate"], p.meta["date"], p.meta["dc.date.issued"], p.meta["dc.date"]} {
		if t, ok := knowledge.ParseDate(d); ok && d != "" {
			a.Published = t
			break
		}
	}
	a.Author = first(ldAuthor(p.ld.Author), p.meta["author"], p.meta["article:author"], p.meta["dc.creator"])
	if strings.HasPrefix(a.Author, "http") {
		a.Author = "" // article:author is often a profile URL
	}
	var best *html.Node
	for n, s := range p.score {
		if best == nil || s > p.score[best] {
			best = n
		}
	}
	if best != nil {
		for _, t := range p.paras[best] {
			if t != a.Title {
				a.Paragraphs = append(a.Paragraphs, t)
			}
		}
	}
	if len(a.Paragraphs) == 0 || a.Title == "" {
		return knowledge.Article{}, &Error{Msg: "không tìm thấy nội dung bài báo trên trang này", Kind: knowledge.ErrInvalidArticle}
	}
	a.ID = idFromURL(a.URL)
	return knowledge.Finish(a)
}

func (p *page) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			key := strings.ToLower(first(attr(n, "property"), attr(n, "name"), attr(n, "itemprop")))
			if v := strings.TrimSpace(attr(n, "content")); key != "" && v != "" {
				if _, ok := p.meta[key]; !ok {
					p.meta[key] = v
				}
			}
			return
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && p.canonical == "" {
				p.canonical = strings.TrimSpace(attr(n, "href"))
			}
			return
		case atom.Title:
			if p.title == "" {
				p.title = text(n)
			}
			return
		case atom.Script:
			if strings.Contains(attr(n, "type"), "ld+json") {
				p.readLD(text(n))
			}
			return
		case atom.H1:
			if p.h1 == "" {
				p.h1 = text(n)
			}
			return
		case atom.P:
			t := text(n)
			if utf8.RuneCountInString(t) < 2 {
				return
			}
			// A paragraph counts for its block; a block of long paragraphs
			// is the article, one of short links a menu.
			if parent := n.Parent; parent != nil {
				p.paras[parent] = append(p.paras[parent], t)
				p.score[parent] += len(t)
			}
			return
		}
		if skipped[n.DataAtom] {
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		p.walk(c)
	}
}

// readLD keeps the first JSON-LD object that is an article.
func (p *page) readLD(raw string) {
	if p.ld.Headline != "" {
		return
	}
	var one ldArticle
	var many []ldArticle
	var graph struct {
		Graph []ldArticle `json:"@graph"`
	}
	raw = strings.TrimSpace(raw)
	candidates := []ldArticle{}
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
		if t, _ := c.Type.(string); strings.HasSuffix(t, "Article") && c.Headline != "" {
			p.ld = c
			return
		}
	}
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
		case n.Type == html.ElementNode && skipped[n.DataAtom] && n.DataAtom != atom.Script:
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
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

func resolve(base, ref string) string {
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := b.Parse(ref)
	if err != nil {
		return ref
	}
	return r.String()
}

// idFromURL makes an article ID from the last segment of its address, so
// the same page fetched again replaces itself; "" lets the title decide.
func idFromURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	seg := path.Base(strings.TrimSuffix(u.Path, "/"))
	seg = strings.TrimSuffix(seg, path.Ext(seg))
	if id := knowledge.Slug(seg); len(id) >= 3 {
		return id
	}
	return ""
}
