package knowledge

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
)

// countingEmbedder embeds by letter counts and counts the texts it embeds.
type countingEmbedder struct {
	mu    sync.Mutex
	calls int
	texts []string
	fail  error
}

func (e *countingEmbedder) Embed(_ context.Context, texts []string) ([][]float32, error) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.calls++
	if e.fail != nil {
		return nil, e.fail
	}
	e.texts = append(e.texts, texts...)
	out := make([][]float32, len(texts))
	for i, t := range texts {
		v := make([]float32, 27)
		for _, r := range Fold(t) {
			if r >= 'a' && r <= 'z' {
				v[r-'a']++
			}
		}
		v[26] = 1
		out[i] = v
	}
	return out, nil
}

func TestFuseRRF(t *testing.T) {
	p := func(id string) Passage { return Passage{Chunk: Chunk{ID: id}} }
	got := fuseRRF([]Passage{p("a"), p("b"), p("c")}, []Passage{p("c"), p("d"), p("a")})
	var ids []string
	for _, x := range got {
		ids = append(ids, x.Chunk.ID)
	}
	// a: 1/61+1/63, c: 1/63+1/61 (tie, a first in list one), b: 1/62, d: 1/62.
	if got, want := strings.Join(ids, ","), "a,c,b,d"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got[0].Score <= got[2].Score {
		t.Errorf("fused scores not decreasing: %v", got)
	}
}

func TestNoEmbedderSearchesAsBefore(t *testing.T) {
	svc := NewService(Sample())
	q := "Bí thư Huyện ủy Châu Thành là ai?"
	got := svc.retrieve(context.Background(), svc.Index(), q)
	want := svc.Index().Search(q, DefaultTopK)
	if len(got) != len(want) {
		t.Fatalf("got %d passages, want %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Chunk.ID != want[i].Chunk.ID || got[i].Score != want[i].Score {
			t.Errorf("passage %d: got %s %.3f, want %s %.3f", i, got[i].Chunk.ID, got[i].Score, want[i].Chunk.ID, want[i].Score)
		}
	}
	if err := svc.EmbedArticles(context.Background()); err != nil {
		t.Errorf("EmbedArticles without an embedder: %v", err)
	}
}

func TestVectorsAreBuiltOnceAndReused(t *testing.T) {
	e := &countingEmbedder{}
	cache := NewMemoryVectorCache()
	svc := NewService(Sample(), WithEmbedder(e, "m"), WithVectorCache(cache))
	_, chunks := svc.Index().Len()
	if err := svc.EmbedArticles(context.Background()); err != nil {
		t.Fatal(err)
	}
	for range 3 {
		if _, err := svc.Ask(context.Background(), Query{Text: "Bí thư Huyện ủy Châu Thành là ai?"}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := len(e.texts), chunks+3; got != want { // every chunk once, each question once
		t.Errorf("embedded %d texts, want %d", got, want)
	}
	// A new service over the same cache embeds nothing of the corpus.
	e2 := &countingEmbedder{}
	svc2 := NewService(Sample(), WithEmbedder(e2, "m"), WithVectorCache(cache))
	if err := svc2.EmbedArticles(context.Background()); err != nil {
		t.Fatal(err)
	}
	if e2.calls != 0 {
		t.Errorf("second load embedded %d batches, want 0", e2.calls)
	}
	// Another model's vectors are not reused.
	e3 := &countingEmbedder{}
	svc3 := NewService(Sample(), WithEmbedder(e3, "other"), WithVectorCache(cache))
	if err := svc3.EmbedArticles(context.Background()); err != nil || len(e3.texts) != chunks {
		t.Errorf("other model: embedded %d texts (%v), want %d", len(e3.texts), err, chunks)
	}
}

// storeWithCache is a Store that is also a VectorCache.
type storeWithCache struct {
	*MemoryVectorCache
	articles []Article
}

func (s *storeWithCache) Articles(context.Context) ([]Article, error)     { return s.articles, nil }
func (s *storeWithCache) Put(context.Context, Article) error              { return nil }
func (s *storeWithCache) Delete(context.Context, string) error            { return nil }
func (s *storeWithCache) ReplaceAll(_ context.Context, a []Article) error { s.articles = a; return nil }

func TestStoreIsTheVectorCacheWhenItCan(t *testing.T) {
	store := &storeWithCache{MemoryVectorCache: NewMemoryVectorCache()}
	svc := NewService(nil, WithStore(store), WithEmbedder(&countingEmbedder{}, "m"))
	if err := svc.Load(context.Background(), Sample()); err != nil {
		t.Fatal(err)
	}
	if err := svc.EmbedArticles(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, chunks := svc.Index().Len(); store.Len() != chunks {
		t.Errorf("store holds %d vectors, want %d", store.Len(), chunks)
	}
}

func TestFailingEmbedderFallsBackToWords(t *testing.T) {
	e := &countingEmbedder{fail: errors.New("boom")}
	svc := NewService(Sample(), WithEmbedder(e, "m"))
	q := "Bí thư Huyện ủy Châu Thành là ai?"
	got := svc.retrieve(context.Background(), svc.Index(), q)
	want := svc.Index().Search(q, DefaultTopK)
	if len(got) == 0 || got[0].Chunk.ID != want[0].Chunk.ID {
		t.Errorf("got %v, want the word search's passages", got)
	}
	ans, err := svc.Ask(context.Background(), Query{Text: q})
	if err != nil || !strings.Contains(ans.Text, "Lê Phước Dũng") {
		t.Errorf("got %+v, %v", ans, err)
	}
}
