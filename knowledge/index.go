package knowledge

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sort"
	"sync"
	"sync/atomic"
	"time"
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

// posting is one chunk of a term's list and the term's count there: what
// the reference index in the tests keeps.
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
// found from its first syllable (bi[f].first) and its second (bi[f].second).
// The posting lists are compact byte strings (postings.go), in chunk order,
// and an article's chunks are neighbours, from artFirst[a] on.
type Index struct {
	articles []*Article
	byID     map[string]*Article // by ID, as built; changed overrides it
	// The articles added (or replaced) by With since the build, and nil
	// for those removed: an index made by With shares byID with the one
	// before instead of copying it.
	changed      map[string]*Article
	chunks       []chunkSpan
	chunkArt     []int32     // chunk -> article position
	artFirst     []int32     // article position -> its first chunk; one more at the end
	info         []chunkInfo // chunk -> what scoring reads of it
	maxArtChunks int
	avgLen       float64 // BM25's average chunk length, over the live chunks
	norm         lengthNorm
	segs         []*segment
	// Removed articles (segment.go): articles[a] is nil, and dead lists
	// their positions in order; their chunks are still in the postings
	// but never scored or counted.
	dead       []int32
	liveArts   int
	liveChunks int
	extended   atomic.Bool // an index made by With appends to these arrays
}

// chunkInfo is what scoring reads of a chunk, together: its length in
// tokens and its article position. Neither changes when other articles
// come and go, so an index made by With shares them with the one before.
type chunkInfo struct {
	len float32
	art int32
}

// lengthNorm is BM25's length normalisation of a chunk of len tokens
// among chunks of average length avgLen, k1·(1 − b + b·len/avgLen),
// as a + b·len.
type lengthNorm struct{ a, b float64 }

func newLengthNorm(avgLen float64) lengthNorm {
	return lengthNorm{bm25K1 * (1 - bm25B), bm25K1 * bm25B / avgLen}
}

// of is the normalisation of a chunk of len tokens.
func (n lengthNorm) of(len float32) float64 { return n.a + n.b*float64(len) }

// chunkSpan is where a chunk is in its article; Chunk makes it whole.
type chunkSpan struct{ paragraph, part, start, end int32 }

// chunk returns chunk c.
func (ix *Index) chunk(c int32) Chunk {
	sp := ix.chunks[c]
	return spanChunk(ix.articles[ix.chunkArt[c]], int(sp.paragraph), int(sp.part), int(sp.start), int(sp.end))
}

// bigrams is a bigram field: the terms whose first syllable is a are
// first[a]..first[a+1], by second syllable.
type bigrams struct {
	first  []uint32
	second []uint32
	postings
}

