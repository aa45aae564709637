package knowledge

import (
	"fmt"
	"math"
	"runtime/debug"
	"slices"
	"sync"
)

// Building a field's posting lists from the syllable ids of every token.

// buildPart is how many token occurrences a field's build sorts at once,
// at most: the build's work space stays a small share of the index.
func buildPart(ntok int) uint32 { return uint32(max(1<<20, ntok/16)) }

// parts splits the keys of a counting sort (key k's occurrences are
// start[k]..start[k+1]) into runs of keys [lo, hi) of at most limit
// occurrences each, but for a single key with more.
func parts(start []uint32, limit uint32) [][2]int {
	var out [][2]int
	n := len(start) - 1
	for lo := 0; lo < n; {
		hi := lo + 1
		for hi < n && start[hi+1]-start[lo] <= limit {
			hi++
		}
		out = append(out, [2]int{lo, hi})
		lo = hi
	}
	return out
}

// buildUnigrams builds a unigram field's lists from the syllable ids of the
// chunks' tokens (chunk c's are ids[bounds[c]:bounds[c+1]]), each id read
// through fold when it is given: a counting sort by key, a run of keys at
// a time, keeps every key's chunks in order, and a chunk's repeats are its
// tf. buf is work space, returned for the next call.
func buildUnigrams(ids []uint32, fold *foldKeys, bounds []int32, nsyl int, norm []float64, buf []uint32) (postings, []uint32) {
	keys := fold.reader(ids)
	start := make([]uint32, nsyl+1)
	for j := range ids {
		start[keys.at(int32(j))+1]++
	}
	for k := range nsyl {
		start[k+1] += start[k]
	}
	enc := encoder{norm: norm}
	off := make([]uint32, nsyl+1)
	for _, p := range parts(start, buildPart(len(ids))) {
		lo, hi := uint32(p[0]), uint32(p[1])
		base := start[lo]
		if n := int(start[hi] - base); cap(buf) < n {
			buf = make([]uint32, n)
		}
		pos := make([]uint32, hi-lo)
		for k := range pos {
			pos[k] = start[lo+uint32(k)] - base
		}
		keys = fold.reader(ids)
		for c := range len(bounds) - 1 {
			for j := bounds[c]; j < bounds[c+1]; j++ {
				if k := keys.at(j); k >= lo && k < hi {
					buf[pos[k-lo]] = uint32(c)
					pos[k-lo]++
				}
			}
		}
		for k := lo; k < hi; k++ {
			off[k] = noAddr
			if start[k] < start[k+1] {
				off[k] = enc.add(buf[start[k]-base : start[k+1]-base])
			}
		}
	}
	off[nsyl] = enc.addr
	for k := nsyl - 1; k >= 0; k-- {
		if off[k] == noAddr { // no list: as long as none, up to the next
			off[k] = off[k+1]
		}
	}
	return postings{pages: enc.finish(), off: off}, buf
}

