package knowledge

import (
	"math"
	"sort"
)

// BM25 parameters.
const (
	bm25K1 = 1.2
	bm25B  = 0.75
)

// field is one kind of term the index keeps for every chunk.
type field int

const (
	exactUni field = iota // "hoa2"
	foldUni               // "hoa"
	exactBi               // "bi2 thu"
	foldBi                // "bi thu"
	numFields
)

type posting struct {
	chunk int32
	tf    uint16
}

// Index is an immutable in-memory BM25 index over the chunks of a set of
// articles. Build a new one to change the content; it is safe for
// concurrent readers.
type Index struct {
	articles   []*Article
	byID       map[string]*Article
	chunks     []Chunk
	chunkArt   []int32 // chunk -> article position
	chunkLen   []float32
	avgLen     [numFields]float64
	postings   [numFields]map[string][]posting
	articleLen int
}

// NewIndex chunks and indexes articles. Articles with the same ID keep the
// last one.
func NewIndex(articles []Article) *Index {
	articles = Dedupe(articles)
	ix := &Index{byID: make(map[string]*Article, len(articles))}
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
		ix.byID[a.ID] = a
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
	ix.articleLen = len(ix.articles)
	return ix
}

// Articles returns the indexed articles, newest first.
func (ix *Index) Articles() []*Article {
	out := append([]*Article(nil), ix.articles...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.After(out[j].Published) })
	return out
}

// Article returns the article with the given ID.
func (ix *Index) Article(id string) (*Article, bool) {
	a, ok := ix.byID[id]
	return a, ok
}

// Len returns the number of articles and chunks.
func (ix *Index) Len() (articles, chunks int) { return len(ix.articles), len(ix.chunks) }

// idf is BM25's inverse document frequency of a term in a field.
func (ix *Index) idf(f field, term string) float64 {
	df := float64(len(ix.postings[f][term]))
	n := float64(len(ix.chunks))
	return math.Log(1 + (n-df+0.5)/(df+0.5))
}

// Weights weighs a question's content terms by how rare they are in the
// index: each folded syllable, and each adjacent pair of syllables that the
// corpus uses as a word (the pair is common where its syllables occur).
func (ix *Index) Weights(question string) map[string]float64 {
	toks := Tokenize(NFC(question))
	w := make(map[string]float64, len(toks)*2)
	var prev *Token
	for i := range toks {
		t := &toks[i]
		if IsStopword(*t) {
			prev = nil
			continue
		}
		w[t.Fold] = ix.idf(foldUni, t.Fold)
		if prev != nil {
			key := prev.Fold + " " + t.Fold
			df := len(ix.postings[foldBi][key])
			rarer := min(len(ix.postings[foldUni][prev.Fold]), len(ix.postings[foldUni][t.Fold]))
			if df >= 2 && float64(df) >= 0.2*float64(rarer) {
				w[key] = ix.idf(foldBi, key)
			}
		}
		prev = t
	}
	return w
}