// NewIndex chunks and indexes articles. Articles with the same ID keep the
// last one.
func NewIndex(articles []Article) *Index {
	if textSize(articles) > lowGCText {
		defer lowGC()()
	}
	articles = Dedupe(articles)
	seg := &segment{}
	ix := &Index{segs: []*segment{seg}, liveArts: len(articles), byID: make(map[string]*Article, len(articles)), articles: make([]*Article, len(articles))}
	for i := range articles {
		ix.articles[i] = &articles[i]
		ix.byID[articles[i].ID] = &articles[i]
	}

	// First the text, in parallel shards of articles: chunks, and the
	// syllable ids of every chunk's tokens.
	workers := min(runtime.GOMAXPROCS(0), 8, max(1, len(articles)/64))
	shards := make([]*textShard, workers)
	var wg sync.WaitGroup
	for w := range shards {
		lo, hi := w*len(articles)/workers, (w+1)*len(articles)/workers
		// The first shard's token ids are where all will be, so merging
		// them does not hold two copies.
		reserve := articles[lo:hi]
		if w == 0 {
			reserve = articles
		}
		wg.Go(func() { shards[w] = readShard(articles[lo:hi], lo, textSize(reserve)/5) })
	}
	wg.Wait()

	// Then one numbering of the syllables: the first shard's, extended.
	// A syllable's folded key is its exact key's (foldOf), but for the
	// rare exact keys that two spellings share ("rà" and "ra2"): those
	// tokens are listed as exceptions, by position.
	seg.syl = shards[0].syl
	var foldOf []uint32
	fold := foldKeys{}
	bounds := []int32{0}
	total, ntok := 0, 0
	for _, sh := range shards {
		ntok += len(sh.ids)
	}
	var norm []float64                                         // chunk -> chunk length, then BM25's length normalisation
	ids := slices.Grow(shards[0].ids, ntok-len(shards[0].ids)) // the first shard's ids are the global ones
	for w, sh := range shards {
		remap := make([]uint32, len(sh.names))
		for local, key := range sh.names {
			id, ok := seg.syl[key]
			if !ok {
				id = uint32(len(seg.syl))
				seg.syl[key] = id
			}
			remap[local] = id
			for len(foldOf) <= int(id) {
				foldOf = append(foldOf, noFold)
			}
		}
		base := int32(len(ids)) // where this shard's tokens go: after the others,
		if w == 0 {             // but the first shard's are in place
			base = 0
		}
		var conflict []uint32 // local ids whose folded key differs from an earlier shard's
		for local, f := range sh.foldOf {
			if f == noFold {
				continue
			}
			g := remap[local]
			switch foldOf[g] {
			case noFold:
				foldOf[g] = remap[f]
			case remap[f]:
			default:
				conflict = append(conflict, uint32(local))
			}
		}
		if len(conflict) > 0 {
			listed := map[int32]bool{}
			for _, p := range sh.excPos {
				listed[p] = true
			}
			for p, id := range sh.ids {
				if !listed[int32(p)] && slices.Contains(conflict, id) {
					sh.excPos, sh.excKey = append(sh.excPos, int32(p)), append(sh.excKey, sh.foldOf[id])
				}
			}
		}
		for i, p := range sh.excPos {
			fold.pos, fold.key = append(fold.pos, base+p), append(fold.key, remap[sh.excKey[i]])
		}
		for i := range sh.ids {
			sh.ids[i] = remap[sh.ids[i]]
		}
		for _, b := range sh.bounds[1:] {
			bounds = append(bounds, base+b)
		}
		if w > 0 {
			ids = append(ids, sh.ids...)
		}
		ix.chunks = append(ix.chunks, sh.chunks...)
		ix.chunkArt = append(ix.chunkArt, sh.chunkArt...)
		for _, l := range sh.chunkLen {
			norm = append(norm, float64(l))
		}
		total += sh.total
		shards[w] = nil
	}
	for id, f := range foldOf {
		if f == noFold {
			foldOf[id] = uint32(id)
		}
	}
	fold.of = foldOf
	if len(fold.pos) > 0 {
		order := make([]int, len(fold.pos))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, func(a, b int) int { return cmp.Compare(fold.pos[a], fold.pos[b]) })
		pos, key := make([]int32, len(order)), make([]uint32, len(order))
		for i, o := range order {
			pos[i], key[i] = fold.pos[o], fold.key[o]
		}
		fold.pos, fold.key = pos, key
	}
	nsyl := len(seg.syl)
	avgLen := 1.0
	if n := float64(len(ix.chunks)); n > 0 {
		avgLen = math.Max(float64(total)/n, 1)
	}
	ix.avgLen, seg.avgLen, ix.liveChunks = avgLen, avgLen, len(ix.chunks)
	ix.norm = newLengthNorm(avgLen)
	ix.info = make([]chunkInfo, len(norm))
	for c, l := range norm {
		ix.info[c] = chunkInfo{len: float32(l), art: ix.chunkArt[c]}
		norm[c] = ix.norm.of(float32(l))
	}
	// Every article has a chunk at least (its title), in article order.
	ix.artFirst = make([]int32, len(ix.articles)+1)
	for c, a := range ix.chunkArt {
		if c == 0 || ix.chunkArt[c-1] != a {
			ix.artFirst[a] = int32(c)
		}
	}
	ix.artFirst[len(ix.articles)] = int32(len(ix.chunks))
	for a := range ix.articles {
		ix.maxArtChunks = max(ix.maxArtChunks, int(ix.artFirst[a+1]-ix.artFirst[a]))
	}

	// Then the postings, a field per worker, each sorting a part of its
	// tokens at a time.
	fields := make(chan field, numFields)
	for f := range numFields {
		fields <- f
	}
	close(fields)
	for range min(runtime.GOMAXPROCS(0), int(numFields)) {
		wg.Go(func() {
			var buf32 []uint32
			var buf64 []uint64
			for f := range fields {
				fk := &fold
				if f == exactUni || f == exactBi {
					fk = nil
				}
				if f == exactUni || f == foldUni {
					seg.uni[f], buf32 = buildUnigrams(ids, fk, bounds, nsyl, norm, buf32)
				} else {
					seg.bi[f-exactBi], buf64 = buildBigrams(ids, fk, bounds, nsyl, norm, buf64)
				}
			}
		})
	}
	wg.Wait()
	return ix
}

