package knowledge

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// An evaluation over ../shared/data/viqa-dev, Vietnamese reading-comprehension
// questions in SQuAD v1.1 format: every paragraph ("context") becomes an
// article, one index holds all contexts of a file, and every question goes
// through Service.Ask. A plain BM25-over-paragraphs baseline, whose "answer"
// is the best paragraph, runs beside it on the same questions.

var viqaDir = filepath.Join("..", "..", "shared", "data", "viqa-dev")

// viqaFiles are the four files of the set.
var viqaFiles = []string{"test_reg", "test_wiki", "train_reg", "train_wiki"}

// squad is the part of the SQuAD v1.1 format the evaluation reads.
type squad struct {
	Data []struct {
		Title      string `json:"title"`
		Paragraphs []struct {
			Context string `json:"context"`
			QAs     []struct {
				Question string `json:"question"`
				Answers  []struct {
					Text string `json:"text"`
				} `json:"answers"`
			} `json:"qas"`
		} `json:"paragraphs"`
	} `json:"data"`
}

// viqaQuestion is one question with its gold answers and its context.
type viqaQuestion struct {
	text string
	gold []string
	ctx  int // index into the file's articles
}

// loadViqa reads one file into one article per context and its questions.
func loadViqa(t *testing.T, name string) ([]Article, []viqaQuestion) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(viqaDir, name+".json"))
	if err != nil {
		t.Fatal(err)
	}
	var s squad
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var articles []Article
	var qs []viqaQuestion
	for _, d := range s.Data {
		for _, p := range d.Paragraphs {
			n := len(articles)
			title := strings.TrimSpace(d.Title)
			if title == "" {
				title = fmt.Sprintf("ctx %d", n)
			}
			a, err := Finish(Article{
				ID:         fmt.Sprintf("ctx-%d", n),
				Title:      title,
				Paragraphs: []string{strings.Join(strings.Fields(p.Context), " ")},
			})
			if err != nil {
				t.Fatalf("%s context %d: %v", name, n, err)
			}
			articles = append(articles, a)
			for _, qa := range p.QAs {
				q := viqaQuestion{text: qa.Question, ctx: n}
				for _, ans := range qa.Answers {
					q.gold = append(q.gold, ans.Text)
				}
				qs = append(qs, q)
			}
		}
	}
	return articles, qs
}

// markers are the [n] citation markers of an answer.
var markers = regexp.MustCompile(`\s*\[\d+\]`)

// matchForm is the form answers are compared in: NFC, lower case, single spaces.
func matchForm(s string) string {
	return strings.Join(strings.Fields(strings.ToLower(NFC(s))), " ")
}

// containsGold reports whether text holds one of the gold answers.
func containsGold(text string, gold []string) bool {
	text = matchForm(markers.ReplaceAllString(text, ""))
	for _, g := range gold {
		if g = matchForm(g); g != "" && strings.Contains(text, g) {
			return true
		}
	}
	return false
}

// conciseRunes bounds what counts as a concise answer.
const conciseRunes = 300

// viqaScore counts one system's results over a question set.
type viqaScore struct {
	n, contains, concise, firstQuote, refused, top1 int
}

func (s *viqaScore) add(o viqaScore) {
	s.n += o.n
	s.contains += o.contains
	s.concise += o.concise
	s.firstQuote += o.firstQuote
	s.refused += o.refused
	s.top1 += o.top1
}

func pct(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(k) / float64(n)
}

// paragraphBM25 is the baseline: Okapi BM25 (k1 1.2, b 0.75) over whole
// paragraphs, syllables as terms (lower case, diacritics kept), no stopwords,
// no bigrams, no folding.
type paragraphBM25 struct {
	tf     []map[string]int
	length []float64
	avg    float64
	df     map[string]int
}

func newParagraphBM25(articles []Article) *paragraphBM25 {
	b := &paragraphBM25{df: map[string]int{}}
	for _, a := range articles {
		tf := map[string]int{}
		toks := Tokenize(strings.Join(a.Paragraphs, " "))
		for _, tok := range toks {
			tf[tok.Exact]++
		}
		for term := range tf {
			b.df[term]++
		}
		b.tf = append(b.tf, tf)
		b.length = append(b.length, float64(len(toks)))
		b.avg += float64(len(toks))
	}
	b.avg /= math.Max(float64(len(articles)), 1)
	return b
}

