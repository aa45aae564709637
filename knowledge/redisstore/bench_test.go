package redisstore_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
)

const dantri = "../../../shared/data/news-dantri"

func loadDantri(b *testing.B) []knowledge.Article {
	b.Helper()
	if _, err := os.Stat(dantri); err != nil {
		b.Skipf("%s is absent; skipping", dantri)
	}
	articles, err := knowledge.LoadPath(dantri)
	if err != nil {
		b.Fatal(err)
	}
	return articles
}

// BenchmarkReplicaStartup measures a replica's start-up from a Redis that
// holds every article of news-dantri: connect, read all articles, build the
// index. Target: under 2 s.
func BenchmarkReplicaStartup(b *testing.B) {
	rdb := testClient(b)
	articles := loadDantri(b)
	prefix := testPrefix(b, rdb)
	ctx := context.Background()
	if err := newStore(b, rdb, prefix).ReplaceAll(ctx, articles); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	var read time.Duration
	for b.Loop() {
		start := time.Now()
		s, err := redisstore.Open(ctx, testURL(), prefix)
		if err != nil {
			b.Fatal(err)
		}
		as, err := s.Articles(ctx)
		if err != nil {
			b.Fatal(err)
		}
		read += time.Since(start)
		svc := knowledge.NewService(as, knowledge.WithStore(s))
		if n, _ := svc.Index().Len(); n != len(articles) {
			b.Fatalf("started with %d articles, want %d", n, len(articles))
		}
		s.Close()
	}
	b.ReportMetric(float64(len(articles)), "articles")
	b.ReportMetric(read.Seconds()*1000/float64(b.N), "ms-read/op")
}

// BenchmarkReplicaStartupLoad is the same start-up through Service.Load.
func BenchmarkReplicaStartupLoad(b *testing.B) {
	rdb := testClient(b)
	articles := loadDantri(b)
	prefix := testPrefix(b, rdb)
	ctx := context.Background()
	if err := newStore(b, rdb, prefix).ReplaceAll(ctx, articles); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		s, err := redisstore.Open(ctx, testURL(), prefix)
		if err != nil {
			b.Fatal(err)
		}
		svc := knowledge.NewService(nil, knowledge.WithStore(s))
		if err := svc.Load(ctx, nil); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
