package knowledge

import (
	"math"
	"slices"
)

// The answerer compares the candidate sentences of every article it reads
// by one linear score over a few measured features, and refuses by one
// logistic function of the same features: the chance that the chosen
// sentence answers. Both sets of weights are fit on the tuning half of the
// quality harness (go test ./knowledge -run TestFit -quality.fit prints
// them); the test half is never used to fit.

// features are what is measured of a candidate sentence.
type features [numFeatures]float64

const (
	fBM25     = iota // the sentence's BM25 for the question, over the question's weight
	fSentence        // share of the question's weight the sentence holds
	fWindow          // share the sentence holds with its neighbours
	fPairs           // share of the question's adjacent word pairs standing together in it
	fArticle         // share the whole article holds (weighArticle)
	fKind            // holds the kind of answer wanted: a name, a number, a date, a place
	fMarkers         // holds the question's distinguishing marks ("Quyết định 1204")
	fFrame           // names what the question's frame asks for ("tỉnh nào": "tỉnh An Giang")
	fLong            // longer than an answer may be: it will be trimmed
	fAllWords        // share of all the question's syllables, stopwords too, the sentence holds
	fOrder           // the longest run of the question's content words found in the same order, over their number
	fNew             // how much the sentence says beyond the question (log of its other content words)
	fLocal           // share of the question's weight it holds, each word weighed again by how few of its article's sentences hold it
	fPhrase          // the heaviest run of the question's words standing together in it too, weighed as fLocal, over the question's weight
	fFocus           // share of the weight of the question's words its article's title lacks that it holds: what is asked about the topic
	fBack            // share the sentence holds with the one before when it refers back to it ("Điều này …"), else fSentence
	numFeatures
)

// featureNames are the constants' names, for printing fitted weights.
var featureNames = [numFeatures]string{"fBM25", "fSentence", "fWindow", "fPairs", "fArticle", "fKind", "fMarkers", "fFrame", "fLong", "fAllWords", "fOrder", "fNew", "fLocal", "fPhrase", "fFocus", "fBack"}

