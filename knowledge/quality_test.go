package knowledge_test

import (
	"context"
	"flag"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/hoibao/hoibao/knowledge"
)

// questionSet is testdata/<set>/questions.json.
type questionSet = knowledge.QuestionSet

func loadQuestions(t *testing.T, set string) questionSet {
	t.Helper()
	qs, err := knowledge.LoadQuestionSet(set)
	if err != nil {
		t.Fatal(err)
	}
	return qs
}

// variant is one way people type the same question.
type variant struct {
	name  string
	write func(string) string
}

var variants = []variant{
	{"as-written", func(s string) string { return s }},
	{"no-diacritics", stripMarks},
	{"capitals", strings.ToUpper},
	{"nfd", norm.NFD.String},
	{"other-tone-style", swapToneStyle},
}

// stripMarks writes a question as typed on a phone without diacritics,
// keeping capitals: "Bí thư" -> "Bi thu".
func stripMarks(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case r == 'Đ':
			b.WriteRune('D')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// swapToneStyle moves the tone mark between the two vowels of open "oa",
// "oe" and "uy" syllables, turning "hóa, ủy" into "hoá, uỷ" and back.
func swapToneStyle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = swapWord(w)
	}
	return strings.Join(words, " ")
}

func swapWord(w string) string {
	rs := []rune(w)
	end := len(rs)
	for end > 0 && !unicode.IsLetter(rs[end-1]) {
		end--
	}
	if end < 2 {
		return w
	}
	a, b := rs[end-2], rs[end-1]
	baseA, toneA := splitTone(a)
	baseB, toneB := splitTone(b)
	pair := strings.ToLower(string([]rune{baseA, baseB}))
	if pair != "oa" && pair != "oe" && pair != "uy" || end >= 3 && unicode.ToLower(rs[end-3]) == 'q' {
		return w
	}
	switch {
	case toneA != 0 && toneB == 0:
		rs[end-2], rs[end-1] = baseA, withTone(baseB, toneA)
	case toneB != 0 && toneA == 0:
		rs[end-2], rs[end-1] = withTone(baseA, toneB), baseB
	}
	return string(rs)
}

func splitTone(r rune) (base rune, tone rune) {
	d := []rune(norm.NFD.String(string(r)))
	if len(d) == 2 && strings.ContainsRune("\u0300\u0301\u0303\u0309\u0323", d[1]) {
		return d[0], d[1]
	}
	return r, 0
}

func withTone(r, tone rune) rune {
	c, _ := utf8.DecodeRuneInString(norm.NFC.String(string([]rune{r, tone})))
	return c
}

func TestSwapToneStyle(t *testing.T) {
	got := swapToneStyle("Bí thư Huyện ủy, hóa, quý, hoàng")
	if want := "Bí thư Huyện uỷ, hoá, quý, hoàng"; got != want {
		t.Errorf("swapToneStyle = %q, want %q", got, want)
	}
}

// distractors are the 1,332 news articles of ../shared, loaded once.
var distractors = sync.OnceValues(func() ([]knowledge.Article, error) {
	return knowledge.LoadPath(filepath.Join("..", "..", "shared", "data", "news-dantri"))
})

// quality runs a question set against a service and returns the shares.
type qualityResult struct {
	answered, answerable, refusedWrongly int
	refused, unanswerable                int
}

// misses says what runQuality does with each question missed.
type misses int

const (
	logMisses  misses = iota // log each one
	failMisses               // fail the test on an answerable one
	quiet                    // print totals only: held-out sets, whose misses nobody reads
)

func runQuality(t *testing.T, svc *knowledge.Service, qs questionSet, mode misses) qualityResult {
	var res qualityResult
	ctx := context.Background()
	report := t.Logf
	switch mode {
	case failMisses:
		report = t.Errorf
	case quiet:
		report = func(string, ...any) {}
	}
	for _, q := range qs.Answerable {
		for _, v := range variants {
			question := v.write(q.Q)
			ans, err := svc.Ask(ctx, knowledge.Query{Text: question})
			res.answerable++
			if err != nil {
				t.Fatalf("%q: %v", question, err)
			}
			switch {
			case ans.Refused:
				res.refusedWrongly++
				report("%s %q: refused, want one of %q", v.name, question, q.Expect)
			case utf8.RuneCountInString(ans.Text) > 300:
				report("%s %q: answer of %d characters is not concise: %q", v.name, question, utf8.RuneCountInString(ans.Text), ans.Text)
			case len(ans.Citations) == 0 || !strings.Contains(ans.Text, "[1]"):
				report("%s %q: no citation in %q", v.name, question, ans.Text)
			case !containsAny(ans.Text, q.Expect):
				report("%s %q: got %q, want one of %q", v.name, question, ans.Text, q.Expect)
			default:
				res.answered++
			}
		}
	}
	for _, q := range qs.Unanswerable {
		for _, v := range variants {
			question := v.write(q.Q)
			ans, err := svc.Ask(ctx, knowledge.Query{Text: question})
			if err != nil {
				t.Fatalf("%q: %v", question, err)
			}
			res.unanswerable++
			if ans.Refused && len(ans.Citations) == 0 {
				res.refused++
			} else if mode != quiet {
				t.Logf("%s %q: want a refusal, got %q", v.name, question, ans.Text)
			}
		}
	}
	t.Logf("answered %d/%d (%.1f%%), answerable refused %d, unanswerable refused %d/%d (%.1f%%)",
		res.answered, res.answerable, 100*float64(res.answered)/float64(res.answerable), res.refusedWrongly,
		res.refused, res.unanswerable, 100*float64(res.refused)/float64(res.unanswerable))
	return res
}

