package knowledge

// A reference copy of the retrieval core as it was before it was made fast
// (commit 5da80f6: string keys, a map per chunk, a full sort), so that tests
// can check the fast one finds exactly what it found: the same passages in
// the same order with the same scores, and the same document frequencies.
// Only tests build it. Tokenizing, chunking and the choice of query terms
// are shared with the real index: they are not what the fast index changed.

import (
	"math"
	"sort"
)

// refIndex is the original Index.
type refIndex struct {
	articles []*Article
	chunks   []Chunk
	chunkArt []int32
	chunkLen []float32
	avgLen   [numFields]float64
	postings [numFields]map[string][]posting
}

func newRefIndex(articles []Article) *refIndex {
	articles = Dedupe(articles)
	ix := &refIndex{}
	for f := range ix.postings {
		ix.postings[f] = make(map[string][]posting, 1<<14)
	}
	var total [numFields]float64
	counts := [numFields]map[string]int{}
	for f := range counts {
		counts[f] = make(map[string]int, 256)
	}
	for i := range articles {
		a := &articles[i]
		ix.articles = append(ix.articles, a)
		for _, c := range ChunkArticle(a) {
			id := int32(len(ix.chunks))
			ix.chunks = append(ix.chunks, c)
			ix.chunkArt = append(ix.chunkArt, int32(i))
			toks := Tokenize(c.Text)
			for f := range counts {
				clear(counts[f])
			}
			for j, t := range toks {
				counts[exactUni][t.Exact]++
				counts[foldUni][t.Fold]++
				if j > 0 {
					counts[exactBi][toks[j-1].Exact+" "+t.Exact]++
					counts[foldBi][toks[j-1].Fold+" "+t.Fold]++
				}
			}
			for f := range counts {
				for term, n := range counts[f] {
					ix.postings[f][term] = append(ix.postings[f][term], posting{id, uint16(min(n, math.MaxUint16))})
				}
			}
			ix.chunkLen = append(ix.chunkLen, float32(len(toks)))
			total[exactUni] += float64(len(toks))
		}
	}
	if n := float64(len(ix.chunks)); n > 0 {
		for f := range ix.avgLen {
			ix.avgLen[f] = math.Max(total[exactUni]/n, 1)
		}
	}
	return ix
}

// idf is BM25's inverse document frequency of a term in a field.
func (ix *refIndex) idf(f field, term string) float64 {
	df := float64(len(ix.postings[f][term]))
	n := float64(len(ix.chunks))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// Search is the original Index.Search, with today's choice of query terms
// (which is not what the fast index changed).
func (ix *refIndex) Search(question string, k int) []Passage {
	return ix.search(queryTerms(Tokenize(NFC(question))), k)
}

func (ix *refIndex) search(terms []queryTerm, k int) []Passage {
	if len(terms) == 0 || len(ix.chunks) == 0 || k <= 0 {
		return nil
	}
	scores := make([]float64, len(ix.chunks))
	artScores := make([]float64, len(ix.articles))
	seen := make([]int32, len(ix.articles))

	touched := make([]int32, 0, 256)
	for ti, t := range terms {
		list := ix.postings[t.field][t.key]
		if len(list) == 0 {
			continue
		}
		idf := ix.idf(t.field, t.key) * t.weight
		for _, p := range list {
			tf := float64(p.tf)
			// k1·(1 − b + b·len/avgLen), evaluated as the index does.
			norm := newLengthNorm(ix.avgLen[t.field]).of(ix.chunkLen[p.chunk])
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
