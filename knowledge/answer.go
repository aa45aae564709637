package knowledge

import (
	"context"
	"fmt"
	"hash/maphash"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// MaxAnswerRunes bounds an extractive answer: one sentence or less.
const MaxAnswerRunes = 280

// Refusal sentences, in the asker's language.
const (
	RefusalVI = "Các bài báo hiện có không nói về điều này."
	RefusalEN = "The loaded articles do not say."
)

// Extractive is the answerer that needs no model: it picks the sentence of
// the best passages that answers the question, trims it to the clause that
// carries the answer, and cites it. It refuses when the sentence is too
// unlikely to answer.
type Extractive struct{}

var _ LLM = Extractive{}

// articlesRead is how many of the articles behind the best passages the
// answerer tries, best first.
const articlesRead = 4

// Answer implements LLM. The passages are grouped by article; every
// sentence of them that may answer is measured (features.go) and ranked by
// one linear score, the article's share of the question among its
// features. The best answers, trimmed to what answers, unless the chance
// that it does is too low: then the articles do not hold the answer and
// it refuses.
func (Extractive) Answer(_ context.Context, q Query, passages []Passage) (Answer, error) {
	kind := kindOf(q)
	english := IsEnglish(q.Text)
	content := contentTokens(Tokenize(q.Text), kind)
	groups := byArticle(passages, articlesRead)
	if kind.isMeta() {
		for _, group := range groups {
			if ev := weighArticle(q, content, group[0].Article); ev.answers() {
				if ans, ok := metaAnswer(kind, group[0].Article, english); ok {
					return ans, nil
				}
			}
		}
		return refuse(english), nil
	}
	context := contextTokens(q, content)
	weigh := weigher(q, content)
	ask := analyse(q, kind, content, context)
	best, ok := bestCandidate(ask, groups, weigh)
	if (!ok || answerModel.apply(best.features) < minAnswerOdds) && len(groups) > 0 && weigh(groups[0][0].Article).answers() {
		// The sentence that answers may share few words with the
		// question, and among many articles its chunk is not always
		// found: the best passage's article, when it holds the
		// question, is read whole.
		best, ok = bestCandidate(ask, [][]Passage{ask.wholeArticle(q, content, groups[0])}, weigh)
	}
	if !ok || answerModel.apply(best.features) < minAnswerOdds {
		return refuse(english), nil
	}
	return finish(q, kind, content, context, best).answer(english), nil
}

// kindOf reads what kind of answer a question wants. A follow-up with no
// kind of its own ("còn Phó Chủ tịch thì sao?") wants what the question
// before it wanted; without one, a follow-up that names only an office
// asks who holds it.
func kindOf(q Query) Kind {
	kind := Classify(q.Text)
	if kind != KindWhat || !IsFollowUp(q.Text) {
		return kind
	}
	if q.Context != "" && len(q.History) > 0 {
		if prev := Classify(q.History[len(q.History)-1].Question); !prev.isMeta() {
			return prev
		}
	}
	if namesOnlyOffice(q) {
		return KindWho
	}
	return kind
}

// followUpWords are the words of "còn … thì sao?", folded.
var followUpWords = map[string]bool{"con": true, "thi": true, "sao": true, "the": true, "nao": true, "vay": true, "a": true, "nhi": true}

// namesOnlyOffice reports whether a question names an office, where, and
// nothing else: "còn ct ubnd huyện Mộ Đức thì sao?".
func namesOnlyOffice(q Query) bool {
	toks := Tokenize(q.Text)
	office := officeAsked(toks)
	if office == "" {
		return false
	}
	known := map[string]bool{"pho": true}
	for _, w := range strings.Fields(office) {
		known[w] = true
	}
	for _, pair := range placePairs(q, toks) {
		for _, w := range strings.Fields(pair) {
			known[w] = true
		}
	}
	for _, t := range toks {
		if !known[t.Fold] && !placeNouns[t.Fold] && !followUpWords[t.Fold] {
			return false
		}
	}
	return true
}

// holderWords are the words, folded, besides an office and its place, of
// a question asking who holds it: "… là ai", "… hiện nay tên gì", "ai
// đang giữ chức …".
var holderWords = map[string]bool{"la": true, "ai": true, "ten": true, "gi": true, "j": true, "hien": true, "nay": true, "vay": true,
	"dang": true, "giu": true, "chuc": true, "dam": true, "nhiem": true, "nhan": true}

// asksHolder reports whether a question asks only who holds an office, one
// person's ("bí thư huyện ủy Châu Thành là ai", "gđ sở y tế quảng bình tên
// j"), not one of several deputies ("phó chủ tịch") nor who did something
// ("… dự đại hội là ai"): who holds it now.
func asksHolder(q Query) bool {
	toks := Tokenize(q.Text)
	office := strings.Fields(officeAsked(toks))
	if len(office) < 2 {
		return false
	}
	start := slices.IndexFunc(toks[:len(toks)-1], func(t Token) bool { return t.Fold == office[0] })
	if start < 0 || slices.ContainsFunc(toks[:start], func(t Token) bool { return !holderWords[t.Fold] }) {
		return false // "phó giám đốc …", "ai dự lễ với giám đốc …"
	}
	for i, t := range toks[start:] {
		if holderWords[t.Fold] && t.Fold != "nay" {
			return i > 0 && !slices.ContainsFunc(toks[start+i:], func(t Token) bool { return !holderWords[t.Fold] })
		}
		if i > 0 && (acting[toks[start+i-1].Fold+" "+t.Fold] || saying[toks[start+i-1].Fold+" "+t.Fold]) ||
			t.Fold == "du" && (t.Marked || start+i+1 == len(toks) || toks[start+i+1].Fold != "lich" && toks[start+i+1].Fold != "khach") {
			return false // a deed: "dự", "chủ trì", "phát biểu"
		}
	}
	return start > 0 // "Ai là giám đốc …"
}

// bestCandidate returns the candidate sentence rankModel scores highest
// over the articles read, or a newer article's that scores nearly as well
// (newest). An article is weighed (weighArticle reads all of it) only
// while its best sentence could still win with the article's share of the
// question at its highest, or come near as newer news; an article the
// question contradicts has no candidate.
func bestCandidate(ask *asked, groups [][]Passage, weigh func(*Article) coverage) (candidate, bool) {
	type article struct {
		cands []candidate
		top   float64 // the best score before the article is weighed
	}
	var read []article
	for _, group := range groups {
		a := article{cands: ask.sentenceCandidates(group), top: math.Inf(-1)}
		for i := range a.cands {
			a.cands[i].score = rankModel.apply(a.cands[i].features)
			a.top = max(a.top, a.cands[i].score)
		}
		if len(a.cands) > 0 {
			read = append(read, a)
		}
	}
	sort.SliceStable(read, func(i, j int) bool { return read[i].top > read[j].top })
	gain := max(rankModel.weights[fArticle], 0)
	var best candidate
	var scored []candidate
	for _, a := range read {
		article := a.cands[0].passage.Article
		if best.passage != nil && a.top+gain <= best.score {
			if a.top+gain <= best.score-ask.recency() {
				break // neither this article nor the ones after can win
			}
			if !newer(article, best.passage.Article) {
				continue // it could only be given as newer news (newest)
			}
		}
		ev := weigh(article)
		if ev.contradicted {
			continue
		}
		for _, c := range a.cands {
			c.features[fArticle] = ev.coverage
			c.score += rankModel.weights[fArticle] * ev.coverage
			scored = append(scored, c)
			if best.passage == nil || c.score > best.score {
				best = c
			}
		}
	}
	return ask.newest(scored, best), best.passage != nil
}

// reSourceTag finds the paper a lead opens with: "(Báo Quảng Ngãi) - ".
var reSourceTag = regexp.MustCompile(`^\([^()]{2,40}\)\s*[-–—]\s*`)

// reDayMonth finds a day of a month, "6/9", and its two numbers; not the
// end of a range ("9-11/10") nor a code ("215/TB").
var reDayMonth = regexp.MustCompile(`(^|[^\d/-])(\d{1,2})/(\d{1,2})($|\D)`)

// recentMargin is how much lower than the best a newer article's answer
// may score and still be given instead.
const recentMargin = 0.6

// holderMargin is recentMargin for who holds an office: any answer the
// refusal lets through. Holders change, and a newer article names its
// holder as often without the place, which its title gives.
var holderMargin = math.Inf(1)

// recency is the margin newest allows: none when the question says when
// ("năm 2019", "ngày 6/9").
func (a *asked) recency() float64 {
	switch {
	case len(a.years) > 0 || len(a.months) > 0 || reDayMonth.MatchString(a.q.Text):
		return 0
	case a.holder:
		return holderMargin
	}
	return recentMargin
}

// newest returns, among the candidates that score within the question's
// recency margin of the best and would be given, the best of the newest
// article's: a question that does not say when asks about the latest news
// ("gd so y te ten j" asks who heads the department now). An article with
// no date is preferred to none and none to it.
func (a *asked) newest(cands []candidate, best candidate) candidate {
	margin := a.recency()
	if margin == 0 || best.passage == nil {
		return best
	}
	chosen := best
	for _, c := range cands {
		if c.score < best.score-margin || answerModel.apply(c.features) < minAnswerOdds {
			continue
		}
		if (newer(c.passage.Article, chosen.passage.Article) || c.passage.Article == chosen.passage.Article && c.score > chosen.score) &&
			(!a.holder || namesAsFully(c, best, a.own, a.places)) { // read only for a candidate that would be chosen
			chosen = c
		}
	}
	return chosen
}

// namesAsFully reports whether a newer article's sentence, with its
// title, holds every word of the question that the best sentence holds: a
// holder named anew is named by the office asked, not by a bare "Giám
// đốc" of some firm. The place, the newer article may leave to its lead;
// initials ("ĐH"), it may spell out ("Đại học").
func namesAsFully(c, best candidate, question []Token, places []string) bool {
	if c.passage.Article == best.passage.Article {
		return true
	}
	toks := Tokenize(c.sentence + " " + c.passage.Article.Title)
	has, had := newBag(toks, true), newBag(Tokenize(best.sentence), true)
	spared := map[string]bool{}
	for _, p := range places {
		for _, w := range strings.Fields(p) {
			spared[w] = true
		}
	}
	for i := range toks {
		initials := toks[i].Fold[:1]
		for j := i + 1; j < len(toks) && j < i+4; j++ {
			initials += toks[j].Fold[:1]
			spared[initials] = true
		}
	}
	return !slices.ContainsFunc(question, func(t Token) bool { return !spared[t.Fold] && had.fold[t.Fold] > 0 && has.fold[t.Fold] == 0 })
}

// newer reports whether both articles are dated and a is the newer.
func newer(a, b *Article) bool {
	return !a.Published.IsZero() && !b.Published.IsZero() && a.Published.After(b.Published)
}

// wholeArticle returns an article's passages found followed by its other
// chunks that hold at least a fifth of the question's weight: the rest
// could not answer.
func (ask *asked) wholeArticle(q Query, content []Token, found []Passage) []Passage {
	a := found[0].Article
	seen := make(map[string]bool, len(found))
	for _, p := range found {
		seen[p.Chunk.ID] = true
	}
	whole := found[:len(found):len(found)]
	chunkSpans(a, func(paragraph, part, start, end int) {
		if paragraph < 0 || seen[chunkID(a.ID, paragraph, part)] {
			return
		}
		c := spanChunk(a, paragraph, part, start, end)
		if share(q, content, newBag(readText(c.Text).all, false)) >= 0.2 {
			whole = append(whole, Passage{Chunk: c, Article: a})
		}
	})
	return whole
}

// byArticle groups passages by article in rank order, keeping at most n
// articles.
func byArticle(passages []Passage, n int) [][]Passage {
	var groups [][]Passage
	pos := map[string]int{}
	for _, p := range passages {
		i, ok := pos[p.Article.ID]
		if !ok {
			if len(groups) == n {
				continue
			}
			i = len(groups)
			pos[p.Article.ID] = i
			groups = append(groups, nil)
		}
		groups[i] = append(groups[i], p)
	}
	return groups
}

// words is what a text holds: folded syllables and syllable pairs, and
// exact syllables.
type words struct{ fold, exact map[string]bool }

// articleWords finds which of the keys wanted (folded syllables and
// syllable pairs, exact syllables) an article holds in its title, body and
// byline.
func articleWords(a *Article, want words) words {
	held, ok := heldKeys(a)
	if !ok {
		return scanWords(a, want)
	}
	have := words{fold: make(map[string]bool, len(want.fold)), exact: make(map[string]bool, len(want.exact))}
	for k := range want.fold {
		if held.has(foldKey, k) {
			have.fold[k] = true
		}
	}
	for k := range want.exact {
		if held.has(exactKey, k) {
			have.exact[k] = true
		}
	}
	return have
}

// scanWords is articleWords reading the article once without building a
// set of all its words: only the keys asked about are looked up.
func scanWords(a *Article, want words) words {
	have := words{fold: make(map[string]bool, len(want.fold)), exact: make(map[string]bool, len(want.exact))}
	firsts := map[string]bool{} // first syllables of the pairs wanted
	for k := range want.fold {
		if first, _, ok := strings.Cut(k, " "); ok {
			firsts[first] = true
		}
	}
	eachKey(a, func(first []byte) bool { return firsts[string(first)] }, func(kind byte, key []byte) {
		switch {
		case kind == foldKey && want.fold[string(key)]:
			have.fold[string(key)] = true
		case kind == exactKey && want.exact[string(key)]:
			have.exact[string(key)] = true
		}
	})
	return have
}

// eachKey gives every key of an article's title, byline and paragraphs:
// each syllable folded and as written, and each two standing together
// whose first pairsAfter accepts, folded. A number written with a
// thousands dot is no year ("2.022 lượt").
func eachKey(a *Article, pairsAfter func(first []byte) bool, visit func(kind byte, key []byte)) {
	sc := new(scanner)
	var prev []byte
	pair := make([]byte, 0, 32)
	read := func(text string) {
		prev = prev[:0]
		for sc.reset(text); sc.next(); {
			visit(foldKey, sc.fold)
			if !(sc.tok.Number && isYearNumber(string(sc.exact)) && strings.ContainsAny(text[sc.tok.Start:sc.tok.End], ".,")) {
				visit(exactKey, sc.exact)
			}
			if len(prev) > 0 && pairsAfter(prev) {
				pair = append(append(append(pair[:0], prev...), ' '), sc.fold...)
				visit(foldKey, pair)
			}
			prev = append(prev[:0], sc.fold...)
		}
	}
	read(a.Title)
	read(a.Author)
	for _, p := range a.Paragraphs {
		read(p)
	}
}

// Kinds of key an article holds.
const (
	foldKey  byte = 'f' // a folded syllable, or two standing together: "chu tich"
	exactKey byte = 'e' // a syllable as written
)

// keySet is an article's keys, hashed and sorted.
type keySet []uint64

var keySeed = maphash.MakeSeed()

func keyOf(kind byte, key []byte) uint64 {
	var h maphash.Hash
	h.SetSeed(keySeed)
	h.WriteByte(kind)
	h.Write(key)
	return h.Sum64()
}

func (s keySet) has(kind byte, key string) bool {
	_, found := slices.BinarySearch(s, keyOf(kind, []byte(key)))
	return found
}

// heldCache keeps the keys of the articles asked about more than once, by
// content hash: every question weighs the articles it reads whole, and
// reading one costs more than the rest of the answer. An article asked
// about once is only marked (nil keys): reading all its keys costs more
// than scanning it for a question's few. It is emptied when full.
var heldCache = struct {
	sync.Mutex
	keys map[string]keySet
}{keys: map[string]keySet{}}

const heldCacheSize = 4096

// heldKeys returns the keys of an article asked about before, read once
// per content; false the first time.
func heldKeys(a *Article) (keySet, bool) {
	if a.Hash == "" {
		return nil, false
	}
	heldCache.Lock()
	keys, seen := heldCache.keys[a.Hash]
	if !seen {
		if len(heldCache.keys) >= heldCacheSize {
			clear(heldCache.keys)
		}
		heldCache.keys[a.Hash] = nil
	}
	heldCache.Unlock()
	if keys != nil || !seen {
		return keys, keys != nil
	}
	keys = readKeys(a)
	heldCache.Lock()
	heldCache.keys[a.Hash] = keys
	heldCache.Unlock()
	return keys, true
}

// readKeys reads all of an article's keys.
func readKeys(a *Article) keySet {
	var keys keySet
	eachKey(a, func([]byte) bool { return true }, func(kind byte, key []byte) {
		keys = append(keys, keyOf(kind, key))
	})
	slices.Sort(keys)
	return slices.Compact(keys)
}

// metaWords are the words of a question about the article itself ("tác giả",
// "tiêu đề"), which the article's text need not contain.
var metaWords = map[string]bool{
	"tac": true, "gia": true, "tieu": true, "de": true, "xuat": true, "ban": true, "phat": true,
	"hanh": true, "dang": true, "author": true, "title": true, "published": true, "wrote": true,
	"written": true, "publish": true, "article": true, "date": true, "headline": true, "thoi": true,
	"gian": true, "bai": true, "bao": true, "viet": true, "ngay": true, "nay": true, "tin": true, "diem": true, "luc": true, "gio": true, "phong": true, "vien": true, "but": true, "danh": true,
}

// contextTokens returns the content words of a follow-up's context that the
// question does not have itself.
func contextTokens(q Query, content []Token) []Token {
	if q.Context == "" {
		return nil
	}
	own := map[string]bool{}
	for _, t := range content {
		own[t.Fold] = true
	}
	var out []Token
	for _, t := range contentTokens(Tokenize(q.Context), KindWhat) {
		if !own[t.Fold] {
			t.Start, t.End = -1, -1 // not a place in the question
			out = append(out, t)
		}
	}
	return out
}

// foldedStop holds every stopword folded, for questions about the article
// itself typed without diacritics ("bai bao dang ngay nao").
var foldedStop = foldedSet(stopwords)

// foldedSet is a set of words, folded as Tokenize folds them ("ty" as
// "ti"), their syllables one space apart.
func foldedSet(words []string) map[string]bool {
	set := make(map[string]bool, len(words))
	for _, w := range words {
		set[strings.TrimSpace(foldedText(Tokenize(w)))] = true
	}
	return set
}

// contentTokens drops the stopwords (and, for questions about the article
// itself, the words naming its metadata).
func contentTokens(tokens []Token, kind Kind) []Token {
	out := tokens[:0:0]
	stop := stopsIn(tokens)
	for i, t := range tokens {
		if stop[i] || kind.isMeta() && (metaWords[t.Fold] || foldedStop[t.Fold]) {
			continue
		}
		if kind == KindNumber && unitSpellings[t.Fold] != "" && i > 0 && (tokens[i-1].Fold == "nhieu" || tokens[i-1].Fold == "may") {
			continue // the unit counted ("mấy m"): the number it needs checks it, however it is spelled
		}
		if kind == KindWhen && t.Fold == "gio" && (i > 0 && tokens[i-1].Fold == "may" || i+1 < len(tokens) && tokens[i+1].Fold == "nao") {
			continue // "mấy giờ" asks a time, which may be written "7g30"
		}
		out = append(out, t)
	}
	return out
}

// weight is a content term's weight from the query, 1 when unknown.
func (q Query) weight(key string) float64 {
	if w, ok := q.Weights[key]; ok {
		return w
	}
	if q.Weights == nil {
		return 1
	}
	return 0
}

// minCoverage is the share of a question's content weight an article must
// hold to answer a question about itself (its author, its date); other
// questions are refused by answerModel (features.go).
const minCoverage = 0.7

// coverage is how much of a question an article holds.
type coverage struct {
	// coverage is the share of the question's content weight (rare words
	// weigh most, two-syllable words count as well as their syllables) that
	// the article holds; a word found only without its diacritics counts a
	// quarter ("số" asked, "sở" found).
	coverage float64
	// contradicted is set when a name of the question is not in the
	// article whole, or a number of the question is not in it at all: the
	// article is about someone or something else ("Quyết định 12" asked,
	// "Quyết định 21" found).
	contradicted bool
}

// answers reports whether the article holds enough of the question.
func (e coverage) answers() bool { return !e.contradicted && e.coverage >= minCoverage }

// weigher returns weighArticle for one question, weighing each article
// once however often it is read.
func weigher(q Query, content []Token) func(*Article) coverage {
	weighed := map[*Article]coverage{}
	w := weighingOf(q, content)
	return func(a *Article) coverage {
		ev, ok := weighed[a]
		if !ok {
			ev = w.of(a)
			weighed[a] = ev
		}
		return ev
	}
}

// weighArticle measures how much of a question an article holds.
func weighArticle(q Query, content []Token, a *Article) coverage {
	return weighingOf(q, content).of(a)
}

// weighing is what weighArticle reads of a question, read once for all
// the articles weighed.
type weighing struct {
	q       Query
	content []Token
	wanted  words
	frames  map[int]bool
	names   [][2]Token
	frame   string
	places  []string
	markers []string
	subject []Token
	// subjectAbbr are the initials the subject's words may be written in
	// ("bch" of "ban chấp hành")
	subjectAbbr []string
	singles     []Token
	ones        map[int]bool     // where a rate is asked per one of something, by the "1"'s offset
	codes       []*regexp.Regexp // the document numbers it names (codesOf)
}

// weighingOf reads a question for weighing articles.
func weighingOf(q Query, content []Token) weighing {
	toks := Tokenize(q.Text)
	w := weighing{q: q, content: content, wanted: wantedWords(q, content), frames: frameTokens(q.Text, content),
		names: namePairs(q.Text), frame: framePair(q, toks), places: placePairs(q, toks), markers: distinguishing(toks),
		subject: measured(q, content), singles: singleNames(q.Text, toks), codes: codesOf(q.Text)}
	if len(w.subject) == 2 {
		w.subjectAbbr = openingInitials(content, w.subject[0])
		for _, abbr := range w.subjectAbbr {
			w.wanted.fold[abbr] = true
		}
	}
	for i, t := range toks {
		if perOne(toks, i) {
			if w.ones == nil {
				w.ones = map[int]bool{}
			}
			w.ones[t.Start] = true
		}
	}
	return w
}

// perOne reports whether the number at i asks a rate per one of something:
// "bao nhiêu 1 chục" is answered by "45.000 đồng/chục", which has no "1",
// "bao nhiêu tiền 1 ha" by "6 triệu đồng/ha".
// Not per a span of time: "lương bn 1 tháng" wants a month's pay, said so.
func perOne(toks []Token, i int) bool {
	asks := func(j int) bool { return j >= 0 && (toks[j].Fold == "nhieu" || toks[j].Fold == "may") }
	return toks[i].Exact == "1" && (asks(i-1) || asks(i-2)) && i+1 < len(toks) && !timeUnits[toks[i+1].Fold] // "bn tiền 1 ha" too
}

// markets are the groups of countries written in capitals that a single
// name may be, folded: "thị trường EU".
var markets = map[string]bool{"eu": true, "asean": true, "uae": true, "uk": true, "usa": true}

// singleNames returns the capitalised words of a question that
// stand alone inside it ("Ai tạo ra Wikipedia?"): a name the answer's
// article must hold. Not the first word, which every sentence capitalises,
// nor abbreviations but markets ("EU"), nor the words of a pair (namePairs
// asks those).
func singleNames(question string, toks []Token) []Token {
	var out []Token
	for i, t := range toks {
		if i == 0 || !t.Upper || t.Number || IsStopword(t) {
			continue
		}
		w := question[t.Start:t.End]
		if utf8.RuneCountInString(w) < 2 || strings.ToUpper(w) == w && !markets[t.Fold] || toks[i-1].Upper && toks[i-1].End+1 == t.Start ||
			i+1 < len(toks) && toks[i+1].Upper && t.End+1 == toks[i+1].Start {
			continue
		}
		out = append(out, t)
	}
	return out
}

// of weighs an article.
func (in weighing) of(a *Article) coverage {
	q, content, frames := in.q, in.content, in.frames
	if len(content) == 0 {
		return coverage{coverage: 1}
	}
	have := articleWords(a, in.wanted)
	var total, got float64
	for i, t := range content {
		w := q.weight(t.Fold)
		if frames[t.Start] || !t.Marked && foldedStop[t.Fold] {
			w *= frameWeight // names the kind of answer, or may be a stopword typed plain
		}
		if t.Number && !have.exact[t.Exact] && !have.exact[spelledNumber[t.Exact]] && !in.ones[t.Start] {
			return coverage{contradicted: true}
		}
		total += w
		switch {
		case !have.fold[t.Fold]:
		case t.Marked && !have.exact[t.Exact]:
			got += w / 4
		default:
			got += w
		}
		// A two-syllable word of the corpus ("dân số") is there only when
		// its syllables stand together: apart, they are other words.
		if i > 0 && content[i-1].End+1 >= t.Start && q.Weights != nil {
			key := content[i-1].Fold + " " + t.Fold
			if bw := q.weight(key); bw > 0 {
				if frames[t.Start] || frames[content[i-1].Start] {
					bw *= frameWeight
				}
				total += bw
				if have.fold[key] {
					got += bw
				}
			}
		}
	}
	for _, name := range in.singles {
		if !have.fold[name.Fold] || name.Marked && !have.exact[name.Exact] { // "môn Toán" is not "toàn tỉnh"
			return coverage{contradicted: true} // "Wikipedia" asked, the article never names it
		}
	}
	for _, pair := range in.names {
		if !have.fold[pair[0].Fold+" "+pair[1].Fold] {
			return coverage{contradicted: true}
		}
	}
	if !holdsCodes(a, in.codes) {
		return coverage{contradicted: true} // "Kế hoạch số 12/KH-BCH" asked, the article has 21/KH-BCH
	}
	if frame := in.frame; frame != "" && !have.fold[frame] {
		return coverage{contradicted: true} // "Trường học nào …?" of an article with no school
	}
	for _, pair := range in.places {
		if !have.fold[pair] {
			return coverage{contradicted: true} // "huyện Châu Phú" asked, the article is about Thoại Sơn
		}
	}
	for _, m := range in.markers {
		if word, number, pair := strings.Cut(m, " "); pair {
			if !isYearNumber(number) {
				if same, other := numbersAfter(a, word, number); other && !same {
					return coverage{contradicted: true} // "Phương Nam 1" asked, the article has only "Phương Nam 2"
				}
			}
			m = number // the article holds the number; which sentence says it with its word, the answerer prefers
		}
		if !have.fold[m] && !have.exact[spelledNumber[m]] {
			return coverage{contradicted: true} // "HĐND" asked, only "UBND" there; "Quyết định 12", only 21
		}
	}
	// What a "bao nhiêu" question measures opens it ("Dân số huyện … là
	// bao nhiêu?"): a word of the corpus there must stand in the article,
	// or it measures something else; so must one no article has a syllable
	// of ("Ngân sách …" where no article says "ngân").
	if subject := in.subject; len(subject) == 2 && !have.fold[subject[0].Fold+" "+subject[1].Fold] && measureUnits[subject[0].Fold+" "+subject[1].Fold] == nil && // "1.800 m²" gives a "diện tích" unnamed
		!slices.ContainsFunc(in.subjectAbbr, func(abbr string) bool { return have.fold[abbr] }) && // "BCH" for "ban chấp hành"
		(q.weight(subject[0].Fold+" "+subject[1].Fold) > 0 || q.Unseen[subject[0].Fold] || q.Unseen[subject[1].Fold]) {
		return coverage{contradicted: true}
	}
	if total == 0 {
		return coverage{coverage: 1}
	}
	return coverage{coverage: got / total}
}

// measured returns the two syllables that open a "bao nhiêu" question and
// name what it measures ("Dân số huyện … là bao nhiêu?"), or nil. "Số"
// before them only says "the number of" ("số học sinh"), and a second
// syllable that rather starts a more common word with the third is not
// part of them ("số học" of "số học sinh").
func measured(q Query, content []Token) []Token {
	if len(content) < 2 || content[0].Start != firstWord(q.Text) || !strongNumberCue(q.Text) || Classify(q.Text) != KindNumber {
		return nil
	}
	if asksCode(q.Text) || len(Tokenize(q.Text[:strings.IndexByte(q.Text+",", ',')])) <= 4 || opensWithCondition(Tokenize(q.Text)) {
		return nil // "… công văn số mấy?" asks a code; "Sau vụ cháy, …" opens with when; "Làm xong đường thì …", with if
	}
	if !content[0].Marked && content[0].Fold == "luc" && content[1].Fold != "luong" {
		return nil // "luc tau gap nan song cao bn" typed plain opens with "lúc", when; "luc luong" is "lực lượng"
	}
	// "Công ty X …" is kept as what is measured: read as who spends, like
	// "HTX", it let 11 near misses of the reader sets be answered.
	if isAbbreviation(content[0].Fold) && !measureAbbreviations[content[0].Fold] || companies[content[0].Fold] && content[1].Fold != "le" {
		return nil // "HTX Gia Tân đầu tư bao nhiêu tiền" names who spends, not what is measured ("GDP tỉnh" is; "ty le", folded as "Tỷ lệ" is, too)
	}
	if scopes[content[0].Fold] && (placeNouns[content[1].Fold] || content[1].Fold == "nuoc" || timeUnits[content[1].Fold]) || people[content[0].Fold+" "+content[1].Fold] || events[content[0].Fold] ||
		content[0].Fold == "dan" && content[1].Upper && content[1].Fold != "so" {
		return nil // "Cả tỉnh có bao nhiêu bài …", "Người dân đóng góp bao nhiêu" say where or who, not what
	}
	adjacent := func(i int) bool { return i+1 < len(content) && content[i].End+1 == content[i+1].Start }
	if (officeTitles[content[0].Fold+" "+content[1].Fold] || content[0].Fold == "bac" && content[1].Fold == "si") && len(content) > 2 && (content[2].Upper || surnames[content[2].Fold]) {
		return nil // "Bác sĩ Ngô Văn Thịnh nói … bao lâu", "Giám đốc Lê Văn A cho biết …": who says, not what is measured
	}
	if content[0].Fold == "tong" && content[1].Fold == "cong" {
		return nil // "tổng cộng bao nhiêu vị trí": in all, what is counted follows
	}
	if content[0].Fold == "so" && isAbbreviation(content[1].Fold) {
		return nil // "so nn&ptnt ho tro bn …" opens with a department, which measures nothing
	}
	if (content[0].Exact == "sô2" || content[0].Exact == "so" || content[0].Fold == "luong" && measureUnits["luong "+content[1].Fold] == nil) && adjacent(0) && adjacent(1) {
		content = content[1:] // "số" (or "so" typed plain), "lượng" say "the amount of": "Lượng sầu riêng xuất …"
	} else if (content[0].Fold == "ti" && (content[1].Fold == "le" || content[1].Fold == "trong") || targetWord(content, 0)) && len(content) > 3 && adjacent(1) && adjacent(2) {
		content = content[2:] // "tỷ lệ", "tỷ trọng" say "the share of", which a percentage gives: "98,6% tàu cá … đã lắp"; "mục tiêu" the aim of
	} else if (classifiers[content[0].Exact] || content[0].Fold == "cay" && content[1].Fold == "cau") && adjacent(0) && adjacent(1) {
		content = content[1:] // "Cây cầu treo …": the papers write "cầu treo"
	} else if (levels[content[0].Exact] || !content[0].Marked && levels[content[0].Fold]) && adjacent(0) && adjacent(1) {
		content = content[1:] // "Bậc mầm non thiếu …": the papers write "mầm non thiếu 486 người"
	}
	if !adjacent(0) || placeNouns[content[0].Fold] || scopes[content[0].Fold] && timeUnits[content[1].Fold] || content[0].Fold == "khu" && slices.ContainsFunc(content[1:], func(t Token) bool { return t.Upper }) {
		return nil // "Huyện Châu Phú có bao nhiêu …", "Khu du lịch Cù Lao Chàm …" name where, "mục tiêu cả năm …" when, not what
	}
	if rest := Fold(spaced(q.Text[content[1].End:])); strings.HasPrefix(rest, " nao ") {
		return nil // "Địa phương nào có nhiều … nhất" asks which, it measures nothing
	}
	if adjacent(1) {
		if next := q.weight(content[1].Fold + " " + content[2].Fold); next > 0 && next < q.weight(content[0].Fold+" "+content[1].Fold) {
			return nil
		}
	}
	if content[1].Fold == "moi" && adjacent(1) {
		return []Token{content[0], content[2]} // "Giá mỗi suất ăn" measures the giá of a suất: "giá 22.000 đồng/suất"
	}
	return content[:2]
}

// targetWord reports whether toks[i:] opens with "mục tiêu" (or "chỉ
// tiêu"), an aim: what it measures follows ("Mục tiêu thu nhập bình
// quân …" is answered by "thu nhập … đến năm 2025 đạt 115 triệu đồng").
// Typed plain, "muc tieu thu" is "mức tiêu thụ", what is measured, but
// before "nhap".
func targetWord(toks []Token, i int) bool {
	if i+2 >= len(toks) || toks[i+1].Fold != "tieu" {
		return false
	}
	consumption := toks[i+2].Fold == "thu" && (i+3 == len(toks) || toks[i+3].Fold != "nhap")
	return toks[i].Exact == aimWord || toks[i].Exact == quotaWord || !toks[i].Marked && toks[i].Fold == "muc" && !consumption
}

// aimWord and quotaWord are "mục" and "chỉ" as Tokenize writes them.
var (
	aimWord   = Tokenize("mục")[0].Exact
	quotaWord = Tokenize("chỉ")[0].Exact
)

// opensWithCondition reports whether a question opens with a condition
// ended by "thì" ("Xong nút giao thì đi … mất bao lâu"): what it measures
// follows. Typed plain, "thi" ends one only where it starts no word of its
// own ("thi công", "thí sinh", "thị xã", "kỳ thi").
func opensWithCondition(toks []Token) bool {
	for i := 2; i+1 < len(toks); i++ {
		if t := toks[i]; t.Exact == thenWord || !t.Marked && t.Fold == "thi" && !thiWords[toks[i+1].Fold] && !examWords[toks[i-1].Fold] {
			return true
		}
	}
	return false
}

// thenWord is "thì" as Tokenize writes it; thiWords follow "thi" in words
// of their own ("thi công", "thị trấn"), examWords come before it ("kỳ
// thi", "dự thi").
var (
	thenWord  = Tokenize("thì")[0].Exact
	thiWords  = foldedSet([]string{"sinh", "công", "xã", "trấn", "trường", "đua", "đấu", "hành", "tuyển", "thử", "điểm", "hiếu", "sát", "cử", "thể", "phần", "trực", "ủy", "đội", "nghiệm", "học", "tốt"})
	examWords = foldedSet([]string{"kỳ", "dự", "cuộc", "hội", "đề", "bài", "môn", "đi", "sẽ", "được"})
)

// scopes open a phrase saying over what place all is counted ("cả tỉnh",
// "toàn huyện"); people, one saying who gives or does ("người dân", "bà
// con", "cơ quan chức năng", or "dân" before a place's name).
var (
	scopes = map[string]bool{"ca": true, "toan": true}
	people = map[string]bool{"nguoi dan": true, "ba con": true, "co quan": true}
	// events open a phrase naming what happened ("Cơn bão gây thiệt hại
	// …", "Vụ phá rừng có bao nhiêu người …"): what is measured follows.
	events = map[string]bool{"con": true, "vu": true, "tran": true, "dot": true}
	// levels open a phrase naming a level or branch counted in ("Bậc mầm
	// non thiếu bao nhiêu giáo viên"): the level's name is what is asked.
	levels = exactSet("bậc cấp khối")
	// classifiers open a phrase on one thing ("Chiếc xe …", "Ngôi trường
	// …"), which the papers name without them.
	classifiers = exactSet("chiếc ngôi căn bức tấm")
	// measureAbbreviations are abbreviations that name a measure, not a body.
	measureAbbreviations = map[string]bool{"gdp": true, "grdp": true, "cpi": true, "pci": true, "fdi": true}
)

// namePairs returns the adjacent syllable pairs of the names in a question:
// runs of capitalised content syllables such as "Lê Phước Dũng". A name is
// found whole or not at all, so "Nguyễn Văn Minh" does not match "Hồ Chí
// Minh". A question typed in capitals is read in lower case (unshout).
func namePairs(question string) [][2]Token {
	toks := Tokenize(question)
	// An abbreviation is no part of a name: "Sở GD&ĐT Nam Định".
	abbreviated := func(t Token) bool {
		w := question[t.Start:t.End]
		return utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w
	}
	joined := func(i int) bool {
		a, b := toks[i-1], toks[i]
		return a.Upper && b.Upper && !a.Number && !b.Number && !IsStopword(a) && !IsStopword(b) && b.Start-a.End == 1 && !abbreviated(a) && !abbreviated(b)
	}
	var pairs [][2]Token
	// The first word is capitalised as every sentence's is: a name starts
	// there only if the next pair holds it too ("Lê Phước Dũng là ai?").
	for i := 2; i < len(toks); i++ {
		if joined(i) && !(surnames[toks[i].Fold] && joined(i-1) && personRun(toks, i, joined)) {
			pairs = append(pairs, [2]Token{toks[i-1], toks[i]})
		}
	}
	return pairs
}

// personRun reports whether the surname at i opens the last three or four
// syllables of a run of names, after a place of two or more: "Lạc Sơn
// Đinh Quang Vinh" names the district and its secretary, and the paper
// need not write them together.
func personRun(toks []Token, i int, joined func(int) bool) bool {
	end := i
	for end+1 < len(toks) && joined(end+1) {
		end++
	}
	return end-i >= 2 && end-i <= 3
}

// frameWeight discounts a word naming the kind of answer wanted ("tỉnh
// nào", "mục đích gì"): the answer need not repeat it.
const frameWeight = 0.25

// frameTokens marks (by position) the content syllables, up to three,
// right before "nào" or "gì": they name the kind of answer wanted ("tỉnh
// nào", "đơn vị nào", "giữ chức vụ gì"), which the answer need not repeat.
func frameTokens(question string, content []Token) map[int]bool {
	frames := map[int]bool{}
	all := Tokenize(question)
	for i, t := range all {
		if t.Fold != "nao" && t.Fold != "gi" || i == 0 {
			continue
		}
		for j := i - 1; j >= max(0, i-3) && !IsStopword(all[j]); j-- {
			frames[all[j].Start] = true
		}
	}
	return frames
}

// numberWanted is what a "bao nhiêu" question wants of the sentence that
// answers it: a number, or a number of the unit it counts.
type numberWanted struct {
	unit   string // "xa" of "bao nhiêu xã", or ""
	rate   bool   // the unit is asked per another: "bao nhiêu tạ một héc-ta", "bn tấn/ha"
	per    string // what a price or rate is asked per when no unit is counted: "kg" of "bao nhiêu 1 kg", or ""
	strong bool   // the question says "bao nhiêu" or the like, not just "mấy"
	code   bool   // "Kế hoạch số mấy?": a document's number ("112/KH-SYT") answers
	change bool   // how much was gained or saved is asked ("giảm được bao nhiêu nước"): a share answers
	// document is the initials of the kind of document asked for ("KH"),
	// or "" when the question names none or one without initials.
	document string
	paper    bool // the question names a kind of document: a code answers, no other number
	// qualifier is the words that follow what is counted and say which
	// of them ("tử vong" of "bao nhiêu ca tử vong"), or none.
	qualifier []Token
	// dimension is the adjective of a size asked ("dài" of "cầu dài bao
	// nhiêu m"), folded, or "".
	dimension string
	// units are the units a measure asked is given in, any of them:
	// "Diện tích … bao nhiêu" is answered in ha, m2 or km2.
	units []string
	// kin are the other nouns the papers count the same people by:
	// "bao nhiêu công nhân" is answered by "4.500 lao động".
	kin map[string]bool
	// bySo is set when the unit is what a question opening "Số X …"
	// counts: a sentence saying "số X … là 120" answers without it, but
	// not with a share ("87,45% số phiếu").
	bySo bool
	// perTime is set when the unit is asked per a span of time ("bao
	// nhiêu tấn mỗi ngày"): the papers write "15 kg gạo mỗi tháng" and
	// "200 tấn/ngày" alike.
	perTime bool
	// ordinal is set when a rank is asked ("thứ mấy", "lần thứ bao
	// nhiêu"): "thứ tư" and "lần đầu" answer.
	ordinal bool
}

// peopleNouns are groups of nouns, folded, that count the same people (a
// party body counts its "đồng chí" or "ủy viên"); a question counting
// "người" is answered by any of them. A congress counts its delegates as
// "đồng chí" too, but not every "đồng chí" is a delegate.
var peopleNouns = [][]string{{"cong nhan", "lao dong", "nguoi lao dong", "nhan vien", "ki su", "ki thuat vien"}, {"phieu", "dai bieu"},
	{"benh nhan", "nguoi benh", "ca benh"}, {"nguoi dan", "nhan khau"}, {"hanh khach"}, {"cu tri"}, {"hoc sinh"}, {"sinh vien"},
	{"thi sinh"}, {"tan binh", "cong dan"}, {"giao vien"}, {"du khach"}, {"ngu dan"}, {"doi tuong", "bi can", "nghi pham"},
	{"dong chi", "uy vien", "thanh vien"}, {"cong an", "canh sat", "chien si", "can bo"}}

// kinOf returns the nouns that count the people a question counts after
// "bao nhiêu", or nil.
func kinOf(toks []Token, unit string) map[string]bool {
	for i, t := range toks {
		if t.Fold != unit || i == 0 || toks[i-1].Fold != "nhieu" && toks[i-1].Fold != "may" {
			continue
		}
		kin := map[string]bool{}
		for _, group := range peopleNouns {
			if slices.Contains(group, unit) || i+1 < len(toks) && slices.Contains(group, unit+" "+toks[i+1].Fold) {
				for _, n := range group {
					kin[n] = true
				}
			}
		}
		if len(kin) > 0 {
			kin["nguoi"] = true // "bao nhiêu công nhân" is answered by "127 người" of them
		}
		if unit == "dai" && i+1 < len(toks) && toks[i+1].Fold == "bieu" {
			kin["dong chi"] = true // "đoàn đại biểu gồm 12 đồng chí"
		}
		if unit == "nguoi" && (i+1 == len(toks) || !kin[unit+" "+toks[i+1].Fold]) {
			for _, group := range peopleNouns {
				for _, n := range group {
					kin[n] = true
				}
			}
		}
		if len(kin) > 0 {
			return kin
		}
	}
	return nil
}

// countsPeople reports whether syllables hold a number of the people kin
// names ("4.500 lao động").
func countsPeople(text string, toks []Token, kin map[string]bool) bool {
	for i := 1; i < len(toks); i++ {
		if !(toks[i-1].Number || numberWords[toks[i-1].Exact]) || strings.TrimSpace(text[toks[i-1].End:toks[i].Start]) != "" {
			continue
		}
		if kin[toks[i].Fold] || i+1 < len(toks) && kin[toks[i].Fold+" "+toks[i+1].Fold] || i+2 < len(toks) && kin[toks[i].Fold+" "+toks[i+1].Fold+" "+toks[i+2].Fold] {
			return true
		}
	}
	return false
}

var cueNumberOf = cues("số mấy", "số bao nhiêu", "số hiệu", "mã số")

// asksCode reports whether a question asks a number that names something
// ("Kế hoạch số mấy?") rather than counts it.
func asksCode(question string) bool {
	q := spaced(question)
	return cueNumberOf.in(q, true) || cueNumberOf.in(Fold(q), false) || asks(question, cuePhone)
}

// spaced is a question in lower case, its words between single spaces and
// at both ends, without "?" and ",": for finding cue phrases.
func spaced(question string) string {
	return " " + strings.Join(strings.Fields(strings.ToLower(strings.NewReplacer("?", " ", ",", " ").Replace(question))), " ") + " "
}

func wantsNumber(question string) numberWanted {
	w := numberWanted{unit: countedNoun(question), strong: strongNumberCue(question), code: asksCode(question)}
	folded := Fold(spaced(question))
	w.change = reSaved.MatchString(folded)
	if w.unit == "" && w.strong && !w.code && !reChange.MatchString(folded) {
		w.unit = countedBySo(Tokenize(question)) // "Số nhà bị ngập là bao nhiêu" is answered by "5.130 nhà"
		w.bySo = w.unit != ""
	}
	if w.unit == "" && w.strong && (strings.Contains(folded, " ty le ") || strings.Contains(folded, " ti le ") || strings.Contains(folded, " ti trong ") || strings.Contains(folded, " ty trong ")) {
		w.unit = "%" // "tỷ lệ … đạt bao nhiêu", "tỷ trọng" are answered by a share
	}
	toks := Tokenize(question)
	if w.unit == "" && w.strong && len(toks) > 1 && (asksSum(toks) || valued(toks)) && askedPer(toks) == "" {
		w.unit = "tien" // "Giá thu mua mía … là bao nhiêu" is answered by a sum, "1.250.000 đồng/tấn"
	}
	if massAsked(toks) {
		w.unit, w.units = "", massUnits // "thu giữ bao nhiêu cà phê" is answered by "1,2 tấn quả tươi"
	}
	if w.unit == "" && w.strong && len(toks) > 1 && askedPer(toks) == "" && len(w.units) == 0 {
		w.units = measureUnitsOf[toks[0].Fold+" "+toks[1].Fold]
		if len(w.units) == 0 {
			w.units = unitsOfAdjective(toks)
		}
	}
	w.dimension = dimensionAsked(toks)
	w.rate = asksRate(question, toks, w.unit)
	w.perTime = asksPerTime(toks, w.unit)
	if w.unit == "" {
		w.per = askedPer(toks)
	} else if w.unit == "tien" {
		w.per = sumPer(toks) // "bao nhiêu tiền cho mỗi hộ" is answered by "… đồng/hộ", not by the whole sum
	}
	w.qualifier = qualifierOf(question, w.unit)
	w.kin = kinOf(toks, w.unit)
	w.ordinal = reOrdinalAsked.MatchString(Fold(spaced(question)))
	if w.code {
		// The document asked is the one right before "số …", else the
		// first named: "Đề án … được phê duyệt tại văn bản số mấy?" asks
		// the decision that approved the scheme, by any code; "qd phe
		// duyet de an … so may" a decision.
		types := append(documentTypes, documentType{"van ban", ""})
		first := len(folded)
		for _, d := range types {
			if strings.Contains(folded, " "+d.words+" so ") {
				w.document, w.paper = d.initials, true
				return w
			}
			if at := strings.Index(folded, " "+d.words+" "); at >= 0 && at < first && d.words != "van ban" {
				first, w.document, w.paper = at, d.initials, true
			}
		}
	}
	return w
}

// reOrdinalAsked finds a rank asked, folded: "thứ mấy", "thứ bao nhiêu".
var reOrdinalAsked = regexp.MustCompile(` thu (may|bao nhieu|bn) `)

// reOrdinal finds a rank given, folded: "thứ tư", "thứ 12", "lần đầu",
// "con đầu", "đầu tiên".
var reOrdinal = regexp.MustCompile(` (thu (nhat|hai|ba|tu|nam|sau|bay|tam|chin|muoi|\d+)|(lan|con|nguoi) (dau|cuoi)|dau tien) `)

// documentTypes are kinds of document with the initials of their codes:
// "Nghị quyết số 12-NQ/HU". A công văn has none: its code names who sent
// it ("Công văn số 4872/UBND-NC").
var documentTypes = []documentType{
	{"nghi quyet", "NQ"}, {"quyet dinh", "QD"}, {"ke hoach", "KH"}, {"cong dien", "CD"}, {"chi thi", "CT"},
	{"thong bao", "TB"}, {"cong van", ""}, {"ket luan", "KL"}, {"nghi dinh", "ND"}, {"thong tu", "TT"},
	{"to trinh", "TTr"}, {"bao cao", "BC"}, {"de an", "DA"},
}

// documentType is a kind of document, folded, with its code's initials.
type documentType struct{ words, initials string }

// reDocCode finds a document's code: "12-NQ/HU", "08/CĐ-UBND".
var reDocCode = regexp.MustCompile(`\d+\s?[/-]\s?(\pL+)`)

// holdsDocument reports whether a sentence names a document whose code
// bears the initials of its kind: "45/KH-UBND" for "KH".
func holdsDocument(sentence, initials string) bool {
	for _, m := range reDocCode.FindAllStringSubmatch(sentence, -1) {
		if strings.EqualFold(Fold(m[1]), Fold(initials)) {
			return true
		}
	}
	return false
}

// in reports whether a sentence holds the number wanted ("bao nhiêu xã"
// is answered by "12 xã"); a sentence without one does not answer.
func (w numberWanted) in(sentence string, toks, content []Token) bool {
	if w.document != "" {
		return holdsDocument(sentence, w.document) // "Kế hoạch số mấy" is answered by "45/KH-UBND"
	}
	if w.code && reDocNumber.MatchString(sentence) {
		return true
	}
	if w.paper {
		return false // "Công văn số mấy" is answered by a code ("1874/SNN-TT"), not another figure
	}
	if w.rate {
		return countsRate(sentence, toks, w.unit) // "bao nhiêu tạ một ha" is answered by "67,2 tạ/ha"
	}
	if w.per != "" && !givesPer(sentence, toks, w.per) {
		return false // "giá bao nhiêu 1 kg" is answered by "8.300 đồng/kg", not by a profit
	}
	if w.ordinal && reOrdinal.MatchString(Fold(spaced(sentence))) {
		return true
	}
	if len(w.units) > 0 {
		return slices.ContainsFunc(w.units, func(u string) bool { return countsUnit(sentence, toks, u) })
	}
	if w.change && (rePercent.MatchString(sentence) || strings.Contains(foldedText(toks), " diem phan tram ")) {
		return true // "giảm được bao nhiêu nước tưới" is answered by "30% lượng nước tưới"
	}
	if w.perTime && countsRate(sentence, toks, w.unit) {
		return true // "200 tấn/ngày" for "bao nhiêu tấn mỗi ngày"
	}
	if w.unit != "" {
		return countsUnit(sentence, toks, w.unit) || w.bySo && strings.Contains(foldedText(toks), " so "+w.unit+" ") && !rePercent.MatchString(sentence) || len(w.qualifier) > 0 && countsUnit(sentence, toks, initialsOf(w.unit, w.qualifier)) ||
			len(w.kin) > 0 && countsPeople(sentence, toks, w.kin) || tallied(toks, w.unit, w.qualifier) || countsByClassifier(toks, w.unit)
	}
	if hasKind(KindNumber, sentence, content) || !w.strong {
		return true
	}
	for i, t := range toks {
		if numberWords[t.Exact] && !quoted(sentence, t.Start) && !(t.Fold == "mot" && i+1 < len(toks) && toks[i+1].Fold == "so") { // "một số hộ" counts none
			return true
		}
	}
	return false
}

// countsByClassifier reports whether a sentence naming what is counted
// counts it after by a classifier: "số ghe, thuyền … lên khoảng 320
// chiếc" for "bao nhiêu ghe".
func countsByClassifier(toks []Token, unit string) bool {
	named := false
	for i, t := range toks {
		if named && i > 0 && countingClassifiers[t.Exact] && (toks[i-1].Number || i > 1 && magnitudes[toks[i-1].Fold] && toks[i-2].Number) {
			return true
		}
		named = named || t.Fold == unit
	}
	return false
}

// countingClassifiers count things named before them: "320 chiếc", "lượng
// khách … 1,2 triệu lượt"; not "con", which rather names what it counts
// after it ("620 con lợn").
var countingClassifiers = exactSet("chiếc lượt")

// priceWord is "giá" as Tokenize writes it.
var priceWord = Tokenize("giá")[0].Exact

// measureUnitsOf are the units of the measures a question may open with,
// folded: "Diện tích …", "Sản lượng …", "Chiều dài …". A "sản lượng" asked
// wants tấn, though tấn alone does not tell a sentence gives one
// (measureUnits).
var measureUnitsOf = map[string][]string{
	"dien tich": {"ha", "m2", "km2", "hecta"},
	"san luong": {"tan", "ta", "kg"},
	"chieu dai": {"km", "m", "met"},
}

// unitsOfAdjective returns the units a measure asked by its adjective is
// given in: "cầu dài bao nhiêu" in km or m, "nặng bao nhiêu" in kg or tấn.
func unitsOfAdjective(toks []Token) []string {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Fold != "bao" || toks[i+1].Fold != "nhieu" {
			continue
		}
		if units := adjectiveUnits[toks[i-1].Fold]; len(units) > 0 && (adjectiveForms[toks[i-1].Exact] || !slices.ContainsFunc(toks, func(t Token) bool { return t.Marked })) {
			return units // "sau bao nhiêu ngày" typed with its marks is "after", not "sâu"
		}
		return nil
	}
	return nil
}

