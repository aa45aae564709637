package knowledge_test

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// fakeStore is a Store in memory whose writes fail while down is set.
type fakeStore struct {
	mu     sync.Mutex
	m      map[string]knowledge.Article
	writes int
	down   bool
}

var _ knowledge.Store = (*fakeStore)(nil)

var errDown = fmt.Errorf("kho tạm hỏng: %w", knowledge.ErrUnavailable)

func (f *fakeStore) Articles(context.Context) ([]knowledge.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []knowledge.Article
	for _, a := range f.m {
		out = append(out, a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	return out, nil
}

func (f *fakeStore) Put(_ context.Context, a knowledge.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errDown
	}
	f.writes++
	f.m[a.ID] = a
	return nil
}

func (f *fakeStore) Delete(_ context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errDown
	}
	if _, ok := f.m[id]; !ok {
		return knowledge.ErrNotFound
	}
	f.writes++
	delete(f.m, id)
	return nil
}

func (f *fakeStore) ReplaceAll(_ context.Context, as []knowledge.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errDown
	}
	f.writes++
	f.m = map[string]knowledge.Article{}
	for _, a := range as {
		f.m[a.ID] = a
	}
	return nil
}

func newsArticle(t *testing.T, id, person string) knowledge.Article {
	t.Helper()
	a, err := knowledge.Finish(knowledge.Article{ID: id, Title: "Bổ nhiệm Giám đốc Sở Y tế " + id,
		Paragraphs: []string{"Ông " + person + " được bổ nhiệm làm Giám đốc Sở Y tế " + id + "."}})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestSeedIsStoredWithTheFirstChange(t *testing.T) {
	ctx := context.Background()
	store := &fakeStore{m: map[string]knowledge.Article{}}
	svc := knowledge.NewService(nil, knowledge.WithStore(store))
	if err := svc.Load(ctx, knowledge.Sample()); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.Index().Len(); n != len(knowledge.Sample()) || store.writes != 0 {
		t.Fatalf("after Load: serving %d articles, %d writes; want the sample and no write", n, store.writes)
	}
	if err := svc.Add(ctx, newsArticle(t, "hau-giang", "Võ Văn A")); err != nil {
		t.Fatal(err)
	}
	stored, _ := store.Articles(ctx)
	if len(stored) != 1+len(knowledge.Sample()) {
		t.Errorf("after the first Add the store holds %d articles, want the sample and the new one", len(stored))
	}
	// Adding the same ID again replaces it, in the store and the index.
	if err := svc.Add(ctx, newsArticle(t, "hau-giang", "Võ Văn B")); err != nil {
		t.Fatal(err)
	}
	if n, _ := svc.Index().Len(); n != 1+len(knowledge.Sample()) {
		t.Errorf("after adding an ID twice: serving %d articles, want %d", n, 1+len(knowledge.Sample()))
	}
	a, _ := svc.Index().Article("hau-giang")
	if !strings.Contains(a.Paragraphs[0], "Võ Văn B") {
		t.Errorf("serving %q, want the newer article", a.Paragraphs[0])
	}
}

func TestFailedWritesKeepTheOldContent(t *testing.T) {
	ctx := context.Background()
	store := &fakeStore{m: map[string]knowledge.Article{}}
	svc := knowledge.NewService(nil, knowledge.WithStore(store))
	if err := svc.Reload(ctx, []knowledge.Article{newsArticle(t, "an-giang", "Lý Văn C")}); err != nil {
		t.Fatal(err)
	}
	store.down = true
	for name, err := range map[string]error{
		"add":    svc.Add(ctx, newsArticle(t, "kien-giang", "Đỗ Văn D")),
		"remove": svc.Remove(ctx, "an-giang"),
		"reload": svc.Reload(ctx, []knowledge.Article{newsArticle(t, "kien-giang", "Đỗ Văn D")}),
	} {
		if !errors.Is(err, knowledge.ErrUnavailable) || !strings.Contains(err.Error(), "nội dung cũ vẫn được dùng") {
			t.Errorf("%s with the store down: got %v; want ErrUnavailable saying the old content serves", name, err)
		}
	}
	if _, ok := svc.Index().Article("an-giang"); !ok {
		t.Error("the old content stopped serving")
	}
	if _, ok := svc.Index().Article("kien-giang"); ok {
		t.Error("content that was not stored is served")
	}
	if err := svc.Reload(ctx, nil); !errors.Is(err, knowledge.ErrInvalidArticle) {
		t.Errorf("reload with nothing: got %v, want ErrInvalidArticle", err)
	}
}
