package knowledge

import (
	"encoding/binary"
	"math"
	"slices"
)

// Posting lists are kept compact, one byte string per field, a term's list
// at its offset:
//
//	uvarint df
//	if df > blockSize: float32 bound, then one skip entry per block of
//	    blockSize postings: uint32 last chunk, uint32 where the block
//	    starts (from the first posting), float32 the block's bound
//	the postings, in chunk order: uvarint (chunk gap)<<1 | (tf > 1), and
//	    uvarint tf-2 after it when tf > 1
//
// The first gap of a list counts from chunk -1, the first of a block from
// the previous block's last chunk, so a reader can start at any block. The
// bound is the most a single posting adds to a chunk's score per unit of
// idf (BM25's tf part), so search can skip what cannot reach the top.
const (
	blockBits = 7
	blockSize = 1 << blockBits
)

// postings is one field's posting lists, in pages of pageSize bytes
// (a list longer than a page has pages of its own): term t's list starts
// at address off[t], page off[t]>>pageBits (len(off) is the number of
// terms plus one).
type postings struct {
	pages [][]byte
	off   []uint32
}

// list returns term t's list, or an empty one.
func (p *postings) list(t int) plist {
	if t < 0 || t+1 >= len(p.off) || p.off[t] == p.off[t+1] {
		return plist{}
	}
	a := p.off[t]
	return plist{data: p.pages[a>>pageBits][a&(pageSize-1):]}
}

// plist is one encoded posting list, with what follows it in its page.
type plist struct{ data []byte }

// df is the number of chunks in the list.
func (l plist) df() int {
	if len(l.data) == 0 {
		return 0
	}
	df, _ := binary.Uvarint(l.data)
	return int(df)
}

// encoder appends posting lists to a field's pages. A list does not
// cross pages, so pages are the storage: no copy of the field is made.
type encoder struct {
	pages [][]byte
	addr  uint32    // address of the next byte
	head  []byte    // the header of the list being written
	norm  []float64 // BM25 length normalisation of every chunk
	block []byte    // the postings of the list being written
	skips []byte
}

// add appends the list of one term from its chunk numbers in order, one
// per occurrence (a chunk's repeats are its tf), and returns its address.
func (e *encoder) add(chunks []uint32) (addr uint32) {
	df := 0
	for i, c := range chunks {
		if i == 0 || c != chunks[i-1] {
			df++
		}
	}
	e.block, e.skips = e.block[:0], e.skips[:0]
	bound, blockMax, prev, n := 0.0, 0.0, int64(-1), 0
	for i := 0; i < len(chunks); {
		c := chunks[i]
		tf := 1
		for i++; i < len(chunks) && chunks[i] == c; i++ {
			tf++
		}
		tf = min(tf, math.MaxUint16) // as the reference counts
		gap := uint64(int64(c)-prev) << 1
		if tf > 1 {
			gap |= 1
		}
		e.block = binary.AppendUvarint(e.block, gap)
		if tf > 1 {
			e.block = binary.AppendUvarint(e.block, uint64(tf-2))
		}
		prev = int64(c)
		n++
		t := float64(tf)
		tfPart := t * (bm25K1 + 1) / (t + e.norm[c])
		bound, blockMax = max(bound, tfPart), max(blockMax, tfPart)
		if n%blockSize == 0 || n == df {
			e.skips = binary.LittleEndian.AppendUint32(e.skips, c)
			e.skips = binary.LittleEndian.AppendUint32(e.skips, uint32(len(e.block)))
			e.skips = binary.LittleEndian.AppendUint32(e.skips, roundUp(blockMax))
			blockMax = 0
		}
	}
	e.head = binary.AppendUvarint(e.head[:0], uint64(df))
	if df > blockSize {
		e.head = binary.LittleEndian.AppendUint32(e.head, roundUp(bound))
		// Each entry says where its block starts: shift the ends by one.
		start := uint32(0)
		for i := 0; i < len(e.skips); i += skipEntry {
			end := binary.LittleEndian.Uint32(e.skips[i+4:])
			binary.LittleEndian.PutUint32(e.skips[i+4:], start)
			start = end
		}
		e.head = append(e.head, e.skips...)
	}
	return e.write(e.head, e.block)
}

