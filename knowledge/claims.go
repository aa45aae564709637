package knowledge

import (
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A generated answer can cite a passage that does not say what the
// sentence claims. CheckClaims reads the answer sentence by sentence, finds
// the facts each states (claimfacts.go) and looks for them in the passages
// it cites: a fact found only in another passage the model was sent moves
// the citation there; a sentence with a fact found in no passage is
// dropped.

// How a citation of a generated answer was checked (Citation.Support).
const (
	// SupportVerified: the facts of the sentences citing the passage are
	// in it (or, for a sentence stating no checkable fact, its words are).
	SupportVerified = "verified"
	// SupportMoved: the model cited another passage; this one holds the facts.
	SupportMoved = "moved"
	// SupportUnchecked: the sentences citing it state no fact that could be
	// checked and share few words with it (e.g. an English paraphrase).
	SupportUnchecked = "unchecked"
)

// NoteUnsupported is the note on the extractive answer given when nothing
// the model wrote held up against the articles.
const NoteUnsupported = "Câu trả lời của mô hình không khớp với bài báo; đây là câu trả lời trích từ bài báo."

// ClaimSentence is one sentence of a checked answer.
type ClaimSentence struct {
	Text    string // as written, markers included
	Cited   []int  // passage numbers the model cited for it
	Facts   []Fact
	Missing []Fact // facts found in no passage: the sentence is dropped
	Final   []int  // passage numbers cited after the check

	lean int // the sentence whose citation an unmarked one rests on, or -1
}

// Dropped reports whether the check removed the sentence.
func (s ClaimSentence) Dropped() bool { return len(s.Missing) > 0 }

// Moved reports whether the check changed the sentence's citations.
func (s ClaimSentence) Moved() bool { return !s.Dropped() && !equalInts(s.Cited, s.Final) }

// ClaimCheck is the outcome of checking an answer against its passages.
type ClaimCheck struct {
	// Text is the answer with unsupported sentences removed and citations
	// moved; "" when nothing with a citation remains.
	Text string
	// Support says, by passage number, how each passage Text cites was checked.
	Support   map[int]string
	Sentences []ClaimSentence
}

// claimMarkerRE matches one citation marker "[n]" and the spaces before
// it; leadingMarkersRE the markers that open a text.
var (
	claimMarkerRE    = regexp.MustCompile(`\s*\[(\d{1,3})\]`)
	leadingMarkersRE = regexp.MustCompile(`^(\s*\[\d{1,3}\])+`)
)

// CheckClaims checks answer, whose "[n]" markers cite passages[n-1], and
// returns it corrected. Markers must already be one number each ("[1][2]").
func CheckClaims(answer string, passages []Passage) ClaimCheck {
	evs := make([]evidence, len(passages))
	for i, p := range passages {
		evs[i] = newEvidence(p)
	}
	parts := splitAnswer(answer)
	out := ClaimCheck{Support: map[int]string{}}
	for i, part := range parts {
		s := ClaimSentence{Text: part.text, Cited: inRange(citedNumbers(part.text), len(passages))}
		s.Facts = Facts(claimMarkerRE.ReplaceAllString(part.text, ""))
		cited := s.Cited
		s.lean = -1
		if len(cited) == 0 { // "A. B [1]." : A rests on B's citation
			for j := i + 1; j < len(parts); j++ {
				if cited = inRange(citedNumbers(parts[j].text), len(passages)); len(cited) > 0 {
					s.lean = j
				}
				if len(cited) > 0 || parts[j-1].paragraph {
					break
				}
			}
		}
		s.Final, s.Missing = cover(s.Facts, cited, evs)
		if len(s.Cited) == 0 && equalInts(s.Final, cited) {
			s.Final = nil // it kept the citation it leant on: leave it unmarked
		}
		out.Sentences = append(out.Sentences, s)
	}
	var b strings.Builder
	sep := ""
	verified, moved := map[int]bool{}, map[int]bool{}
	for i, s := range out.Sentences {
		if s.Dropped() {
			continue
		}
		text := parts[i].text
		if len(s.Cited) == 0 && s.lean >= 0 && out.Sentences[s.lean].Dropped() {
			// What it rested on is gone: it carries the citation itself.
			s.Final, _ = cover(s.Facts, citedNumbers(parts[s.lean].text), evs)
			s.Cited = s.Final
			text = withMarkers(text, s.Final)
		}
		if !equalInts(s.Cited, s.Final) {
			text = withMarkers(text, s.Final)
		}
		if b.Len() > 0 {
			b.WriteString(sep)
		}
		b.WriteString(text)
		sep = parts[i].sep
		for _, n := range s.Final {
			if contains(s.Cited, n) {
				if len(s.Facts) > 0 || wordsOverlap(text, evs[n-1]) {
					verified[n] = true
				}
			} else {
				moved[n] = true
			}
		}
	}
	text := strings.TrimSpace(b.String())
	final := inRange(citedNumbers(text), len(passages))
	if len(final) == 0 {
		return out
	}
	out.Text = text
	for _, n := range final {
		switch {
		case verified[n]:
			out.Support[n] = SupportVerified
		case moved[n]:
			out.Support[n] = SupportMoved
		default:
			out.Support[n] = SupportUnchecked
		}
	}
	return out
}

// cover finds the passages that hold a sentence's facts: the cited ones
// that hold every fact; else a sent passage that does; else the cited ones
// that hold any, with passages of the same articles for the rest. Facts
// are not patched together from articles the model did not cite ("in 2022"
// from one article and "6.8%" from another make no sentence of either): a
// fact no allowed passage holds is missing, and the sentence is dropped. A
// sentence without facts keeps its citations.
func cover(facts []Fact, cited []int, evs []evidence) (final []int, missing []Fact) {
	if len(facts) == 0 {
		return cited, nil
	}
	holders := make([][]int, len(facts))
	count := make([]int, len(evs)+1) // by passage number: how many facts it holds
	for i, f := range facts {
		for n := range evs {
			if evs[n].holds(f) {
				holders[i] = append(holders[i], n+1)
				count[n+1]++
			}
		}
	}
	for _, n := range cited {
		if count[n] == len(facts) {
			final = append(final, n)
		}
	}
	if len(final) > 0 {
		sort.Ints(final)
		return final, nil
	}
	for n := 1; n <= len(evs); n++ {
		if count[n] == len(facts) {
			return []int{n}, nil
		}
	}
	// A patchwork: from the cited passages that hold facts and the
	// passages of their articles; when no cited passage holds any, from
	// the one article that holds them all.
	allowed := map[string]bool{}
	for _, n := range cited {
		if count[n] > 0 {
			allowed[evs[n-1].article] = true
		}
	}
	if len(allowed) == 0 {
		art, ok := oneArticle(facts, holders, evs)
		if !ok {
			return nil, facts
		}
		allowed[art] = true
	}
	covered := make([]bool, len(facts))
	use := func(n int) {
		if !contains(final, n) {
			final = append(final, n)
		}
		for i := range facts {
			if contains(holders[i], n) {
				covered[i] = true
			}
		}
	}
	for _, n := range cited {
		if count[n] > 0 {
			use(n)
		}
	}
	for !allTrue(covered) {
		best, bestCount := 0, 0
		for n := 1; n <= len(evs); n++ {
			if !allowed[evs[n-1].article] {
				continue
			}
			c := 0
			for i := range facts {
				if !covered[i] && contains(holders[i], n) {
					c++
				}
			}
			if c > bestCount {
				best, bestCount = n, c
			}
		}
		if best == 0 {
			break
		}
		use(best)
	}
	for i, f := range facts {
		if !covered[i] {
			missing = append(missing, f)
		}
	}
	if len(missing) > 0 {
		return nil, missing
	}
	sort.Ints(final)
	return final, nil
}

// oneArticle returns the article whose sent passages hold every fact.
func oneArticle(facts []Fact, holders [][]int, evs []evidence) (string, bool) {
	for n := range evs {
		art := evs[n].article
		all := true
		for i := range facts {
			found := false
			for _, h := range holders[i] {
				found = found || evs[h-1].article == art
			}
			all = all && found
		}
		if all {
			return art, true
		}
	}
	return "", false
}

func allTrue(bs []bool) bool {
	for _, b := range bs {
		if !b {
			return false
		}
	}
	return true
}

// wordsOverlap reports whether most of a sentence's syllables are in the
// passage: the check for a sentence that states no fact.
func wordsOverlap(sentence string, ev evidence) bool {
	toks := Tokenize(claimMarkerRE.ReplaceAllString(sentence, ""))
	n, in := 0, 0
	for _, t := range toks {
		if t.Number || len(t.Fold) < 2 {
			continue
		}
		n++
		if strings.Contains(ev.folded, " "+t.Fold+" ") {
			in++
		}
	}
	return n > 0 && 2*in >= n
}

// citedNumbers returns the passage numbers text cites, in order, each once.
func citedNumbers(text string) []int {
	var out []int
	for _, m := range claimMarkerRE.FindAllStringSubmatch(text, -1) {
		if n, err := strconv.Atoi(m[1]); err == nil && !contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// withMarkers replaces a sentence's markers with ns, placed before its
// closing punctuation.
func withMarkers(text string, ns []int) string {
	text = strings.TrimSpace(claimMarkerRE.ReplaceAllString(text, ""))
	end := len(text)
	for end > 0 {
		r, size := utf8.DecodeLastRuneInString(text[:end])
		if !strings.ContainsRune(".!?…", r) {
			break
		}
		end -= size
	}
	var m strings.Builder
	for _, n := range ns {
		m.WriteString("[" + strconv.Itoa(n) + "]")
	}
	if m.Len() == 0 {
		return text
	}
	return strings.TrimRight(text[:end], " ") + " " + m.String() + text[end:]
}

// answerPart is one sentence of an answer and the space that follows it.
type answerPart struct {
	text      string
	sep       string
	paragraph bool // sep holds a line break
}

// splitAnswer cuts an answer into sentences: after ".", "!", "?" or "…"
// (and the markers and closing quotes that follow) before a space and a
// capital, digit or opening quote, and at every line break. "3.2", "TP.
// Hồ Chí Minh" and initials such as "A." do not end a sentence.
func splitAnswer(text string) []answerPart {
	var parts []answerPart
	start := 0
	i := 0
	for i < len(text) {
		r, size := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
				j++
			}
			if strings.TrimSpace(text[start:i]) != "" {
				parts = append(parts, answerPart{text: strings.TrimSpace(text[start:i]), sep: text[i:j], paragraph: true})
			}
			start, i = j, j
			continue
		}
		if !strings.ContainsRune(".!?…", r) {
			i += size
			continue
		}
		j := i + size
		for j < len(text) && strings.ContainsRune(".!?…”\"')", rune(text[j])) {
			j++
		}
		for strings.HasPrefix(text[j:], "”") {
			j += len("”")
		}
		if m := leadingMarkersRE.FindString(text[j:]); m != "" {
			j += len(m)
		}
		k := j
		for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
			k++
		}
		if k < len(text) && text[k] != '\n' && (k == j || !opensSentence(text[k:]) || r == '.' && abbreviated(text[start:i])) {
			i = j
			continue
		}
		if k < len(text) && text[k] == '\n' {
			k = j // the line break is handled above
		}
		parts = append(parts, answerPart{text: strings.TrimSpace(text[start:j]), sep: text[j:k]})
		start, i = k, k
	}
	if strings.TrimSpace(text[start:]) != "" {
		parts = append(parts, answerPart{text: strings.TrimSpace(text[start:])})
	}
	return parts
}

func opensSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("“\"'«(-", r)
}

// abbreviated reports whether text ends with an abbreviation or an initial.
func abbreviated(text string) bool {
	i := strings.LastIndexFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '(' })
	word := text[i+1:]
	if utf8.RuneCountInString(word) == 1 && unicode.IsUpper([]rune(word)[0]) {
		return true
	}
	if k := strings.LastIndexByte(word, '.'); k >= 0 {
		word = word[k+1:] // "PGS.TS"
	}
	return abbreviations[Fold(word)] // chunk.go
}

// inRange keeps the numbers of ns that name one of n passages.
func inRange(ns []int, n int) []int {
	out := ns[:0:0]
	for _, k := range ns {
		if k >= 1 && k <= n {
			out = append(out, k)
		}
	}
	return out
}

func contains(ns []int, n int) bool {
	for _, x := range ns {
		if x == n {
			return true
		}
	}
	return false
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	x, y := append([]int(nil), a...), append([]int(nil), b...)
	sort.Ints(x)
	sort.Ints(y)
	for i := range x {
		if x[i] != y[i] {
			return false
		}
	}
	return true
}
