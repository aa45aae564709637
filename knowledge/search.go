package knowledge

import (
	"cmp"
	"slices"
	"sync"
)

// Weights of the term kinds in a chunk's score: an exact syllable outranks
// the same syllable without diacritics, and two syllables side by side (most
// Vietnamese words) add evidence beyond their parts.
var fieldWeight = [numFields]float64{exactUni: 1.0, foldUni: 0.8, exactBi: 0.8, foldBi: 0.6}

// articleWeight scales the evidence that a chunk's article as a whole holds
// the question's words, so a chunk of the article the question is about
// beats a lone match elsewhere ("gd cdc tinh quang binh ten j" finds the
// Quảng Bình story that names "Giám đốc … (CDC) tỉnh"). Among the 1,332
// news, 0.7 finds more right articles than 0.35 and 0.5 (quality sets).
const articleWeight = 0.7

// stopwords carry no content: question words, pronouns, particles and the
// words people use to ask ("cho tôi hỏi", "bài báo").
var stopwords = []string{
	"ai", "gì", "nào", "đâu", "bao", "nhiêu", "lâu", "mấy", "khi", "lúc", "là", "của", "những", "các",
	"được", "có", "không", "và", "với", "cho", "về", "thì", "mà", "ở", "tại", "trong", "này", "đó",
	"kia", "ấy", "vậy", "sao", "thế", "như", "nhé", "ạ", "hả", "hỏi", "biết", "tôi", "bạn", "em",
	"mình", "xin", "vui", "lòng", "hãy", "đã", "đang", "sẽ", "rồi", "chưa", "bị", "để", "theo",
	"từ", "đến", "một", "hay", "hoặc", "nữa", "còn", "cũng", "lại", "ra", "vào", "nêu", "kể",
	"gồm", "điều", "việc", "sự", "cái", "ông", "bà", "vì", "do", "bởi", "nên", "thuộc", "nằm",
	"ơi", "nhỉ", "chứ", "đấy", "kìa", "nói", "gọi", "tên", "ngày", "tháng", "năm", "bài", "viết",
	"đăng", "đây",
	"what", "who", "when", "where", "which", "how", "is", "the", "of", "a", "an", "in", "did",
	"does", "do", "are", "was", "were", "to", "and", "about", "many", "much",
}

// foldStopwords are the stopwords as typed without diacritics, only those
// that no common content word folds to ("dang" is both "đang" and "Đảng",
// so it is not here).
var foldStopwords = []string{
	"ai", "gi", "nao", "nhieu", "lau", "khi", "la", "cua", "nhung", "cac", "duoc", "khong", "va", "voi",
	"cho", "ve", "o", "vay", "sao", "nhu", "nhe", "toi", "minh", "xin", "hay", "roi", "chua",
	"theo", "den", "mot", "hoac", "nua", "cung", "lai", "vao", "neu", "gom", "dieu", "viec", "cai",
	"ong", "thuoc", "oi", "nhi", "chu", "day", "kia", "ay", "hoi", "biet",
}

// Stopwords are looked up by exact key, and by folded key for syllables
// typed without diacritics ("la" is "là").
var stopExact, stopFold = func() (map[string]bool, map[string]bool) {
	exact, fold := map[string]bool{}, map[string]bool{}
	for _, w := range stopwords {
		for _, t := range Tokenize(w) {
			exact[t.Exact] = true
		}
	}
	for _, w := range foldStopwords {
		fold[w] = true
	}
	return exact, fold
}()

// IsStopword reports whether a syllable carries no content.
func IsStopword(t Token) bool {
	if t.Marked {
		return stopExact[t.Exact]
	}
	return stopFold[t.Fold] || !t.Number && stopExact[t.Exact] && len(t.Exact) > 2
}

// stopsIn reports which of a question's syllables are stopwords: not one
// that opens a place's name, after a place noun and before another content
// syllable ("xa lai hoa": "lại" is a stopword, "Lai Hòa" a commune).
func stopsIn(tokens []Token) []bool {
	stop := make([]bool, len(tokens))
	for i, t := range tokens {
		stop[i] = IsStopword(t)
	}
	for i, t := range tokens {
		if !stop[i] || i == 0 {
			continue
		}
		noun := tokens[i-1].Fold
		if !placeNouns[noun] || noun == "tran" && (i < 2 || tokens[i-2].Fold != "thi") { // "Trần Minh Khang" is no thị trấn
			continue
		}
		stop[i] = i+1 == len(tokens) || stop[i+1] || tokens[i+1].Number || t.End+1 != tokens[i+1].Start
	}
	for i := range tokens {
		stop[i] = stop[i] && !inPlace(tokens, i) || asksWhy(tokens, i) || asksWhen(tokens, i)
	}
	return stop
}

