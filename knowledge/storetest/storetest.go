// Package storetest is the contract every knowledge.Store keeps, as one test
// suite run against each implementation (filestore, redisstore).
package storetest

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// Article returns a finished test article; n varies its content.
func Article(t testing.TB, id string, n int) knowledge.Article {
	t.Helper()
	a, err := knowledge.Finish(knowledge.Article{
		ID:        id,
		Title:     fmt.Sprintf("Bí thư Huyện ủy Châu Thành số %d", n),
		URL:       "https://example.vn/" + id,
		Published: time.Date(2024, 1, 9, 6, 25, 0, 0, time.FixedZone("ICT", 7*3600)),
		Author:    "TRUNG HIẾU",
		Source:    "testdata/" + id + ".txt",
		Paragraphs: []string{
			fmt.Sprintf("Ông Lê Phước Dũng giữ chức Bí thư lần thứ %d.", n),
			"Hội nghị diễn ra tại Trà Vinh; các đại biểu thống nhất cao.",
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// Run checks that the stores newStore makes keep the Store contract. Each
// call of newStore must return an empty store of its own.
func Run(t *testing.T, newStore func(t *testing.T) knowledge.Store) {
	ctx := context.Background()
	t.Run("Empty", func(t *testing.T) {
		s := newStore(t)
		got, err := s.Articles(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 0 {
			t.Errorf("new store holds %d articles, want 0", len(got))
		}
		if err := s.Delete(ctx, "nothing"); !errors.Is(err, knowledge.ErrNotFound) {
			t.Errorf("Delete of a missing article: got %v, want ErrNotFound", err)
		}
	})
	t.Run("PutRoundTrip", func(t *testing.T) {
		s := newStore(t)
		want := Article(t, "chau-thanh", 1)
		must(t, s.Put(ctx, want))
		got := articles(t, s)
		if len(got) != 1 {
			t.Fatalf("got %d articles, want 1", len(got))
		}
		same(t, got[0], want)
	})
	t.Run("PutReplacesByID", func(t *testing.T) {
		s := newStore(t)
		must(t, s.Put(ctx, Article(t, "a", 1)))
		must(t, s.Put(ctx, Article(t, "b", 1)))
		changed := Article(t, "a", 2)
		must(t, s.Put(ctx, changed))
		got := articles(t, s)
		if len(got) != 2 {
			t.Fatalf("got %d articles, want 2", len(got))
		}
		if got[0].ID != "a" || got[1].ID != "b" {
			t.Fatalf("got IDs %q, %q; want a, b (sorted by ID)", got[0].ID, got[1].ID)
		}
		same(t, got[0], changed)
	})
	t.Run("PutRejectsNoID", func(t *testing.T) {
		s := newStore(t)
		a := Article(t, "x", 1)
		a.ID = ""
		if err := s.Put(ctx, a); !errors.Is(err, knowledge.ErrInvalidArticle) {
			t.Errorf("Put without ID: got %v, want ErrInvalidArticle", err)
		}
	})
	t.Run("Delete", func(t *testing.T) {
		s := newStore(t)
		must(t, s.Put(ctx, Article(t, "a", 1)))
		must(t, s.Put(ctx, Article(t, "b", 1)))
		must(t, s.Delete(ctx, "a"))
		got := articles(t, s)
		if len(got) != 1 || got[0].ID != "b" {
			t.Fatalf("after Delete(a): got %v, want [b]", ids(got))
		}
		if err := s.Delete(ctx, "a"); !errors.Is(err, knowledge.ErrNotFound) {
			t.Errorf("second Delete: got %v, want ErrNotFound", err)
		}
	})
	t.Run("ReplaceAll", func(t *testing.T) {
		s := newStore(t)
		must(t, s.Put(ctx, Article(t, "old", 1)))
		must(t, s.ReplaceAll(ctx, []knowledge.Article{Article(t, "n1", 1), Article(t, "n2", 2), Article(t, "n1", 3)}))
		got := articles(t, s)
		if len(got) != 2 || got[0].ID != "n1" || got[1].ID != "n2" {
			t.Fatalf("after ReplaceAll: got %v, want [n1 n2]", ids(got))
		}
		same(t, got[0], Article(t, "n1", 3)) // the last of an ID wins
		must(t, s.ReplaceAll(ctx, nil))
		if got := articles(t, s); len(got) != 0 {
			t.Errorf("after ReplaceAll(nil): got %v, want none", ids(got))
		}
		must(t, s.Put(ctx, Article(t, "again", 1)))
		if got := articles(t, s); len(got) != 1 {
			t.Errorf("Put after ReplaceAll(nil): got %v, want [again]", ids(got))
		}
	})
	t.Run("ReplaceAllRejectsBadArticleKeepingOld", func(t *testing.T) {
		s := newStore(t)
		must(t, s.Put(ctx, Article(t, "old", 1)))
		bad := Article(t, "bad", 1)
		bad.ID = ""
		if err := s.ReplaceAll(ctx, []knowledge.Article{Article(t, "new", 1), bad}); err == nil {
			t.Fatal("ReplaceAll with an article without ID: got nil error")
		}
		if got := articles(t, s); len(got) != 1 || got[0].ID != "old" {
			t.Errorf("after a failed ReplaceAll: got %v, want [old]", ids(got))
		}
	})
	t.Run("ConcurrentPuts", func(t *testing.T) {
		s := newStore(t)
		var wg sync.WaitGroup
		errs := make(chan error, 20)
		for i := range 20 {
			wg.Go(func() { errs <- s.Put(ctx, Article(t, fmt.Sprintf("c%02d", i), i)) })
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			must(t, err)
		}
		if got := articles(t, s); len(got) != 20 {
			t.Errorf("after 20 concurrent Puts: got %d articles, want 20", len(got))
		}
	})
	t.Run("Version", func(t *testing.T) {
		s := newStore(t)
		sh, ok := s.(knowledge.Shared)
		if !ok {
			t.Skip("not a Shared store")
		}
		v0 := version(t, sh)
		if v0 != 0 {
			t.Errorf("version of a new store: got %d, want 0", v0)
		}
		a := Article(t, "a", 1)
		must(t, s.Put(ctx, a))
		v1 := version(t, sh)
		if v1 == v0 {
			t.Errorf("version did not change with Put")
		}
		must(t, s.Put(ctx, a))
		if v := version(t, sh); v != v1 {
			t.Errorf("storing the same content again changed the version from %d to %d", v1, v)
		}
		must(t, s.Delete(ctx, "a"))
		v2 := version(t, sh)
		if v2 == v1 {
			t.Errorf("version did not change with Delete")
		}
		must(t, s.ReplaceAll(ctx, []knowledge.Article{a}))
		if v := version(t, sh); v == v2 {
			t.Errorf("version did not change with ReplaceAll")
		}
	})
}

// RunShared checks that a change through one handle of a Shared store is
// announced to another handle on the same data, and not to the writer
// itself. open returns two handles on one empty store.
func RunShared(t *testing.T, open func(t *testing.T) (a, b knowledge.Shared)) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a, b := open(t)
	changed := make(chan struct{}, 16)
	wctx, stop := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() {
		done <- b.Watch(wctx, func() { changed <- struct{}{} })
	}()
	defer func() {
		stop()
		if err := <-done; err != nil {
			t.Errorf("Watch: %v", err)
		}
	}()
	wait := func(what string) {
		t.Helper()
		select {
		case <-changed:
		case <-time.After(10 * time.Second):
			t.Fatalf("no change reported after %s", what)
		}
	}
	wait("Watch started") // a (re)connection is reported: changes may have been missed
	must(t, a.Put(ctx, Article(t, "shared", 1)))
	wait("Put by another handle")
	got, err := b.Articles(ctx)
	must(t, err)
	if len(got) != 1 || got[0].ID != "shared" {
		t.Fatalf("other handle reads %v, want [shared]", ids(got))
	}
	must(t, a.Delete(ctx, "shared"))
	wait("Delete by another handle")
	must(t, b.Put(ctx, Article(t, "own", 1)))
	must(t, a.Put(ctx, Article(t, "theirs", 1)))
	wait("Put by another handle")
	select {
	case <-changed:
		t.Errorf("Watch reported the watcher's own change, or one change twice")
	case <-time.After(1500 * time.Millisecond):
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func version(t *testing.T, s knowledge.Shared) int64 {
	t.Helper()
	v, err := s.Version(context.Background())
	must(t, err)
	return v
}

func articles(t *testing.T, s knowledge.Store) []knowledge.Article {
	t.Helper()
	got, err := s.Articles(context.Background())
	must(t, err)
	return got
}

func ids(as []knowledge.Article) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}

func same(t *testing.T, got, want knowledge.Article) {
	t.Helper()
	if got.ID != want.ID || got.Title != want.Title || got.URL != want.URL || got.Author != want.Author ||
		got.Source != want.Source || got.Hash != want.Hash || !got.Published.Equal(want.Published) {
		t.Errorf("got %+v\nwant %+v", got, want)
	}
	if fmt.Sprint(got.Paragraphs) != fmt.Sprint(want.Paragraphs) {
		t.Errorf("paragraphs: got %q, want %q", got.Paragraphs, want.Paragraphs)
	}
}