// best returns the paragraph that ranks first for question.
func (b *paragraphBM25) best(question string) int {
	seen := map[string]bool{}
	scores := make([]float64, len(b.tf))
	n := float64(len(b.tf))
	for _, tok := range Tokenize(NFC(question)) {
		if seen[tok.Exact] {
			continue
		}
		seen[tok.Exact] = true
		df := float64(b.df[tok.Exact])
		if df == 0 {
			continue
		}
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		for i, tf := range b.tf {
			if f := float64(tf[tok.Exact]); f > 0 {
				scores[i] += idf * f * 2.2 / (f + 1.2*(0.25+0.75*b.length[i]/b.avg))
			}
		}
	}
	best := 0
	for i, s := range scores {
		if s > scores[best] {
			best = i
		}
	}
	return best
}

// TestViqa reports how often the answer to a reading-comprehension question
// holds the gold answer, ours against the baseline, and fails when our
// concise answers stop beating a paragraph retriever's by a clear margin.
func TestViqa(t *testing.T) {
	if _, err := os.Stat(viqaDir); err != nil {
		t.Skipf("viqa-dev absent (%v); skipping", err)
	}
	ctx := context.Background()
	var ours, base viqaScore
	t.Logf("%-10s %5s | %-36s | %-30s", "", "", "ours (Service.Ask)", "baseline (BM25 top paragraph)")
	t.Logf("%-10s %5s | %7s %7s %7s %6s %5s | %7s %7s %7s %5s", "file", "n",
		"concise", "anyLen", "quote1", "refuse", "top1", "concise", "anyLen", "avgLen", "top1")
	for _, name := range viqaFiles {
		articles, qs := loadViqa(t, name)
		svc := NewService(articles)
		ix := svc.Index()
		bm := newParagraphBM25(articles)
		var o, b viqaScore
		baseRunes := 0
		for _, q := range qs {
			o.n++
			b.n++
			ans, err := svc.Ask(ctx, Query{Text: q.text})
			if err != nil {
				t.Errorf("%s: Ask(%q): %v", name, q.text, err)
				continue
			}
			if ps := ix.Search(q.text, 1); len(ps) > 0 && ps[0].Article.ID == articles[q.ctx].ID {
				o.top1++
			}
			switch {
			case ans.Refused:
				o.refused++
			case containsGold(ans.Text, q.gold):
				o.contains++
				if utf8.RuneCountInString(ans.Text) <= conciseRunes {
					o.concise++
				}
			}
			if !ans.Refused && len(ans.Citations) > 0 && containsGold(ans.Citations[0].Quote, q.gold) {
				o.firstQuote++
			}

			top := bm.best(q.text)
			if top == q.ctx {
				b.top1++
			}
			text := articles[top].Paragraphs[0]
			baseRunes += utf8.RuneCountInString(text)
			if containsGold(text, q.gold) {
				b.contains++
				if utf8.RuneCountInString(text) <= conciseRunes {
					b.concise++
				}
			}
		}
		t.Logf("%-10s %5d | %6.1f%% %6.1f%% %6.1f%% %5.1f%% %4.0f%% | %6.1f%% %6.1f%% %7.0f %4.0f%%", name, o.n,
			pct(o.concise, o.n), pct(o.contains, o.n), pct(o.firstQuote, o.n), pct(o.refused, o.n), pct(o.top1, o.n),
			pct(b.concise, b.n), pct(b.contains, b.n), float64(baseRunes)/math.Max(float64(b.n), 1), pct(b.top1, b.n))
		ours.add(o)
		base.add(b)
	}
	t.Logf("%-10s %5d | %6.1f%% %6.1f%% %6.1f%% %5.1f%% %4.0f%% | %6.1f%% %6.1f%% %7s %4.0f%%", "all", ours.n,
		pct(ours.concise, ours.n), pct(ours.contains, ours.n), pct(ours.firstQuote, ours.n), pct(ours.refused, ours.n), pct(ours.top1, ours.n),
		pct(base.concise, base.n), pct(base.contains, base.n), "", pct(base.top1, base.n))
	t.Logf("concise = answer of at most %d characters holding a gold answer; anyLen = holding one at any length; "+
		"quote1 = first citation's quote holds one; top1 = best passage from the question's own context", conciseRunes)

	// A conservative floor that a regression of the answerer would break:
	// concise answers clearly ahead of the paragraph baseline's.
	if ours.n < 1000 {
		t.Fatalf("evaluated %d questions, want the whole set (over 1,000)", ours.n)
	}
	if got, floor := pct(ours.concise, ours.n), pct(base.concise, base.n)+10; got < floor {
		t.Errorf("concise share = %.1f%%, want at least %.1f%% (baseline %.1f%% + 10 points)", got, floor, pct(base.concise, base.n))
	}
}
