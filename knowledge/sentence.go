package knowledge

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// Scoring of sentences within the best passages (GUIDE §4b).
const (
	foldMatch     = 0.75 // a syllable matched only without diacritics
	bigramBonus   = 0.5  // share of a pair's weight when the pair stands together
	kindBonus     = 0.6  // share of the question's weight for holding the wanted kind of answer
	rankDecay     = 0.15 // share of weight lost per passage rank
	clauseRunes   = 160  // a sentence longer than this is trimmed to clauses
	clauseKeepMin = 0.85 // a trimmed clause keeps at least this share of the sentence's evidence
)

var (
	reDate  = regexp.MustCompile(`\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\b(19|20)\d\d\b|(?i)\b(ngày|tháng|năm|giai đoạn|quý)\s+\d`)
	reDigit = regexp.MustCompile(`\d`)
	rePlace = regexp.MustCompile(`(?i)\b(tại|ở|xã|huyện|tỉnh|thành phố|thị trấn|ấp|phường|quận)\s+\p{Lu}`)
	reCode  = regexp.MustCompile(`\d+-[\p{Lu}]+(/[\p{Lu}]+)?`)
)

// bestSentence scores the sentences of the best passages and returns the
// winner, trimmed to the clause that answers.
func bestSentence(q Query, kind Kind, content []Token, passages []Passage) (candidate, bool) {
	var total float64
	for _, t := range content {
		total += q.weight(t.Fold)
	}
	if total == 0 {
		return candidate{}, false
	}
	var best candidate
	for rank := range passages {
		p := &passages[rank]
		if p.Chunk.Paragraph < 0 {
			continue // a title is no answer
		}
		prior := 1 - rankDecay*float64(rank)
		for _, s := range Sentences(p.Chunk.Text) {
			text := p.Chunk.Text[s.Start:s.End]
			toks := Tokenize(text)
			score := matchScore(q, content, toks) * prior
			if score <= 0 {
				continue
			}
			if hasKind(kind, text, content) {
				score += kindBonus * total
			}
			if score > best.score {
				best = candidate{passage: p, sentence: text, score: score}
			}
		}
	}
	if best.passage == nil {
		return best, false
	}
	best.clause = trimClause(q, kind, content, best.sentence)
	return best, true
}

// matchScore sums the weights of the question's content syllables found in a
// sentence (exact above folded) and rewards pairs that stand together.
func matchScore(q Query, content []Token, toks []Token) float64 {
	exact := make(map[string]bool, len(toks))
	fold := make(map[string]bool, len(toks))
	pairs := make(map[string]bool, len(toks))
	for i, t := range toks {
		exact[t.Exact] = true
		fold[t.Fold] = true
		if i > 0 {
			pairs[toks[i-1].Fold+" "+t.Fold] = true
		}
	}
	var score float64
	for i, t := range content {
		w := q.weight(t.Fold)
		switch {
		case exact[t.Exact]:
			score += w
		case fold[t.Fold]:
			score += w * foldMatch
		}
		if i > 0 && pairs[content[i-1].Fold+" "+t.Fold] {
			score += bigramBonus * (w + q.weight(content[i-1].Fold)) / 2
		}
	}
	return score
}

// hasKind reports whether text holds the kind of answer the question wants,
// beyond what the question itself says.
func hasKind(kind Kind, text string, content []Token) bool {
	switch kind {
	case KindWho:
		return hasNewName(text, content)
	case KindNumber:
		return reDigit.MatchString(stripQuestionWords(text, content))
	case KindWhen:
		return reDate.MatchString(text)
	case KindWhere:
		return rePlace.MatchString(text)
	case KindList:
		return reCode.MatchString(text) || strings.Count(text, ",") >= 2
	}
	return false
}

// hasNewName reports whether text has a run of two or more capitalised
// syllables, not all of them from the question: a person's name.
func hasNewName(text string, content []Token) bool {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
	}
	run, fresh := 0, 0
	for _, t := range Tokenize(text) {
		if t.Upper && !t.Number {
			run++
			if !asked[t.Fold] {
				fresh++
			}
			if run >= 2 && fresh >= 2 {
				return true
			}
			continue
		}
		run, fresh = 0, 0
	}
	return false
}

func stripQuestionWords(text string, content []Token) string {
	for _, t := range content {
		if t.Number {
			text = strings.ReplaceAll(text, t.Exact, "")
		}
	}
	return text
}

// clauseSpans splits a sentence at ';', ':' and ',' (and the quotes around
// a quotation), keeping each delimiter with the clause before it.
func clauseSpans(sentence string) []Span {
	var spans []Span
	start := 0
	for i, r := range sentence {
		if r == ';' || r == ':' || r == ',' || r == '“' {
			if end := i + utf8.RuneLen(r); r != '“' {
				spans = appendSpan(spans, sentence, start, end)
				start = end
			} else if i > start {
				spans = appendSpan(spans, sentence, start, i)
				start = i
			}
		}
	}
	return appendSpan(spans, sentence, start, len(sentence))
}

// trimClause returns the shortest run of clauses that keeps nearly all of
// the sentence's evidence (and the wanted kind of answer), or the sentence
// itself when it is short already.
func trimClause(q Query, kind Kind, content []Token, sentence string) string {
	if utf8.RuneCountInString(sentence) <= clauseRunes {
		return sentence
	}
	spans := clauseSpans(sentence)
	evidence := func(text string) float64 {
		s := matchScore(q, content, Tokenize(text))
		if hasKind(kind, text, content) {
			s += kindBonus * s
		}
		return s
	}
	full := evidence(sentence)
	bestText, bestLen := sentence, utf8.RuneCountInString(sentence)
	for i := range spans {
		for j := i; j < len(spans); j++ {
			text := sentence[spans[i].Start:spans[j].End]
			n := utf8.RuneCountInString(text)
			if n >= bestLen {
				break
			}
			if evidence(text) >= clauseKeepMin*full {
				bestText, bestLen = text, n
				break
			}
		}
	}
	if kind == KindList {
		bestText = extendList(sentence, bestText)
	}
	return shorten(bestText, MaxAnswerRunes)
}

// extendList grows a clause to the right while the sentence goes on listing,
// within MaxAnswerRunes.
func extendList(sentence, clause string) string {
	i := strings.Index(sentence, clause)
	if i < 0 {
		return clause
	}
	end := i + len(clause)
	for _, s := range clauseSpans(sentence[end:]) {
		next := sentence[i : end+s.End]
		if utf8.RuneCountInString(next) > MaxAnswerRunes {
			break
		}
		clause = next
	}
	return clause
}

// shorten cuts text to at most n runes at a clause or word boundary.
func shorten(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := 0
	for i := range text {
		if utf8.RuneCountInString(text[:i]) > n-1 {
			break
		}
		cut = i
	}
	head := text[:cut]
	if k := strings.LastIndexAny(head, ",;:"); k > len(head)/2 {
		return strings.TrimSpace(head[:k]) + "…"
	}
	if k := strings.LastIndexByte(head, ' '); k > 0 {
		return strings.TrimSpace(head[:k]) + "…"
	}
	return head + "…"
}