// asksWhy reports whether a syllable typed without diacritics opens "vi
// sao" or "tai sao": "vì sao", "tại sao", no content.
func asksWhy(tokens []Token, i int) bool {
	t := tokens[i]
	return !t.Marked && (t.Fold == "vi" || t.Fold == "tai") && i+1 < len(tokens) && tokens[i+1].Fold == "sao"
}

// asksWhen reports whether a syllable typed without diacritics opens "ngay
// nao", "thang nao" or "nam nao": "ngày nào", a question word, no content
// ("ngay nao cau Tân Hưng thông xe" is not answered by "từ ngày 1/5").
func asksWhen(tokens []Token, i int) bool {
	t := tokens[i]
	return !t.Marked && (t.Fold == "ngay" || t.Fold == "thang" || t.Fold == "nam") && i+1 < len(tokens) && tokens[i+1].Exact == "nao"
}

// inPlace reports whether a syllable typed without diacritics in a
// question typed with them is part of a place's name after its noun,
// though plain it would be a stopword: "huyện mường la" is Mường La, not
// "là"; "xã lai hòa" is Lai Hòa, not "lại".
func inPlace(tokens []Token, i int) bool {
	t := tokens[i]
	if t.Marked || stopExact[t.Exact] || !IsStopword(t) {
		return false
	}
	closes := i >= 2 && tokens[i-1].Marked && !IsStopword(tokens[i-1]) && placeNoun(tokens[i-2]) && tokens[i-1].End+1 == t.Start
	opens := i >= 1 && i+1 < len(tokens) && placeNoun(tokens[i-1]) && tokens[i+1].Marked && !IsStopword(tokens[i+1]) && t.End+1 == tokens[i+1].Start
	return (closes || opens) && slices.ContainsFunc(tokens, func(t Token) bool { return t.Marked })
}

// queryTerm is one key looked up for a question.
type queryTerm struct {
	field  field
	key    string
	weight float64
}

// queryTerms turns a question's content syllables into index keys: a
// syllable typed with diacritics as typed (its diacritics say which
// word it is), one typed without them folded (it may be any word that
// folds to it; a number both ways, in one lookup when its keys are the
// same), and each adjacent pair of content syllables as a bigram
// likewise: exact when both have diacritics, folded otherwise. Repeated
// keys count once.
//
// A syllable with diacritics is not looked up folded: its folded list is
// every spelling of it, mostly other words ("sở" for "số"), and the
// longest lists of all, which search would read for little.
func queryTerms(tokens []Token) []queryTerm {
	var terms []queryTerm
	seen := map[string]bool{}
	add := func(f field, key string, weight float64) {
		k := string(rune('0'+f)) + key
		if !seen[k] {
			seen[k] = true
			terms = append(terms, queryTerm{f, key, weight})
		}
	}
	stop := stopsIn(tokens)
	for i, t := range tokens {
		if stop[i] {
			continue
		}
		switch {
		case t.Marked:
			add(exactUni, t.Exact, fieldWeight[exactUni])
		case t.Number && t.Fold == t.Exact:
			// Its exact and folded lists are the same: one lookup
			// with both weights.
			add(exactUni, t.Exact, fieldWeight[exactUni]+fieldWeight[foldUni])
		case t.Number:
			add(exactUni, t.Exact, fieldWeight[exactUni])
			add(foldUni, t.Fold, fieldWeight[foldUni])
		default:
			add(foldUni, t.Fold, fieldWeight[foldUni])
		}
		if i > 0 && !stop[i-1] {
			p := tokens[i-1]
			if t.Marked && p.Marked {
				add(exactBi, p.Exact+" "+t.Exact, fieldWeight[exactBi])
			} else {
				add(foldBi, p.Fold+" "+t.Fold, fieldWeight[foldBi])
			}
		}
	}
	return terms
}

// ranked is a chunk and its final score.
type ranked struct {
	score float64
	chunk int32
}

// term is a query term being read: its list, weight and score bounds.
type term struct {
	list tlist
	cur  cursor
	idf  float64 // BM25 idf times the field's weight
	ub   float64 // the most it adds to any chunk's score, with its article's share
	lazy bool    // read only for articles the others found
}