// textShard is the text of a run of articles, read by one worker.
type textShard struct {
	chunks   []chunkSpan
	chunkArt []int32
	chunkLen []float32
	total    int               // tokens
	syl      map[string]uint32 // syllable key -> this shard's id
	names    []string          // this shard's id -> syllable key
	foldOf   []uint32          // this shard's id -> the id of its folded key, or noFold
	excPos   []int32           // tokens whose folded key is not foldOf's
	excKey   []uint32
	ids      []uint32 // exact syllable ids of every token
	bounds   []int32  // where each chunk's tokens start, and the end
}

// lowGCText is how much text makes a build worth collecting its work
// space early (lowGC): not a segment of a few articles, whose garbage is
// small beside a large index's live heap.
const lowGCText = 8 << 20

// textSize is the bytes of text of articles.
func textSize(articles []Article) int {
	size := 0
	for i := range articles {
		size += len(articles[i].Title)
		for _, p := range articles[i].Paragraphs {
			size += len(p)
		}
	}
	return size
}

// readShard chunks articles (the first at position first) and reads the
// syllables of every chunk, with room for reserve tokens (Vietnamese
// syllables with their space take about six bytes).
func readShard(articles []Article, first, reserve int) *textShard {
	sh := &textShard{syl: make(map[string]uint32, min(1<<12, reserve/4)), bounds: []int32{0}}
	intern := func(key []byte) uint32 {
		if id, ok := sh.syl[string(key)]; ok {
			return id
		}
		id := uint32(len(sh.names))
		name := string(key)
		sh.syl[name] = id
		sh.names = append(sh.names, name)
		sh.foldOf = append(sh.foldOf, noFold)
		return id
	}
	sh.ids = make([]uint32, 0, reserve)
	sc := new(scanner)
	for i := range articles {
		a := &articles[i]
		chunkSpans(a, func(p, part, start, end int) {
			sh.chunks = append(sh.chunks, chunkSpan{int32(p), int32(part), int32(start), int32(end)})
			sh.chunkArt = append(sh.chunkArt, int32(first+i))
			text := a.Title
			if p >= 0 {
				text = a.Paragraphs[p][start:end]
			}
			n := 0
			for sc.reset(text); sc.next(); n++ {
				e := intern(sc.exact)
				f := e
				if sc.tok.Marked {
					f = intern(sc.fold)
				}
				switch sh.foldOf[e] {
				case noFold:
					sh.foldOf[e] = f
				case f:
				default:
					sh.excPos, sh.excKey = append(sh.excPos, int32(len(sh.ids))), append(sh.excKey, f)
				}
				sh.ids = append(sh.ids, e)
			}
			sh.bounds = append(sh.bounds, int32(len(sh.ids)))
			sh.chunkLen = append(sh.chunkLen, float32(n))
			sh.total += n
		})
	}
	return sh
}

// df is the number of live chunks holding a key in field f.
func (ix *Index) df(f field, key string) int { return ix.list(f, key).df }

// Articles returns the indexed articles, newest first.
func (ix *Index) Articles() []*Article {
	out := make([]*Article, 0, ix.liveArts)
	for _, a := range ix.articles {
		if a != nil {
			out = append(out, a)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Published.After(out[j].Published) })
	return out
}

// hasNewer reports whether the index holds an article published after t.
func (ix *Index) hasNewer(t time.Time) bool {
	for _, a := range ix.articles {
		if a != nil && a.Published.After(t) {
			return true
		}
	}
	return false
}

