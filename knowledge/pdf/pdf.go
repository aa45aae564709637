// Package pdf reads the text of PDF articles (github.com/ledongthuc/pdf),
// line by line, and rebuilds their paragraphs from the gaps between lines.
// Scanned PDFs (images only) hold no text and are refused with a reason.
package pdf

import (
	"bytes"
	"context"
	"fmt"
	"math"
	"net/url"
	"path"
	"sort"
	"strings"

	lpdf "github.com/ledongthuc/pdf"

	"github.com/hoibao/hoibao/knowledge"
)

// Reader reads PDF documents; it is a knowledge.Reader for ".pdf".
type Reader struct{}

var _ knowledge.Reader = Reader{}

// MaxPages bounds the pages read from one document.
const MaxPages = 200

// line is one row of text on a page.
type line struct {
	y    float64
	text string
}

// Read reads the article in a PDF: its paragraphs, then the title line,
// dateline and byline as in a text article file.
func (Reader) Read(ctx context.Context, d knowledge.Document) (articles []knowledge.Article, err error) {
	defer func() {
		if p := recover(); p != nil { // the library panics on some broken files
			articles, err = nil, fmt.Errorf("%w: tệp PDF hỏng (%v)", knowledge.ErrInvalidArticle, p)
		}
	}()
	r, err := lpdf.NewReader(bytes.NewReader(d.Data), int64(len(d.Data)))
	if err != nil {
		return nil, fmt.Errorf("%w: không đọc được tệp PDF: %v", knowledge.ErrInvalidArticle, err)
	}
	var paras []string
	for i := 1; i <= min(r.NumPage(), MaxPages); i++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		p := r.Page(i)
		if p.V.IsNull() {
			continue
		}
		paras = append(paras, paragraphs(p.Content().Text)...)
	}
	if len(paras) == 0 {
		return nil, fmt.Errorf("%w: tệp PDF không có chữ (có thể là ảnh chụp)", knowledge.ErrInvalidArticle)
	}
	name := path.Base(d.Name)
	if u, err := url.Parse(d.URL); err == nil && d.URL != "" {
		name = path.Base(strings.TrimSuffix(u.Path, "/"))
	}
	a, err := knowledge.ParseArticle(strings.TrimSuffix(name, path.Ext(name))+".txt", []byte(strings.Join(paras, "\n\n")))
	if err != nil {
		return nil, err
	}
	a.URL = d.URL
	return []knowledge.Article{a}, nil
}

// paragraphs joins a page's glyphs into lines (one baseline each, in the
// order drawn) and lines into paragraphs: a gap between two lines clearly
// wider than the usual line spacing starts a new one.
func paragraphs(glyphs []lpdf.Text) []string {
	var lines []line
	at := map[float64]int{}
	var text []*strings.Builder
	for _, g := range glyphs {
		y := math.Round(g.Y*2) / 2
		i, ok := at[y]
		if !ok {
			i = len(lines)
			at[y] = i
			lines = append(lines, line{y: y})
			text = append(text, &strings.Builder{})
		}
		text[i].WriteString(g.S)
	}
	kept := lines[:0]
	for i, l := range lines {
		if l.text = strings.Join(strings.Fields(text[i].String()), " "); l.text != "" {
			kept = append(kept, l)
		}
	}
	lines = kept
	if len(lines) == 0 {
		return nil
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y }) // top of the page first
	gaps := make([]float64, 0, len(lines))
	for i := 1; i < len(lines); i++ {
		gaps = append(gaps, lines[i-1].y-lines[i].y)
	}
	usual := 0.0
	if len(gaps) > 0 {
		sorted := append([]float64(nil), gaps...)
		sort.Float64s(sorted)
		usual = sorted[len(sorted)/3] // most gaps are between lines of one paragraph
	}
	var out []string
	cur := lines[0].text
	for i := 1; i < len(lines); i++ {
		if gaps[i-1] > usual*1.4+1 {
			out = append(out, cur)
			cur = lines[i].text
			continue
		}
		cur = joinLine(cur, lines[i].text)
	}
	return append(out, cur)
}

// joinLine joins two lines of one paragraph, mending a hyphenated break.
func joinLine(a, b string) string {
	if strings.HasSuffix(a, "-") && !strings.HasSuffix(a, " -") {
		return a[:len(a)-1] + b
	}
	return a + " " + b
}