// scratch holds per-search buffers, reused between searches.
type scratch struct {
	terms []term
	order []int     // terms, commonest first
	lazy  []int     // the terms read only for articles others found
	chunk []float64 // scores of one article's chunks
	hit   []bool    // which of them a term holds
	seeds []int32   // articles scored first
	// seedWeight is, while seeds are chosen, the weight of each
	// article's rare terms; zero between searches.
	seedWeight []float64
	ess        []int // terms that lead the search
	// For scoreAll: scores of every chunk and article, zero between
	// searches, and which were set.
	all, artAll []float64
	touched     []int32
	arts        []int32
	top         []ranked
}

var scratchPool sync.Pool

// Search ranks the chunks for a question and returns the best k passages.
// A chunk's score is its BM25 over the question's exact and folded
// syllables and bigrams, plus a share of its article's evidence.
func (ix *Index) Search(question string, k int) []Passage {
	return ix.search(queryTerms(Tokenize(NFC(question))), k)
}

// search scores article by article, in chunk order, with MaxScore pruning:
// once k chunks are held, the terms whose bounds together cannot lift a
// chunk above the k-th score are only looked up (skipping through their
// lists) for articles that the other, rarer terms found, and an article
// whose bound cannot reach the k-th score is passed over. Every chunk it
// scores is scored exactly as the plain sum over all terms, in query order,
// so it finds exactly what scoring every posting would.
func (ix *Index) search(queryTerms []queryTerm, k int) []Passage {
	if len(queryTerms) == 0 || len(ix.chunks) == 0 || k <= 0 {
		return nil
	}
	s, _ := scratchPool.Get().(*scratch)
	if s == nil {
		s = new(scratch)
	}
	if len(s.chunk) < ix.maxArtChunks {
		s.chunk, s.hit = make([]float64, ix.maxArtChunks), make([]bool, ix.maxArtChunks)
	}
	terms := s.terms[:0]
	for _, qt := range queryTerms {
		l := ix.list(qt.field, qt.key)
		if l.df == 0 {
			continue
		}
		terms = append(terms, term{list: l, idf: ix.idfOf(l.df) * qt.weight})
	}
	top := s.top[:0]
	postings := 0
	for i := range terms {
		postings += terms[i].list.df
	}
	if postings <= exhaustive.postings || len(ix.chunks) <= exhaustive.chunks {
		top = ix.scoreAll(s, terms, top, k)
		return ix.passages(s, terms, top)
	}

	// First the articles of the rarest terms, which hold most of the score:
	// the k-th score they give lets the rest skip much.
	seeds := ix.seedArticles(s, terms)
	for i := range terms {
		terms[i].cur.open(terms[i].list, ix.info, ix.norm)
	}
	for _, a := range seeds {
		top = ix.scoreArticle(s, terms, a, top, k)
	}
	for i := range terms {
		t := &terms[i]
		t.cur.open(t.list, ix.info, ix.norm)
		t.ub = t.idf*t.cur.bound + articleWeight*t.idf
	}
	// Commonest first: the terms made lazy are picked in this order.
	order := s.order[:0]
	for i := range terms {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(terms[b].list.df, terms[a].list.df) })

	// The lazy terms (terms[lazy[i]]) are only read for articles others
	// found: their bounds add up to less than the k-th score, so a chunk
	// holding none of the others cannot reach it. Any such set will do,
	// and the longer its lists the fewer articles are looked at: terms
	// are made lazy commonest first, each that still fits. The others
	// (ess) lead, WAND-style: kept in the order of their next chunk, the
	// first article whose terms before it could reach the k-th score is
	// the next worth a look (the pivot), and every cursor before it skips
	// there.
	lazy := s.lazy[:0]
	var lazyUB, raisedAt float64
	ess := s.ess[:0]
	for _, i := range order {
		if terms[i].cur.chunk != done {
			ess = append(ess, i)
		}
	}
	raise := func() {
		if len(top) < k || top[0].score == raisedAt {
			return
		}
		raisedAt = top[0].score
		grew := false
		for _, i := range order {
			if t := &terms[i]; !t.lazy && lazyUB+t.ub < raisedAt*(1-1e-9) {
				lazyUB += t.ub
				t.lazy = true
				lazy = append(lazy, i)
				grew = true
			}
		}
		if grew {
			ess = slices.DeleteFunc(ess, func(i int) bool { return terms[i].lazy })
		}
	}
	raise()
	for len(ess) > 0 {
		// Insertion sort: most cursors are still in order.
		for j := 1; j < len(ess); j++ {
			for m := j; m > 0 && terms[ess[m]].cur.chunk < terms[ess[m-1]].cur.chunk; m-- {
				ess[m], ess[m-1] = ess[m-1], ess[m]
			}
		}
		for len(ess) > 0 && terms[ess[len(ess)-1]].cur.chunk == done {
			ess = ess[:len(ess)-1]
		}
		if len(ess) == 0 {
			break
		}
		pivot, acc := -1, lazyUB
		for j, i := range ess {
			acc += terms[i].ub
			if len(top) < k || acc*(1+1e-9) >= top[0].score {
				pivot = j
				break
			}
		}
		if pivot < 0 {
			break
		}
		a := ix.chunkArt[terms[ess[pivot]].cur.chunk]
		lo, hi := ix.artFirst[a], ix.artFirst[a+1]
		if terms[ess[0]].cur.chunk < lo {
			for _, i := range ess[:pivot] {
				terms[i].cur.seek(lo)
			}
			continue
		}
		_, skip := slices.BinarySearch(seeds, a)
		skip = skip || ix.articles[a] == nil // removed
		if !skip && len(top) == k {
			// The article's bound: the leading terms it holds, and the
			// lazy ones at their bound until a look shows it lacks them.
			// A term's postings in the article are bounded by their
			// blocks' bounds (block-max), mostly below the list's.
			bound := lazyUB
			for _, i := range ess {
				t := &terms[i]
				if t.cur.chunk >= hi {
					break
				}
				bound += t.idf*t.cur.blockBound(hi) + articleWeight*t.idf
			}
			for j := len(lazy) - 1; j >= 0 && bound*(1+1e-9) >= top[0].score; j-- {
				t := &terms[lazy[j]]
				if t.cur.seek(lo); t.cur.chunk >= hi {
					bound -= t.ub
				} else {
					bound -= t.ub - (t.idf*t.cur.blockBound(hi) + articleWeight*t.idf)
				}
			}
			skip = bound*(1+1e-9) < top[0].score
		}
		if skip {
			for _, i := range ess {
				if terms[i].cur.chunk >= hi {
					break
				}
				terms[i].cur.seek(hi)
			}
			continue
		}
		top = ix.scoreArticle(s, terms, a, top, k)
		raise()
	}
	s.ess, s.order, s.lazy = ess, order, lazy
	return ix.passages(s, terms, top)
}

