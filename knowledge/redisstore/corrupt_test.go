package redisstore_test

import (
	"context"
	"errors"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/storetest"
)

// One corrupt article in Redis: the others serve, the bad one is reported.
func TestCorruptEntryIsSkippedAndReported(t *testing.T) {
	ctx := context.Background()
	rdb := testClient(t)
	prefix := testPrefix(t, rdb)
	s := newStore(t, rdb, prefix)
	for i, id := range []string{"a", "b", "c"} {
		if err := s.Put(ctx, storetest.Article(t, id, i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := rdb.HSet(ctx, prefix+"{kb}:articles", "b", "\x00not json").Err(); err != nil {
		t.Fatal(err)
	}

	got, err := s.Articles(ctx)
	var skipped *knowledge.SkippedError
	if !errors.As(err, &skipped) || len(skipped.Skipped) != 1 || skipped.Skipped[0].Source != "redis:b" {
		t.Fatalf("Articles err = %v, want a SkippedError naming b", err)
	}
	if len(got) != 2 {
		t.Errorf("Articles = %d articles, want 2", len(got))
	}
	svc := knowledge.NewService(nil, knowledge.WithStore(s))
	if err := svc.Load(ctx, nil); err != nil {
		t.Fatalf("start-up failed on one corrupt entry: %v", err)
	}
	if n, _ := svc.Index().Len(); n != 2 {
		t.Errorf("serving %d articles, want 2", n)
	}
	if p := svc.Problems(); len(p) != 1 {
		t.Errorf("Problems = %+v, want the corrupt entry", p)
	}
}