// massAsked reports whether "bao nhiêu" asks an amount of a produce or
// goods that is weighed, not counted: "bao nhiêu cà phê", "bn lúa".
func massAsked(toks []Token) bool {
	plain := !slices.ContainsFunc(toks, func(t Token) bool { return t.Marked })
	for i := 1; i+2 < len(toks); i++ {
		if toks[i-1].Fold != "bao" || toks[i].Fold != "nhieu" {
			continue
		}
		next := toks[i+1]
		if i+3 < len(toks) && massPairs[next.Fold+" "+toks[i+2].Fold] {
			return true
		}
		return massForms[next.Exact] || plain && massPlain[next.Fold]
	}
	return false
}

var (
	// massPairs, folded, are produce and goods the papers weigh; massForms
	// those of one syllable, with their marks, and massPlain those of them
	// that typed plain are no other word ("san" may be "sản phẩm").
	massPairs = foldedSet([]string{"cà phê", "hồ tiêu", "cao su", "thanh long", "sầu riêng", "phân bón", "xăng dầu", "thực phẩm", "nông sản", "thủy sản", "hải sản"})
	massForms = exactSet("lúa gạo muối rác tôm chè mía sắn ngô quýt nhãn")
	massPlain = foldedSet([]string{"lúa", "gạo", "rác", "tôm", "mía", "quýt"})
	// massUnits, folded, weigh them.
	massUnits = []string{"tan", "ta", "kg", "yen", "lit", "m3"}
)