func containsAny(text string, want []string) bool {
	for _, w := range want {
		if strings.Contains(strings.ToLower(text), strings.ToLower(w)) {
			return true
		}
	}
	return false
}

// The bundled sample alone, as a fresh install serves it: every answerable
// question, in every spelling, gets the right short cited answer, and at
// least 55 of the 60 unanswerable ones are refused.
func TestQualitySample(t *testing.T) {
	qs := loadQuestions(t, "sample-questions")
	if len(qs.Answerable) < 40 || len(qs.Unanswerable) < 10 {
		t.Fatalf("question set too small: %d answerable, %d unanswerable", len(qs.Answerable), len(qs.Unanswerable))
	}
	res := runQuality(t, knowledge.NewService(knowledge.Sample()), qs, failMisses)
	if share := float64(res.refused) / float64(res.unanswerable); share < 55.0/60 {
		t.Errorf("refused %.1f%% of unanswerable questions, want at least 55 of 60", 100*share)
	}
}

// The sample among 1,332 unrelated news articles: at least 90% answered
// correctly and concisely, at least 55 of 60 unanswerable ones refused, at
// most one answerable one refused.
func TestQualityWithDistractors(t *testing.T) {
	news, err := distractors()
	if err != nil {
		t.Skipf("no distractor corpus (../shared/data/news-dantri): %v", err)
	}
	qs := loadQuestions(t, "sample-questions")
	svc := knowledge.NewService(append(news, knowledge.Sample()...))
	res := runQuality(t, svc, qs, logMisses)
	if share := float64(res.answered) / float64(res.answerable); share < 0.9 {
		t.Errorf("answered %.1f%% correctly, want at least 90%%", 100*share)
	}
	if share := float64(res.refused) / float64(res.unanswerable); share < 55.0/60 {
		t.Errorf("refused %.1f%% of unanswerable questions, want at least 55 of 60", 100*share)
	}
	if res.refusedWrongly > len(variants) {
		t.Errorf("refused %d answerable questions (all spellings), want at most one question's worth", res.refusedWrongly)
	}
}

// The local-news set: three articles in the style of a provincial paper,
// full of figures, abbreviations, officials and quotes, with questions typed
// as people type on phones. Every answerable question gets the figure,
// name or quote whole, and near-miss questions are refused.
func TestQualityLocalNews(t *testing.T) {
	articles, err := knowledge.LoadPath(filepath.Join("testdata", "local-news", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	qs := loadQuestions(t, "local-news")
	res := runQuality(t, knowledge.NewService(articles), qs, logMisses)
	// Floors below which the answerer has regressed; the goal is 90% and 80%.
	if share := float64(res.answered) / float64(res.answerable); share < 0.7 {
		t.Errorf("answered %.1f%% correctly, want at least 70%%", 100*share)
	}
	if share := float64(res.refused) / float64(res.unanswerable); share < 0.5 {
		t.Errorf("refused %.1f%% of unanswerable questions, want at least 50%%", 100*share)
	}
}

var qualitySet = flag.String("quality.set", "", "a folder holding articles/ and questions.json: report how the answerer does on them among the news distractors")

// TestQualitySet tries the answerer on a question set of one's own, such as
// articles and questions written by someone who has not seen the answerer,
// among the news distractors when they are there. It asserts nothing.
//
//	go test ./knowledge -run TestQualitySet -quality.set DIR -v
func TestQualitySet(t *testing.T) {
	if *qualitySet == "" {
		t.Skip("runs with -quality.set DIR")
	}
	articles, qs := readSet(t, *qualitySet)
	t.Log("alone:")
	runQuality(t, knowledge.NewService(articles), qs, logMisses)
	if news, err := distractors(); err == nil {
		t.Log("among the news distractors:")
		runQuality(t, knowledge.NewService(append(news, articles...)), qs, logMisses)
	}
}

// readSet reads a folder holding articles/ and questions.json.
func readSet(t *testing.T, dir string) ([]knowledge.Article, questionSet) {
	t.Helper()
	articles, err := knowledge.LoadPath(filepath.Join(dir, "articles"))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := knowledge.ReadQuestionSet(filepath.Join(dir, "questions.json"))
	if err != nil {
		t.Fatal(err)
	}
	return articles, qs
}

// TestQualityHeldOut runs the held-out reader sets (testdata/heldout-news-*):
// articles and questions written by helpers who never saw the answerer,
// whose misses nobody has read. They tell whether rules fitted to the
// tuning sets carry over, so only totals are printed; a session that reads
// their misses moves the set to the tuning sets (reader-news-tNN) and
// writes a new one. The floors catch a regression.
func TestQualityHeldOut(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "heldout-news-*"))
	if err != nil || len(dirs) == 0 {
		t.Skip("no held-out sets")
	}
	var total qualityResult
	for _, dir := range dirs {
		articles, qs := readSet(t, dir)
		t.Log(filepath.Base(dir) + ":")
		res := runQuality(t, knowledge.NewService(articles), qs, quiet)
		total.answered += res.answered
		total.answerable += res.answerable
		total.refused += res.refused
		total.unanswerable += res.unanswerable
	}
	answered := float64(total.answered) / float64(total.answerable)
	refused := float64(total.refused) / float64(total.unanswerable)
	t.Logf("held out: answered %d/%d (%.1f%%), near misses refused %d/%d (%.1f%%)",
		total.answered, total.answerable, 100*answered, total.refused, total.unanswerable, 100*refused)
	if answered < 0.80 {
		t.Errorf("answered %.1f%% of the held-out questions, want at least 80%%", 100*answered)
	}
	if refused < 0.72 {
		t.Errorf("refused %.1f%% of the held-out near misses, want at least 72%%", 100*refused)
	}
}
