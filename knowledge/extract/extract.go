// Package extract reads a news article from a web page: title, lead (the
// sapo Vietnamese papers set apart from the body), body paragraphs,
// author, publication date and address. The body is found by readability
// (codeberg.org/readeck/go-readability); the metadata comes from meta tags,
// JSON-LD and the page's own date and author lines. The page's charset is
// honoured (header, meta tag or sniffed).
package extract

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"

	"github.com/hoibao/hoibao/knowledge"
)

// Reader reads web pages; it is a knowledge.Reader for ".html".
type Reader struct{}

var _ knowledge.Reader = Reader{}

// Read reads the article in an HTML document.
func (Reader) Read(_ context.Context, d knowledge.Document) ([]knowledge.Article, error) {
	r, err := charset.NewReader(bytes.NewReader(d.Data), d.ContentType)
	if err != nil {
		return nil, fmt.Errorf("%w: không đọc được bảng mã của trang", knowledge.ErrInvalidArticle)
	}
	a, err := Parse(r, first(d.URL, d.Name))
	if err != nil {
		return nil, err
	}
	return []knowledge.Article{a}, nil
}

// Parse reads an article from an HTML document (already UTF-8) found at
// pageURL.
func Parse(r io.Reader, pageURL string) (knowledge.Article, error) {
	doc, err := html.Parse(r)
	if err != nil {
		return knowledge.Article{}, fmt.Errorf("%w: trang HTML hỏng", knowledge.ErrInvalidArticle)
	}
	m := readMeta(doc)
	base, _ := url.Parse(pageURL)
	body, byline := readBody(doc, base)

	a := knowledge.Article{Source: pageURL}
	a.Title = first(m.meta["og:title"], m.ld.Headline, m.h1, byline.title, stripSite(m.title))
	a.URL = resolve(pageURL, first(m.canonical, m.meta["og:url"], m.ld.URL, pageURL))
	if !knowledge.IsURL(a.URL) {
		a.URL = "" // a page read from a file names no address of its own
	}
	for _, d := range []string{m.meta["article:published_time"], m.ld.DatePublished, m.meta["datepublished"],
		m.meta["pubdate"], m.meta["publishdate"], m.meta["date"], m.meta["dc.date.issued"], m.meta["dc.date"],
		m.timeAttr, m.dateText, byline.published} {
		if t, ok := knowledge.ParseDate(d); ok && d != "" {
			a.Published = t
			break
		}
	}
	a.Author = first(ldAuthor(m.ld.Author), m.meta["author"], m.meta["article:author"], m.meta["dc.creator"], m.author)
	if strings.HasPrefix(a.Author, "http") {
		a.Author = "" // article:author is often a profile URL
	}
	// A date line kept in the body is metadata too.
	kept := body[:0]
	for _, p := range body {
		if _, ok := knowledge.ParseDate(p); ok || p == m.dateText {
			continue
		}
		kept = append(kept, p)
	}
	body = kept
	// An author line at the end of the body ("Minh Anh", "NGUYỄN VĂN A")
	// is metadata, not text.
	if n := len(body); n > 1 && isByline(body[n-1]) {
		if a.Author == "" {
			a.Author = body[n-1]
		}
		body = body[:n-1]
	}
	if a.Author == "" {
		a.Author = byline.author
	}
	lead := first(m.lead, m.meta["description"], m.meta["og:description"])
	a.Paragraphs = withLead(lead, body, a.Title)
	if len(body) == 0 || a.Title == "" {
		return knowledge.Article{}, fmt.Errorf("%w: không tìm thấy nội dung bài báo trên trang này", knowledge.ErrInvalidArticle)
	}
	a.ID = idFromURL(first(a.URL, pageURL))
	return knowledge.Finish(a)
}

// withLead puts the lead before the body unless the body holds it already
// (readability keeps it when it sits inside the article block).
func withLead(lead string, body []string, title string) []string {
	out := make([]string, 0, len(body)+1)
	key := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(knowledge.NFC(s)), " ")) }
	l := key(lead)
	if l != "" && l != key(title) {
		held := false
		for _, p := range body {
			if k := key(p); k == l || strings.Contains(k, l) {
				held = true
				break
			}
		}
		if !held {
			out = append(out, lead)
		}
	}
	for _, p := range body {
		if key(p) != key(title) {
			out = append(out, p)
		}
	}
	return out
}

// stripSite drops a site name after the title: "Tiêu đề | Báo Dân trí".
func stripSite(t string) string {
	for _, sep := range []string{" | ", " - ", " – "} {
		if i := strings.LastIndex(t, sep); i > 10 {
			return t[:i]
		}
	}
	return t
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