// buildBigrams builds a bigram field's lists likewise: a counting sort by
// first syllable, a run of them at a time, then each first syllable's
// pairs sorted by second syllable and chunk.
func buildBigrams(ids []uint32, fold *foldKeys, bounds []int32, nsyl int, norm []float64, buf []uint64) (bigrams, []uint64) {
	nchunks := len(bounds) - 1
	if uint64(nsyl) > math.MaxUint32 || uint64(nchunks) > math.MaxUint32 {
		panic(fmt.Sprintf("knowledge: index too large (%d syllables, %d chunks)", nsyl, nchunks))
	}
	start := make([]uint32, nsyl+1)
	keys := fold.reader(ids)
	for c := range nchunks {
		for j := bounds[c] + 1; j < bounds[c+1]; j++ {
			start[keys.at(j-1)+1]++
		}
	}
	for k := range nsyl {
		start[k+1] += start[k]
	}
	bi := bigrams{first: make([]uint32, nsyl+1)}
	enc := encoder{norm: norm}
	var chunks []uint32
	for _, p := range parts(start, buildPart(len(ids))) {
		lo, hi := uint32(p[0]), uint32(p[1])
		base := start[lo]
		if n := int(start[hi] - base); cap(buf) < n {
			buf = make([]uint64, n)
		}
		pos := make([]uint32, hi-lo)
		for k := range pos {
			pos[k] = start[lo+uint32(k)] - base
		}
		keys = fold.reader(ids)
		for c := range nchunks {
			for j := bounds[c] + 1; j < bounds[c+1]; j++ {
				a := keys.at(j - 1)
				b := keys.at(j)
				if a >= lo && a < hi {
					buf[pos[a-lo]] = uint64(b)<<32 | uint64(c)
					pos[a-lo]++
				}
			}
		}
		for a := lo; a < hi; a++ {
			bi.first[a] = uint32(len(bi.second))
			run := buf[start[a]-base : start[a+1]-base]
			slices.Sort(run)
			for i := 0; i < len(run); {
				b := run[i] >> 32
				chunks = chunks[:0]
				for ; i < len(run) && run[i]>>32 == b; i++ {
					chunks = append(chunks, uint32(run[i]))
				}
				bi.second = append(bi.second, uint32(b))
				bi.off = append(bi.off, enc.add(chunks))
			}
		}
	}
	bi.first[nsyl] = uint32(len(bi.second))
	bi.off = append(bi.off, enc.addr)
	bi.pages = enc.finish()
	bi.second = clipSlice(bi.second)
	bi.off = clipSlice(bi.off)
	return bi, buf
}

// noAddr marks a term without postings while a field is built.
const noAddr = math.MaxUint32

// noFold marks a syllable whose folded key is not known yet.
const noFold = math.MaxUint32

// foldKeys maps exact syllable ids to folded ones: of[id], except for the
// tokens at pos (in order), whose folded ids are key.
type foldKeys struct {
	of  []uint32
	pos []int32
	key []uint32
}

// keyReader reads the key of each token of a field, in token order.
type keyReader struct {
	ids  []uint32
	fold *foldKeys
	next int
}

// reader reads ids through f; through nothing when f is nil (exact keys).
func (f *foldKeys) reader(ids []uint32) keyReader { return keyReader{ids: ids, fold: f} }

// at returns the key of token j; j may not go down between calls.
func (r *keyReader) at(j int32) uint32 {
	if r.fold == nil {
		return r.ids[j]
	}
	pos := r.fold.pos
	for r.next < len(pos) && pos[r.next] < j {
		r.next++
	}
	if r.next < len(pos) && pos[r.next] == j {
		return r.fold.key[r.next]
	}
	return r.fold.of[r.ids[j]]
}

// clipSlice returns s without spare capacity worth keeping.
func clipSlice[S ~[]E, E any](s S) S {
	if cap(s)-len(s) > len(s)/16 {
		return slices.Clone(s)
	}
	return s
}

// buildGCPercent is the garbage collector's target while an index is
// built: the build's work space is garbage soon, and collecting it early
// keeps the peak near the live size instead of twice it.
const buildGCPercent = 25

var buildGC struct {
	sync.Mutex
	n    int // builds running
	prev int // the setting before the first of them
}

// lowGC sets buildGCPercent until the returned func is called.
func lowGC() func() {
	buildGC.Lock()
	if buildGC.n == 0 {
		buildGC.prev = debug.SetGCPercent(buildGCPercent)
		if buildGC.prev < buildGCPercent {
			debug.SetGCPercent(buildGC.prev) // already lower, or off
		}
	}
	buildGC.n++
	buildGC.Unlock()
	return func() {
		buildGC.Lock()
		if buildGC.n--; buildGC.n == 0 {
			debug.SetGCPercent(buildGC.prev)
		}
		buildGC.Unlock()
	}
}