// dimensionAsked returns the adjective of a size asked, folded: "dài" of
// "cầu dài bao nhiêu m", "rộng" of "ghe rong bao nhieu met", or "".
func dimensionAsked(toks []Token) string {
	plain := !slices.ContainsFunc(toks, func(t Token) bool { return t.Marked })
	for i := 1; i+1 < len(toks); i++ {
		if t := toks[i-1]; toks[i].Fold == "bao" && toks[i+1].Fold == "nhieu" && dimensions[t.Fold] && (adjectiveForms[t.Exact] || plain) {
			return t.Fold
		}
	}
	return ""
}

// dimensions are the adjectives of sizes, folded.
var dimensions = foldedSet([]string{"dài", "rộng", "cao", "sâu"})

// givesOtherDimension reports whether a sentence gives a length by another
// adjective than the one asked and never says the one asked: "bề rộng
// 14,5 m" does not say how long the bridge is.
func givesOtherDimension(toks []Token, dimension string) bool {
	other := false
	for i, t := range toks {
		if !dimensions[t.Fold] || !adjectiveForms[t.Exact] {
			continue
		}
		if t.Fold == dimension {
			return false
		}
		for j := i + 1; j+1 < len(toks) && j < i+4; j++ {
			other = other || toks[j].Number && lengthUnits[toks[j+1].Fold] && !(i > 0 && toks[i-1].Fold == "keo") // not "kéo dài từ năm 2017"
		}
	}
	return other
}

