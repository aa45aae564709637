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
	rankDecay     = 0.05 // share of weight lost per passage rank
	clauseRunes   = 160  // a sentence longer than this is trimmed to clauses
	clauseKeepMin = 0.85 // a trimmed clause keeps at least this share of the sentence's evidence
)

var (
	reDate  = regexp.MustCompile(`\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\b(19|20)\d\d\b|(?i)\b(ngày|tháng|năm|giai đoạn|quý)\s+\d`)
	reDigit = regexp.MustCompile(`\d`)
	rePlace = regexp.MustCompile(`(^|\s|\()([Tt]ại|[Ởở]|[Xx]ã|[Hh]uyện|[Tt]ỉnh|[Tt]hành phố|[Tt]hị trấn|[Ấấ]p|[Pp]hường|[Qq]uận|[Nn]ước)\s+\p{Lu}`)
	reCode  = regexp.MustCompile(`\d+-[\p{Lu}]+(/[\p{Lu}]+)?`)
)

// bestSentence scores the sentences of the best passages and returns the
// winner, trimmed to the clause that answers.
//
// Words a follow-up borrows from its context help pick the sentence; the
// clause is cut around the question's own words.
func bestSentence(q Query, kind Kind, own, context []Token, passages []Passage) (candidate, bool) {
	content := append(own[:len(own):len(own)], context...)
	var total float64
	for _, t := range content {
		total += q.weight(t.Fold)
	}
	if total == 0 {
		return candidate{}, false
	}
	frames := frameTokens(q.Text, content)
	q = discountFrames(q, content, frames)
	names := namePairs(q.Text)
	title := foldPairs(passages[0].Article.Title)
	var best candidate
	for rank := range passages {
		p := &passages[rank]
		if p.Chunk.Paragraph < 0 {
			continue // a title is no answer
		}
		prior := 1 - rankDecay*float64(rank)
		prev := ""
		for _, s := range Sentences(p.Chunk.Text) {
			text := p.Chunk.Text[s.Start:s.End]
			before := prev
			prev = text
			toks := Tokenize(text)
			if !holdsNames(names, toks, title) {
				continue // the names asked about are elsewhere
			}
			score := matchScore(q, content, toks) * prior
			if score <= 0 {
				continue
			}
			if hasKind(kind, text, content) {
				score += kindBonus * total
			}
			if namesFrame(toks, content, frames) {
				score += kindBonus * total // "tỉnh nào" answered by "tỉnh An Giang"
			}
			if score > best.score {
				best = candidate{passage: p, sentence: text, before: before, score: score}
			}
		}
	}
	if best.passage == nil {
		return best, false
	}
	core := content
	if matchScore(q, own, Tokenize(best.sentence)) > 0 {
		core = own
	}
	best.clause = trimClause(q, kind, core, content, best.sentence)
	if kind == KindWho {
		best.clause = dropSpeechVerb(best.clause)
	}
	if best.before != "" && asksCause(q.Text) && startsWithConsequence(best.sentence) {
		// "Từ đó, …" answers with what came before it.
		best.sentence = best.before + " " + best.sentence
		best.clause = shorten(best.sentence, MaxAnswerRunes)
	}
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

var (
	cueCause           = cues("điều gì", "nhờ đâu", "nhờ gì", "vì sao", "tại sao", "do đâu", "why", "what made")
	consequenceOpeners = []string{"từ đó", "qua đó", "nhờ đó", "do đó", "vì vậy", "nhờ vậy", "bởi vậy", "vì thế"}
)

// asksCause reports whether a question asks what led to something.
func asksCause(question string) bool {
	q := " " + strings.Join(strings.Fields(strings.ToLower(NFC(question))), " ") + " "
	q = strings.NewReplacer("?", " ", ",", " ").Replace(q)
	return cueCause.in(q, true) || cueCause.in(" "+Fold(q)+" ", false)
}

// startsWithConsequence reports whether a sentence opens with "Từ đó",
// "Qua đó" and the like: its cause is the sentence before.
func startsWithConsequence(sentence string) bool {
	s := strings.ToLower(sentence)
	for _, o := range consequenceOpeners {
		if strings.HasPrefix(s, o) {
			return true
		}
	}
	return false
}

// hasKind reports whether text holds the kind of answer the question wants,
// beyond what the question itself says.
func hasKind(kind Kind, text string, content []Token) bool {
	switch kind {
	case KindWho:
		return hasNewName(text, content)
	case KindNumber:
		return hasQuantity(text, content)
	case KindWhen:
		return reDate.MatchString(text)
	case KindWhere:
		return rePlace.MatchString(text)
	case KindList:
		return reCode.MatchString(text)
	}
	return false
}

// hasNewName reports whether text has a run of two or more capitalised
// syllables, not all of them from the question: a person's or a body's name.
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
			if run >= 2 && fresh >= 1 {
				return true
			}
			continue
		}
		run, fresh = 0, 0
	}
	return false
}

