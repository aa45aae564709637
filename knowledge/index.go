package knowledge

import (
	"fmt"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
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
//
// Terms are numbers, not strings: every syllable key (exact or folded) has
// an id in syl; a unigram's term number is its syllable's id, a bigram's is
// the position of its key (first id × nsyl + second id) in the sorted
// pairs[f-exactBi]. The postings of field f's term t are
// post[f][off[f][t]:off[f][t+1]], in chunk order.
type Index struct {
	articles   []*Article
	byID       map[string]*Article
	chunks     []Chunk
	chunkArt   []int32 // chunk -> article position
	chunkLen   []float32
	chunkInfo  []chunkInfo
	avgLen     [numFields]float64
	syl        map[string]uint32
	nsyl       uint64
	pairs      [2][]uint64 // exactBi, foldBi: sorted bigram keys
	off        [numFields][]uint32
	post       [numFields][]posting
	articleLen int
}

// NewIndex chunks and indexes articles. Articles with the same ID keep the
// last one.
func NewIndex(articles []Article) *Index {
	articles = Dedupe(articles)
	ix := &Index{byID: make(map[string]*Article, len(articles)), articles: make([]*Article, len(articles))}
	for i := range articles {
		ix.articles[i] = &articles[i]
		ix.byID[articles[i].ID] = &articles[i]
	}
	ix.articleLen = len(ix.articles)

	// First the text, in parallel shards of articles: chunks, and the
	// syllable ids of every chunk's tokens, exact and folded.
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(articles)/64))
	shards := make([]*textShard, workers)
	var wg sync.WaitGroup
	for w := range shards {
		lo, hi := w*len(articles)/workers, (w+1)*len(articles)/workers
		wg.Go(func() { shards[w] = readShard(articles[lo:hi], lo) })
	}
	wg.Wait()

	// Then one numbering of the syllables: the first shard's, extended.
	ix.syl = shards[0].syl
	var exact, fold []uint32
	bounds := []int32{0}
	total := 0
	for w, sh := range shards {
		if w > 0 {
			remap := make([]uint32, len(sh.names))
			for local, key := range sh.names {
				id, ok := ix.syl[key]
				if !ok {
					id = uint32(len(ix.syl))
					ix.syl[key] = id
				}
				remap[local] = id
			}
			for i := range sh.exact {
				sh.exact[i], sh.fold[i] = remap[sh.exact[i]], remap[sh.fold[i]]
			}
		}
		base := int32(len(exact))
		for _, b := range sh.bounds[1:] {
			bounds = append(bounds, base+b)
		}
		exact, fold = append(exact, sh.exact...), append(fold, sh.fold...)
		ix.chunks = append(ix.chunks, sh.chunks...)
		ix.chunkArt = append(ix.chunkArt, sh.chunkArt...)
		ix.chunkLen = append(ix.chunkLen, sh.chunkLen...)
		total += sh.total
		shards[w] = nil
	}
	ix.nsyl = uint64(len(ix.syl))
	if n := float64(len(ix.chunks)); n > 0 {
		for f := range ix.avgLen {
			ix.avgLen[f] = math.Max(float64(total)/n, 1)
		}
	}
	ix.chunkInfo = make([]chunkInfo, len(ix.chunks))
	for c, l := range ix.chunkLen {
		ix.chunkInfo[c] = chunkInfo{norm: bm25K1 * (1 - bm25B + bm25B*float64(l)/ix.avgLen[exactUni]), art: ix.chunkArt[c]}
	}

	// Then the postings, a field per worker.
	fields := make(chan field, numFields)
	for f := range numFields {
		fields <- f
	}
	close(fields)
	for range min(runtime.GOMAXPROCS(0), int(numFields)) {
		wg.Go(func() {
			var buf [2][]uint64 // reused from field to field
			for f := range fields {
				ids := exact
				if f == foldUni || f == foldBi {
					ids = fold
				}
				var keys []uint64
				keys, ix.off[f], ix.post[f] = buildPostings(ids, bounds, ix.nsyl, f == exactBi || f == foldBi, &buf)
				if f == exactBi || f == foldBi {
					ix.pairs[f-exactBi] = keys
				}
			}
		})
	}
	wg.Wait()
	return ix
}