// lengthUnits, folded, measure lengths.
var lengthUnits = foldedSet([]string{"m", "mét", "km", "cm"})

// adjectiveForms are the adjectives of adjectiveUnits as Tokenize writes them.
var adjectiveForms = exactSet("dài rộng cao sâu nặng")

// adjectiveUnits are the units of the measures an adjective asks, folded.
var adjectiveUnits = map[string][]string{
	"dai":  {"km", "m", "met", "cm"},
	"rong": {"m", "met", "ha", "km", "m2", "km2"},
	"cao":  {"m", "met", "cm"},
	"sau":  {"m", "met", "km", "cm"},
	"nang": {"kg", "tan", "ta", "gam"},
}

// sums, folded, open a question asking an amount of money.
var sums = map[string]bool{"kinh phi": true, "doanh thu": true, "chi phi": true, "loi nhuan": true, "thu nhap": true, "tong von": true,
	"thu ngan": true, "von dau": true, "ngan sach": true, "muc dau": true}

// valued reports whether a question asks what something is worth: "trị
// giá bao nhiêu", "giá trị bao nhiêu", or a sum right before its "bao
// nhiêu": "Công ty … có vốn đầu tư bao nhiêu".
func valued(toks []Token) bool {
	for i := 2; i+1 < len(toks); i++ {
		if pair := toks[i-2].Fold + " " + toks[i-1].Fold; (pair == "tri gia" || pair == "gia tri" || sums[pair] || pair == "dau tu" && i > 2 && toks[i-3].Fold == "von") && toks[i].Fold == "bao" && toks[i+1].Fold == "nhieu" {
			return true // "có vốn đầu tư bao nhiêu", "kinh phí bao nhiêu" asked late in the question
		}
	}
	// A sum named before "bao nhiêu" with nothing between that changes or
	// shares it: "doanh thu bán vé … được bao nhiêu". Not funds disbursed,
	// which the papers give as a share ("giải ngân vốn … đạt 38,7%").
	for i := 1; i+2 < len(toks); i++ {
		if toks[i-1].Fold+" "+toks[i].Fold == "giai ngan" {
			return false
		}
		if !sums[toks[i-1].Fold+" "+toks[i].Fold] {
			continue
		}
		for _, t := range toks[i+1:] {
			if t.Fold == "bao" || t.Fold == "nhieu" {
				return true
			}
			if shareWords[t.Fold] || t.Number || t.Exact == "%" {
				return false
			}
		}
	}
	return false
}

