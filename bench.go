package main

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strings"
	"time"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
)

// benchReport is what `hoibao bench` prints: what an archive costs to load,
// to keep and to answer from.
type benchReport struct {
	Articles      int       `json:"articles"`
	Chunks        int       `json:"chunks"`
	TextBytes     int       `json:"text_bytes"`
	Questions     int       `json:"questions"`
	LoadS         float64   `json:"load_s"`
	IndexS        float64   `json:"index_s"`
	LiveHeapBytes uint64    `json:"live_heap_bytes"`
	PeakRSSBytes  uint64    `json:"peak_rss_bytes"`
	SearchMS      quantiles `json:"search_ms"`
	AnswerMS      quantiles `json:"answer_ms"`
	// With --add N: adding N articles one at a time to the served index
	// (wall time of each Add), the bytes each allocates, and the live
	// heap after them less the live heap before.
	Added           int       `json:"added,omitempty"`
	AddMS           quantiles `json:"add_ms,omitzero"`
	AddAllocBytes   uint64    `json:"add_alloc_bytes,omitempty"`
	AddLiveHeapGrow int64     `json:"add_live_heap_grow_bytes,omitempty"`
}

// quantiles of CPU times, in milliseconds.
type quantiles struct {
	P50 float64 `json:"p50"`
	P90 float64 `json:"p90"`
	P99 float64 `json:"p99"`
}

// maxBenchQuestions bounds the default questions: titles of articles
// spread evenly over the archive.
const maxBenchQuestions = 1000

// maxQuestionWords is where a title is cut to make a default question.
const maxQuestionWords = 12

