package redisstore_test

import (
	"context"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// TestSnapshotsKeepTheIndexOfTheStoredContent saves an index in Redis and
// reads it back for the same content only.
func TestSnapshotsKeepTheIndexOfTheStoredContent(t *testing.T) {
	rdb := testClient(t)
	sn := newStore(t, rdb, testPrefix(t, rdb)).Snapshots()
	ctx := context.Background()
	articles := knowledge.Sample()
	fp := knowledge.Fingerprint(articles)
	if _, ok, err := sn.Load(ctx, fp, articles); ok || err != nil {
		t.Fatalf("Load before any Save = %v, %v; want none", ok, err)
	}
	built := knowledge.NewIndex(articles)
	if err := sn.Save(ctx, fp, built); err != nil {
		t.Fatal(err)
	}
	read, ok, err := sn.Load(ctx, fp, articles)
	if !ok || err != nil {
		t.Fatalf("Load after Save = %v, %v", ok, err)
	}
	q := "Bí thư Huyện ủy Châu Thành là ai?"
	got, want := read.Search(q, 3), built.Search(q, 3)
	if len(got) != len(want) || len(got) == 0 || got[0].Chunk != want[0].Chunk || got[0].Score != want[0].Score {
		t.Errorf("Search from the snapshot = %v, want %v", got, want)
	}
	if _, ok, err := sn.Load(ctx, "other content", articles); ok || err != nil {
		t.Errorf("Load of other content = %v, %v; want none", ok, err)
	}
}
