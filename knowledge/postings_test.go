package knowledge

import "testing"

// TestPostingsReadBackWhatWasWritten encodes lists short and long, one
// longer than a page, and reads each back whole and by skipping.
func TestPostingsReadBackWhatWasWritten(t *testing.T) {
	const nchunks = pageSize + pageSize/2 // one byte a posting: the long list spans two pages
	norm := make([]float64, nchunks)
	for c := range norm {
		norm[c] = 0.5 + float64(c%7)/4
	}
	long := make([]uint32, 0, nchunks+nchunks/1000)
	for c := range uint32(nchunks) {
		long = append(long, c)
		if c%1000 == 0 {
			long = append(long, c, c) // tf 3
		}
	}
	lists := [][]uint32{{1, 1, 5}, long, {0, 7, 7, 7, 9}, {nchunks - 1}}
	enc := encoder{norm: norm}
	off := make([]uint32, 0, len(lists)+1)
	for _, l := range lists {
		off = append(off, enc.add(l))
	}
	off = append(off, enc.addr)
	p := postings{pages: enc.finish(), off: off}
	info := make([]chunkInfo, nchunks)
	for c := range info {
		info[c].len = float32(c % 7) // norm[c], as 0.5 + len/4
	}
	lnorm := lengthNorm{0.5, 0.25}

	for t0, l := range lists {
		var want []posting
		for i, c := range l {
			if i > 0 && c == l[i-1] {
				want[len(want)-1].tf++
				continue
			}
			want = append(want, posting{int32(c), 1})
		}
		var cur cursor
		cur.open(oneList(p.list(t0)), info, lnorm)
		if got := p.list(t0).df(); got != len(want) {
			t.Fatalf("list %d: df %d, want %d", t0, got, len(want))
		}
		for i, w := range want {
			if cur.chunk != w.chunk || cur.tf != int(w.tf) {
				t.Fatalf("list %d posting %d: chunk %d tf %d, want %d %d", t0, i, cur.chunk, cur.tf, w.chunk, w.tf)
			}
			cur.next()
		}
		if cur.chunk != done {
			t.Fatalf("list %d: chunk %d after the end, want done", t0, cur.chunk)
		}
	}

	var cur cursor
	cur.open(oneList(p.list(1)), info, lnorm)
	for _, target := range []int32{5, 999, 1000, 1001, 600_000, nchunks - 1} {
		cur.seek(target)
		wantTF := 1
		if target%1000 == 0 {
			wantTF = 3
		}
		if cur.chunk != target || cur.tf != wantTF {
			t.Fatalf("seek(%d) = chunk %d tf %d, want %d %d", target, cur.chunk, cur.tf, target, wantTF)
		}
	}
	if cur.seek(nchunks); cur.chunk != done {
		t.Errorf("seek past the end = %d, want done", cur.chunk)
	}
}