// shareWords, folded, change or share a figure: "tăng bao nhiêu", "chiếm bao nhiêu".
var shareWords = map[string]bool{"tang": true, "giam": true, "chiem": true, "bang": true, "vuot": true, "ti": true, "phan": true}

// asksSum reports whether a question opens with what is measured in money:
// "Giá …" (not "già"), "Kinh phí …", "Doanh thu …".
func asksSum(toks []Token) bool {
	if toks[0].Fold == "tong" && len(toks) > 2 {
		toks = toks[1:] // "Tổng kinh phí …"
	}
	return toks[0].Fold == "gia" && (!toks[0].Marked || toks[0].Exact == priceWord) || sums[toks[0].Fold+" "+toks[1].Fold]
}

// pricedOf returns what a question opening with "Giá" asks the price of,
// at most four words ("cao su" of "giá cao su ở Sa Thầy", "thanh long
// ruột vàng"), past the words for buying and selling and for an average;
// none for "giá trị".
func pricedOf(toks []Token) []Token {
	if len(toks) < 2 || toks[0].Fold != "gia" || toks[0].Marked && toks[0].Exact != priceWord || !toks[1].Marked && toks[1].Fold == "dinh" {
		return nil // "gia dinh" typed plain is "gia đình", a family
	}
	i := 1
	for i < len(toks) && priceVerbs[toks[i].Fold] {
		i++
	}
	var out []Token
	for ; i < len(toks) && len(out) < 4; i++ {
		t := toks[i]
		now := t.Fold == "bay" && i+1 < len(toks) && toks[i+1].Fold == "gio" || t.Fold == "hom" || t.Fold == "nay" // "bây giờ", "hôm nay"
		if IsStopword(t) || t.Number || placeNouns[t.Fold] || asking[t.Fold] || timeUnits[t.Fold] || t.Upper || t.Fold == "moi" || t.Fold == "tren" || t.Fold == "hien" || now {
			break // "giá mía năm nay": what is priced ends before when
		}
		out = append(out, t)
	}
	if len(out) > 0 && (out[0].Fold == "tri" || out[0].Fold == "thanh" && (len(out) == 1 || out[1].Fold != "long")) {
		return nil // "giá trị", "giá thành" name no good; "gia thanh long" typed plain does
	}
	return out
}

// priceVerbs stand between "giá" and what is priced, folded: "giá thu mua
// lúa", "giá bán bình quân".
var priceVerbs = map[string]bool{"ban": true, "thu": true, "mua": true, "binh": true, "quan": true, "trung": true, "bq": true, "tb": true}

// qualifierOf returns the content words right after the unit a question
// counts ("tử vong" of "bao nhiêu ca tử vong do sởi"), or after the thing
// a "tỷ lệ" is of ("cận nghèo" of "tỷ lệ hộ cận nghèo"), at most two. A
// magnitude ("triệu m3") is followed by a unit, which says no which.
func qualifierOf(question, unit string) []Token {
	if unit == "time" || unit == "tien" || magnitudes[unit] {
		return nil
	}
	toks := Tokenize(question)
	for i := 1; i < len(toks); i++ {
		start := 0
		switch {
		case unit != "" && unit != "%" && toks[i].Fold == unit && (toks[i-1].Fold == "nhieu" || toks[i-1].Fold == "may"):
			start = i + 1
		case unit == "%" && toks[i-1].Fold == "ti" && toks[i].Fold == "le" && i+1 < len(toks):
			start = i + 2 // past the thing the share is of: "tỷ lệ hộ …"
		default:
			continue
		}
		var out []Token
		for j := start; j < len(toks); j++ {
			t := toks[j]
			if len(out) == 2 || IsStopword(t) || t.Number || placeNouns[t.Fold] || asking[t.Fold] || t.Upper || t.Fold == "moi" || t.Fold == "tren" ||
				strings.TrimSpace(question[toks[j-1].End:t.Start]) != "" {
				break // "mỗi ngày", "trên ha" say per what, not what is counted
			}
			out = append(out, t)
		}
		return out
	}
	return nil
}

// initialsOf returns the initials of what a question counts, which a
// paper may write instead: "ccn" for "cụm công nghiệp" ("41 CCN").
func initialsOf(unit string, qualifier []Token) string {
	initials := unit[:1]
	for _, t := range qualifier {
		initials += t.Fold[:1]
	}
	return initials
}

// magnitudes count in thousands and more: "1,2 triệu".
var magnitudes = map[string]bool{"tram": true, "nghin": true, "ngan": true, "trieu": true, "ty": true, "ti": true, "van": true, "chuc": true}