// passages sorts the best chunks and makes them passages, giving the
// scratch space back.
func (ix *Index) passages(s *scratch, terms []term, top []ranked) []Passage {
	slices.SortFunc(top, func(a, b ranked) int {
		switch {
		case a.chunk == b.chunk:
			return 0
		case ix.better(a, b):
			return -1
		}
		return 1
	})
	passages := make([]Passage, len(top))
	for i, r := range top {
		passages[i] = Passage{Chunk: ix.chunk(r.chunk), Article: ix.articles[ix.chunkArt[r.chunk]], Score: r.score}
	}
	s.terms, s.top = terms, top
	scratchPool.Put(s)
	return passages
}

// exhaustive says when a search reads every posting: when a question has
// at most postings postings in all, or the index at most chunks chunks.
// Below them that is faster than skipping: there is little to skip, or the
// scores of all chunks fit in the cache. (A variable so tests can check
// both ways against the reference.)
var exhaustive = exhaustiveLimits{postings: 1 << 14, chunks: 1 << 16}

type exhaustiveLimits struct{ postings, chunks int }

// scoreAll scores every chunk that holds a term, term by term, and keeps
// the best k in top.
func (ix *Index) scoreAll(s *scratch, terms []term, top []ranked, k int) []ranked {
	if len(s.all) < len(ix.chunks) {
		s.all = make([]float64, len(ix.chunks))
	}
	if len(s.artAll) < len(ix.articles) {
		s.artAll = make([]float64, len(ix.articles))
	}
	scores, artScores := s.all, s.artAll
	touched, arts := s.touched[:0], s.arts[:0]
	for i := range terms {
		t := &terms[i]
		// An article's chunks are neighbours: its share of the term's idf
		// is added once, when the article changes.
		lastArt := int32(-1)
		for t.cur.open(t.list, nil, lengthNorm{}); t.cur.chunk != done; t.cur.next() {
			c, tf := t.cur.chunk, float64(t.cur.tf)
			sc := scores[c]
			if sc == 0 {
				touched = append(touched, c)
			}
			info := &ix.info[c]
			scores[c] = sc + t.idf*tf*(bm25K1+1)/(tf+ix.norm.of(info.len))
			if a := info.art; a != lastArt {
				lastArt = a
				if artScores[a] == 0 {
					arts = append(arts, a)
				}
				artScores[a] += t.idf
			}
		}
	}
	for _, c := range touched {
		if a := ix.chunkArt[c]; ix.articles[a] != nil {
			top = ix.keepBest(top, ranked{scores[c] + articleWeight*artScores[a], c}, k)
		}
		scores[c] = 0
	}
	for _, a := range arts {
		artScores[a] = 0
	}
	s.touched, s.arts = touched, arts
	return top
}

