package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
)

const dantri = "../shared/data/news-dantri"

// benchIngest measures `hoibao ingest` of news-dantri (parse, hash and
// store every article) into the store cfg names, in articles/s.
func benchIngest(b *testing.B, cfg func(b *testing.B) config.Config) {
	if _, err := os.Stat(dantri); err != nil {
		b.Skipf("%s is absent; skipping", dantri)
	}
	ctx := context.Background()
	log := slog.New(slog.DiscardHandler)
	var n int
	var elapsed time.Duration
	for b.Loop() {
		c := cfg(b)
		start := time.Now()
		store, closeStore, err := openStore(ctx, c, log)
		if err != nil {
			b.Fatal(err)
		}
		svc := knowledge.NewService(nil, knowledge.WithStore(store))
		rep, err := svc.Ingest(ctx, knowledge.Sources(dantri)...)
		if err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		closeStore()
		articles := rep.Articles
		if len(rep.Added)+len(rep.Skipped) != len(articles) {
			b.Fatalf("ingest: %s of %d articles", rep, len(articles))
		}
		n += len(articles)
	}
	b.ReportMetric(float64(n)/elapsed.Seconds(), "articles/s")
}

func BenchmarkIngestEmbedded(b *testing.B) {
	benchIngest(b, func(b *testing.B) config.Config {
		c := config.Default()
		c.DataDir = filepath.Join(b.TempDir(), "data")
		return c
	})
}

func BenchmarkIngestRedis(b *testing.B) {
	env := redisEnv(b)
	benchIngest(b, func(b *testing.B) config.Config {
		c := config.Default()
		c.RedisURL = env["HOIBAO_REDIS_URL"]
		buf := make([]byte, 4)
		rand.Read(buf)
		c.RedisPrefix = env["HOIBAO_REDIS_PREFIX"] + hex.EncodeToString(buf) + ":"
		return c
	})
}