// runBench loads an archive, indexes it and times searches and answers,
// in CPU time of the answering thread, over questions from a file or made
// from the articles' own titles.
func runBench(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs, paths := commandFlags("bench", env)
	questionsFile := fs.String("questions", "", "questions, one per line (default: titles of the articles)")
	cpuProfile := fs.String("cpuprofile", "", "write a CPU profile of the questions to this file")
	memProfile := fs.String("memprofile", "", "write a profile of the live heap after indexing to this file")
	add := fs.Int("add", 0, "keep this many articles back, then add them one by one and time each Add")
	if err := fs.Parse(args); err != nil || len(*paths) == 0 || fs.NArg() > 0 {
		fmt.Fprintln(env.Stderr, "usage: hoibao bench --articles PATH... [--questions FILE] [--add N]")
		return errUsage
	}
	var rep benchReport
	start := time.Now()
	articles, err := knowledge.LoadPaths(*paths)
	if err != nil {
		return err
	}
	if len(articles) == 0 {
		return fmt.Errorf("no articles (.txt, .md, .json) found in %v", *paths)
	}
	rep.LoadS = time.Since(start).Seconds()

	questions, err := benchQuestions(*questionsFile, articles)
	if err != nil {
		return err
	}
	var later []knowledge.Article
	if *add > 0 {
		n := min(*add, len(articles)-1)
		articles, later = articles[:len(articles)-n], articles[len(articles)-n:]
	}
	start = time.Now()
	svc := knowledge.NewService(articles, knowledge.WithLogger(log))
	rep.IndexS = time.Since(start).Seconds()
	articles = nil // the service holds what it needs
	ix := svc.Index()
	rep.Articles, rep.Chunks = ix.Len()
	for _, a := range ix.Articles() {
		rep.TextBytes += len(a.Title)
		for _, p := range a.Paragraphs {
			rep.TextBytes += len(p)
		}
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rep.LiveHeapBytes = ms.HeapAlloc
	if *memProfile != "" {
		if err := writeHeapProfile(*memProfile); err != nil {
			return err
		}
	}
	rep.Questions = len(questions)

	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if *cpuProfile != "" {
		f, err := os.Create(*cpuProfile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	search := make([]time.Duration, 0, len(questions))
	answer := make([]time.Duration, 0, len(questions))
	for _, q := range questions {
		if err := ctx.Err(); err != nil {
			return err
		}
		t := threadCPU()
		ix.Search(q, knowledge.DefaultTopK)
		search = append(search, threadCPU()-t)
		t = threadCPU()
		if _, err := svc.Ask(ctx, knowledge.Query{Text: q}); err != nil {
			log.Debug("bench question rejected", "question", q, "err", err)
		}
		answer = append(answer, threadCPU()-t)
	}
	rep.SearchMS, rep.AnswerMS = quantilesOf(search), quantilesOf(answer)
	if len(later) > 0 {
		if err := benchAdd(ctx, svc, later, &rep); err != nil {
			return err
		}
		if *memProfile != "" {
			if err := writeHeapProfile(*memProfile + ".add"); err != nil {
				return err
			}
		}
	}
	rep.PeakRSSBytes = peakRSS()
	runtime.KeepAlive(svc)
	out, _ := json.Marshal(rep)
	fmt.Fprintf(env.Stdout, "%s\n", out)
	return nil
}

// benchQuestions reads the questions file, or makes questions of the
// titles (their first maxQuestionWords words) of up to maxBenchQuestions
// articles spread over the archive.
func benchQuestions(path string, articles []knowledge.Article) ([]string, error) {
	var qs []string
	if path == "" {
		step := max(1, len(articles)/maxBenchQuestions)
		for i := 0; i < len(articles) && len(qs) < maxBenchQuestions; i += step {
			// A question's length, not a lead paragraph's: some titles
			// are whole sentences of fifty words.
			if words := strings.Fields(articles[i].Title); len(words) > 0 {
				qs = append(qs, strings.Join(words[:min(len(words), maxQuestionWords)], " "))
			}
		}
		return qs, nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if line := strings.TrimSpace(sc.Text()); line != "" && !strings.HasPrefix(line, "#") {
			qs = append(qs, line)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(qs) == 0 {
		return nil, fmt.Errorf("%s: no questions", path)
	}
	return qs, nil
}

// quantilesOf returns p50, p90 and p99 of durations, in milliseconds.
func quantilesOf(d []time.Duration) quantiles {
	if len(d) == 0 {
		return quantiles{}
	}
	slices.Sort(d)
	q := func(p float64) float64 {
		return float64(d[int(p*float64(len(d)-1)+0.5)].Microseconds()) / 1000
	}
	return quantiles{P50: q(0.50), P90: q(0.90), P99: q(0.99)}
}

// runCorpus writes a scale corpus: count distinct articles made from the
// articles under --from, one .txt file each, the same on every run.
func runCorpus(ctx context.Context, env Env, args []string) error {
	fs := flag.NewFlagSet("corpus", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	from := fs.String("from", "", "file or folder of articles to build from")
	count := fs.Int("count", 10000, "how many articles to write")
	dir := fs.String("out", "", "folder to write into (created)")
	if err := fs.Parse(args); err != nil || *from == "" || *dir == "" || *count <= 0 {
		fmt.Fprintln(env.Stderr, "usage: hoibao corpus --from PATH --count N --out DIR")
		return errUsage
	}
	src, err := knowledge.LoadPath(*from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		return err
	}
	for _, a := range knowledge.ScaleCorpus(src, *count) {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(*dir, a.ID+".txt"), knowledge.FormatArticle(a), 0o644); err != nil {
			return err
		}
	}
	fmt.Fprintf(env.Stdout, "wrote %d articles to %s\n", *count, *dir)
	return nil
}

// writeHeapProfile writes the heap profile to a file.
func writeHeapProfile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// benchAdd adds articles to the service one at a time, as an admin would,
// timing each Add and what it allocates.
func benchAdd(ctx context.Context, svc *knowledge.Service, articles []knowledge.Article, rep *benchReport) error {
	var ms runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&ms)
	heap0, alloc0 := ms.HeapAlloc, ms.TotalAlloc
	took := make([]time.Duration, 0, len(articles))
	for _, a := range articles {
		start := time.Now()
		if err := svc.Add(ctx, a); err != nil {
			return fmt.Errorf("adding %s: %w", a.ID, err)
		}
		took = append(took, time.Since(start))
	}
	runtime.GC()
	runtime.ReadMemStats(&ms)
	rep.Added = len(articles)
	rep.AddMS = quantilesOf(took)
	rep.AddAllocBytes = (ms.TotalAlloc - alloc0) / uint64(len(articles))
	rep.AddLiveHeapGrow = int64(ms.HeapAlloc) - int64(heap0)
	return nil
}
