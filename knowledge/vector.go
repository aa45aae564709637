package knowledge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math"
	"sort"
	"sync"
)

// Embedder turns texts into vectors, one per text, in order. llm/openai
// implements it on an OpenAI-compatible /v1/embeddings endpoint.
type Embedder interface {
	Embed(ctx context.Context, texts []string) ([][]float32, error)
}

// VectorCache keeps embedding vectors by model and content hash, so nothing
// is embedded twice. The stores implement it; the service uses its store as
// the cache when it does, and memory otherwise.
type VectorCache interface {
	// GetVectors returns the vectors it holds for hashes; missing ones are
	// simply absent from the map.
	GetVectors(ctx context.Context, model string, hashes []string) (map[string][]float32, error)
	// PutVectors stores vectors by hash.
	PutVectors(ctx context.Context, model string, vectors map[string][]float32) error
}

// VectorHash is the content hash a chunk's vector is cached under: hex
// SHA-256 of the exact text that was embedded.
func VectorHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// MemoryVectorCache is a VectorCache in memory, safe for concurrent use.
type MemoryVectorCache struct {
	mu sync.RWMutex
	m  map[string][]float32 // model + "\x00" + hash
}

var _ VectorCache = (*MemoryVectorCache)(nil)

// NewMemoryVectorCache returns an empty cache.
func NewMemoryVectorCache() *MemoryVectorCache {
	return &MemoryVectorCache{m: map[string][]float32{}}
}

// GetVectors implements VectorCache.
func (c *MemoryVectorCache) GetVectors(_ context.Context, model string, hashes []string) (map[string][]float32, error) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[string][]float32, len(hashes))
	for _, h := range hashes {
		if v, ok := c.m[model+"\x00"+h]; ok {
			out[h] = v
		}
	}
	return out, nil
}

// PutVectors implements VectorCache.
func (c *MemoryVectorCache) PutVectors(_ context.Context, model string, vectors map[string][]float32) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	for h, v := range vectors {
		c.m[model+"\x00"+h] = v
	}
	return nil
}

// Len returns how many vectors the cache holds.
func (c *MemoryVectorCache) Len() int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.m)
}

// embedBatch is how many texts go to the embedder in one call.
const embedBatch = 64

// vectorIndex holds a unit vector for every chunk of one Index.
type vectorIndex struct {
	ix     *Index
	vecs   [][]float32          // by chunk position
	byHash map[string][]float32 // the same vectors by hash, reused by the next build
}

// embedText is what is embedded for a chunk: its article's title gives the
// chunk the context a lone paragraph lacks.
func embedText(ix *Index, c int) string {
	ch := ix.chunk(int32(c))
	a := ix.articles[ix.chunkArt[c]]
	if ch.Paragraph < 0 {
		return ch.Text
	}
	return a.Title + "\n" + ch.Text
}

// buildVectors finds a vector for every chunk of ix: from prev (the vectors
// of the index it replaces), then the cache, and embeds only the rest,
// storing them in the cache batch by batch so an interrupted build keeps
// its progress.
func buildVectors(ctx context.Context, ix *Index, prev *vectorIndex, e Embedder, model string, cache VectorCache) (*vectorIndex, error) {
	n := len(ix.chunks)
	hashes := make([]string, n)
	texts := make([]string, n)
	for c := range n {
		if ix.articles[ix.chunkArt[c]] == nil {
			continue // removed: no vector
		}
		texts[c] = embedText(ix, c)
		hashes[c] = VectorHash(texts[c])
	}
	have := make(map[string][]float32, n)
	var lookup []string
	for _, h := range hashes {
		if h == "" {
			continue
		}
		if prev != nil {
			if v, ok := prev.byHash[h]; ok {
				have[h] = v
				continue
			}
		}
		lookup = append(lookup, h)
	}
	if len(lookup) > 0 && cache != nil {
		got, err := cache.GetVectors(ctx, model, lookup)
		if err != nil {
			return nil, fmt.Errorf("vector cache: %w", err)
		}
		for h, v := range got {
			if len(v) > 0 {
				have[h] = v
			}
		}
	}
	var todo []int // chunk positions still without a vector, one per hash
	queued := map[string]bool{}
	for c, h := range hashes {
		if _, ok := have[h]; !ok && !queued[h] && h != "" {
			queued[h] = true
			todo = append(todo, c)
		}
	}
	for start := 0; start < len(todo); start += embedBatch {
		batch := todo[start:min(start+embedBatch, len(todo))]
		in := make([]string, len(batch))
		for i, c := range batch {
			in[i] = texts[c]
		}
		out, err := e.Embed(ctx, in)
		if err != nil {
			return nil, fmt.Errorf("embedding %d passages: %w", len(in), err)
		}
		if len(out) != len(in) {
			return nil, fmt.Errorf("embedding: %d vectors for %d texts: %w", len(out), len(in), ErrUnavailable)
		}
		put := make(map[string][]float32, len(batch))
		for i, c := range batch {
			if len(out[i]) == 0 {
				return nil, fmt.Errorf("embedding: empty vector: %w", ErrUnavailable)
			}
			have[hashes[c]] = out[i]
			put[hashes[c]] = out[i]
		}
		if cache != nil {
			if err := cache.PutVectors(ctx, model, put); err != nil {
				return nil, fmt.Errorf("vector cache: %w", err)
			}
		}
	}
	// Unit vectors only, shared by hash: half the memory of keeping both.
	vix := &vectorIndex{ix: ix, vecs: make([][]float32, n), byHash: make(map[string][]float32, len(have))}
	for c, h := range hashes {
		if h == "" {
			continue
		}
		v, ok := vix.byHash[h]
		if !ok {
			v = unit(have[h])
			vix.byHash[h] = v
		}
		vix.vecs[c] = v
	}
	return vix, nil
}

// unit returns v scaled to length 1 (a new slice), or nil for a zero vector.
func unit(v []float32) []float32 {
	var sum float64
	for _, x := range v {
		sum += float64(x) * float64(x)
	}
	if sum == 0 {
		return nil
	}
	norm := float32(1 / math.Sqrt(sum))
	out := make([]float32, len(v))
	for i, x := range v {
		out[i] = x * norm
	}
	return out
}

// search returns the k chunks nearest to q by cosine similarity, best
// first, as passages with the similarity as score.
func (v *vectorIndex) search(q []float32, k int) []Passage {
	q = unit(q)
	if q == nil || k <= 0 {
		return nil
	}
	type hit struct {
		c   int
		sim float32
	}
	hits := make([]hit, 0, len(v.vecs))
	for c, vec := range v.vecs {
		if len(vec) != len(q) {
			continue // another model's vector, or none
		}
		var dot float32
		for i, x := range vec {
			dot += x * q[i]
		}
		hits = append(hits, hit{c, dot})
	}
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].sim != hits[j].sim {
			return hits[i].sim > hits[j].sim
		}
		return hits[i].c < hits[j].c
	})
	if len(hits) > k {
		hits = hits[:k]
	}
	out := make([]Passage, len(hits))
	for i, h := range hits {
		out[i] = Passage{Chunk: v.ix.chunk(int32(h.c)), Article: v.ix.articles[v.ix.chunkArt[h.c]], Score: float64(h.sim)}
	}
	return out
}