// skipEntry is the size of a skip entry.
const skipEntry = 12

// roundUp is a bound as float32 bits, not below it.
func roundUp(bound float64) uint32 {
	return math.Float32bits(math.Nextafter32(float32(bound), math.MaxFloat32))
}

// pageBits gives the size of a page of postings.
const (
	pageBits = 22
	pageSize = 1 << pageBits
)

// write appends one list and returns its address: on a new page when the last is too full (the
// rest of it stays empty); a list longer than a page gets pages of its own.
func (e *encoder) write(head, block []byte) (addr uint32) {
	n := len(head) + len(block)
	page := int(e.addr >> pageBits)
	if page < len(e.pages) && int(e.addr&(pageSize-1))+n > pageSize {
		page++
		e.addr = uint32(page) << pageBits
	}
	switch {
	case page == len(e.pages) && n > pageSize:
		npages := (n + pageSize - 1) / pageSize
		buf := make([]byte, 0, npages*pageSize)
		for i := range npages {
			e.pages = append(e.pages, buf[i*pageSize:i*pageSize])
		}
	case page == len(e.pages):
		// A page grows as it fills, up to pageSize, so a small index
		// (a segment of a few articles) does not take a whole one.
		e.pages = append(e.pages, make([]byte, 0, min(pageSize, max(n, 1<<16))))
	case len(e.pages[page])+n > cap(e.pages[page]):
		p := e.pages[page]
		grown := make([]byte, len(p), min(pageSize, max(2*cap(p), len(p)+n)))
		copy(grown, p)
		e.pages[page] = grown
	}
	p := &e.pages[page]
	*p = append(append(*p, head...), block...)
	addr = e.addr
	e.addr += uint32(n)
	if n > pageSize {
		e.addr = uint32(len(e.pages)) << pageBits // past the pages it took
	}
	return addr
}

// finish returns the pages written.
// The last page is cut to its use: a small index (a segment of a few
// articles) does not keep pages of mostly nothing.
func (e *encoder) finish() [][]byte {
	pages := e.pages
	e.pages = nil
	if n := len(pages); n > 0 && cap(pages[n-1])-len(pages[n-1]) > len(pages[n-1])/8 {
		pages[n-1] = slices.Clone(pages[n-1])
	}
	return pages
}

// cursor reads a term's lists forward, segment after segment, one chunk
// at a time or skipping.
type cursor struct {
	post   []byte // the postings
	skips  []byte // skipEntry bytes a block; nil for a single-block list
	df     int
	bound  float64 // most tf part of any posting
	pos    int     // next byte of post
	n      int     // postings read
	block  int     // block of the posting last read
	chunk  int32   // the current chunk; math.MaxInt32 past the end
	tf     int
	base   int32     // the segment's first chunk
	factor float64   // scales the segment's stored bounds (segList)
	more   []segList // the lists of the segments after
}

// done is the chunk of an exhausted cursor.
const done = math.MaxInt32

// open positions a cursor on the first posting of l; info and norm give
// the bound of a short list, which is not stored (none without info).
func (c *cursor) open(l tlist, info []chunkInfo, norm lengthNorm) {
	bound := 0.0
	if info != nil {
		for _, p := range l.parts {
			bound = max(bound, p.bound(info, norm))
		}
	}
	*c = cursor{chunk: done}
	if len(l.parts) > 0 {
		c.openPart(l.parts[0])
		c.more = l.parts[1:]
		c.next()
	}
	c.bound = bound
}

// openPart positions the cursor before the first posting of p.
func (c *cursor) openPart(p segList) {
	df, n := binary.Uvarint(p.data)
	c.df, c.post, c.chunk, c.base, c.pos, c.n, c.block, c.skips = int(df), p.data[n:], p.base-1, p.base, 0, 0, 0, nil
	c.factor = p.factor
	if c.df > blockSize {
		nb := (c.df + blockSize - 1) / blockSize
		c.skips = c.post[4 : 4+skipEntry*nb]
		c.post = c.post[4+skipEntry*nb:]
	}
}

