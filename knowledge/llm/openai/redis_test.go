package openai_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
	"github.com/hoibao/hoibao/knowledge/redisstore"
)

// TestEmbeddingCacheSurvivesRestartInRedis loads the same corpus into a
// Redis-backed service twice, as two runs of hoibao would: the second run
// embeds nothing.
func TestEmbeddingCacheSurvivesRestartInRedis(t *testing.T) {
	const url = "redis://127.0.0.1:6379/14"
	rdb := redis.NewClient(&redis.Options{Addr: "127.0.0.1:6379", DB: 14, DialTimeout: time.Second})
	defer rdb.Close()
	if err := rdb.Ping(context.Background()).Err(); err != nil {
		t.Skipf("no Redis at 127.0.0.1:6379 (%v); skipping", err)
	}
	prefix := fmt.Sprintf("hoibao-llmtest-%d:", rand.Int64())
	t.Cleanup(func() {
		ctx := context.Background()
		iter := rdb.Scan(ctx, 0, prefix+"*", 500).Iterator()
		for iter.Next(ctx) {
			rdb.Del(ctx, iter.Val())
		}
	})
	srv := openaitest.New("Ông Lê Phước Dũng [1].")
	defer srv.Close()
	c := newClient(t, srv)
	articles := injectedArticles(t)
	_, chunks := knowledge.NewIndex(articles).Len()

	load := func() {
		store, err := redisstore.Open(context.Background(), url, prefix)
		if err != nil {
			t.Fatal(err)
		}
		defer store.Close()
		svc := knowledge.NewService(nil, knowledge.WithStore(store), knowledge.WithLLM(c),
			knowledge.WithEmbedder(c.Embedder("fake-embed"), "fake-embed"))
		if err := svc.Load(context.Background(), articles); err != nil {
			t.Fatal(err)
		}
		if err := svc.EmbedArticles(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	load()
	first, texts := srv.EmbedCalls()
	if first == 0 || len(texts) != chunks {
		t.Fatalf("first run: %d calls for %d texts, want all %d chunks embedded", first, len(texts), chunks)
	}
	load()
	if again, _ := srv.EmbedCalls(); again != first {
		t.Errorf("second run: %d /v1/embeddings calls in all, want still %d", again, first)
	}
	t.Logf("first run: %d calls (%d chunks); second run: 0 calls", first, chunks)
}
