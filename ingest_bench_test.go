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
		articles, err := knowledge.LoadPath(dantri)
		if err != nil {
			b.Fatal(err)
		}
		store, closeStore, err := openStore(ctx, c, log)
		if err != nil {
			b.Fatal(err)
		}
		rep, err := ingest(ctx, store, articles, nil)
		if err != nil {
			b.Fatal(err)
		}
		elapsed += time.Since(start)
		closeStore()
		if rep.Added+rep.Duplicate != len(articles) {
			b.Fatalf("ingest: %+v of %d articles", rep, len(articles))
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