// bound is the most one posting of the list adds to a chunk's score per
// unit of idf: stored for a long list, read from a short one.
func (p segList) bound(info []chunkInfo, norm lengthNorm) float64 {
	df, n := binary.Uvarint(p.data)
	if df > blockSize {
		return float64(math.Float32frombits(binary.LittleEndian.Uint32(p.data[n:]))) * p.factor
	}
	var c cursor
	c.openPart(p)
	b := 0.0
	for c.next(); c.chunk != done; c.next() {
		t := float64(c.tf)
		b = max(b, t*(bm25K1+1)/(t+norm.of(info[c.chunk].len)))
	}
	return b
}

// next moves to the next posting.
func (c *cursor) next() {
	if c.n >= c.df {
		c.nextPart()
		return
	}
	var gap int32
	if b := c.post[c.pos]; b&0x81 == 0 { // most: a gap of one byte, tf 1
		gap, c.tf, c.pos = int32(b>>1), 1, c.pos+1
	} else {
		gap, c.tf, c.pos = decodeLong(c.post, c.pos)
	}
	c.chunk += gap
	c.block = c.n >> blockBits
	c.n++
}

// nextPart moves to the first posting of the next segment's list, or past
// the end.
func (c *cursor) nextPart() {
	if len(c.more) > 0 {
		c.openPart(c.more[0])
		c.more = c.more[1:]
		c.next()
		return
	}
	c.chunk = done
}

// decodeLong reads a posting of more than one byte at post[pos]: its
// chunk gap, its tf, and where the next starts.
func decodeLong(post []byte, pos int) (gap int32, tf int, next int) {
	v, w := binary.Uvarint(post[pos:])
	pos += w
	tf = 1
	if v&1 != 0 {
		t, w := binary.Uvarint(post[pos:])
		pos += w
		tf = int(t) + 2
	}
	return int32(v >> 1), tf, pos
}

// seek moves to the first posting at or after chunk target. (Small, so
// that a cursor already there costs no call.)
func (c *cursor) seek(target int32) {
	if c.chunk < target {
		c.seekOn(target)
	}
}

// seekOn is seek from before target.
func (c *cursor) seekOn(target int32) {
	for len(c.more) > 0 && c.more[0].base <= target {
		c.openPart(c.more[0])
		c.more = c.more[1:]
	}
	if c.skips != nil {
		b := c.block
		nb := len(c.skips) / skipEntry
		for b < nb-1 && c.base+int32(binary.LittleEndian.Uint32(c.skips[skipEntry*b:])) < target {
			b++
		}
		if b > c.block && c.n < c.df {
			c.block = b
			c.n = b * blockSize
			c.pos = int(binary.LittleEndian.Uint32(c.skips[skipEntry*b+4:]))
			c.chunk = c.base + int32(binary.LittleEndian.Uint32(c.skips[skipEntry*(b-1):]))
		}
	}
	// Through the postings of this list, as next does, in registers.
	if c.chunk < target && c.n < c.df {
		post, pos, chunk, n, tf := c.post, c.pos, c.chunk, c.n, 1
		for chunk < target && n < c.df {
			var gap int32
			if b := post[pos]; b&0x81 == 0 {
				gap, tf, pos = int32(b>>1), 1, pos+1
			} else {
				gap, tf, pos = decodeLong(post, pos)
			}
			chunk += gap
			n++
		}
		c.pos, c.chunk, c.n, c.tf, c.block = pos, chunk, n, tf, (n-1)>>blockBits
	}
	for c.chunk < target {
		c.next()
	}
}

// blockBound is the most one posting before chunk hi adds to a chunk's
// score per unit of idf, from the current posting on: the bounds of the
// blocks that hold them (the whole list's bound for a short list).
func (c *cursor) blockBound(hi int32) float64 {
	if c.skips == nil {
		return c.bound
	}
	nb := len(c.skips) / skipEntry
	b := c.block
	m := math.Float32frombits(binary.LittleEndian.Uint32(c.skips[skipEntry*b+8:]))
	for b < nb-1 && c.base+int32(binary.LittleEndian.Uint32(c.skips[skipEntry*b:]))+1 < hi {
		b++
		m = max(m, math.Float32frombits(binary.LittleEndian.Uint32(c.skips[skipEntry*b+8:])))
	}
	return float64(m) * c.factor
}
