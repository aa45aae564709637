package knowledge

import (
	"sort"
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
	"ai", "gì", "nào", "đâu", "bao", "nhiêu", "mấy", "khi", "lúc", "là", "của", "những", "các",
	"được", "có", "không", "và", "với", "cho", "về", "thì", "mà", "ở", "tại", "trong", "này", "đó",
	"kia", "ấy", "vậy", "sao", "thế", "như", "nhé", "ạ", "hả", "hỏi", "biết", "tôi", "bạn", "em",
	"mình", "xin", "vui", "lòng", "hãy", "đã", "đang", "sẽ", "rồi", "chưa", "bị", "để", "theo",
	"từ", "đến", "một", "hay", "hoặc", "nữa", "còn", "cũng", "lại", "ra", "vào", "nêu", "kể",
	"gồm", "cụ", "thể", "điều", "việc", "sự", "cái", "ông", "bà", "người", "nào", "vì", "do",
	"bởi", "nên", "thì", "ơi", "nhỉ", "chứ", "đấy", "kìa", "nói", "gọi", "tên", "ngày", "tháng",
	"năm", "bài", "báo", "viết", "đăng", "tin", "trên", "dưới", "đây", "hiện", "nay", "chính",
	"what", "who", "when", "where", "which", "how", "is", "the", "of", "a", "an", "in", "did",
	"does", "do", "are", "was", "were", "to", "and", "about", "many", "much",
}

// Stopwords are looked up by exact key, and by folded key for syllables
// typed without diacritics ("la" is "là").
var stopExact, stopFold = func() (map[string]bool, map[string]bool) {
	exact, fold := map[string]bool{}, map[string]bool{}
	for _, w := range stopwords {
		for _, t := range Tokenize(w) {
			exact[t.Exact] = true
			fold[t.Fold] = true
		}
	}
	return exact, fold
}()

// IsStopword reports whether a syllable carries no content.
func IsStopword(t Token) bool {
	if t.Marked {
		return stopExact[t.Exact]
	}
	return stopExact[t.Exact] || stopFold[t.Fold]
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

// scratch holds per-search buffers, reused between searches.
type scratch struct {
	chunk   []float64
	article []float64
	seen    []int32
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
			seen:    make([]int32, len(ix.articles)),
		}
	}
	defer scratchPool.Put(s)
	scores, artScores, seen := s.chunk[:len(ix.chunks)], s.article[:len(ix.articles)], s.seen[:len(ix.articles)]
	clear(scores)
	clear(artScores)
	clear(seen)

	touched := make([]int32, 0, 256)
	for ti, t := range terms {
		list := ix.postings[t.field][t.key]
		if len(list) == 0 {
			continue
		}
		idf := ix.idf(t.field, t.key) * t.weight
		for _, p := range list {
			tf := float64(p.tf)
			norm := bm25K1 * (1 - bm25B + bm25B*float64(ix.chunkLen[p.chunk])/ix.avgLen[t.field])
			if scores[p.chunk] == 0 {
				touched = append(touched, p.chunk)
			}
			scores[p.chunk] += idf * tf * (bm25K1 + 1) / (tf + norm)
			if a := ix.chunkArt[p.chunk]; seen[a] != int32(ti+1) {
				seen[a] = int32(ti + 1)
				artScores[a] += idf
			}
		}
	}
	passages := make([]Passage, 0, len(touched))
	for _, c := range touched {
		a := ix.chunkArt[c]
		passages = append(passages, Passage{
			Chunk:   ix.chunks[c],
			Article: ix.articles[a],
			Score:   scores[c] + articleWeight*artScores[a],
		})
	}
	sort.Slice(passages, func(i, j int) bool {
		if passages[i].Score != passages[j].Score {
			return passages[i].Score > passages[j].Score
		}
		return passages[i].Chunk.ID < passages[j].Chunk.ID
	})
	if len(passages) > k {
		passages = passages[:k]
	}
	return passages
}
