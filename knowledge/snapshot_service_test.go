package knowledge_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// TestStartUpReadsTheSnapshot checks a second start-up over the same
// stored content reads the snapshot the first one saved, and that changed
// content is built afresh.
func TestStartUpReadsTheSnapshot(t *testing.T) {
	dir := knowledge.SnapshotDir(t.TempDir())
	store := &fakeStore{m: map[string]knowledge.Article{}}
	for _, a := range knowledge.Sample() {
		store.Put(context.Background(), a)
	}
	svc := knowledge.NewService(nil, knowledge.WithStore(store), knowledge.WithSnapshots(dir))
	if err := svc.Load(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	snaps, _ := filepath.Glob(filepath.Join(string(dir), "index-*.snap"))
	if len(snaps) != 1 {
		t.Fatalf("snapshots after the first start-up: %v, want one", snaps)
	}
	want := svc.Index().Search("Bí thư Huyện ủy Châu Thành là ai?", knowledge.DefaultTopK)

	// A snapshot that cannot be read must not stop a start-up.
	spy := &spySnapshots{SnapshotDir: dir}
	svc2 := knowledge.NewService(nil, knowledge.WithStore(store), knowledge.WithSnapshots(spy))
	if err := svc2.Load(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if spy.loaded != 1 || spy.saved != 0 {
		t.Errorf("second start-up: %d read, %d saved; want the snapshot read and nothing saved", spy.loaded, spy.saved)
	}
	got := svc2.Index().Search("Bí thư Huyện ủy Châu Thành là ai?", knowledge.DefaultTopK)
	if len(got) != len(want) || len(got) == 0 || got[0].Chunk != want[0].Chunk || got[0].Score != want[0].Score {
		t.Errorf("search after reading the snapshot = %v, want %v", got, want)
	}

	if err := os.WriteFile(snaps[0], []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	svc3 := knowledge.NewService(nil, knowledge.WithStore(store), knowledge.WithSnapshots(dir))
	if err := svc3.Load(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if got := svc3.Index().Search("Bí thư Huyện ủy Châu Thành là ai?", knowledge.DefaultTopK); len(got) == 0 || got[0].Chunk != want[0].Chunk {
		t.Errorf("search after a junk snapshot = %v, want %v", got, want)
	}
}

// spySnapshots counts what a service does with its snapshots.
type spySnapshots struct {
	knowledge.SnapshotDir
	loaded, saved int
}

func (s *spySnapshots) Load(ctx context.Context, fp string, articles []knowledge.Article) (*knowledge.Index, bool, error) {
	ix, ok, err := s.SnapshotDir.Load(ctx, fp, articles)
	if ok {
		s.loaded++
	}
	return ix, ok, err
}

func (s *spySnapshots) Save(ctx context.Context, fp string, ix *knowledge.Index) error {
	s.saved++
	return s.SnapshotDir.Save(ctx, fp, ix)
}