// maxSeeds bounds the articles scored first, seedPostings the postings
// read to choose them.
const (
	maxSeeds     = 64
	seedPostings = 1 << 11
)

// seedArticles returns, in order, the articles (up to maxSeeds) likeliest
// to score best: those holding the most of the rarest terms, by the sum
// of their idf, reading the rarest lists (up to seedPostings postings)
// with the terms' cursors. The best articles hold many of a question's
// rare words; one rare word alone is often a chance match.
func (ix *Index) seedArticles(s *scratch, terms []term) []int32 {
	order := s.order[:0]
	for i := range terms {
		order = append(order, i)
	}
	slices.SortFunc(order, func(a, b int) int { return cmp.Compare(terms[a].list.df, terms[b].list.df) })
	if len(s.seedWeight) < len(ix.articles) {
		s.seedWeight = make([]float64, len(ix.articles))
	}
	weight, seeds, read := s.seedWeight, s.seeds[:0], 0
	for _, i := range order {
		t := &terms[i]
		if read > 0 && read+t.list.df > seedPostings {
			break
		}
		last := int32(-1)
		for t.cur.open(t.list, nil, lengthNorm{}); t.cur.chunk != done && read < seedPostings; t.cur.next() {
			read++
			if a := ix.chunkArt[t.cur.chunk]; a != last && ix.articles[a] != nil {
				last = a
				if weight[a] == 0 {
					seeds = append(seeds, a)
				}
				weight[a] += t.idf
			}
		}
	}
	if len(seeds) > maxSeeds {
		slices.SortFunc(seeds, func(a, b int32) int { return cmp.Or(cmp.Compare(weight[b], weight[a]), cmp.Compare(a, b)) })
	}
	for _, a := range seeds {
		weight[a] = 0
	}
	seeds = seeds[:min(len(seeds), maxSeeds)]
	slices.Sort(seeds)
	s.order, s.seeds = order, seeds
	return seeds
}

// scoreArticle scores every chunk of article a that holds a query term and
// keeps the best k in top: BM25 summed over the terms in query order, plus
// the article's share, the sum of the idf of the terms it holds.
func (ix *Index) scoreArticle(s *scratch, terms []term, a int32, top []ranked, k int) []ranked {
	lo, hi := ix.artFirst[a], ix.artFirst[a+1]
	scores, hit := s.chunk[:hi-lo], s.hit[:hi-lo]
	art := 0.0
	for i := range terms {
		t := &terms[i]
		t.cur.seek(lo)
		if t.cur.chunk >= hi {
			continue
		}
		art += t.idf
		for ; t.cur.chunk < hi; t.cur.next() {
			c, tf := t.cur.chunk, float64(t.cur.tf)
			scores[c-lo] += t.idf * tf * (bm25K1 + 1) / (tf + ix.norm.of(ix.info[c].len))
			hit[c-lo] = true
		}
	}
	for i, ok := range hit {
		if ok {
			top = ix.keepBest(top, ranked{scores[i] + articleWeight*art, lo + int32(i)}, k)
		}
	}
	clear(scores)
	clear(hit)
	return top
}

// better orders ranked chunks best first: higher score, then lower chunk ID.
func (ix *Index) better(a, b ranked) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return ix.chunk(a.chunk).ID < ix.chunk(b.chunk).ID
}

// keepBest adds r to h, a heap of the best k seen so far whose root is the
// worst of them.
func (ix *Index) keepBest(h []ranked, r ranked, k int) []ranked {
	if len(h) < k {
		h = append(h, r)
		for i := len(h) - 1; i > 0; {
			parent := (i - 1) / 2
			if !ix.better(h[parent], h[i]) {
				break
			}
			h[i], h[parent] = h[parent], h[i]
			i = parent
		}
		return h
	}
	if r.score < h[0].score || !ix.better(r, h[0]) {
		return h
	}
	h[0] = r
	for i := 0; ; {
		w, l, rt := i, 2*i+1, 2*i+2
		if l < len(h) && ix.better(h[w], h[l]) {
			w = l
		}
		if rt < len(h) && ix.better(h[w], h[rt]) {
			w = rt
		}
		if w == i {
			return h
		}
		h[i], h[w] = h[w], h[i]
		i = w
	}
}