// Article returns the article with the given ID.
func (ix *Index) Article(id string) (*Article, bool) {
	if a, ok := ix.changed[id]; ok {
		return a, a != nil
	}
	a, ok := ix.byID[id]
	return a, ok
}

// Len returns the number of articles and chunks.
func (ix *Index) Len() (articles, chunks int) { return ix.liveArts, ix.liveChunks }

// idf is BM25's inverse document frequency of a term in a field.
func (ix *Index) idf(f field, term string) float64 {
	return ix.idfOf(ix.df(f, term))
}

// idfOf is BM25's inverse document frequency of a term in df chunks.
func (ix *Index) idfOf(df int) float64 {
	n := float64(ix.liveChunks)
	return math.Log(1 + (n-float64(df)+0.5)/(float64(df)+0.5))
}

// minWordDF is how many chunks must hold two syllables side by side for the
// pair to count as a word of the corpus ("dân số", "Châu Thành") rather
// than two words that happen to meet ("huyện duy trì").
func (ix *Index) minWordDF() int { return max(3, ix.liveChunks/3000) }

// Weights weighs a question's content terms by how rare they are in the
// index: each syllable, and each adjacent pair of syllables that the corpus
// uses as a word.
func (ix *Index) Weights(question string) map[string]float64 {
	toks := Tokenize(NFC(question))
	w := make(map[string]float64, len(toks)*2)
	var prev *Token
	for i := range toks {
		t := &toks[i]
		if IsStopword(*t) && !inPlace(toks, i) || asksWhy(toks, i) {
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
			// After a place noun a pair is a place's name however rarely
			// the corpus says it ("huyện Chợ Mới"), even never when typed
			// as a name, unless typed plain it may open with a small word
			// ("huyen con duy tri").
			df := ix.pair(foldBi, prev.Fold, t.Fold).df
			placed := inPlace(toks, i-1)                                          // "xã lai hòa": "lai" opens Lai Hòa
			named := prev.Upper && t.Upper || (prev.Marked || placed) && t.Marked // a name, though no article says it
			if df >= ix.minWordDF() || (df > 0 || named) && i >= 2 && (placeNouns[toks[i-2].Fold] || toks[i-2].Fold == "uy") && (prev.Marked || placed || !foldedStop[prev.Fold]) {
				w[prev.Fold+" "+t.Fold] = ix.idfOf(df)
			}
		}
		prev = t
	}
	// Typed plain, a place's name may be made of small words ("huyen cho
	// moi" for "huyện Chợ Mới"): after a place noun it is still a pair
	// when the corpus has it, or when typed in capitals ("Cho Moi").
	for i := 1; i+2 < len(toks); i++ {
		after := placeNouns[toks[i-1].Fold] || toks[i-1].Fold == "uy" && i >= 2 && placeNouns[toks[i-2].Fold]
		if !after {
			continue
		}
		a, b := toks[i], toks[i+1]
		if a.Marked || b.Marked || a.Number || b.Number || toks[i-1].End+1 != a.Start || a.End+1 != b.Start || notPlaceWords[a.Fold] || notPlaceWords[b.Fold] {
			continue
		}
		key := a.Fold + " " + b.Fold
		if _, ok := w[key]; !ok {
			if df := ix.pair(foldBi, a.Fold, b.Fold).df; df > 0 || a.Upper && b.Upper {
				w[key] = ix.idfOf(df)
			}
		}
	}
	return w
}

// notPlaceWords are small words that never open or close a place's name
// typed plain: "huyen co bao nhieu xa" names no place.
var notPlaceWords = map[string]bool{"co": true, "la": true, "da": true, "dang": true, "se": true, "duoc": true, "bi": true,
	"cung": true, "va": true, "cua": true, "nao": true, "gi": true, "bao": true, "may": true, "ai": true, "dau": true, "thi": true,
	"o": true, "tai": true, "trong": true, "voi": true, "den": true, "tu": true, "nhu": true, "khi": true, "nay": true, "do": true,
	"de": true, "ve": true, "ra": true, "vao": true, "nhung": true, "cac": true, "mot": true, "hay": true, "hoac": true, "j": true}
