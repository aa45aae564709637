package extract

import (
	"net/url"
	"regexp"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chromeRe names the boxes around an article that are not part of it:
// related articles, comments, sharing, tags, ads. They are cut out before
// readability looks for the body.
var chromeRe = regexp.MustCompile(`(?i)(^|[\s_-])(related|relate|tin-lien-quan|tinlienquan|lien-quan|box-tin|comment|comments|binh-luan|binhluan|share|social|tags|tag-list|banner|ads|advert|advertisement|quang-cao|newsletter|most-read|doc-nhieu|xem-them|see-more|breadcrumb|menu|sidebar)`)

// readerInfo is what readability found besides the body.
type readerInfo struct {
	title, author, published string
}

// readBody returns the body paragraphs of the article in doc.
func readBody(doc *html.Node, base *url.URL) ([]string, readerInfo) {
	clean := clone(doc)
	cutChrome(clean, paraText(clean))
	art, err := readability.FromDocument(clean, base)
	var info readerInfo
	if err != nil || art.Node == nil {
		return nil, info
	}
	info.title, info.author = art.Title(), art.Byline()
	if t, err := art.PublishedTime(); err == nil {
		info.published = t.Format("2006-01-02T15:04:05Z07:00")
	}
	var paras []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if skipped[n.DataAtom] || n.DataAtom == atom.Table {
			return
		}
		switch n.DataAtom {
		case atom.P, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li, atom.Blockquote, atom.Pre:
			if !hasBlockChild(n) {
				if t := text(n); utf8.RuneCountInString(t) >= 2 {
					paras = append(paras, t)
				}
				return
			}
		case atom.Div, atom.Section, atom.Article, atom.Span:
			if !hasBlockChild(n) {
				if t := text(n); utf8.RuneCountInString(t) >= 2 {
					paras = append(paras, t)
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(art.Node)
	return paras, info
}

var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.H1: true, atom.H2: true,
	atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Figure: true,
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blocks[c.DataAtom] || hasBlockChild(c) && c.DataAtom != atom.A) {
			return true
		}
	}
	return false
}

// cutChrome removes the boxes chromeRe names, and the page's header,
// footer, navigation and asides — unless one holds most of the page's
// paragraph text (total), as a main column called "sidebar-1" may.
func cutChrome(n *html.Node, total int) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode {
			names := attr(c, "class") + " " + attr(c, "id") + " " + attr(c, "type")
			switch {
			case c.DataAtom == atom.Nav, c.DataAtom == atom.Aside, c.DataAtom == atom.Footer,
				c.DataAtom == atom.Header && c.Parent != nil && c.Parent.DataAtom == atom.Body,
				c.DataAtom == atom.Figure, c.DataAtom == atom.Figcaption,
				c.DataAtom != atom.Body && c.DataAtom != atom.Html && chromeRe.MatchString(names) && paraText(c)*2 < total:
				n.RemoveChild(c)
			default:
				cutChrome(c, total)
			}
		}
		c = next
	}
}

// paraText is the length of the text in n's paragraphs.
func paraText(n *html.Node) int {
	if n.Type == html.ElementNode && n.DataAtom == atom.P {
		return len(text(n))
	}
	sum := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		sum += paraText(c)
	}
	return sum
}

// clone copies a node tree.
func clone(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(clone(k))
	}
	return c
}