// discountFrames lowers the weight of the words that name the kind of
// answer ("làm gì", "tỉnh nào"): a sentence need not repeat them.
func discountFrames(q Query, content []Token, frames map[int]bool) Query {
	if len(frames) == 0 || q.Weights == nil {
		return q
	}
	w := make(map[string]float64, len(q.Weights))
	for k, v := range q.Weights {
		w[k] = v
	}
	for _, t := range content {
		if frames[t.Start] {
			w[t.Fold] *= frameWeight
		}
	}
	q.Weights = w
	return q
}

// foldPairs returns the folded syllable pairs of a text.
func foldPairs(text string) map[string]bool {
	toks := Tokenize(text)
	pairs := make(map[string]bool, len(toks))
	for i := 1; i < len(toks); i++ {
		pairs[toks[i-1].Fold+" "+toks[i].Fold] = true
	}
	return pairs
}

// holdsNames reports whether a sentence (or its article's title) holds
// every name of the question whole.
func holdsNames(names [][2]Token, toks []Token, title map[string]bool) bool {
	if len(names) == 0 {
		return true
	}
	have := map[string]bool{}
	for i := 1; i < len(toks); i++ {
		have[toks[i-1].Fold+" "+toks[i].Fold] = true
	}
	for _, n := range names {
		key := n[0].Fold + " " + n[1].Fold
		if !have[key] && !title[key] {
			return false
		}
	}
	return true
}

