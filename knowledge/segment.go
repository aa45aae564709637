package knowledge

import (
	"maps"
	"math"
	"slices"
	"strings"
	"time"
)

// Segments: a change of a few articles does not rebuild the index. The
// changed articles get a segment of their own (their chunks numbered after
// the others), the articles they replace or that were removed are marked
// dead, and a new Index shares every other segment's postings with the old
// one. BM25's statistics stay those of the live articles as a whole —
// document frequencies less the dead chunks', the average length over the
// live chunks — so a search ranks exactly as an index built over them
// would. Compact merges the segments again.

// segment is the postings of a run of chunks, numbered from first.
//
// Terms are numbers, not strings: every syllable key (exact or folded) has
// an id in syl; a unigram's term number is its syllable's id, a bigram's is
// found from its first syllable (bi[f].first) and its second (bi[f].second).
type segment struct {
	first    int32 // the first chunk
	firstArt int32 // the first article
	avgLen   float64
	syl      map[string]uint32
	uni      [2]postings // exactUni, foldUni: by syllable id
	bi       [2]bigrams  // exactBi, foldBi
}

// segList is a term's list in one segment.
type segList struct {
	plist
	base   int32   // the segment's first chunk
	factor float64 // scales its stored bound to the index's average length
}

// tlist is a term's lists in every segment, in chunk order, and the number
// of live chunks holding it.
type tlist struct {
	parts []segList
	df    int
}

// list returns the postings of a key: a syllable key for the unigram
// fields, two joined by a space for the bigram fields.
func (ix *Index) list(f field, key string) tlist {
	if f == exactUni || f == foldUni {
		return ix.lists(func(s *segment) plist {
			if id, ok := s.syl[key]; ok {
				return s.uni[f].list(int(id))
			}
			return plist{}
		})
	}
	first, second, ok := strings.Cut(key, " ")
	if !ok {
		return tlist{}
	}
	return ix.pair(f, first, second)
}

// pair returns the postings of the bigram of two syllable keys.
func (ix *Index) pair(f field, first, second string) tlist {
	return ix.lists(func(s *segment) plist {
		a, ok := s.syl[first]
		if !ok {
			return plist{}
		}
		b, ok := s.syl[second]
		if !ok {
			return plist{}
		}
		bi := &s.bi[f-exactBi]
		lo, hi := int(bi.first[a]), int(bi.first[a+1])
		t, ok := slices.BinarySearch(bi.second[lo:hi], b)
		if !ok {
			return plist{}
		}
		return bi.list(lo + t)
	})
}

// lists gathers a term's list from every segment and counts its live chunks.
func (ix *Index) lists(of func(*segment) plist) tlist {
	var l tlist
	for i, s := range ix.segs {
		p := of(s)
		df := p.df()
		if df == 0 {
			continue
		}
		// A stored bound is of the segment's own average length: a longer
		// one now makes chunks' scores higher, by at most their ratio.
		factor := max(1, ix.avgLen/s.avgLen) * (1 + 1e-9)
		sl := segList{plist: p, base: s.first, factor: factor}
		l.parts = append(l.parts, sl)
		l.df += df - ix.deadPostings(i, sl)
	}
	return l
}

// deadPostings counts the postings of a list in segment i's dead chunks.
func (ix *Index) deadPostings(i int, l segList) int {
	if len(ix.dead) == 0 {
		return 0
	}
	s := ix.segs[i]
	endArt := int32(len(ix.articles))
	if i+1 < len(ix.segs) {
		endArt = ix.segs[i+1].firstArt
	}
	lo, _ := slices.BinarySearch(ix.dead, s.firstArt)
	hi, _ := slices.BinarySearch(ix.dead, endArt)
	if lo == hi {
		return 0
	}
	var c cursor
	c.open(tlist{parts: []segList{l}}, nil, lengthNorm{})
	n := 0
	for _, a := range ix.dead[lo:hi] {
		end := ix.artFirst[a+1]
		for c.seek(ix.artFirst[a]); c.chunk < end; c.next() {
			n++
		}
	}
	return n
}

