package knowledge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// The quality harness over ../shared/data/viqa-dev, Vietnamese
// reading-comprehension questions in SQuAD v1.1 format. Every context is an
// article; one corpus holds them all (with -quality, the 1,332 news articles
// of ../shared/data/news-dantri too, as distractors). The contexts are split
// once, by article, into a tuning half and a test half
// (testdata/viqa-split.json): rules are tuned on the first and judged on the
// second. Each question is also asked with its article removed from the
// corpus, where the right outcome is a refusal. A plain BM25 ranker over
// sentences, whose answer is the best sentence, runs beside the answerer on
// the same questions.
//
//	go test ./knowledge -run TestViqa -v              # test half, asserted
//	go test ./knowledge -run TestViqa -v -quality     # both halves, with distractors

var qualityReport = flag.Bool("quality", false, "report answer quality on both ViQA halves, with news distractors")

var viqaDir = filepath.Join("..", "..", "shared", "data", "viqa-dev")

// viqaFiles are the four files of the set.
var viqaFiles = []string{"test_reg", "test_wiki", "train_reg", "train_wiki"}

// squad is the part of the SQuAD v1.1 format the harness reads.
type squad struct {
	Data []struct {
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

// evalQuestion is one question with its gold answers and the article that holds them.
type evalQuestion struct {
	text    string
	gold    []string
	article string
}

// viqaSet is the whole set: one article per context, and the questions of
// each half. Questions whose gold answer is not in their context (the set
// has a few) are left out.
type viqaSet struct {
	articles   []Article
	tune, test []evalQuestion
}

var loadViqaSet = sync.OnceValues(func() (viqaSet, error) {
	var split struct{ Tune, Test []string }
	data, err := os.ReadFile(filepath.Join("testdata", "viqa-split.json"))
	if err != nil {
		return viqaSet{}, err
	}
	if err := json.Unmarshal(data, &split); err != nil {
		return viqaSet{}, err
	}
	half := map[string]string{}
	for _, id := range split.Tune {
		half[id] = "tune"
	}
	for _, id := range split.Test {
		half[id] = "test"
	}
	var set viqaSet
	for _, name := range viqaFiles {
		data, err := os.ReadFile(filepath.Join(viqaDir, name+".json"))
		if err != nil {
			return viqaSet{}, err
		}
		var s squad
		if err := json.Unmarshal(data, &s); err != nil {
			return viqaSet{}, err
		}
		for _, d := range s.Data {
			for _, p := range d.Paragraphs {
				text := strings.Join(strings.Fields(p.Context), " ")
				sum := sha256.Sum256([]byte(text))
				id := hex.EncodeToString(sum[:])[:12]
				a, err := Finish(Article{ID: "viqa-" + id, Title: "Tài liệu " + id, Paragraphs: []string{text}})
				if err != nil {
					return viqaSet{}, err
				}
				set.articles = append(set.articles, a)
				for _, qa := range p.QAs {
					q := evalQuestion{text: qa.Question, article: a.ID}
					for _, ans := range qa.Answers {
						if containsGold(text, []string{ans.Text}) {
							q.gold = append(q.gold, ans.Text)
						}
					}
					if len(q.gold) == 0 {
						continue
					}
					switch half[id] {
					case "tune":
						set.tune = append(set.tune, q)
					case "test":
						set.test = append(set.test, q)
					default:
						return viqaSet{}, &os.PathError{Op: "split", Path: id, Err: os.ErrNotExist}
					}
				}
			}
		}
	}
	return set, nil
})

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

// score counts one system's results over a question set.
type score struct {
	n, concise, cited, refused, runes int
	// right counts answers that hold a gold answer at any length: with the
	// question's article removed, another article may still hold it.
	right int
}

func pct(k, n int) float64 {
	if n == 0 {
		return 0
	}
	return 100 * float64(k) / float64(n)
}

// judge adds one answer to the score.
func (s *score) judge(ans Answer, gold []string) {
	s.n++
	if ans.Refused {
		s.refused++
		return
	}
	n := utf8.RuneCountInString(markers.ReplaceAllString(ans.Text, ""))
	s.runes += n
	if containsGold(ans.Text, gold) {
		s.right++
		if n <= conciseRunes {
			s.concise++
		}
	}
	if len(ans.Citations) > 0 && containsGold(ans.Citations[0].Quote, gold) {
		s.cited++
	}
}

func (s score) meanRunes() float64 { return float64(s.runes) / math.Max(float64(s.n-s.refused), 1) }

// sentenceBM25 is the baseline: Okapi BM25 (k1 1.2, b 0.75) over every
// sentence of the corpus, syllables as terms (lower case, diacritics kept);
// its answer is the best sentence, and it never refuses.
type sentenceBM25 struct {
	text   []string
	tf     []map[string]int
	length []float64
	avg    float64
	df     map[string]int
	// postings lists the sentences holding each term.
	postings map[string][]int
}

func newSentenceBM25(articles []Article) *sentenceBM25 {
	b := &sentenceBM25{df: map[string]int{}, postings: map[string][]int{}}
	for _, a := range articles {
		for _, p := range a.Paragraphs {
			for _, sp := range Sentences(p) {
				text := p[sp.Start:sp.End]
				tf := map[string]int{}
				toks := Tokenize(text)
				for _, tok := range toks {
					tf[tok.Exact]++
				}
				for term := range tf {
					b.df[term]++
					b.postings[term] = append(b.postings[term], len(b.text))
				}
				b.text = append(b.text, text)
				b.tf = append(b.tf, tf)
				b.length = append(b.length, float64(len(toks)))
				b.avg += float64(len(toks))
			}
		}
	}
	b.avg /= math.Max(float64(len(b.text)), 1)
	return b
}

// answer returns the best sentence for question.
func (b *sentenceBM25) answer(question string) Answer {
	scores := map[int]float64{}
	n := float64(len(b.text))
	seen := map[string]bool{}
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
		for _, i := range b.postings[tok.Exact] {
			f := float64(b.tf[i][tok.Exact])
			scores[i] += idf * f * 2.2 / (f + 1.2*(0.25+0.75*b.length[i]/b.avg))
		}
	}
	best, bestScore := -1, 0.0
	for i, s := range scores {
		if s > bestScore || s == bestScore && i < best {
			best, bestScore = i, s
		}
	}
	if best < 0 {
		return Answer{Refused: true}
	}
	return Answer{Text: b.text[best], Citations: []Citation{{N: 1, Quote: b.text[best]}}}
}

// viqaRun is one half evaluated: the answerer and the baseline on the
// questions, and the answerer on the same questions with their article removed.
type viqaRun struct {
	ours, base, removed score
}

// evaluateViqa answers every question of qs from corpus, and again from the
// corpus without the question's article.
func evaluateViqa(t *testing.T, corpus []Article, qs []evalQuestion) viqaRun {
	t.Helper()
	ctx := context.Background()
	var run viqaRun
	svc := NewService(corpus)
	base := newSentenceBM25(corpus)
	byArticle := map[string][]evalQuestion{}
	var order []string
	for _, q := range qs {
		ans, err := svc.Ask(ctx, Query{Text: q.text})
		if err != nil {
			t.Fatalf("Ask(%q): %v", q.text, err)
		}
		run.ours.judge(ans, q.gold)
		if *qualityVerbose && !ans.Refused && !containsGold(ans.Citations[0].Quote, q.gold) {
			where := "OTHER-ARTICLE"
			if ans.Citations[0].ArticleID == q.article {
				where = "SAME-ARTICLE"
			}
			t.Logf("MISS-%s\t%q\tgold %q\tgot %q", where, q.text, q.gold[0], ans.Text)
		}
		if *qualityVerbose {
			t.Logf("%s\t%q\tgold %q\tgot %q", verdict(ans, q.gold), q.text, q.gold[0], ans.Text)
		}
		b := base.answer(q.text)
		run.base.judge(b, q.gold)
		if *qualityVerbose && !b.Refused && containsGold(b.Text, q.gold) && (ans.Refused || !containsGold(ans.Citations[0].Quote, q.gold)) {
			t.Logf("BASE-BETTER\t%q\tgold %q\tours %q\tbase %q", q.text, q.gold[0], ans.Text, b.Text)
		}
		if byArticle[q.article] == nil {
			order = append(order, q.article)
		}
		byArticle[q.article] = append(byArticle[q.article], q)
	}
	for _, id := range order {
		rest := make([]Article, 0, len(corpus))
		for _, a := range corpus {
			if a.ID != id {
				rest = append(rest, a)
			}
		}
		without := NewService(rest)
		for _, q := range byArticle[id] {
			ans, err := without.Ask(ctx, Query{Text: q.text})
			if err != nil {
				t.Fatalf("Ask(%q): %v", q.text, err)
			}
			run.removed.judge(ans, q.gold)
			if *qualityVerbose && !ans.Refused {
				t.Logf("REMOVED-ANSWERED\t%q\tgot %q", q.text, ans.Text)
			}
		}
	}
	return run
}

var (
	qualityVerbose = flag.Bool("quality.v", false, "log every ViQA question with its verdict")
	qualityTune    = flag.Bool("quality.tune", false, "evaluate only the tuning half (no assertions): for working on the answerer")
)

func verdict(ans Answer, gold []string) string {
	switch {
	case ans.Refused:
		return "REFUSED"
	case containsGold(ans.Text, gold) && utf8.RuneCountInString(ans.Text) <= conciseRunes:
		return "OK"
	case containsGold(ans.Citations[0].Quote, gold):
		return "CITED-ONLY"
	}
	return "WRONG"
}

func logViqaHeader(t *testing.T) {
	t.Logf("%-22s %5s | %-43s | %-24s | %s", "", "", "hoibao", "BM25 best sentence", "article removed")
	t.Logf("%-22s %5s | %8s %7s %8s %8s | %8s %7s %7s | %8s %9s", "set", "n",
		"concise", "cited", "refused", "meanLen", "concise", "cited", "meanLen", "refused", "or right")
}

func logViqaRun(t *testing.T, name string, r viqaRun) {
	t.Logf("%-22s %5d | %7.1f%% %6.1f%% %7.1f%% %8.0f | %7.1f%% %6.1f%% %7.0f | %7.1f%% %8.1f%%", name, r.ours.n,
		pct(r.ours.concise, r.ours.n), pct(r.ours.cited, r.ours.n), pct(r.ours.refused, r.ours.n), r.ours.meanRunes(),
		pct(r.base.concise, r.base.n), pct(r.base.cited, r.base.n), r.base.meanRunes(),
		pct(r.removed.refused, r.removed.n), pct(r.removed.refused+r.removed.right, r.removed.n))
}

// TestViqa reports the answerer beside the BM25 sentence baseline on the
// ViQA test half, the one no rule was tuned on, and fails when concise
// answers, refusals of answerable questions or refusals once the article
// is gone regress. With -quality it reports the tuning half and the news
// distractors too.
func TestViqa(t *testing.T) {
	set, err := loadViqaSet()
	if err != nil {
		t.Skipf("viqa-dev absent (%v); skipping the quality harness", err)
	}
	logViqaHeader(t)
	if *qualityTune {
		logViqaRun(t, "tuning half", evaluateViqa(t, set.articles, set.tune))
		return
	}
	test := evaluateViqa(t, set.articles, set.test)
	logViqaRun(t, "test half", test)
	if *qualityReport {
		logViqaRun(t, "tuning half", evaluateViqa(t, set.articles, set.tune))
		if news, err := distractors(); err != nil {
			t.Logf("no news distractors: %v", err)
		} else {
			corpus := append(append([]Article(nil), set.articles...), news...)
			logViqaRun(t, "test half + news", evaluateViqa(t, corpus, set.test))
			logViqaRun(t, "tuning half + news", evaluateViqa(t, corpus, set.tune))
		}
	}
	t.Logf("concise = answer of at most %d characters holding a gold answer; cited = first citation holds one; "+
		"article removed = share refused when the question's article is not in the corpus", conciseRunes)

	// Floors that a regression of the answerer breaks. Issue 8's targets
	// (concise ≥ 70% and 8 points above the baseline, false refusals ≤ 3%,
	// article removed ≥ 85% refused) are not reached yet; the figures
	// above say how far.
	if got := pct(test.ours.concise, test.ours.n); got < 51 {
		t.Errorf("test half: concise correct %.1f%%, want at least 51%%", got)
	}
	if got := pct(test.ours.refused, test.ours.n); got > 23 {
		t.Errorf("test half: %.1f%% of answerable questions refused, want at most 23%%", got)
	}
	if got := pct(test.removed.refused, test.removed.n); got < 61 {
		t.Errorf("test half, article removed: %.1f%% refused, want at least 61%%", got)
	}
}

// distractors are the 1,332 news articles of ../shared, loaded once.
var distractors = sync.OnceValues(func() ([]Article, error) {
	return LoadPath(filepath.Join("..", "..", "shared", "data", "news-dantri"))
})

// "sâu bao nhiêu" wants a figure in the adjective's units: among all the
// ViQA articles, "Bắc băng dương sâu bao nhiêu?" is answered by "độ sâu
// trung bình 1.038 mét", not by the first figure of the ocean's article.
func TestViqaMeasuresAskedByAdjective(t *testing.T) {
	set, err := loadViqaSet()
	if err != nil {
		t.Skipf("viqa-dev absent (%v)", err)
	}
	ans, err := NewService(set.articles).Ask(context.Background(), Query{Text: "Bắc băng dương sâu bao nhiêu?"})
	if err != nil || !strings.Contains(ans.Text, "1.038 mét") {
		t.Errorf("got %q, %v; want 1.038 mét", ans.Text, err)
	}
}

// "một" counts one where it is no "per one" nor "a": "ít nhất bao nhiêu
// học kỳ" is answered by "… phải học ít nhất một học kỳ ở Trường".
func TestViqaOneCounts(t *testing.T) {
	set, err := loadViqaSet()
	if err != nil {
		t.Skipf("viqa-dev absent (%v)", err)
	}
	q := "Trường hợp vì lý do cá nhân, sinh viên phải học ít nhất bao nhiêu học kỳ ở Trường mới viên được quyền xin tạm dừng học tập và được bảo lưu kết quả học tập ?"
	ans, err := NewService(set.articles).Ask(context.Background(), Query{Text: q})
	if err != nil || !strings.Contains(ans.Text, "một học kỳ") {
		t.Errorf("got %q, %v; want một học kỳ", ans.Text, err)
	}
}