// namesFrame reports whether a sentence follows a word that names the kind
// of answer wanted ("tỉnh" of "tỉnh nào") with a name or number the
// question does not hold: "(tỉnh An Giang)".
func namesFrame(toks []Token, content []Token, frames map[int]bool) bool {
	var frame []Token // the frame's syllables, in order ("đơn vị")
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
		if frames[t.Start] {
			frame = append(frame, t)
		}
	}
	if len(frame) == 0 {
		return false
	}
	for i := len(frame); i < len(toks); i++ {
		next := toks[i]
		if !(next.Upper || next.Number) || asked[next.Fold] {
			continue
		}
		match := true
		for j, f := range frame {
			t := toks[i-len(frame)+j]
			if t.Fold != f.Fold || f.Marked && t.Exact != f.Exact {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// isYear reports whether a number is a year ("năm 2023", "2023 - 2025").
func isYear(text string, t Token) bool {
	if len(t.Exact) != 4 || !(strings.HasPrefix(t.Exact, "19") || strings.HasPrefix(t.Exact, "20")) {
		return false
	}
	before := strings.ToLower(text[:t.Start])
	return strings.HasSuffix(before, "năm ") || strings.HasSuffix(before, "- ") || strings.HasSuffix(before, "đoạn ") ||
		strings.HasPrefix(text[t.End:], " -") || strings.HasPrefix(text[t.End:], "-")
}

// hasQuantity reports whether text holds a number that the question does
// not, and that is no part of a code such as "05-CT/TW".
func hasQuantity(text string, content []Token) bool {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Exact] = true
	}
	for _, t := range Tokenize(text) {
		if !t.Number || asked[t.Exact] || isYear(text, t) {
			continue
		}
		if t.End < len(text) && strings.ContainsRune("-/", rune(text[t.End])) || t.Start > 0 && strings.ContainsRune("-/", rune(text[t.Start-1])) {
			continue
		}
		return true
	}
	return false
}

// clause is a run of a sentence between commas (weak) or between ';', ':'
// and the sentence's ends (strong). Commas inside quotes or brackets do
// not split.
type clause struct {
	Span
	strongEnd bool // ends at ';', ':' or the sentence end
}

func clauses(sentence string) []clause {
	var out []clause
	start, depth := 0, 0
	add := func(end int, strong bool) {
		sp := appendSpan(nil, sentence, start, end)
		if len(sp) == 1 {
			out = append(out, clause{sp[0], strong})
		} else if strong && len(out) > 0 {
			out[len(out)-1].strongEnd = true
		}
		start = end
	}
	for i, r := range sentence {
		switch r {
		case '“', '(', '[':
			depth++
		case '”', ')', ']':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 {
				add(i+1, false)
			}
		case ';', ':':
			add(i+1, true)
			depth = 0
		}
	}
	add(len(sentence), true)
	return out
}

// trimClause returns the part of a sentence that answers: from the clause
// where the question's words start to the end of their strong clause, which
// is where Vietnamese puts the new information, trimmed at commas to
// MaxAnswerRunes. A short sentence is returned whole.
//
// core are the words the clause is cut around; known are all the words the
// asker already has (a follow-up's context too).
func trimClause(q Query, kind Kind, content, known []Token, sentence string) string {
	pointed := kind == KindWho || kind == KindNumber || kind == KindWhen || kind == KindWhere
	if utf8.RuneCountInString(sentence) <= clauseRunes && !pointed {
		return sentence
	}
	cs := clauses(sentence)
	text := func(i, j int) string { return sentence[cs[i].Start:cs[j].End] }
	evidence := func(t string) float64 { return matchScore(q, content, Tokenize(t)) }
	// The shortest run of clauses that keeps nearly all the evidence.
	full := evidence(sentence)
	ci, cj := 0, len(cs)-1
	for i := range cs {
		for j := i; j < len(cs); j++ {
			if j-i >= cj-ci {
				break
			}
			if evidence(text(i, j)) >= clauseKeepMin*full {
				ci, cj = i, j
				break
			}
		}
	}
	// A list starts where its items do ("Chỉ thị 05-CT/TW…") and runs on.
	if kind == KindList {
		for i := range cs {
			if reCode.MatchString(text(i, i)) {
				ci, cj = i, max(i, min(cj, i))
				break
			}
		}
	}
	// Reach the kind of answer wanted (a name, a number, a date) when the
	// core lacks it and a neighbouring clause has it.
	if kind != KindWhat && kind != KindList && !hasKind(kind, text(ci, cj), content) {
		for d := 1; d <= 2; d++ {
			if cj+d < len(cs) && hasKind(kind, text(cj+d, cj+d), content) {
				cj += d
				break
			}
			if ci-d >= 0 && hasKind(kind, text(ci-d, ci-d), content) {
				ci -= d
				break
			}
		}
	}
	// A clause closed by ';' or ':' before the core's own belongs to the
	// thought before it.
	for ci < cj && cs[ci].strongEnd && !hasKind(kind, text(ci, ci), content) {
		ci++
	}
	// A name, number, date or place asked for and found: that is the answer.
	if pointed && hasKind(kind, text(ci, cj), content) {
		return shorten(text(ci, cj), MaxAnswerRunes)
	}
	// Run on to the end of the strong clause, and past it when the answer
	// would say little beyond the question ("… nhấn mạnh:" and the quote);
	// then give back commas until the answer fits (keeping at least one
	// clause past the core).
	end := cj
	for end < len(cs)-1 && !cs[end].strongEnd {
		end++
	}
	if end < len(cs)-1 && kind == KindWhat && newWords(text(ci, end), known) < 3 {
		for end++; end < len(cs)-1 && !cs[end].strongEnd; end++ {
		}
	}
	for end > cj+1 && utf8.RuneCountInString(text(ci, end)) > MaxAnswerRunes {
		end--
	}
	return shorten(text(ci, end), MaxAnswerRunes)
}

// speechVerbs follow a speaker's name: "… Lê Phước Dũng nhấn mạnh:".
var speechVerbs = []string{"nhấn mạnh", "cho biết", "phát biểu", "khẳng định", "chia sẻ", "nói", "thông tin", "cho rằng", "nhận định", "đề nghị", "yêu cầu"}

// dropSpeechVerb ends a who-answer at the name when only a verb of saying
// follows it: "Bí thư Huyện ủy Châu Thành Lê Phước Dũng".
func dropSpeechVerb(clause string) string {
	trimmed := strings.TrimRight(clause, " :,;.")
	for _, v := range speechVerbs {
		head, ok := strings.CutSuffix(trimmed, " "+v)
		if !ok {
			continue
		}
		if toks := Tokenize(head); len(toks) > 0 && toks[len(toks)-1].Upper {
			return head
		}
	}
	return clause
}

// newWords counts the content syllables of text that the question does not
// have: what an answer adds.
func newWords(text string, content []Token) int {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
	}
	n := 0
	for _, t := range Tokenize(text) {
		if !asked[t.Fold] && !IsStopword(t) {
			n++
		}
	}
	return n
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
