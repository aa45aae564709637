package knowledge

import (
	"bytes"
	"errors"
	"testing"
)

// TestSnapshotFindsWhatTheBuiltIndexFinds writes the index of the news
// corpus and reads it back: every search and weight comes out the same.
func TestSnapshotFindsWhatTheBuiltIndexFinds(t *testing.T) {
	articles := append(Sample(), newsArticles(t)...)
	built := NewIndex(articles)
	var buf bytes.Buffer
	if err := built.WriteSnapshot(&buf); err != nil {
		t.Fatal(err)
	}
	read, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), articles)
	if err != nil {
		t.Fatal(err)
	}
	queries := append(benchQuestions(t), sampleQueries...)
	for _, q := range queries {
		got, want := read.Search(q, DefaultTopK), built.Search(q, DefaultTopK)
		if len(got) != len(want) {
			t.Fatalf("Search(%q) from the snapshot gave %d passages, want %d", q, len(got), len(want))
		}
		for i := range got {
			if got[i].Chunk != want[i].Chunk || got[i].Score != want[i].Score || got[i].Article != want[i].Article && got[i].Article.ID != want[i].Article.ID {
				t.Fatalf("Search(%q)[%d] from the snapshot = %s %v, want %s %v", q, i, got[i].Chunk.ID, got[i].Score, want[i].Chunk.ID, want[i].Score)
			}
		}
		gw, ww := read.Weights(q), built.Weights(q)
		for k, v := range ww {
			if gw[k] != v {
				t.Fatalf("Weights(%q)[%q] from the snapshot = %v, want %v", q, k, gw[k], v)
			}
		}
	}
	if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes()), articles[1:]); !errors.Is(err, errSnapshotMismatch) {
		t.Errorf("snapshot read over other articles: err = %v, want a mismatch", err)
	}
	if _, err := ReadSnapshot(bytes.NewReader(buf.Bytes()[:buf.Len()/2]), articles); err == nil {
		t.Error("a cut snapshot was read without error")
	}
}