// chunkInfo is what scoring reads of a chunk, together: BM25's length
// normalisation and the chunk's article position.
type chunkInfo struct {
	norm float64
	art  int32
}

// textShard is the text of a run of articles, read by one worker.
type textShard struct {
	chunks      []Chunk
	chunkArt    []int32
	chunkLen    []float32
	total       int               // tokens
	syl         map[string]uint32 // syllable key -> this shard's id
	names       []string          // this shard's id -> syllable key
	exact, fold []uint32          // syllable ids of every token
	bounds      []int32           // where each chunk's tokens start, and the end
}

// readShard chunks articles (the first at position first) and reads the
// syllables of every chunk.
func readShard(articles []Article, first int) *textShard {
	sh := &textShard{syl: make(map[string]uint32, 1<<12), bounds: []int32{0}}
	intern := func(key []byte) uint32 {
		if id, ok := sh.syl[string(key)]; ok {
			return id
		}
		id := uint32(len(sh.names))
		name := string(key)
		sh.syl[name] = id
		sh.names = append(sh.names, name)
		return id
	}
	size := 0
	for i := range articles {
		size += len(articles[i].Title)
		for _, p := range articles[i].Paragraphs {
			size += len(p)
		}
	}
	// Vietnamese syllables with their space take about six bytes.
	sh.exact, sh.fold = make([]uint32, 0, size/5), make([]uint32, 0, size/5)
	sc := new(scanner)
	for i := range articles {
		for _, c := range ChunkArticle(&articles[i]) {
			sh.chunks = append(sh.chunks, c)
			sh.chunkArt = append(sh.chunkArt, int32(first+i))
			n := 0
			for sc.reset(c.Text); sc.next(); n++ {
				e := intern(sc.exact)
				f := e
				if sc.tok.Marked {
					f = intern(sc.fold)
				}
				sh.exact, sh.fold = append(sh.exact, e), append(sh.fold, f)
			}
			sh.bounds = append(sh.bounds, int32(len(sh.exact)))
			sh.chunkLen = append(sh.chunkLen, float32(n))
			sh.total += n
		}
	}
	return sh
}

// buildPostings builds one field's posting lists from the syllable ids of
// the chunks' tokens (bounds[c] is where chunk c's start): for unigrams,
// indexed by syllable id; for bigrams, by the position of the pair's key in
// the sorted keys it returns.
//
// Every (term, chunk) occurrence is packed into a uint64, term above chunk,
// in chunk order; a stable radix sort on the term bits then brings each
// term's occurrences together, still in chunk order, and equal neighbours
// are one chunk's repeats of the term: its tf.
//
// buf holds the two work arrays of the sort, kept for the next call.
func buildPostings(ids []uint32, bounds []int32, nsyl uint64, bigram bool, buf *[2][]uint64) (keys []uint64, off []uint32, post []posting) {
	nchunks := len(bounds) - 1
	cbits := uint(bits.Len(uint(nchunks)))
	maxKey := nsyl
	if bigram {
		maxKey = nsyl * nsyl
	}
	kbits := uint(bits.Len64(maxKey))
	if cbits+kbits > 64 {
		panic(fmt.Sprintf("knowledge: index too large (%d syllables, %d chunks)", nsyl, nchunks))
	}
	if cap(buf[0]) < len(ids) {
		buf[0], buf[1] = make([]uint64, 0, len(ids)), make([]uint64, len(ids))
	}
	occ := buf[0][:0]
	for c := range nchunks {
		start, end := bounds[c], bounds[c+1]
		for j := start; j < end; j++ {
			key := uint64(ids[j])
			if bigram {
				if j == start {
					continue
				}
				key = uint64(ids[j-1])*nsyl + key
			}
			occ = append(occ, key<<cbits|uint64(c))
		}
	}
	occ = radixSort(occ, buf[1][:len(occ)], cbits, kbits)

	distinct, terms := 0, 0
	for i, v := range occ {
		if i == 0 || v != occ[i-1] {
			distinct++
			if i == 0 || v>>cbits != occ[i-1]>>cbits {
				terms++
			}
		}
	}
	post = make([]posting, 0, distinct)
	if bigram {
		keys = make([]uint64, 0, terms)
		off = make([]uint32, 0, terms+1)
	} else {
		off = make([]uint32, 0, nsyl+1)
	}
	cmask := uint64(1)<<cbits - 1
	for i, v := range occ {
		if i > 0 && v == occ[i-1] {
			if p := &post[len(post)-1]; p.tf < math.MaxUint16 {
				p.tf++
			}
			continue
		}
		if key := v >> cbits; i == 0 || key != occ[i-1]>>cbits {
			if bigram {
				keys = append(keys, key)
				off = append(off, uint32(len(post)))
			} else {
				for uint64(len(off)) <= key {
					off = append(off, uint32(len(post)))
				}
			}
		}
		post = append(post, posting{chunk: int32(v & cmask), tf: 1})
	}
	if !bigram {
		for uint64(len(off)) < nsyl {
			off = append(off, uint32(len(post)))
		}
	}
	off = append(off, uint32(len(post)))
	return keys, off, post
}

