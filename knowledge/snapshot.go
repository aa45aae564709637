package knowledge

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
)

// An index snapshot is the built index written out, so that a start-up
// whose content has not changed reads it instead of building it again. It
// is keyed by the content's fingerprint and holds everything but the
// articles, which come from the store as always.

// snapshotMagic starts every snapshot; its last digit is the format.
const snapshotMagic = "hoibao-index-4\n"

// errSnapshotMismatch says a snapshot is of other content.
var errSnapshotMismatch = errors.New("snapshot of other content")

// Fingerprint identifies the content of articles as an index sees it:
// their IDs and content hashes in the order the index keeps them.
func Fingerprint(articles []Article) string {
	h := sha256.New()
	for _, a := range Dedupe(articles) {
		hash := a.Hash
		if hash == "" {
			hash = contentHash(a)
		}
		fmt.Fprintf(h, "%s\x00%s\n", a.ID, hash)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// WriteSnapshot writes the index (without its articles) to w.
func (ix *Index) WriteSnapshot(w io.Writer) error {
	if len(ix.segs) != 1 || len(ix.dead) > 0 {
		ix = ix.Compact() // one segment, no removed articles
	}
	seg := ix.segs[0]
	bw := bufio.NewWriterSize(w, 1<<20)
	sw := snapWriter{w: bw}
	sw.bytes([]byte(snapshotMagic))
	names := make([]string, len(seg.syl))
	for name, id := range seg.syl {
		names[id] = name
	}
	sw.uint(uint64(len(ix.articles)))
	sw.uint(uint64(len(names)))
	for _, n := range names {
		sw.uint(uint64(len(n)))
		sw.bytes([]byte(n))
	}
	sw.uint(uint64(ix.maxArtChunks))
	spans := make([]int32, 0, 4*len(ix.chunks))
	for _, c := range ix.chunks {
		spans = append(spans, c.paragraph, c.part, c.start, c.end)
	}
	sw.slice(spans)
	sw.slice(ix.chunkArt)
	sw.slice(ix.artFirst)
	lens := make([]float32, len(ix.info))
	for c, in := range ix.info {
		lens[c] = in.len
	}
	sw.slice(lens)
	sw.uint(math.Float64bits(ix.avgLen))
	for f := range seg.uni {
		sw.postings(&seg.uni[f])
	}
	for f := range seg.bi {
		sw.slice(seg.bi[f].first)
		sw.slice(seg.bi[f].second)
		sw.postings(&seg.bi[f].postings)
	}
	if sw.err != nil {
		return sw.err
	}
	return bw.Flush()
}

// ReadSnapshot reads an index written by WriteSnapshot of the same
// articles (as Fingerprint tells; the caller keys snapshots by it).
func ReadSnapshot(r io.Reader, articles []Article) (*Index, error) {
	articles = Dedupe(articles)
	sr := snapReader{r: bufio.NewReaderSize(r, 1<<20)}
	magic := make([]byte, len(snapshotMagic))
	sr.bytes(magic)
	if sr.err != nil || string(magic) != snapshotMagic {
		return nil, fmt.Errorf("not an index snapshot: %w", errSnapshotMismatch)
	}
	if n := sr.uint(); n != uint64(len(articles)) {
		return nil, fmt.Errorf("%d articles, not %d: %w", n, len(articles), errSnapshotMismatch)
	}
	ix := &Index{byID: make(map[string]*Article, len(articles)), articles: make([]*Article, len(articles))}
	for i := range articles {
		ix.articles[i] = &articles[i]
		ix.byID[articles[i].ID] = &articles[i]
	}
	nsyl := sr.uint()
	if nsyl > math.MaxUint32 {
		return nil, errSnapshotMismatch
	}
	seg := &segment{syl: make(map[string]uint32, nsyl)}
	ix.segs, ix.liveArts = []*segment{seg}, len(articles)
	for id := range nsyl {
		name := make([]byte, sr.uint())
		sr.bytes(name)
		seg.syl[string(name)] = uint32(id)
	}
	ix.maxArtChunks = int(sr.uint())
	var spans []int32
	var lens []float32
	readSlice(&sr, &spans)
	readSlice(&sr, &ix.chunkArt)
	readSlice(&sr, &ix.artFirst)
	readSlice(&sr, &lens)
	ix.avgLen = math.Float64frombits(sr.uint())
	seg.avgLen, ix.liveChunks, ix.norm = ix.avgLen, len(ix.chunkArt), newLengthNorm(ix.avgLen)
	if len(spans) != 4*len(ix.chunkArt) || len(lens) != len(ix.chunkArt) {
		return nil, errSnapshotMismatch
	}
	ix.chunks = make([]chunkSpan, len(ix.chunkArt))
	ix.info = make([]chunkInfo, len(ix.chunkArt))
	for c := range ix.chunks {
		ix.chunks[c] = chunkSpan{spans[4*c], spans[4*c+1], spans[4*c+2], spans[4*c+3]}
		ix.info[c] = chunkInfo{len: lens[c], art: ix.chunkArt[c]}
	}
	for f := range seg.uni {
		sr.postings(&seg.uni[f])
	}
	for f := range seg.bi {
		readSlice(&sr, &seg.bi[f].first)
		readSlice(&sr, &seg.bi[f].second)
		sr.postings(&seg.bi[f].postings)
	}
	if sr.err != nil {
		return nil, fmt.Errorf("reading the index snapshot: %w", sr.err)
	}
	if len(ix.artFirst) != len(articles)+1 || len(ix.chunkArt) != len(ix.chunks) || len(ix.info) != len(ix.chunks) {
		return nil, errSnapshotMismatch
	}
	// The shapes search relies on, so a damaged snapshot fails here and
	// not in a search.
	for f := range seg.uni {
		if len(seg.uni[f].off) != int(nsyl)+1 {
			return nil, errSnapshotMismatch
		}
	}
	for f := range seg.bi {
		bi := &seg.bi[f]
		if len(bi.first) != int(nsyl)+1 || len(bi.off) != len(bi.second)+1 || int(bi.first[nsyl]) != len(bi.second) {
			return nil, errSnapshotMismatch
		}
	}
	return ix, nil
}

// snapWriter writes a snapshot, keeping the first error.
type snapWriter struct {
	w   io.Writer
	err error
	buf [binary.MaxVarintLen64]byte
}

func (s *snapWriter) bytes(b []byte) {
	if s.err == nil {
		_, s.err = s.w.Write(b)
	}
}

func (s *snapWriter) uint(v uint64) { s.bytes(s.buf[:binary.PutUvarint(s.buf[:], v)]) }

// slice writes a slice of fixed-size values, its length first.
func (s *snapWriter) slice(data any) {
	s.uint(uint64(binary.Size(data)))
	if s.err == nil {
		s.err = binary.Write(s.w, binary.LittleEndian, data)
	}
}

func (s *snapWriter) postings(p *postings) {
	s.slice(p.off)
	s.uint(uint64(len(p.pages)))
	for _, page := range p.pages {
		s.uint(uint64(len(page)))
		s.bytes(page)
	}
}

// snapReader reads a snapshot, keeping the first error.
type snapReader struct {
	r   *bufio.Reader
	err error
}

func (s *snapReader) bytes(b []byte) {
	if s.err == nil {
		_, s.err = io.ReadFull(s.r, b)
	}
}

func (s *snapReader) uint() uint64 {
	if s.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(s.r)
	s.err = err
	return v
}

// readSlice reads a slice that snapWriter.slice wrote.
func readSlice[E any](s *snapReader, dst *[]E) {
	size := s.uint()
	var zero E
	elem := uint64(binary.Size(zero))
	if s.err != nil || elem == 0 || size%elem != 0 || size > 1<<40 {
		if s.err == nil {
			s.err = errSnapshotMismatch
		}
		return
	}
	*dst = make([]E, size/elem)
	s.err = binary.Read(s.r, binary.LittleEndian, *dst)
}

func (s *snapReader) postings(p *postings) {
	readSlice(s, &p.off)
	n := s.uint()
	if n > 1<<20 {
		s.err = errSnapshotMismatch
		return
	}
	p.pages = make([][]byte, n)
	for i := range p.pages {
		size := s.uint()
		if s.err != nil || size > 1<<34 {
			return
		}
		p.pages[i] = make([]byte, size)
		s.bytes(p.pages[i])
	}
}

// Snapshots keeps built indexes between runs, by content fingerprint.
type Snapshots interface {
	// Load returns the index of articles (whose fingerprint is fp) when a
	// snapshot of it is kept; ok is false when none is.
	Load(ctx context.Context, fp string, articles []Article) (ix *Index, ok bool, err error)
	// Save keeps ix as the index of the content with fingerprint fp.
	Save(ctx context.Context, fp string, ix *Index) error
}

var _ Snapshots = SnapshotDir("")

// SnapshotDir keeps index snapshots as files in a folder, one for the
// content last indexed.
type SnapshotDir string

// Load reads the snapshot of the content with fingerprint fp, building
// the index over articles; ok is false when there is none.
func (d SnapshotDir) Load(_ context.Context, fp string, articles []Article) (ix *Index, ok bool, err error) {
	f, err := os.Open(d.path(fp))
	if errors.Is(err, os.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, err
	}
	defer f.Close()
	ix, err = ReadSnapshot(f, articles)
	if err != nil {
		return nil, false, err
	}
	return ix, true, nil
}

// Save writes the snapshot of ix as the content with fingerprint fp, and
// removes older ones.
func (d SnapshotDir) Save(_ context.Context, fp string, ix *Index) error {
	if err := os.MkdirAll(string(d), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(string(d), "index-*.tmp")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := ix.WriteSnapshot(tmp); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), d.path(fp)); err != nil {
		return err
	}
	old, _ := filepath.Glob(filepath.Join(string(d), "index-*.snap"))
	for _, o := range old {
		if o != d.path(fp) && strings.HasPrefix(filepath.Base(o), "index-") {
			os.Remove(o)
		}
	}
	return nil
}

func (d SnapshotDir) path(fp string) string {
	return filepath.Join(string(d), "index-"+fp[:min(len(fp), 32)]+".snap")
}
