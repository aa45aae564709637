package knowledge

import (
	"slices"
	"sync"
)

// Weights of the term kinds in a chunk's score: an exact syllable outranks
// the same syllable without diacritics, and two syllables side by side (most
// Vietnamese words) add evidence beyond their parts.
var fieldWeight = [numFields]float64{exactUni: 1.0, foldUni: 0.8, exactBi: 0.8, foldBi: 0.6}

// articleWeight scales the evidence that a chunk's article as a whole holds
// the question's words, so a chunk of the article the question is about
// beats a lone match elsewhere.
const articleWeight = 0.35

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

// queryTerm is one key looked up for a question.
type queryTerm struct {
	field  field
	key    string
	weight float64
}

// queryTerms turns a question's content syllables into index keys: each
// syllable exact and folded, each adjacent pair of content syllables as
// bigrams. Repeated keys count once.
func queryTerms(tokens []Token) []queryTerm {
	var terms []queryTerm
	seen := map[string]bool{}
	add := func(f field, key string) {
		k := string(rune('0'+f)) + key
		if !seen[k] {
			seen[k] = true
			terms = append(terms, queryTerm{f, key, fieldWeight[f]})
		}
	}
	for i, t := range tokens {
		if IsStopword(t) {
			continue
		}
		if t.Marked || t.Number {
			add(exactUni, t.Exact)
		}
		add(foldUni, t.Fold)
		if i > 0 && !IsStopword(tokens[i-1]) {
			p := tokens[i-1]
			if t.Marked && p.Marked {
				add(exactBi, p.Exact+" "+t.Exact)
			}
			add(foldBi, p.Fold+" "+t.Fold)
		}
	}
	return terms
}

// scratch holds per-search buffers, reused between searches. Between
// searches every score is zero: a search sets back what it touched.
type scratch struct {
	chunk   []float64
	article []float64
	touched []int32 // chunks with a score
	arts    []int32 // articles with a score
	top     []ranked
}

// ranked is a chunk and its final score.
type ranked struct {
	score float64
	chunk int32
}

var scratchPool sync.Pool

// Search ranks the chunks for a question and returns the best k passages.
// A chunk's score is its BM25 over the question's exact and folded
// syllables and bigrams, plus a share of its article's evidence.
func (ix *Index) Search(question string, k int) []Passage {
	return ix.search(queryTerms(Tokenize(NFC(question))), k)
}

func (ix *Index) search(terms []queryTerm, k int) []Passage {
	if len(terms) == 0 || len(ix.chunks) == 0 || k <= 0 {
		return nil
	}
	s, _ := scratchPool.Get().(*scratch)
	if s == nil || len(s.chunk) < len(ix.chunks) || len(s.article) < len(ix.articles) {
		s = &scratch{
			chunk:   make([]float64, len(ix.chunks)),
			article: make([]float64, len(ix.articles)),
		}
	}
	scores, artScores := s.chunk[:len(ix.chunks)], s.article[:len(ix.articles)]
	touched, arts := s.touched[:0], s.arts[:0]

	for _, t := range terms {
		list := ix.lookup(t.field, t.key)
		if len(list) == 0 {
			continue
		}
		idf := ix.idfOf(len(list)) * t.weight
		// Postings are in chunk order and an article's chunks are
		// neighbours, so the article changes only between runs: each
		// article gets the term's idf once.
		lastArt := int32(-1)
		for _, p := range list {
			c, tf := p.chunk, float64(p.tf)
			sc := scores[c]
			if sc == 0 {
				touched = append(touched, c)
			}
			info := &ix.chunkInfo[c]
			scores[c] = sc + idf*tf*(bm25K1+1)/(tf+info.norm)
			if a := info.art; a != lastArt {
				lastArt = a
				if artScores[a] == 0 {
					arts = append(arts, a)
				}
				artScores[a] += idf
			}
		}
	}
	top := s.top[:0]
	for _, c := range touched {
		top = ix.keepBest(top, ranked{scores[c] + articleWeight*artScores[ix.chunkArt[c]], c}, k)
	}
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
		passages[i] = Passage{Chunk: ix.chunks[r.chunk], Article: ix.articles[ix.chunkArt[r.chunk]], Score: r.score}
	}

	for _, c := range touched {
		scores[c] = 0
	}
	for _, a := range arts {
		artScores[a] = 0
	}
	s.touched, s.arts, s.top = touched, arts, top
	scratchPool.Put(s)
	return passages
}

// better orders ranked chunks best first: higher score, then lower chunk ID.
func (ix *Index) better(a, b ranked) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	return ix.chunks[a.chunk].ID < ix.chunks[b.chunk].ID
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
