package filestore_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/filestore"
	"github.com/hoibao/hoibao/knowledge/storetest"
)

// One corrupt article file: the store returns the others beside a
// *SkippedError naming it, and a service starting on it serves the rest
// and reports the bad one.
func TestCorruptEntryIsSkippedAndReported(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	for i, id := range []string{"a", "b", "c"} {
		if err := s.Put(ctx, storetest.Article(t, id, i)); err != nil {
			t.Fatal(err)
		}
	}
	files, _ := filepath.Glob(filepath.Join(s.Dir(), "*", "b.json"))
	if len(files) != 1 {
		t.Fatalf("found %v, want one b.json in the store", files)
	}
	if err := os.WriteFile(files[0], []byte(`{"id": "b", "title": tru`), 0o644); err != nil {
		t.Fatal(err)
	}

	got, err := s.Articles(ctx)
	var skipped *knowledge.SkippedError
	if !errors.As(err, &skipped) || len(skipped.Skipped) != 1 || filepath.Base(skipped.Skipped[0].Source) != "b.json" {
		t.Fatalf("Articles err = %v, want a SkippedError naming b.json", err)
	}
	if len(got) != 2 || got[0].ID != "a" || got[1].ID != "c" {
		t.Errorf("Articles = %d articles, want a and c", len(got))
	}

	svc := knowledge.NewService(nil, knowledge.WithStore(s))
	if err := svc.Load(ctx, nil); err != nil {
		t.Fatalf("start-up failed on one corrupt entry: %v", err)
	}
	if n, _ := svc.Index().Len(); n != 2 {
		t.Errorf("serving %d articles, want 2", n)
	}
	if p := svc.Problems(); len(p) != 1 || p[0].Reason == "" {
		t.Errorf("Problems = %+v, want the corrupt entry with a reason", p)
	}
}

// /undo on a replica undoes the last change it served, even one another
// replica made: both then serve the content before it.
func TestUndoAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	sa := newStore(t)
	sb, err := filestore.New(sa.Dir())
	if err != nil {
		t.Fatal(err)
	}
	a := knowledge.NewService(nil, knowledge.WithStore(sa))
	b := knowledge.NewService(nil, knowledge.WithStore(sb))
	first := storetest.Article(t, "mot", 1)
	if _, err := a.Ingest(ctx, knowledge.Source{Articles: []knowledge.Article{first}}); err != nil {
		t.Fatal(err)
	}
	if err := b.Load(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Ingest(ctx, knowledge.Source{Articles: []knowledge.Article{storetest.Article(t, "hai", 2)}}); err != nil {
		t.Fatal(err)
	}
	if err := b.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	if n, _ := b.Index().Len(); n != 2 {
		t.Fatalf("replica b serves %d articles, want 2", n)
	}
	if _, err := b.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if err := a.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	for name, svc := range map[string]*knowledge.Service{"a": a, "b": b} {
		if _, ok := svc.Index().Article("hai"); ok {
			t.Errorf("replica %s still serves the undone article", name)
		}
		if _, ok := svc.Index().Article("mot"); !ok {
			t.Errorf("replica %s lost the first article", name)
		}
	}
}