// countedNoun returns the folded syllable a "bao nhiêu"/"mấy" question
// counts ("bao nhiêu xã" counts "xa"), or "".
func countedNoun(question string) string {
	toks := Tokenize(question)
	baoNhieu := strings.Contains(foldedText(toks), " bao nhieu ")
	for i, t := range toks {
		if t.Fold == "lau" && i > 0 && toks[i-1].Fold == "bao" && (t.Marked || toks[i-1].Marked || i+1 == len(toks)) {
			return "time" // "bao lâu" is answered by "14 tháng"
		}
		// "mấy", or typed plain "may" ("cau co may nhip") where it is no "máy"
		asks := t.Fold == "nhieu" && i > 0 && toks[i-1].Fold == "bao" || t.Exact == "mây2" && (i == 0 || toks[i-1].Fold != "thu") ||
			t.Exact == "may" && i > 0 && toks[i-1].Fold != "thu" && !baoNhieu && plainHowMany(toks, i)
		if asks && strings.HasPrefix(strings.TrimSpace(question[t.End:]), "%") {
			return "%" // "bn %"
		}
		if asks && i+1 < len(toks) && (!IsStopword(toks[i+1]) || timeUnits[toks[i+1].Fold] || i+2 < len(toks) && countedPairs[toks[i+1].Fold+" "+toks[i+2].Fold]) && !toks[i+1].Number && strings.TrimSpace(question[t.End:toks[i+1].Start]) == "" { // "bao nhiêu năm" counts years
			switch next := toks[i+1]; {
			case next.Fold == "phan" && i+2 < len(toks) && toks[i+2].Fold == "tram":
				return "%" // "bao nhiêu phần trăm" is answered by "98,4%"
			case next.Fold == "moi" || next.Fold == "mot" || withUnit(next.Fold):
				return "" // "bao nhiêu mỗi hecta", "bn 1kg" count nothing: they ask a rate
			case next.Exact == "do" && slices.ContainsFunc(toks, func(t Token) bool { return t.Marked }):
				return "" // "thiệt hại bao nhiêu do bão": "do" written plain among diacritics is "because", no unit
			case next.Fold == "so" && i+2 < len(toks) && toks[i+2].Fold == "voi":
				return "" // "tăng bao nhiêu so với cùng kỳ" compares, it counts nothing
			case next.Fold == "tien" || next.Fold == "von" || next.Fold == "kinh" && i+2 < len(toks) && toks[i+2].Fold == "phi":
				return "tien" // "bao nhiêu tiền", "bao nhiêu vốn", "bao nhiêu kinh phí" are answered in đồng
			default:
				return next.Fold
			}
		}
	}
	return ""
}

// reChange finds, folded, a question on how much something changed, which
// a share may answer: "số lượt khám tăng bao nhiêu" by "12,3%".
var reChange = regexp.MustCompile(` (so voi|tang|giam|hon|chenh lech) `)

// reSaved finds, folded, a question on how much was gained or saved right
// before its "bao nhiêu", which a share answers whatever is counted:
// "giảm được bao nhiêu nước tưới" by "30% lượng nước tưới".
var reSaved = regexp.MustCompile(` (tang|giam|tiet kiem|cao hon|thap hon)( duoc)?( khoang)? (bao nhieu|may) `)

// countedBySo returns the folded syllable a question opening "Số X …"
// ("Tổng số X …") counts, or "": "số hộ nghèo … là bao nhiêu" counts "ho",
// "số tiền" a sum. "Số lượng X" counts X; "So Y tế" typed plain is a
// department, "số 12" a code.
func countedBySo(toks []Token) string {
	i := 0
	if len(toks) > 0 && toks[0].Fold == "tong" {
		i = 1
	}
	if i+1 >= len(toks) || toks[i].Fold != "so" || toks[i].Marked && toks[i].Exact != "sô2" || agentAt(toks, i, true) != "" {
		return ""
	}
	next := i + 1
	if toks[next].Fold == "luong" && next+1 < len(toks) {
		next++
	}
	switch t := toks[next]; {
	case t.Number || isAbbreviation(t.Fold) || t.Start != toks[next-1].End+1:
		return ""
	case t.Fold == "tien" || t.Fold == "von" || t.Fold == "kinh" && next+1 < len(toks) && toks[next+1].Fold == "phi":
		return "tien"
	default:
		return t.Fold
	}
}

// countedPairs are things counted whose first syllable alone is a
// stopword: "bao nhiêu điều dưỡng" counts nurses, not "bác sĩ".
var countedPairs = map[string]bool{"dieu duong": true, "viec lam": true}

// asksRate reports whether a question asks its unit per another: "bao
// nhiêu tạ một héc-ta", "mấy tấn mỗi ha", "bn tấn/ha".
func asksRate(question string, toks []Token, unit string) bool {
	if unit == "" {
		return false
	}
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Fold != unit || toks[i-1].Fold != "nhieu" && toks[i-1].Fold != "may" {
			continue
		}
		// "bao nhiêu gạo mỗi tháng" is no rate: papers write "15 kg gạo mỗi tháng", not "/tháng"
		per := unitPer(toks, i)
		return strings.HasPrefix(question[toks[i].End:], "/") || per != "" && !timeUnits[per]
	}
	return false
}

// unitPer returns, folded, what the unit asked at toks[i] is asked per
// ("ha" of "mấy tấn mỗi ha", "ngay" of "bao nhiêu tấn mỗi ngày"), or "".
func unitPer(toks []Token, i int) string {
	if i+2 >= len(toks) {
		return ""
	}
	if next := toks[i+1]; next.Fold == "mot" || next.Fold == "moi" || next.Fold == "tren" || next.Exact == "1" {
		return toks[i+2].Fold
	}
	return ""
}

// asksPerTime reports whether a question asks its unit per a span of
// time: "bao nhiêu tấn mỗi ngày".
func asksPerTime(toks []Token, unit string) bool {
	for i := 1; unit != "" && i+1 < len(toks); i++ {
		if toks[i].Fold == unit && (toks[i-1].Fold == "nhieu" || toks[i-1].Fold == "may") {
			return timeUnits[unitPer(toks, i)]
		}
	}
	return false
}

// askedPer returns the unit a question asks a figure per when "bao nhiêu"
// counts none: "kg" of "bao nhiêu 1kg", "bao nhiêu một ký", "bn mỗi ha".
func askedPer(toks []Token) string {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Fold != "nhieu" && toks[i].Fold != "may" {
			continue
		}
		unit := ""
		switch next := toks[i+1]; {
		case withUnit(next.Fold):
			unit = strings.TrimLeft(next.Fold, "0123456789.,")
		case (next.Fold == "mot" || next.Fold == "moi" || next.Exact == "1") && i+2 < len(toks):
			unit = toks[i+2].Fold
		}
		if spelled, ok := perSpellings[unit]; ok {
			unit = spelled
		}
		if timeUnits[unit] {
			return "" // "lãi bao nhiêu một năm": papers give the year's figure without "/năm"
		}
		return unit
	}
	return ""
}

// sumPer returns what a sum is asked per, folded, when a question names
// it after its "bao nhiêu tiền": "hộ" of "hỗ trợ bao nhiêu tiền cho mỗi hộ".
func sumPer(toks []Token) string {
	for i := 1; i < len(toks); i++ {
		if toks[i].Fold != "nhieu" || toks[i-1].Fold != "bao" {
			continue
		}
		for j := i + 1; j+1 < len(toks) && j <= i+4; j++ {
			each := toks[j].Exact == eachWord || !toks[j].Marked && toks[j].Fold == "moi" || toks[j].Exact == "1" || toks[j].Exact == oneWord
			if each && (toks[j-1].Fold == "cho" || toks[j-1].Fold == "tren" || toks[j-1].Fold == "tien") && !timeUnits[toks[j+1].Fold] {
				return toks[j+1].Fold
			}
		}
		return ""
	}
	return ""
}

// eachWord is "mỗi" as Tokenize writes it.
var eachWord = Tokenize("mỗi")[0].Exact

// perSpellings are the units prices are asked per, as people say them,
// with the symbol the papers write after "/".
var perSpellings = map[string]string{"can": "kg", "ki": "kg", "kilogam": "kg", "hecta": "ha", "lit": "lit"}

// givesPer reports whether a sentence gives a figure per unit: "8.300
// đồng/kg", "mỗi kg", "1 kg".
func givesPer(text string, toks []Token, unit string) bool {
	if strings.ContainsAny(text, "²³") {
		text = superscripts.Replace(text) // "đồng/m²" for "1 m2"
		toks = Tokenize(text)
	}
	for i, t := range toks {
		if t.Fold != unit && unitSpellings[unit] != t.Fold && unitSpellings[t.Fold] != unit {
			continue
		}
		if t.Start > 0 && text[t.Start-1] == '/' || i > 0 && (toks[i-1].Fold == "moi" || toks[i-1].Exact == "1" || toks[i-1].Fold == "mot") {
			return true
		}
	}
	return false
}

// superscripts are the units' powers written as digits: "m²" for "m2".
var superscripts = strings.NewReplacer("²", "2", "³", "3", "°C", " độ", "°", " độ")

// countsUnit reports whether text, of syllables toks, has a number right
// before unit ("12 xã"), or before a measure of it ("2,35 kg ma túy", "300
// con bò").
func countsUnit(text string, toks []Token, unit string) bool {
	return countsUnitAs(text, toks, unit, false)
}

// countsRate reports whether text has a number of unit per another ("67,2
// tạ/ha" for "tạ").
func countsRate(text string, toks []Token, unit string) bool {
	return countsUnitAs(text, toks, unit, true)
}

func countsUnitAs(text string, toks []Token, unit string, perOther bool) bool {
	if unit == "%" {
		return rePercent.MatchString(text)
	}
	if strings.ContainsAny(text, "²³°") {
		text = superscripts.Replace(text) // "m²" for "m2", "38,6°C" for "38,6 độ"
		toks = Tokenize(text)
	}
	adjacent := func(a, b Token) bool { return strings.TrimSpace(text[a.End:b.Start]) == "" }
	isNumber := func(t Token) bool { return t.Number || numberWords[t.Exact] }
	for i := 1; i < len(toks); i++ {
		if i > 1 && toks[i-1].Exact == oneWord && perOneWords[toks[i-2].Fold] {
			continue // "của một lượt khách", "là một tài xế" count nothing; "ít nhất một học kỳ" counts one
		}
		u := toks[i].Fold
		counted := u == unit || unitSpellings[u] == unit || unitSpellings[unit] == u ||
			unit == "tien" && money[u] && !countsThings(text, toks, i) || unit == "time" && (timeUnits[u] || periods[toks[i-1].Fold+" "+u])
		if !counted || !perOther && rate(text, toks[i], unit) || perOther && !perAfter(text, toks, i) {
			continue
		}
		if powers[unit] != "" && u == "met" && (i+1 == len(toks) || toks[i+1].Fold != powers[unit]) {
			continue // "bao nhiêu m2" is not answered by "dài 20 mét", but by "mét vuông"
		}
		if gender[unit] && i > 2 && isNumber(toks[i-3]) && peopleClassifiers[toks[i-2].Fold+" "+toks[i-1].Fold] {
			return true // "7 đồng chí nữ" for "bao nhiêu nữ"
		}
		if isNumber(toks[i-1]) && adjacent(toks[i-1], toks[i]) || timeUnits[unit] && i+2 < len(toks) && toks[i+1].Fold == "thu" && isNumber(toks[i+2]) {
			return true // "13 năm", or "năm thứ 13 liên tiếp" for "bao nhiêu năm"
		}
		if i > 1 && (measureWords[toks[i-1].Fold] || periods[toks[i-1].Fold+" "+u]) && isNumber(toks[i-2]) && adjacent(toks[i-2], toks[i-1]) && adjacent(toks[i-1], toks[i]) {
			return true
		}
	}
	return false
}

// gender are the units, folded, that count people by sex; peopleClassifiers
// stand between such a count and its sex: "7 đồng chí nữ", "12 cán bộ nam".
var (
	gender            = map[string]bool{"nu": true, "nam": true}
	peopleClassifiers = foldedSet([]string{"đồng chí", "cán bộ", "đại biểu", "học sinh", "sinh viên", "giáo viên", "công nhân", "lao động", "ủy viên", "thành viên", "hội viên", "đảng viên"})
)

// tallied reports whether a sentence opens a clause with what is counted,
// as qualified, and gives its count in visits or people after a verb:
// "khách quốc tế đạt 96.300 lượt" for "bao nhiêu khách quốc tế".
func tallied(toks []Token, unit string, qualifier []Token) bool {
	if len(qualifier) == 0 {
		return false
	}
	for i := 0; i+len(qualifier) < len(toks); i++ {
		if toks[i].Fold != unit || !slices.EqualFunc(toks[i+1:i+1+len(qualifier)], qualifier, func(a, b Token) bool { return a.Fold == b.Fold }) {
			continue
		}
		for j := i + 1 + len(qualifier); j+2 < len(toks) && j <= i+len(qualifier)+3; j++ {
			if countVerbs[toks[j].Fold] && toks[j+1].Number && tallies[toks[j+2].Fold] {
				return true
			}
		}
	}
	return false
}

// countVerbs, folded, lead from what is counted to its count ("đạt 96.300
// lượt"); tallies count it in visits or people.
var (
	countVerbs = map[string]bool{"dat": true, "la": true, "gom": true}
	tallies    = map[string]bool{"luot": true, "nguoi": true}
)