// maxSegments is how many segments an index may have before Compact
// merges them.
const maxSegments = 8

// NeedsCompact reports whether the index has enough segments or dead
// chunks that Compact is worth its time.
func (ix *Index) NeedsCompact() bool {
	return len(ix.segs) > maxSegments || len(ix.chunks) > 0 && len(ix.chunks)-ix.liveChunks > len(ix.chunks)/8
}

// With returns an index of ix's live articles less those with the IDs in
// removed, and with added (replacing any with the same ID), sharing the
// postings of ix's segments. It ranks exactly as NewIndex of the same
// articles.
func (ix *Index) With(added []Article, removed []string) *Index {
	part := NewIndex(added)
	// The first index made from ix appends to its arrays in place (ix
	// reads only up to its lengths); any other copies them.
	grow := slices.Clip[[]int32]
	growArts, growChunks, growInfo := slices.Clip[[]*Article], slices.Clip[[]chunkSpan], slices.Clip[[]chunkInfo]
	if ix.extended.CompareAndSwap(false, true) {
		grow = func(s []int32) []int32 { return s }
		growArts = func(s []*Article) []*Article { return s }
		growChunks = func(s []chunkSpan) []chunkSpan { return s }
		growInfo = func(s []chunkInfo) []chunkInfo { return s }
	}
	nx := &Index{
		articles:     append(growArts(ix.articles), part.articles...),
		byID:         ix.byID,
		changed:      maps.Clone(ix.changed),
		chunks:       append(growChunks(ix.chunks), part.chunks...),
		chunkArt:     slices.Grow(grow(ix.chunkArt), len(part.chunkArt)),
		artFirst:     slices.Grow(grow(ix.artFirst), len(part.artFirst)-1),
		info:         slices.Grow(growInfo(ix.info), len(part.info)),
		maxArtChunks: max(ix.maxArtChunks, part.maxArtChunks),
		dead:         slices.Clone(ix.dead),
		segs:         slices.Clip(ix.segs),
	}
	artBase, chunkBase := int32(len(ix.articles)), int32(len(ix.chunks))
	for _, a := range part.chunkArt {
		nx.chunkArt = append(nx.chunkArt, artBase+a)
	}
	for _, in := range part.info {
		nx.info = append(nx.info, chunkInfo{len: in.len, art: artBase + in.art})
	}
	for _, c := range part.artFirst[1:] { // the first is ix's end
		nx.artFirst = append(nx.artFirst, chunkBase+c)
	}
	if len(part.chunks) > 0 {
		seg := *part.segs[0]
		seg.first, seg.firstArt = chunkBase, artBase
		nx.segs = append(nx.segs, &seg)
	}
	if nx.changed == nil {
		nx.changed = make(map[string]*Article, len(removed)+len(added))
	}
	gone := make(map[*Article]bool, len(removed)+len(added))
	kill := func(id string) {
		if a, ok := nx.Article(id); ok {
			gone[a] = true
			nx.changed[id] = nil
		}
	}
	for _, id := range removed {
		kill(id)
	}
	for _, a := range part.articles {
		kill(a.ID)
	}
	if len(gone) > 0 {
		nx.articles = slices.Clone(nx.articles)
		for p, a := range nx.articles[:artBase] {
			if gone[a] {
				nx.articles[p] = nil
				nx.dead = append(nx.dead, int32(p))
			}
		}
		slices.Sort(nx.dead)
	}
	for _, a := range part.articles {
		nx.changed[a.ID] = a
	}
	nx.liveArts = ix.liveArts - len(gone) + len(part.articles)

	// The length normalisation over the live chunks: the chunks' lengths
	// stay, their average changes.
	total := 0.0
	for _, in := range nx.info {
		if nx.articles[in.art] != nil {
			total += float64(in.len)
			nx.liveChunks++
		}
	}
	nx.avgLen = 1.0
	if nx.liveChunks > 0 {
		nx.avgLen = math.Max(total/float64(nx.liveChunks), 1)
	}
	nx.norm = newLengthNorm(nx.avgLen)
	return nx
}

