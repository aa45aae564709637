package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// TestCorpusThenBench builds a small scale corpus from the test articles
// and measures it: one JSON object with every field an operator reads.
func TestCorpusThenBench(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "corpus")
	if _, _, err := runWithStdin(t, "", "corpus", "--from", filepath.Join("knowledge", "testdata", "articles"), "--count", "12", "--out", dir); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) != 12 {
		t.Fatalf("corpus wrote %d files, want 12", len(files))
	}
	questions := filepath.Join(t.TempDir(), "q.txt")
	if err := os.WriteFile(questions, []byte("Bí thư là ai?\n# a comment\n\nbai bao dang ngay nao\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _, err := runWithStdin(t, "", "bench", "--articles", dir, "--questions", questions)
	if err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Articles      int                `json:"articles"`
		Chunks        int                `json:"chunks"`
		TextBytes     int                `json:"text_bytes"`
		Questions     int                `json:"questions"`
		LoadS         *float64           `json:"load_s"`
		IndexS        *float64           `json:"index_s"`
		LiveHeapBytes uint64             `json:"live_heap_bytes"`
		PeakRSSBytes  *uint64            `json:"peak_rss_bytes"`
		SearchMS      map[string]float64 `json:"search_ms"`
		AnswerMS      map[string]float64 `json:"answer_ms"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bench printed %q: %v", out, err)
	}
	if rep.Articles != 12 || rep.Chunks < 12 || rep.TextBytes == 0 || rep.Questions != 2 {
		t.Errorf("articles %d chunks %d text %d questions %d, want 12, ≥12, >0, 2", rep.Articles, rep.Chunks, rep.TextBytes, rep.Questions)
	}
	if rep.LoadS == nil || rep.IndexS == nil || rep.PeakRSSBytes == nil || rep.LiveHeapBytes == 0 {
		t.Errorf("missing figures in %s", out)
	}
	for _, q := range []map[string]float64{rep.SearchMS, rep.AnswerMS} {
		if _, ok := q["p99"]; !ok || q["p50"] > q["p90"] || q["p90"] > q["p99"] {
			t.Errorf("quantiles %v, want p50 ≤ p90 ≤ p99", q)
		}
	}
}