// periods are durations said in two syllables, folded: "hai học kỳ".
var periods = foldedSet([]string{"học kỳ", "nhiệm kỳ", "thế kỷ", "thập kỷ"})

// perAfter reports whether the unit at toks[i] is given per another:
// "tạ/ha", or with what it weighs between ("3,1 tấn nhân/ha").
func perAfter(text string, toks []Token, i int) bool {
	return strings.HasPrefix(text[toks[i].End:], "/") ||
		i+1 < len(toks) && toks[i+1].Start == toks[i].End+1 && strings.HasPrefix(text[toks[i+1].End:], "/")
}

// rate reports whether a unit found is that of a rate ("2,7 tấn/ha") where
// an amount is asked ("bao nhiêu tấn"): a yield is no harvest. A price is
// a sum: "bao nhiêu đồng" is answered by "45.000 đồng/kg".
func rate(text string, found Token, unit string) bool {
	return strings.HasPrefix(text[found.End:], "/") && unit != "tien" && !money[unit]
}

// measureWords stand between a number and what it counts or weighs:
// units and classifiers ("2,35 kg ma túy", "1.200 viên thuốc", "300 con bò").
var measureWords = foldedSet([]string{"kg", "gam", "gram", "tấn", "tạ", "yến", "lít", "ha", "hecta", "m", "m2", "m3", "km", "kwh", "mwh", "gwh", "kw", "mw",
	"con", "chiếc", "cái", "viên", "bao", "thùng", "kiện", "gói", "liều", "suất", "túi", "hộp", "chai", "cây", "căn", "lô", "phần", "lượt"})

// unitSpellings are units' short forms with their words: "mấy m" is
// answered by "12 mét", "bao nhiêu mét" by "12 m", "bao nhiêu nước" by "72
// quốc gia".
var unitSpellings = map[string]string{"m": "met", "km": "kilomet", "cm": "centimet", "mm": "milimet", "ha": "hecta",
	"kg": "kilogam", "ml": "mililit", "m2": "met", "m3": "met", "tr": "trieu", "ng": "nguoi", "quoc": "nuoc"}

// powers are the units of area and volume, folded, with the word that
// follows "mét" in them: "mét vuông", "mét khối".
var powers = map[string]string{"m2": "vuong", "m3": "khoi"}

// timeUnits are the words a duration is said in ("14 tháng").
var timeUnits = map[string]bool{"nam": true, "thang": true, "tuan": true, "ngay": true, "gio": true, "phut": true, "giay": true,
	"quy": true, "tieng": true, "dem": true}

// countsThings reports whether the magnitude at toks[i] counts what
// follows it: "3,6 triệu cây giống", "1,2 triệu người" are no sums.
func countsThings(text string, toks []Token, i int) bool {
	return magnitudes[toks[i].Fold] && i+1 < len(toks) && strings.TrimSpace(text[toks[i].End:toks[i+1].Start]) == "" &&
		(measureWords[toks[i+1].Fold] || countedThings[toks[i+1].Fold])
}

// countedThings are what a count of many is often of, besides measureWords.
var countedThings = foldedSet([]string{"người", "hộ", "khách", "dân"})

// money are the words a sum is said in ("312,4 tỷ đồng", "18 triệu").
var money = map[string]bool{"dong": true, "ti": true, "trieu": true, "nghin": true, "ngan": true, "usd": true, "do": true}

var rePercent = regexp.MustCompile(`\d\s?%`)

// oneWord is "một" as Tokenize writes it; perOneWords, folded, make it
// "per one" or "a" before what is counted.
var (
	oneWord     = Tokenize("một")[0].Exact
	perOneWords = foldedSet([]string{"của", "cho", "trên", "mỗi", "là", "với"})
)

var numberWords = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range Tokenize("một hai ba bốn sáu bảy tám chín mười trăm nghìn ngàn triệu tỷ tỉ") {
		m[t.Exact] = true
	}
	return m
}()

func dedupeTokens(toks []Token) []Token {
	seen := map[int]bool{}
	out := toks[:0:0]
	for _, t := range toks {
		if !seen[t.Start] {
			seen[t.Start] = true
			out = append(out, t)
		}
	}
	return out
}

func refuse(english bool) Answer {
	if english {
		return Answer{Text: RefusalEN, Refused: true, Citations: []Citation{}}
	}
	return Answer{Text: RefusalVI, Refused: true, Citations: []Citation{}}
}

// metaAnswer answers from an article's metadata; false when the article
// lacks the field asked for.
func metaAnswer(kind Kind, a *Article, english bool) (Answer, bool) {
	cite := Citation{N: 1, ArticleID: a.ID, ChunkID: a.ID + "#t", Title: a.Title, URL: a.URL, Published: a.Published, Quote: a.Title}
	var text string
	switch kind {
	case KindPublished:
		if a.Published.IsZero() {
			return Answer{}, false
		}
		when := a.Published.Format("02/01/2006")
		dateline := when
		if h, m, _ := a.Published.Clock(); h != 0 || m != 0 {
			when += " lúc " + a.Published.Format("15:04")
			dateline += " - " + a.Published.Format("15:04")
		}
		cite.Quote = a.Title + "\n" + dateline
		text = fmt.Sprintf("Bài “%s” đăng ngày %s [1].", a.Title, when)
		if english {
			text = fmt.Sprintf("“%s” was published on %s [1].", a.Title, a.Published.Format("2 January 2006"))
		}
	case KindAuthor:
		if a.Author == "" {
			return Answer{}, false
		}
		cite.Quote = a.Author
		name := nameCase(a.Author)
		text = fmt.Sprintf("Bài “%s” do %s viết [1].", a.Title, name)
		if english {
			text = fmt.Sprintf("“%s” was written by %s [1].", a.Title, name)
		}
	default:
		text = fmt.Sprintf("Bài có tiêu đề “%s” [1].", a.Title)
		if english {
			text = fmt.Sprintf("The article is titled “%s” [1].", a.Title)
		}
	}
	return Answer{Text: text, Citations: []Citation{cite}}, true
}

// candidate is a sentence that may answer, with the clause chosen from it.
type candidate struct {
	passage  *Passage
	sentence string // the whole sentence, quoted in the citation
	before   string // the sentences before and after it in the passage
	after    string
	clause   string // the part that answers
	features features
	score    float64 // rankModel's
}

func (c candidate) answer(english bool) Answer {
	text := strings.TrimSpace(c.clause)
	if m := reSourceTag.FindStringIndex(text); m != nil && m[1] < len(text) {
		text = text[m[1]:] // "(Báo Quảng Ngãi) - Khoảng 4 giờ 40 …" answers from "Khoảng"; the citation quotes it whole
	}
	text = strings.TrimRight(text, ".;:, ")
	text = upperFirst(text)
	text += " [1]."
	if english {
		text = "According to the article: " + text
	}
	a := c.passage.Article
	return Answer{Text: text, Citations: []Citation{{
		N: 1, ArticleID: a.ID, ChunkID: c.passage.Chunk.ID, Title: a.Title, URL: a.URL,
		Published: a.Published, Quote: c.sentence,
	}}}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// nameCase writes a byline set in capitals as a name is written: "TRUNG
// HIẾU" -> "Trung Hiếu". A byline in mixed case is kept as it is.
func nameCase(s string) string {
	if strings.ToUpper(s) != s {
		return s
	}
	words := strings.Fields(strings.ToLower(s))
	for i, w := range words {
		words[i] = upperFirst(w)
	}
	return strings.Join(words, " ")
}

// quoted reports whether the byte at i stands inside “…”: a name such as
// “Chi bộ bốn tốt”, not a count.
func quoted(text string, i int) bool {
	return strings.Count(text[:i], "“") > strings.Count(text[:i], "”")
}

// firstWord is the byte offset of a text's first syllable.
func firstWord(text string) int {
	if toks := Tokenize(text); len(toks) > 0 {
		return toks[0].Start
	}
	return -1
}

// wantedWords are the keys weighArticle looks up for a question: its
// content syllables (folded and exact), the pairs they form, and its
// distinguishing keys.
func wantedWords(q Query, content []Token) words {
	w := words{fold: map[string]bool{}, exact: map[string]bool{}}
	for i, t := range content {
		w.fold[t.Fold] = true
		w.exact[t.Exact] = true
		if sp, ok := spelledNumber[t.Exact]; ok {
			w.exact[sp] = true
		}
		if i > 0 {
			w.fold[content[i-1].Fold+" "+t.Fold] = true
		}
	}
	toks := Tokenize(q.Text)
	for _, pair := range namePairs(q.Text) {
		w.fold[pair[0].Fold+" "+pair[1].Fold] = true
	}
	for _, name := range singleNames(q.Text, toks) {
		w.fold[name.Fold] = true
		w.exact[name.Exact] = true
	}
	for _, pair := range placePairs(q, toks) {
		w.fold[pair] = true
	}
	if frame := framePair(q, toks); frame != "" {
		w.fold[frame] = true
	}
	for _, m := range distinguishing(toks) {
		if _, number, ok := strings.Cut(m, " "); ok {
			m = number
		}
		w.fold[m] = true
	}
	return w
}

// spelledNumber is the exact key of the word for a small number: "1" may be
// written "một".
var spelledNumber = func() map[string]string {
	m := map[string]string{}
	for i, w := range strings.Fields("không một hai ba bốn năm sáu bảy tám chín mười") {
		m[strconv.Itoa(i)] = Tokenize(w)[0].Exact
	}
	return m
}()

// unknownName reports whether two syllables after a place noun name a
// place no article has: one of them is a syllable no article has (not an
// abbreviation such as "dtb"), and the first is no small word typed plain
// ("huyện còn duy trì").
func unknownName(q Query, a, b Token) bool {
	unseen := func(t Token) bool { return q.Unseen[t.Fold] && !isAbbreviation(t.Fold) && !t.Number }
	return (unseen(a) || unseen(b)) && !foldedStop[a.Fold] && !IsStopword(a)
}

// provinces are the names of Vietnam's provinces and cities, their first
// two syllables folded: "tỉnh Thái Bình" names a place even where no
// article says it.
var provinces = foldedSet(provinceNames)

// provinceNames are those names as written.
var provinceNames = []string{"An Giang", "Bạc Liêu", "Bắc Giang", "Bắc Kạn", "Bắc Ninh", "Bến Tre", "Bình Dương",
	"Bình Định", "Bình Phước", "Bình Thuận", "Cà Mau", "Cao Bằng", "Cần Thơ", "Đà Nẵng", "Đắk Lắk", "Đắk Nông",
	"Điện Biên", "Đồng Nai", "Đồng Tháp", "Gia Lai", "Hà Giang", "Hà Nam", "Hà Nội", "Hà Tĩnh", "Hải Dương",
	"Hải Phòng", "Hậu Giang", "Hòa Bình", "Hưng Yên", "Khánh Hòa", "Kiên Giang", "Kon Tum", "Lai Châu", "Lâm Đồng",
	"Lạng Sơn", "Lào Cai", "Long An", "Nam Định", "Nghệ An", "Ninh Bình", "Ninh Thuận", "Phú Thọ", "Phú Yên",
	"Quảng Bình", "Quảng Nam", "Quảng Ngãi", "Quảng Ninh", "Quảng Trị", "Sóc Trăng", "Sơn La", "Tây Ninh",
	"Thái Bình", "Thái Nguyên", "Thanh Hóa", "Tiền Giang", "Trà Vinh", "Tuyên Quang", "Vĩnh Long", "Vĩnh Phúc",
	"Yên Bái", "Bà Rịa", "Thừa Thiên"}

// provinceForms are the provinces' pairs as Tokenize writes them exactly.
var provinceForms = func() map[string]bool {
	forms := map[string]bool{}
	for _, t := range provinceNames {
		toks := Tokenize(t)
		forms[toks[0].Exact+" "+toks[1].Exact] = true
	}
	return forms
}()

// placeNouns name a kind of place; the two syllables after one are the
// place's name ("huyện Châu Phú", "tp chau doc"), however it is typed.
var placeNouns = map[string]bool{"huyen": true, "tinh": true, "xa": true, "tp": true, "tx": true, "quan": true, "phuong": true, "tran": true, "tram": true}

// placeNounForms are placeNouns as written with their diacritics: "Trần
// Quốc Khánh" opens with a name, not "thị trấn".
var placeNounForms = exactSet("huyện tỉnh xã quận phường trấn trạm")

// exactSet returns the exact syllables of a text, as Tokenize writes them.
func exactSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, t := range Tokenize(text) {
		set[t.Exact] = true
	}
	return set
}

