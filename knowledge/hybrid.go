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
// from the cache or else the embedder, and waits until it does. Questions
// do not wait for this: until the vectors are ready they are answered by
// words alone. Without an embedder it does nothing.
func (s *Service) EmbedArticles(ctx context.Context) error {
	if s.hybrid.embedder == nil {
		return nil
	}
	b := s.startVectors(ctx, s.Index())
	select {
	case <-b.done:
		return b.err
	case <-ctx.Done():
		return ctx.Err()
	}
}

// StartEmbedding starts embedding the serving index's passages in the
// background, so vectors are ready sooner than the first question would
// start them. Without an embedder it does nothing.
func (s *Service) StartEmbedding(ctx context.Context) {
	if s.hybrid.embedder != nil {
		s.startVectors(ctx, s.Index())
	}
}

// VectorsReady reports whether questions are searched by vectors as well
// as words: an embedder is configured and the serving index's passages
// are all embedded.
func (s *Service) VectorsReady() bool {
	if s.hybrid.embedder == nil {
		return false
	}
	s.hybrid.mu.Lock()
	b := s.hybrid.build
	s.hybrid.mu.Unlock()
	if b == nil || b.ix != s.Index() {
		return false
	}
	select {
	case <-b.done:
		return b.err == nil
	default:
		return false
	}
}

// startVectors returns the build of ix's vectors, starting one in the
// background when there is none or the last one failed. The build outlives
// ctx's cancellation (a question that gives up does not waste the work)
// but not vectorBuildTimeout.
func (s *Service) startVectors(ctx context.Context, ix *Index) *vectorBuild {
	h := &s.hybrid
	h.mu.Lock()
	defer h.mu.Unlock()
	if b := h.build; b != nil && b.ix == ix {
		select {
		case <-b.done:
			if b.err == nil {
				return b
			}
			// failed: try again
		default:
			return b // running
		}
	}
	b := &vectorBuild{ix: ix, done: make(chan struct{})}
	h.build = b
	prev := h.last
	cache := s.vectorCache()
	go func() {
		bctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), vectorBuildTimeout)
		defer cancel()
		start := time.Now()
		b.vix, b.err = buildVectors(bctx, ix, prev, h.embedder, h.model, cache)
		if b.err == nil {
			h.mu.Lock()
			h.last = b.vix
			h.mu.Unlock()
			s.log.Info("passages embedded; searching by words and vectors", "passages", len(ix.chunks), "took", time.Since(start).Round(time.Millisecond))
		} else {
			s.log.Warn("embedding the passages failed; searching by words only", "err", b.err)
		}
		close(b.done)
	}()
	return b
}

// readyVectors returns the vectors of ix when they are complete, without
// waiting; otherwise it makes sure a build is running and returns nil.
func (s *Service) readyVectors(ctx context.Context, ix *Index) *vectorIndex {
	b := s.startVectors(ctx, ix)
	select {
	case <-b.done:
		if b.err == nil {
			return b.vix
		}
	default:
	}
	return nil
}

// retrieve finds the passages for a question: BM25, fused with the vector
// ranking when an embedder is configured and the passages' vectors are
// ready. Until they are (they are built in the background, see
// startVectors), the question is searched by words alone rather than kept
// waiting.
func (s *Service) retrieve(ctx context.Context, ix *Index, question string) []Passage {
	if s.hybrid.embedder == nil {
		return ix.Search(question, s.topK)
	}
	pool := max(4*s.topK, 20)
	lexical := ix.Search(question, pool)
	vix := s.readyVectors(ctx, ix)
	if vix == nil {
		s.log.Debug("passage vectors not ready yet; searching by words only")
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