// radixSort sorts a by the kbits bits above its lowest shift bits, stably,
// using tmp (as long as a) as work space; the result is a or tmp.
func radixSort(a, tmp []uint64, shift, kbits uint) []uint64 {
	passes := (kbits + 10) / 11
	if passes == 0 || len(a) < 2 {
		return a
	}
	digit := (kbits + passes - 1) / passes
	count := make([]int, 1<<digit)
	mask := uint64(1)<<digit - 1
	for p := range passes {
		s := shift + p*digit
		clear(count)
		for _, v := range a {
			count[v>>s&mask]++
		}
		sum := 0
		for d, n := range count {
			count[d], sum = sum, sum+n
		}
		for _, v := range a {
			d := v >> s & mask
			tmp[count[d]] = v
			count[d]++
		}
		a, tmp = tmp, a
	}
	return a
}

// list returns the postings of field f's term t.
func (ix *Index) list(f field, t int) []posting {
	off := ix.off[f]
	if t < 0 || t+1 >= len(off) {
		return nil
	}
	return ix.post[f][off[t]:off[t+1]]
}

// lookup returns the postings of a key: a syllable key for the unigram
// fields, two joined by a space for the bigram fields.
func (ix *Index) lookup(f field, key string) []posting {
	if f == exactUni || f == foldUni {
		if id, ok := ix.syl[key]; ok {
			return ix.list(f, int(id))
		}
		return nil
	}
	first, second, ok := strings.Cut(key, " ")
	if !ok {
		return nil
	}
	return ix.pair(f, first, second)
}

// pair returns the postings of the bigram of two syllable keys.
func (ix *Index) pair(f field, first, second string) []posting {
	a, ok := ix.syl[first]
	if !ok {
		return nil
	}
	b, ok := ix.syl[second]
	if !ok {
		return nil
	}
	t, ok := slices.BinarySearch(ix.pairs[f-exactBi], uint64(a)*ix.nsyl+uint64(b))
	if !ok {
		return nil
	}
	return ix.list(f, t)
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
	return ix.idfOf(len(ix.lookup(f, term)))
}

// idfOf is BM25's inverse document frequency of a term in df chunks.
func (ix *Index) idfOf(df int) float64 {
	n := float64(len(ix.chunks))
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// minWordDF is how many chunks must hold two syllables side by side for the
// pair to count as a word of the corpus ("dân số", "Châu Thành") rather
// than two words that happen to meet ("huyện duy trì").
func (ix *Index) minWordDF() int { return max(3, len(ix.chunks)/3000) }

// Weights weighs a question's content terms by how rare they are in the
// index: each syllable, and each adjacent pair of syllables that the corpus
// uses as a word.
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
		// A syllable written with diacritics is as rare as that exact
		// syllable: "số" is not made common by "sở".
		if t.Marked {
			w[t.Fold] = ix.idf(exactUni, t.Exact)
		} else {
			w[t.Fold] = ix.idf(foldUni, t.Fold)
		}
		if prev != nil {
			if df := len(ix.pair(foldBi, prev.Fold, t.Fold)); df >= ix.minWordDF() {
				w[prev.Fold+" "+t.Fold] = ix.idfOf(df)
			}
		}
		prev = t
	}
	return w
}