func indicator(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// bag is what a run of syllables holds: how often each exact and each
// folded syllable, and (when asked for) which folded pairs stand together.
type bag struct {
	exact, fold map[string]int
	pairs       map[[2]string]bool
	n           int
}

func newBag(toks []Token, withPairs bool) bag {
	b := bag{exact: make(map[string]int, len(toks)), fold: make(map[string]int, len(toks)), n: len(toks)}
	for _, t := range toks {
		b.exact[t.Exact]++
		b.fold[t.Fold]++
	}
	if withPairs {
		b.pairs = make(map[[2]string]bool, len(toks))
		for i := 1; i < len(toks); i++ {
			b.pairs[[2]string{toks[i-1].Fold, toks[i].Fold}] = true
		}
	}
	return b
}

// windowShare is share over a bag of the window's syllables, without
// building it: the window is read once per candidate.
func windowShare(q Query, content, window []Token) float64 {
	var total, got float64
	for i, t := range content {
		if slices.ContainsFunc(content[:i], func(u Token) bool { return u.Fold == t.Fold }) {
			continue
		}
		w := q.weight(t.Fold)
		total += w
		match := 0.0
		for _, u := range window {
			if u.Fold != t.Fold {
				continue
			}
			if u.Exact == t.Exact || !t.Marked {
				match = 1
				break
			}
			match = foldMatch
		}
		got += w * match
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// match is how much of a question's syllable the bag holds: 1 exactly, or
// folded when it was typed without diacritics; foldMatch when only its
// folded form is there; else 0.
func (b bag) match(t Token) float64 {
	switch {
	case b.exact[t.Exact] > 0 || !t.Marked && b.fold[t.Fold] > 0:
		return 1
	case b.fold[t.Fold] > 0:
		return foldMatch
	}
	return 0
}

// share is the part of the question's content weight that a bag holds.
func share(q Query, content []Token, b bag) float64 {
	var total, got float64
	seen := make(map[string]bool, len(content))
	for _, t := range content {
		if seen[t.Fold] {
			continue
		}
		seen[t.Fold] = true
		w := q.weight(t.Fold)
		total += w
		got += w * b.match(t)
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// pairShare is the share of the question's adjacent content syllables that
// stand together in a bag too.
func pairShare(q Query, content []Token, b bag) float64 {
	var total, got float64
	for i := 1; i < len(content); i++ {
		if content[i-1].End+1 < content[i].Start {
			continue // not adjacent in the question
		}
		w := q.weight(content[i-1].Fold) + q.weight(content[i].Fold)
		total += w
		if b.pairs[[2]string{content[i-1].Fold, content[i].Fold}] {
			got += w
		}
	}
	if total == 0 {
		return 0
	}
	return got / total
}

// model is a linear function of the features with a bias.
type model struct {
	bias    float64
	weights features
}

func (m model) apply(f features) float64 {
	s := m.bias
	for i, w := range m.weights {
		s += w * f[i]
	}
	return s
}

// rankModel orders candidate sentences: the highest answers.
var rankModel = model{weights: features{
	fBM25: 1.244, fSentence: -0.698, fWindow: 2.056, fPairs: 0.864, fArticle: 2.618, fKind: 1.634,
	fMarkers: 0.364, fFrame: 0.968, fLong: 0.116, fAllWords: 3.796, fOrder: -0.046, fNew: -1.333,
	fLocal: 0.812, fPhrase: 0.214, fFocus: 2.269, fBack: -0.363,
}}

// answerModel gives the log-odds that the chosen sentence answers.
var answerModel = model{bias: -4.291, weights: features{
	fBM25: -0.265, fSentence: -0.493, fWindow: -0.033, fPairs: 0.882, fArticle: 1.970, fKind: 1.301,
	fMarkers: 1.003, fFrame: 0.279, fLong: 0.207, fAllWords: 2.806, fOrder: 0.190, fNew: -1.288,
	fLocal: 1.193, fPhrase: 0.042, fFocus: 1.665, fBack: -0.560,
}}

// minAnswerOdds is the refusal's operating point: below these log-odds the
// answerer refuses.
var minAnswerOdds = -1.35

// allWords is the share of a question's syllables (stopwords too) that a
// bag holds, exactly, or folded when typed without diacritics: a paraphrase
// keeps the small words as well.
func allWords(question []Token, b bag) float64 {
	if len(question) == 0 {
		return 0
	}
	got := 0
	for _, t := range question {
		if b.match(t) == 1 {
			got++
		}
	}
	return float64(got) / float64(len(question))
}

// inOrder is the longest common subsequence of the question's content
// syllables and the sentence's, folded, over the content's length.
func inOrder(content, toks []Token) float64 {
	if len(content) == 0 {
		return 0
	}
	var buf [2 * 128]int // on the stack for a sentence of up to 127 syllables
	cells := buf[:0]
	if 2*(len(toks)+1) > len(buf) {
		cells = make([]int, 0, 2*(len(toks)+1))
	}
	cells = cells[:2*(len(toks)+1)]
	prev, cur := cells[:len(toks)+1], cells[len(toks)+1:]
	for _, c := range content {
		for j, t := range toks {
			if c.Fold == t.Fold {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(cur[j], prev[j+1])
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(toks)]) / float64(len(content))
}

// beyond is log(1+n) over log(50) for n, the sentence's content syllables
// the question lacks: what it says beyond what was asked.
func beyond(content, toks []Token) float64 {
	n := 0
	for _, t := range toks {
		if !IsStopword(t) && !slices.ContainsFunc(content, func(c Token) bool { return c.Fold == t.Fold }) {
			n++
		}
	}
	return math.Log1p(float64(n)) / math.Log(50)
}

// localWeights weighs each content word of the question again by how few of
// the sentences hold it: the bridge an article is about is in all of its
// sentences and tells none of them apart.
func localWeights(q Query, content []Token, sentences [][]Token) map[string]float64 {
	n := make(map[string]int, len(content))
	for _, toks := range sentences {
		seen := make(map[string]bool, len(toks))
		for _, t := range toks {
			seen[t.Fold] = true
		}
		for _, t := range content {
			if seen[t.Fold] {
				n[t.Fold]++
			}
		}
	}
	w := make(map[string]float64, len(content))
	all := float64(len(sentences))
	for _, t := range content {
		w[t.Fold] = q.weight(t.Fold) * math.Log(1+(all-float64(n[t.Fold])+0.5)/(float64(n[t.Fold])+0.5))
	}
	return w
}

// phrase is the heaviest run of two or more of the question's content
// syllables, adjacent in the question, that stand together in toks as well
// ("tổng mức đầu tư"), weighed by w, over the question's whole weight.
func phrase(w map[string]float64, content, toks []Token) float64 {
	var total float64
	for _, t := range content {
		total += w[t.Fold]
	}
	if total == 0 {
		return 0
	}
	var weightCells [2 * 128]float64 // on the stack for a sentence of up to 127 syllables
	var lengthCells [2 * 128]int
	runWeights, runLengths := weightCells[:0], lengthCells[:0]
	if 2*(len(toks)+1) > len(weightCells) {
		runWeights, runLengths = make([]float64, 0, 2*(len(toks)+1)), make([]int, 0, 2*(len(toks)+1))
	}
	runWeights, runLengths = runWeights[:2*(len(toks)+1)], runLengths[:2*(len(toks)+1)]
	prev, cur := runWeights[:len(toks)+1], runWeights[len(toks)+1:] // run weight ending at content[i-1], toks[j-1]
	prevLen, curLen := runLengths[:len(toks)+1], runLengths[len(toks)+1:]
	var best float64
	for i, c := range content {
		joined := i > 0 && content[i-1].End+1 >= c.Start
		for j, t := range toks {
			cur[j+1], curLen[j+1] = 0, 0
			if c.Fold != t.Fold {
				continue
			}
			cur[j+1], curLen[j+1] = w[c.Fold], 1
			if joined && prevLen[j] > 0 {
				cur[j+1], curLen[j+1] = prev[j]+w[c.Fold], prevLen[j]+1
			}
			if curLen[j+1] >= 2 {
				best = max(best, cur[j+1])
			}
		}
		prev, cur = cur, prev
		prevLen, curLen = curLen, prevLen
	}
	return best / total
}