// placeNoun reports whether a syllable of a question is a place noun,
// typed with its diacritics or without any.
func placeNoun(t Token) bool {
	return placeNouns[t.Fold] && (!t.Marked || placeNounForms[t.Exact])
}

// placePairs returns the folded names of the places a question names after
// a place noun ("huyện Châu Phú") or its party committee ("Tỉnh ủy An
// Giang"), when the corpus knows the two syllables as a word: a place is
// found whole or the article is about another.
func placePairs(q Query, toks []Token) []string {
	var out []string
	// A question typed with capitals, not all in them, capitalises names.
	cased := slices.ContainsFunc(toks, func(t Token) bool { return t.Upper }) && slices.ContainsFunc(toks, func(t Token) bool { return !t.Upper && !t.Number })
	named := -1 // the last syllable of the last place found: "huyen tram tau" names Trạm Tấu, no "trạm"
	for i := 0; i+2 < len(toks); i++ {
		if !placeNoun(toks[i]) && !townCommittee(toks, i) || i > 0 && honorifics[toks[i-1].Fold] || i <= named {
			continue // "ông Trần Quốc Khánh" typed plain names a man
		}
		if i > 0 && toks[i-1].Fold+" "+toks[i].Fold == "binh quan" || toks[i].Fold+" "+toks[i+1].Fold == "xa hoi" {
			continue // "bình quân toàn tỉnh", "xã hội": no quận, no xã
		}
		if cased && i > 0 && toks[i].Upper && toks[i+1].Fold != "uy" && !abbreviatedNoun(q.Text, toks[i]) {
			continue // "cháy rừng ở Trạm Tấu": capitalised inside a question, it opens a name
		}
		noun := toks[i].Fold
		office := toks[i+1].Fold == "uy"
		if office {
			i++ // "Tỉnh ủy An Giang": the place follows the office
			if i+2 >= len(toks) {
				break
			}
		}
		if toks[i+1].Number || toks[i+2].Number {
			continue
		}
		if toks[i].End+1 < toks[i+1].Start-1 || toks[i+1].End+1 != toks[i+2].Start {
			continue // not standing together
		}
		if toks[i+1].Start <= len(q.Text) && strings.ContainsAny(q.Text[toks[i].End:toks[i+1].Start], ",;:") {
			continue // "Chủ tịch HĐND tỉnh, người chủ trì …": the place's noun ends a clause
		}
		if cased && !toks[i+1].Upper {
			continue // "Năm nay tỉnh đặt mục tiêu …": where names are capitalised, a place's is
		}
		if noun == "tinh" && !provinces[toks[i+1].Fold+" "+toks[i+2].Fold] && personAfter(toks[i+1:]) {
			continue // "Phó Chủ tịch UBND tỉnh Hồ Đức Thịnh" names a man after the office
		}
		// "huyen Bac Ai la ai": the first "ai" ends the place's name.
		whoTwice := toks[i+2].Fold == "ai" && slices.ContainsFunc(toks[i+3:], func(t Token) bool { return t.Fold == "ai" })
		capital := func(j int) bool { return cased && toks[j].Upper } // "huyen Pac Sao" names Pác Sào
		if asksAt(toks, i+1) && !capital(i+1) || asksAt(toks, i+2) && !whoTwice && !capital(i+2) {
			continue // "huyện số mấy" asks, it names no place
		}
		// After "huyện ủy" typed plain, two syllables that end the asking
		// are a place: "bt huyen uy tu nghia la ai" asks of Tư Nghĩa, though
		// no article names it.
		officePlace := office && !cased && !IsStopword(toks[i+1]) && !IsStopword(toks[i+2]) && (i+3 == len(toks) || endsAsking[toks[i+3].Fold])
		if pair := toks[i+1].Fold + " " + toks[i+2].Fold; (q.weight(pair) > 0 || officePlace || whoTwice || noun == "tinh" && provinces[pair] || unknownName(q, toks[i+1], toks[i+2]) || cased && toks[i+2].Upper) && !saying[pair] && !acting[pair] {
			out = append(out, pair)
			named = i + 2
		}
	}
	// A province needs no place noun: "Sở NN&PTNT Cà Mau".
	for i := 0; i+1 < len(toks); i++ {
		pair := toks[i].Fold + " " + toks[i+1].Fold
		if !provinces[pair] || slices.Contains(out, pair) || toks[i].End+1 != toks[i+1].Start {
			continue
		}
		if (toks[i].Marked || toks[i+1].Marked) && !provinceForms[toks[i].Exact+" "+toks[i+1].Exact] {
			continue // "Thoại Sơn là ai" names no "Sơn La"
		}
		paired := func(j int) bool { return j >= 0 && j+1 < len(toks) && q.weight(toks[j].Fold+" "+toks[j+1].Fold) > 0 }
		if paired(i-1) && !(paired(i-2) && !placeNoun(toks[i-2])) || paired(i+1) && !paired(i+2) {
			continue // "kiem tra vinh chau" typed plain: "tra" is of "kiểm tra"; in "y te can tho", "te" is of "y tế", in "huyen thoai son la ai" of Thoại Sơn
		}
		if i > 0 && (surnames[toks[i-1].Fold] || toks[i-1].Upper && toks[i].Upper && toks[i-1].End+1 == toks[i].Start) {
			continue // "Nguyễn Thái Bình" is a man
		}
		out = append(out, pair)
	}
	return out
}

// townCommittee reports whether toks[i:] opens the party committee of a
// city or town, "Thành ủy", "Thị ủy": the place follows it, as after
// "Tỉnh ủy".
func townCommittee(toks []Token, i int) bool {
	return i+1 < len(toks) && (toks[i].Fold == "thanh" || toks[i].Fold == "thi") && toks[i+1].Fold == "uy"
}

// abbreviatedNoun reports whether a place's noun is written as the
// papers abbreviate it, in capitals: "TP. Móng Cái", "TX Chơn Thành".
func abbreviatedNoun(question string, t Token) bool {
	w := question[t.Start:t.End]
	return len(w) == 2 && strings.ToUpper(w) == w
}

// asking are question words, folded: no place is named with them.
var asking = foldedSet([]string{"mấy", "nào", "gì", "đâu", "ai", "sao", "bao", "nhiêu", "j"})

// baoAsks follow "bao" when it asks: "bao nhiêu", "bao giờ", "bao lâu", "bao xa".
var baoAsks = foldedSet([]string{"nhiêu", "giờ", "lâu", "xa"})

// asksAt reports whether the syllable at j is a question word: "bao" only
// as "bao nhiêu", "bao giờ" …, so "xa bao thanh" names Bảo Thạnh.
func asksAt(toks []Token, j int) bool {
	return asking[toks[j].Fold] && (toks[j].Fold != "bao" || j+1 < len(toks) && baoAsks[toks[j+1].Fold])
}

// endsAsking, folded, follow the office and place a who-question asks
// of: "la ai", "ten gi", "hien nay", "nhiem ky …".
var endsAsking = map[string]bool{"la": true, "ten": true, "hien": true, "nhiem": true, "ai": true, "gi": true, "j": true}

// acting are what an office's holder is asked about doing, folded: "pct
// ubnd tinh du le …" names no place "Dự Lễ".
var acting = foldedSet([]string{"dự lễ", "tham dự", "đi kiểm", "kiểm tra", "chủ trì", "giao nhiệm", "trao tặng", "trao quyết",
	"đến thăm", "đi thăm", "thăm hỏi", "yêu cầu", "đề nghị", "chỉ đạo", "khảo sát", "làm việc", "tiếp xúc", "phát động",
	"ban hành", "tổ chức", "ký kết", "công bố", "khánh thành", "khai mạc", "bế mạc", "phát biểu", "dự hội", "dự họp", "dự đại"})

// saying is speechVerbs folded: "chủ tịch huyện nhấn mạnh gì" names no
// place "Nhấn Mạnh".
var saying = foldedSet(speechVerbs)

// personAfter reports whether tokens open with a capitalised name of
// three syllables or more led by a surname: "Hồ Đức Thịnh".
func personAfter(toks []Token) bool {
	if len(toks) < 3 || !surnames[toks[0].Fold] {
		return false
	}
	for i := range 3 {
		if !toks[i].Upper || i > 0 && toks[i-1].End+1 != toks[i].Start {
			return false
		}
	}
	return true
}

// numbersAfter reports whether an article says word followed by number,
// and by other numbers (apart or glued: "ST25"): without the first, it
// names only a neighbour of what is asked ("Cụm công nghiệp Phương Nam 2",
// "Quyết định 21").
func numbersAfter(a *Article, word, number string) (same, other bool) {
	for _, p := range append([]string{a.Title}, a.Paragraphs...) {
		for _, toks := range readText(p).toks { // read once for all questions
			for i := 0; i+1 < len(toks); i++ {
				if toks[i].Fold != word || toks[i].End+1 < toks[i+1].Start {
					continue
				}
				switch {
				case toks[i+1].Exact == spelledNumber[number]:
					same = true // "thứ 3" written "thứ ba"
				case !numeral(toks[i+1]):
				case toks[i+1].Fold == number:
					same = true
				default:
					other = true
				}
			}
		}
	}
	return same, other
}

// isYearNumber reports whether a number is a year: "vụ Thu Đông 2024" may
// be written "vụ Thu Đông năm 2024".
func isYearNumber(n string) bool {
	y, err := strconv.Atoi(n)
	return err == nil && y >= 1900 && y <= 2100
}

// reDocNumber finds the number of a document's code: "12/" of
// "12/KH-BCH", "1240/" of "1240/QĐ-UBND", "12-" of "12-CT/TU", "15/" of
// "15/2024/NQ-HĐND".
var reDocNumber = regexp.MustCompile(`(^|[^\d.,])(\d+[/-])(?:\d{4}[/-])?\pL`)

// codesOf returns the numbers of the documents a question names
// ("Kế hoạch số 12/KH-BCH"), each as an expression finding it whole.
func codesOf(question string) []*regexp.Regexp {
	var out []*regexp.Regexp
	for _, m := range reDocNumber.FindAllStringSubmatch(question, -1) {
		out = append(out, regexp.MustCompile(`(^|\D)`+regexp.QuoteMeta(m[2])))
	}
	return out
}

// holdsCodes reports whether an article holds every document number a
// question names (codesOf).
func holdsCodes(a *Article, codes []*regexp.Regexp) bool {
	for _, code := range codes {
		found := code.MatchString(a.Title)
		for _, p := range a.Paragraphs {
			found = found || code.MatchString(p)
		}
		if !found {
			return false
		}
	}
	return true
}

// genericFrames name a kind of answer so broad that the answer need not
// repeat it ("đơn vị nào" is answered by a company, "vấn đề gì" by the
// problem).
var genericFrames = map[string]bool{
	"don vi": true, "doanh nghiep": true, "co quan": true, "to chuc": true, "linh vuc": true, "hoat dong": true, "van de": true,
	"noi dung": true, "dia diem": true, "thoi gian": true, "bien phap": true, "giai phap": true, "nhiem vu": true,
	"muc dich": true, "muc tieu": true, "ket qua": true, "y nghia": true, "vai tro": true, "dieu kien": true,
	"doi tuong": true, "hinh thuc": true, "phuong phap": true, "phuong thuc": true, "chuc vu": true, "chuc nang": true,
	"cong viec": true, "tinh hinh": true, "su kien": true, "li do": true, "nguyen nhan": true, "thong tin": true,
	"bo phan": true, "yeu cau": true, "bang cach": true, "truong hop": true, "khu vuc": true, "loai hinh": true,
	"dia phuong": true, "dia ban": true, "ca nhan": true, "tap the": true, "loai xe": true, "di duong": true, "tuyen duong": true,
}

// timeFrames are the words before "nào" that ask when: "ngày nào", "năm nào".
var timeFrames = foldedSet([]string{"ngày", "tháng", "năm", "lúc", "khi", "hôm", "tuần", "giờ", "quý", "buổi", "dịp"})

// framePair returns the folded two-syllable word right before "nào" that
// names what is asked for, when the corpus knows it as a word (or never
// says one of its syllables) and it is not generic: "trường học nào" wants an article that has a
// school.
func framePair(q Query, toks []Token) string {
	for i := 2; i < len(toks); i++ {
		if toks[i].Fold != "nao" {
			continue // "gì" follows verbs as often as nouns ("làm gì")
		}
		a, b := toks[i-2], toks[i-1]
		if IsStopword(a) || IsStopword(b) || a.End+1 != b.Start || b.End+1 != toks[i].Start || timeFrames[b.Fold] {
			return "" // "đăng ngày nào" asks when, whatever "đang ngày" may be
		}
		if pair := a.Fold + " " + b.Fold; (q.weight(pair) > 0 || q.Unseen[a.Fold] || q.Unseen[b.Fold]) && !genericFrames[pair] {
			return pair
		}
		return ""
	}
	return ""
}
