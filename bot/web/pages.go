package web

import (
	"embed"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/hoibao/hoibao/knowledge"
)

//go:embed assets
var assetFS embed.FS

var (
	assets      = must(fs.Sub(assetFS, "assets"))
	passageTmpl = template.Must(template.ParseFS(assets, "article.html"))
)

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// secure sets the headers every page carries: a Content-Security-Policy
// with no inline script, no sniffing, and framing only by this site and
// the allowed origins (the widget).
func (s *Server) secure(w http.ResponseWriter) {
	ancestors := []string{"'self'"}
	for o := range s.origins {
		ancestors = append(ancestors, o)
	}
	slices.Sort(ancestors[1:])
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "+
		"connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors "+strings.Join(ancestors, " "))
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "strict-origin-when-cross-origin")
	if len(s.origins) == 0 {
		h.Set("X-Frame-Options", "SAMEORIGIN") // for browsers without frame-ancestors
	}
}

// page serves the chat page.
func (s *Server) page(w http.ResponseWriter, r *http.Request) {
	s.secure(w)
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeFileFS(w, r, assets, "index.html")
}

// assets serves the page's scripts and styles.
func (s *Server) assets() http.Handler {
	files := http.StripPrefix("/assets/", http.FileServerFS(assets))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.secure(w)
		w.Header().Set("Cache-Control", "public, max-age=300")
		files.ServeHTTP(w, r)
	})
}

// widget serves widget.js, which other sites load with a script tag.
func (s *Server) widget(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Cross-Origin-Resource-Policy", "cross-origin")
	h.Set("Cache-Control", "public, max-age=300")
	http.ServeFileFS(w, r, assets, "widget.js")
}

// PassagePath is the path of the page showing a citation's passage
// highlighted: "/a/<article>#c<paragraph>.<part>". Channels that show
// links put their public base URL before it.
func PassagePath(c knowledge.Citation) string {
	p := "/a/" + url.PathEscape(c.ArticleID)
	if _, frag, ok := strings.Cut(c.ChunkID, "#"); ok {
		p += "#c" + frag
	}
	return p
}

// passageView is an article laid out for article.html: each paragraph as
// its chunks, each chunk an element whose id ("c3.0" for the chunk
// "<article>#3.0", "ct" for the title) a citation link targets.
type passageView struct {
	Title, TitleID, URL, Published, Author string
	Paragraphs                             [][]piece
}

type piece struct{ ID, Text string }

// passage serves /a/{id}: the article, every passage addressable by
// fragment, so /a/{id}#c3.0 scrolls to and highlights chunk 3.0. Text is
// escaped by html/template: an article is always shown as text.
func (s *Server) passage(w http.ResponseWriter, r *http.Request) {
	s.secure(w)
	a, ok := s.kn.Index().Article(r.PathValue("id"))
	if !ok {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		_, _ = w.Write([]byte(msgNotFoundPage + "\n"))
		return
	}
	v := passageView{Title: a.Title, TitleID: "ct", URL: a.URL, Author: a.Author,
		Paragraphs: make([][]piece, len(a.Paragraphs))}
	if !a.Published.IsZero() {
		v.Published = a.Published.Format("02/01/2006")
	}
	at := make([]int, len(a.Paragraphs)) // bytes of each paragraph laid out so far
	for _, c := range knowledge.ChunkArticle(a) {
		if c.Paragraph < 0 || c.Paragraph >= len(a.Paragraphs) {
			continue
		}
		p := a.Paragraphs[c.Paragraph]
		if c.Start > at[c.Paragraph] {
			v.Paragraphs[c.Paragraph] = append(v.Paragraphs[c.Paragraph], piece{Text: p[at[c.Paragraph]:c.Start]})
		}
		_, frag, _ := strings.Cut(c.ID, "#")
		v.Paragraphs[c.Paragraph] = append(v.Paragraphs[c.Paragraph], piece{ID: "c" + frag, Text: p[c.Start:c.End]})
		at[c.Paragraph] = c.End
	}
	for i, p := range a.Paragraphs {
		if at[i] < len(p) {
			v.Paragraphs[i] = append(v.Paragraphs[i], piece{Text: p[at[i]:]})
		}
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	if err := passageTmpl.Execute(w, v); err != nil {
		s.log.Warn("passage page failed", "article", a.ID, "err", err)
	}
}
