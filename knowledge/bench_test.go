package knowledge

import (
	"bufio"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// Benchmarks of the retrieval core over ../shared/data/news-dantri (1,332
// Dân trí articles), as GUIDE §8 asks: compare runs with benchstat, never
// assert a duration.
//
//	go test -run '^$' -bench . -benchmem ./knowledge

// newsDir is the news corpus, relative to this package's directory.
var newsDir = filepath.Join("..", "..", "shared", "data", "news-dantri")

var newsOnce struct {
	sync.Once
	articles []Article
	err      error
}

// newsArticles loads the news corpus once per test binary; it skips when
// ../shared is absent.
func newsArticles(tb testing.TB) []Article {
	tb.Helper()
	if _, err := os.Stat(newsDir); err != nil {
		tb.Skipf("news corpus absent (%v); skipping", err)
	}
	newsOnce.Do(func() { newsOnce.articles, newsOnce.err = LoadPath(newsDir) })
	if newsOnce.err != nil {
		tb.Fatalf("LoadPath(%s): %v", newsDir, newsOnce.err)
	}
	return newsOnce.articles
}

// benchQuestions reads testdata/bench/questions.txt.
func benchQuestions(tb testing.TB) []string {
	tb.Helper()
	f, err := os.Open(filepath.Join("testdata", "bench", "questions.txt"))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var qs []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	if len(qs) == 0 {
		tb.Fatal("no benchmark questions")
	}
	return qs
}

// reportHeap reports the heap in use right after a build (garbage not yet
// collected: close to the build's peak) and what stays live after a GC.
func reportHeap(b *testing.B, build func() any) {
	b.Helper()
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	kept := build()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapInuse)/(1<<20), "heapinuse-MB")
	runtime.GC()
	runtime.ReadMemStats(&after)
	b.ReportMetric(float64(after.HeapInuse)/(1<<20), "live-MB")
	runtime.KeepAlive(kept)
}

// BenchmarkLoadIndex reads every news article from disk, parses and indexes
// them: what start-up with --articles costs.
func BenchmarkLoadIndex(b *testing.B) {
	newsArticles(b)
	var ix *Index
	for b.Loop() {
		articles, err := LoadPath(newsDir)
		if err != nil {
			b.Fatal(err)
		}
		ix = NewIndex(articles)
	}
	b.StopTimer()
	if n, _ := ix.Len(); n < 1000 {
		b.Fatalf("indexed %d articles, want the whole corpus", n)
	}
	reportHeap(b, func() any {
		articles, _ := LoadPath(newsDir)
		return NewIndex(articles)
	})
}

// BenchmarkNewIndex indexes the already parsed corpus: the index alone.
func BenchmarkNewIndex(b *testing.B) {
	articles := newsArticles(b)
	for b.Loop() {
		NewIndex(articles)
	}
	b.StopTimer()
	reportHeap(b, func() any { return NewIndex(articles) })
}

// BenchmarkSearch is one retrieval over the corpus, cycling through the
// question set; it reports the latency quantiles of single searches.
func BenchmarkSearch(b *testing.B) {
	ix := NewIndex(append(Sample(), newsArticles(b)...))
	qs := benchQuestions(b)
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		ix.Search(qs[i%len(qs)], DefaultTopK)
		lat = append(lat, time.Since(start))
		i++
	}
	reportQuantiles(b, lat)
}

// BenchmarkAsk is one full answer: question checks, weights, retrieval and
// the extractive answerer.
func BenchmarkAsk(b *testing.B) {
	svc := NewService(append(Sample(), newsArticles(b)...))
	qs := benchQuestions(b)
	ctx := context.Background()
	var lat []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		if _, err := svc.Ask(ctx, Query{Text: qs[i%len(qs)]}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(start))
		i++
	}
	reportQuantiles(b, lat)
}

// reportQuantiles reports p50 and p99 of the measured latencies (reported,
// never asserted).
func reportQuantiles(b *testing.B, lat []time.Duration) {
	b.Helper()
	if len(lat) == 0 {
		return
	}
	slices.Sort(lat)
	q := func(p float64) float64 { return float64(lat[int(p*float64(len(lat)-1))].Nanoseconds()) }
	b.ReportMetric(q(0.50), "p50-ns")
	b.ReportMetric(q(0.99), "p99-ns")
}

// BenchmarkAskConcurrent32 sends 32 questions at once from 32 askers, as a
// busy moment in serve does, and reports the latency quantiles each asker
// sees (compare p99 with p50, and with BenchmarkAsk's single question).
func BenchmarkAskConcurrent32(b *testing.B) {
	svc := NewService(append(Sample(), newsArticles(b)...))
	qs := benchQuestions(b)
	ctx := context.Background()
	var (
		mu  sync.Mutex
		lat []time.Duration
	)
	n := 0
	for b.Loop() {
		// All 32 arrive at once: each one's latency counts from then,
		// however late the Go scheduler starts its goroutine.
		start := make(chan struct{})
		var wg sync.WaitGroup
		var arrived time.Time
		for i := range 32 {
			q := Query{Text: qs[(n+i)%len(qs)], Asker: strconv.Itoa(i)}
			wg.Go(func() {
				<-start
				if _, err := svc.Ask(ctx, q); err != nil {
					b.Error(err)
				}
				mu.Lock()
				lat = append(lat, time.Since(arrived))
				mu.Unlock()
			})
		}
		arrived = time.Now()
		close(start)
		wg.Wait()
		n += 32
	}
	reportQuantiles(b, lat)
}