// Compact returns an index of the same live articles with fewer segments:
// the segments after the first merged into one, or everything rebuilt when
// those or the dead chunks have grown large.
func (ix *Index) Compact() *Index {
	if len(ix.segs) <= 1 && len(ix.dead) == 0 {
		return ix
	}
	var tail []Article
	tailChunks := 0
	if len(ix.segs) > 1 {
		tailChunks = len(ix.chunks) - int(ix.segs[1].first)
		for _, a := range ix.articles[ix.segs[1].firstArt:] {
			if a != nil {
				tail = append(tail, *a)
			}
		}
	}
	if dead := len(ix.chunks) - ix.liveChunks; len(ix.segs) == 1 || 4*tailChunks > len(ix.chunks) || 8*dead > len(ix.chunks) {
		all := make([]Article, 0, ix.liveArts)
		for _, a := range ix.articles {
			if a != nil {
				all = append(all, *a)
			}
		}
		return NewIndex(all)
	}
	return ix.firstSegment().With(tail, nil)
}

// firstSegment is ix cut to its first segment, as an index (its articles
// that are dead stay dead).
func (ix *Index) firstSegment() *Index {
	s := ix.segs[1]
	nx := &Index{
		articles:     ix.articles[:s.firstArt:s.firstArt],
		byID:         make(map[string]*Article, s.firstArt),
		chunks:       ix.chunks[:s.first:s.first],
		chunkArt:     ix.chunkArt[:s.first:s.first],
		artFirst:     ix.artFirst[: s.firstArt+1 : s.firstArt+1],
		info:         ix.info[:s.first:s.first],
		maxArtChunks: ix.maxArtChunks,
		avgLen:       ix.avgLen,
		norm:         ix.norm,
		segs:         ix.segs[:1:1],
	}
	for _, a := range nx.articles {
		if a != nil {
			nx.byID[a.ID] = a
		}
	}
	nx.liveArts = len(nx.byID)
	for _, a := range ix.dead {
		if a < s.firstArt {
			nx.dead = append(nx.dead, a)
		}
	}
	return nx
}

// nextIndex is an index of articles made from cur: cur with a segment for
// the articles that changed when they are few, else built anew.
func nextIndex(cur *Index, articles []Article) *Index {
	articles = Dedupe(articles)
	seen := make(map[string]bool, len(articles))
	var added []Article
	for _, a := range articles {
		seen[a.ID] = true
		if b, ok := cur.Article(a.ID); !ok || b.Hash != a.Hash || a.Hash == "" {
			added = append(added, a)
		}
	}
	var removed []string
	for _, a := range cur.articles {
		if a != nil && !seen[a.ID] {
			removed = append(removed, a.ID)
		}
	}
	if 4*(len(added)+len(removed)) > len(articles) {
		return NewIndex(articles)
	}
	return cur.With(added, removed)
}

// serve serves ix, and merges its segments in the background when they
// are many: the merged index serves unless a change came first.
func (s *Service) serve(ix *Index) {
	s.index.Store(ix)
	if !ix.NeedsCompact() || !s.compacting.CompareAndSwap(false, true) {
		return
	}
	go func() {
		defer s.compacting.Store(false)
		start := time.Now()
		nx := ix.Compact()
		s.writeMu.Lock()
		defer s.writeMu.Unlock()
		if s.index.CompareAndSwap(ix, nx) {
			s.log.Debug("index segments merged", "segments", len(ix.segs), "now", len(nx.segs), "took", time.Since(start).Round(time.Millisecond))
		}
	}()
}
