package knowledge

import (
	"context"
	"sort"
	"sync"
	"time"
)

// Rewriter turns a follow-up question and its chat history into a
// standalone question, before retrieval. An LLM that implements it is
// asked whenever a query carries history.
type Rewriter interface {
	Rewrite(ctx context.Context, q Query) (string, error)
}

// rrfK is reciprocal rank fusion's constant: a passage ranked r-th (from 1)
// in a list adds 1/(rrfK+r) to its fused score.
const rrfK = 60

// vectorBuildTimeout bounds embedding a whole corpus in the background.
const vectorBuildTimeout = 10 * time.Minute

// hybridState is the Service's optional vector retrieval.
type hybridState struct {
	embedder Embedder
	model    string
	cache    VectorCache // set by WithVectorCache
	memory   *MemoryVectorCache

	mu    sync.Mutex
	build *vectorBuild // for the index served most recently asked about
	last  *vectorIndex // the latest complete vectors, reused by the next build
}

// vectorBuild is one (possibly running) build of an index's vectors.
type vectorBuild struct {
	ix   *Index
	done chan struct{}
	vix  *vectorIndex
	err  error
}

// WithEmbedder adds vector retrieval: passages are embedded with e (model
// names the vectors in the cache), questions too, and the vector ranking is
// fused with BM25's. Without it retrieval is BM25 alone.
func WithEmbedder(e Embedder, model string) Option {
	return func(s *Service) {
		s.hybrid.embedder, s.hybrid.model = e, model
		s.hybrid.memory = NewMemoryVectorCache()
	}
}

// WithVectorCache keeps vectors in cache. Without it the store is the cache
// when it implements VectorCache, else memory.
func WithVectorCache(cache VectorCache) Option {
	return func(s *Service) { s.hybrid.cache = cache }
}

func (s *Service) vectorCache() VectorCache {
	if s.hybrid.cache != nil {
		return s.hybrid.cache
	}
	if vc, ok := s.store.(VectorCache); ok {
		return vc
	}
	return s.hybrid.memory
}

// EmbedArticles makes sure every passage of the serving index has a vector,
// from the cache or else the embedder. Asking does this by itself; call it
// to have it done before the first question. Without an embedder it does
// nothing.
func (s *Service) EmbedArticles(ctx context.Context) error {
	if s.hybrid.embedder == nil {
		return nil
	}
	_, err := s.vectors(ctx, s.Index())
	return err
}

// vectors returns the vectors of ix, building them in the background (so a
// question that gives up does not waste the work) and waiting for them.
func (s *Service) vectors(ctx context.Context, ix *Index) (*vectorIndex, error) {
	h := &s.hybrid
	h.mu.Lock()
	b := h.build
	if b != nil && b.ix == ix {
		select {
		case <-b.done:
			if b.err != nil {
				b = nil // failed: try again
			}
		default:
		}
	} else {
		b = nil
	}
	if b == nil {
		b = &vectorBuild{ix: ix, done: make(chan struct{})}
		h.build = b
		prev := h.last
		cache := s.vectorCache()
		go func() {
			bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), vectorBuildTimeout)
			defer cancel()
			b.vix, b.err = buildVectors(bctx, ix, prev, h.embedder, h.model, cache)
			if b.err == nil {
				h.mu.Lock()
				h.last = b.vix
				h.mu.Unlock()
			}
			close(b.done)
		}()
	}
	h.mu.Unlock()
	select {
	case <-b.done:
		return b.vix, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// retrieve finds the passages for a question: BM25, fused with the vector
// ranking when an embedder is configured and working.
func (s *Service) retrieve(ctx context.Context, ix *Index, question string) []Passage {
	if s.hybrid.embedder == nil {
		return ix.Search(question, s.topK)
	}
	pool := max(4*s.topK, 20)
	lexical := ix.Search(question, pool)
	vix, err := s.vectors(ctx, ix)
	if err != nil {
		s.log.Warn("passage vectors unavailable; searching by words only", "err", err)
		return trim(lexical, s.topK)
	}
	qv, err := s.hybrid.embedder.Embed(ctx, []string{question})
	if err != nil || len(qv) != 1 {
		s.log.Warn("question embedding failed; searching by words only", "err", err)
		return trim(lexical, s.topK)
	}
	return trim(fuseRRF(lexical, vix.search(qv[0], pool)), s.topK)
}

func trim(p []Passage, k int) []Passage {
	if len(p) > k {
		return p[:k]
	}
	return p
}

// fuseRRF merges rankings by reciprocal rank fusion; a passage's Score
// becomes its fused score. Ties keep the order of the first list.
func fuseRRF(lists ...[]Passage) []Passage {
	score := map[string]float64{}
	first := map[string]int{}
	var out []Passage
	for _, list := range lists {
		for r, p := range list {
			id := p.Chunk.ID
			if _, ok := score[id]; !ok {
				first[id] = len(out)
				out = append(out, p)
			}
			score[id] += 1 / float64(rrfK+r+1)
		}
	}
	for i := range out {
		out[i].Score = score[out[i].Chunk.ID]
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].Score != out[j].Score {
			return out[i].Score > out[j].Score
		}
		return first[out[i].Chunk.ID] < first[out[j].Chunk.ID]
	})
	return out
}

// standalone rewrites a follow-up into a standalone question when the model
// can; on any failure the question stays as asked.
func (s *Service) standalone(ctx context.Context, q Query) string {
	rw, ok := s.llm.(Rewriter)
	if !ok || len(q.History) == 0 {
		return q.Text
	}
	text, err := rw.Rewrite(ctx, q)
	if err == nil {
		text, err = CheckQuestion(text)
	}
	if err != nil {
		s.log.Warn("rewriting the follow-up failed; searching with the question as asked", "err", err)
		return q.Text
	}
	s.log.Debug("follow-up rewritten", "question", q.Text, "standalone", text)
	return text
}
