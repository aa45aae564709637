package knowledge

import (
	"flag"
	"fmt"
	"maps"
	"math"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

var qualityFit = flag.Bool("quality.fit", false, "fit the answerer's ranking and refusal models on the ViQA tuning half and print them")

// candidates returns every sentence that may answer from the articles
// behind the best passages, with its features, as the fit compares them;
// an article contradicted by the question has none. bestCandidate reads
// fewer articles whole and must choose what pick(candidates(…)) does.
func candidates(q Query, kind Kind, content, context []Token, passages []Passage) []candidate {
	ask := analyse(q, kind, content, context)
	var out []candidate
	for _, group := range byArticle(passages, articlesRead) {
		ev := weighArticle(q, content, group[0].Article)
		if ev.contradicted {
			continue
		}
		for _, c := range ask.sentenceCandidates(group) {
			c.features[fArticle] = ev.coverage
			out = append(out, c)
		}
	}
	return out
}

// pick returns the candidate rankModel scores highest; false when there
// is none.
func pick(cands []candidate) (candidate, bool) {
	var best candidate
	for _, c := range cands {
		if c.score = rankModel.apply(c.features); best.passage == nil || c.score > best.score {
			best = c
		}
	}
	return best, best.passage != nil
}

// fitQuestion is one question's candidates as the answerer sees them, and
// which of them hold a gold answer.
type fitQuestion struct {
	cands []candidate
	gold  []bool
	golds []string // none: the question has no answer here
	// weight counts the question more than once in a fit: the news-style
	// sets are few but what the bot mostly serves.
	weight float64
}

// collectCandidates asks every question of qs of svc's index the way the
// service does, and returns the candidates the answerer would compare.
func collectCandidates(svc *Service, qs []evalQuestion) []fitQuestion {
	ix := svc.Index()
	out := make([]fitQuestion, 0, len(qs))
	for _, eq := range qs {
		text := ExpandChat(NFC(eq.text))
		q := Query{Text: text}
		ix.weigh(&q)
		kind := Classify(text)
		content := contentTokens(Tokenize(text), kind)
		fq := fitQuestion{golds: eq.gold, weight: 1}
		if !kind.isMeta() {
			for _, c := range candidates(q, kind, content, nil, ix.Search(searchText(text), svc.topK)) {
				fq.cands = append(fq.cands, c)
				fq.gold = append(fq.gold, containsGold(c.sentence, eq.gold))
			}
		}
		out = append(out, fq)
	}
	return out
}

// fitRanker fits rankModel's weights by softmax regression: the candidates
// holding a gold answer should outscore the others of their question.
func fitRanker(data []fitQuestion, start model) model {
	w := start.weights
	const rate, l2, rounds = 0.2, 0.001, 3000
	for round := 0; round < rounds; round++ {
		var grad features
		n := 0.0
		for _, q := range data {
			hasGold, hasOther := false, false
			for _, g := range q.gold {
				hasGold, hasOther = hasGold || g, hasOther || !g
			}
			if !hasGold || !hasOther {
				continue
			}
			n += q.weight
			scores := make([]float64, len(q.cands))
			top := math.Inf(-1)
			for i, c := range q.cands {
				scores[i] = model{weights: w}.apply(c.features)
				top = max(top, scores[i])
			}
			var all, gold float64
			for i, s := range scores {
				e := math.Exp(s - top)
				scores[i] = e
				all += e
				if q.gold[i] {
					gold += e
				}
			}
			// d(-log(gold/all))/dw = E_all[f] - E_gold[f]
			for i, c := range q.cands {
				f := c.features
				p := scores[i] / all
				pg := 0.0
				if q.gold[i] {
					pg = scores[i] / gold
				}
				for k := range grad {
					grad[k] += q.weight * (p - pg) * f[k]
				}
			}
		}
		for k := range w {
			w[k] -= rate * (grad[k]/n + l2*w[k])
		}
	}
	return model{weights: w}
}

// chosen is the candidate a ranker picks for one question, and whether it
// holds a gold answer; ok is false when there is none.
type chosen struct {
	f        features
	ok, good bool
	weight   float64
}

// choose picks as the answerer does, with rankModel.
func choose(q fitQuestion) chosen {
	best, ok := pick(q.cands)
	return chosen{f: best.features, ok: ok, good: ok && len(q.golds) > 0 && containsGold(best.sentence, q.golds), weight: q.weight}
}

// fitAnswer fits answerModel by logistic regression: does the chosen
// candidate hold the answer?
func fitAnswer(picks []chosen) model {
	var m model
	const rate, l2, rounds = 0.5, 0.001, 5000
	for round := 0; round < rounds; round++ {
		var gb float64
		var gw features
		n := 0.0
		for _, c := range picks {
			if !c.ok {
				continue
			}
			n += c.weight
			p := 1 / (1 + math.Exp(-m.apply(c.f)))
			y := 0.0
			if c.good {
				y = 1
			}
			gb += c.weight * (p - y)
			for k := range gw {
				gw[k] += c.weight * (p - y) * c.f[k]
			}
		}
		m.bias -= rate * gb / n
		for k := range m.weights {
			m.weights[k] -= rate * (gw[k]/n + l2*m.weights[k])
		}
	}
	return m
}

// TestFit fits the answerer's two models on the ViQA tuning half and prints
// them with the refusal's operating points, for features.go. It asserts
// nothing: it is how the weights there were made.
func TestFit(t *testing.T) {
	if !*qualityFit {
		t.Skip("fitting runs with -quality.fit")
	}
	set, err := loadViqaSet()
	if err != nil {
		t.Skipf("viqa-dev absent (%v)", err)
	}
	answerable := collectCandidates(NewService(set.articles), set.tune)
	news, newsNone := newsStyleSets(t)
	answerable = append(answerable, news...)
	ranker := fitRanker(answerable, model{weights: features{fBM25: 1}})
	defer func(m model) { rankModel = m }(rankModel)
	rankModel = ranker

	byArticle := map[string][]evalQuestion{}
	for _, q := range set.tune {
		byArticle[q.article] = append(byArticle[q.article], q)
	}
	var removed []fitQuestion
	for _, id := range slices.Sorted(maps.Keys(byArticle)) {
		qs := byArticle[id]
		var rest []Article
		for _, a := range set.articles {
			if a.ID != id {
				rest = append(rest, a)
			}
		}
		removed = append(removed, collectCandidates(NewService(rest), qs)...)
	}
	var picks, picksAnswerable, picksRemoved, picksNews, picksNewsNone []chosen
	for i, q := range answerable {
		if i < len(set.tune) {
			picksAnswerable = append(picksAnswerable, choose(q))
		} else {
			picksNews = append(picksNews, choose(q))
		}
	}
	for _, q := range removed {
		picksRemoved = append(picksRemoved, choose(q))
	}
	for _, q := range newsNone {
		picksNewsNone = append(picksNewsNone, choose(q))
	}
	picks = append(append(append(append(picks, picksAnswerable...), picksRemoved...), picksNews...), picksNewsNone...)
	answer := fitAnswer(picks)

	show := func(name string, m model) {
		var b strings.Builder
		fmt.Fprintf(&b, "%s = model{bias: %.3f, weights: features{", name, m.bias)
		for k, w := range m.weights {
			fmt.Fprintf(&b, "%s: %.3f, ", featureNames[k], w)
		}
		t.Log(strings.TrimSuffix(b.String(), ", ") + "}}")
	}
	show("rankModel", ranker)
	show("answerModel", answer)
	t.Logf("%8s | %9s %9s | %9s %9s | %9s %9s %9s | %s", "odds ≥", "ans right", "refused", "rem refus", "rem right",
		"news right", "refused", "none refus", "utility")
	bestOdds, bestUtility := 0.0, math.Inf(-1)
	for step := -60; step <= 60; step++ {
		odds := float64(step) / 20 // every 0.05; a row printed every 0.25
		count := func(cs []chosen) (right, wrong, refused float64) {
			for _, c := range cs {
				switch {
				case !c.ok || answer.apply(c.f) < odds:
					refused++
				case c.good:
					right++
				default:
					wrong++
				}
			}
			return
		}
		ar, aw, af := count(picksAnswerable)
		rr, rw, rf := count(picksRemoved)
		nr, nw, nf := count(picksNews)
		ur, uw, uf := count(picksNewsNone)
		// A right answer gains 1, a wrong one costs 1, refusing a question
		// that has an answer costs half of that; the news-style questions
		// count newsWeight times.
		utility := ar + rr - aw - rw - refusalCost*af + newsWeight*(nr+ur-nw-uw-refusalCost*nf)
		if af/float64(len(picksAnswerable)) <= refusalBudget && utility > bestUtility {
			bestOdds, bestUtility = odds, utility
		}
		if step%5 != 0 {
			continue
		}
		n, m := float64(len(picksAnswerable)), float64(len(picksRemoved))
		t.Logf("%8.2f | %8.1f%% %8.1f%% | %8.1f%% %8.1f%% | %8.1f%% %8.1f%% %8.1f%% | %.0f", odds, 100*ar/n, 100*af/n,
			100*rf/m, 100*rr/m, 100*nr/float64(len(picksNews)), 100*nf/float64(len(picksNews)),
			100*uf/float64(len(picksNewsNone)), utility)
	}
	t.Logf("minAnswerOdds = %.2f (the highest utility that refuses at most %.0f%% of the answerable ViQA questions)", bestOdds, 100*refusalBudget)
}

// refusalCost is what refusing an answerable question costs, against 1 for
// a wrong answer: a wrong answer with a citation is worse than a refusal.
const refusalCost = 0.5

// refusalBudget bounds the share of the tuning half's answerable questions
// refused: refusals must stay rare, about one in eight at most. Without it
// the utility would refuse far more, as a question asked with its article
// removed is answered wrongly more often than right.
const refusalBudget = 0.13

// newsWeight is how many ViQA questions one question of the news-style
// sets counts for in a fit.
const newsWeight = 1

// newsSets are the folders of testdata holding articles in the style of a
// provincial paper with readers' questions: the team's own, and those
// written by people who had not seen the answerer.
func newsSets(t *testing.T) []string {
	readers, err := filepath.Glob(filepath.Join("testdata", "reader-news-*"))
	if err != nil {
		t.Fatal(err)
	}
	sets := []string{"local-news"}
	for _, dir := range readers {
		sets = append(sets, filepath.Base(dir))
	}
	return sets
}

// newsStyleSets are the sample article's and the news sets'
// questions, as written and without diacritics: those with an answer, and
// those without.
func newsStyleSets(t *testing.T) (answerable, unanswerable []fitQuestion) {
	type set struct {
		dir      string
		articles []Article
	}
	sets := []set{{"sample-questions", Sample()}}
	for _, dir := range newsSets(t) {
		articles, err := LoadPath(filepath.Join("testdata", dir, "articles"))
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set{dir, articles})
	}
	for _, set := range sets {
		qs, err := LoadQuestionSet(set.dir)
		if err != nil {
			t.Fatal(err)
		}
		var with, without []evalQuestion
		for _, q := range qs.Answerable {
			for _, text := range []string{q.Q, Fold(q.Q)} {
				with = append(with, evalQuestion{text: text, gold: q.Expect})
			}
		}
		for _, q := range qs.Unanswerable {
			for _, text := range []string{q.Q, Fold(q.Q)} {
				without = append(without, evalQuestion{text: text})
			}
		}
		svc := NewService(set.articles)
		for _, fq := range collectCandidates(svc, with) {
			fq.weight = newsWeight
			answerable = append(answerable, fq)
		}
		for _, fq := range collectCandidates(svc, without) {
			fq.weight = newsWeight
			unanswerable = append(unanswerable, fq)
		}
	}
	return answerable, unanswerable
}
