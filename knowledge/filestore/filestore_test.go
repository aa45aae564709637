package filestore_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/filestore"
	"github.com/hoibao/hoibao/knowledge/storetest"
)

func newStore(t *testing.T) *filestore.Store {
	t.Helper()
	s, err := filestore.New(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) knowledge.Store { return newStore(t) })
}

func TestShared(t *testing.T) {
	storetest.RunShared(t, func(t *testing.T) (knowledge.Shared, knowledge.Shared) {
		a := newStore(t)
		b, err := filestore.New(a.Dir())
		if err != nil {
			t.Fatal(err)
		}
		return a, b
	})
}

func TestReadingCreatesNothing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data")
	s, err := filestore.New(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if got, err := s.Articles(ctx); err != nil || len(got) != 0 {
		t.Fatalf("Articles of an absent store: got %d, %v; want 0, nil", len(got), err)
	}
	if v, err := s.Version(ctx); err != nil || v != 0 {
		t.Fatalf("Version of an absent store: got %d, %v; want 0, nil", v, err)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("reading created the data folder (stat: %v)", err)
	}
}

// TestRestart: an article added survives the process: a new Store on the
// same folder (as after a restart) holds it, and a Service loading from it
// answers with it.
func TestRestart(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "data")
	s1, _ := filestore.New(dir)
	svc := knowledge.NewService(nil, knowledge.WithStore(s1))
	if err := svc.Load(ctx, knowledge.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := svc.Add(ctx, storetest.Article(t, "restart-me", 7)); err != nil {
		t.Fatal(err)
	}

	s2, _ := filestore.New(dir)
	svc2 := knowledge.NewService(nil, knowledge.WithStore(s2))
	if err := svc2.Load(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := svc2.Index().Article("restart-me"); !ok {
		t.Fatal("after a restart the added article is gone")
	}
	// The sample served before the first change was stored with it.
	if n, _ := svc2.Index().Len(); n != 1+len(knowledge.Sample()) {
		t.Errorf("after a restart: %d articles, want the added one and the sample (%d)", n, 1+len(knowledge.Sample()))
	}
	ans, err := svc2.Ask(ctx, knowledge.Query{Text: "Ai giữ chức Bí thư lần thứ 7?"})
	if err != nil {
		t.Fatal(err)
	}
	if ans.Refused || len(ans.Citations) == 0 || ans.Citations[0].ArticleID != "restart-me" {
		t.Errorf("answer after restart: %+v; want one citing restart-me", ans)
	}
}

func TestCrashLeftoversIgnored(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if err := s.Put(ctx, storetest.Article(t, "a", 1)); err != nil {
		t.Fatal(err)
	}
	// A temporary file and an unfinished generation, as a crash leaves them.
	gen, _ := os.ReadFile(filepath.Join(s.Dir(), "CURRENT"))
	os.WriteFile(filepath.Join(s.Dir(), string(gen[:len(gen)-1]), ".tmp-123"), []byte("{half"), 0o644)
	os.MkdirAll(filepath.Join(s.Dir(), ".articles-999"), 0o755)
	got, err := s.Articles(ctx)
	if err != nil || len(got) != 1 {
		t.Fatalf("got %d articles, %v; want 1, nil", len(got), err)
	}
}

// TestTwoProcessesShareAFolder: two services on one data folder (hoibao
// serve and an admin's second process) both serve the sample from the empty
// store; a change on one is stored with the sample and reaches the other.
func TestTwoProcessesShareAFolder(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	dir := filepath.Join(t.TempDir(), "data")
	var svcs [2]*knowledge.Service
	done := make(chan struct{}, 2)
	for i := range svcs {
		s, _ := filestore.New(dir)
		svcs[i] = knowledge.NewService(nil, knowledge.WithStore(s))
		if err := svcs[i].Load(ctx, knowledge.Sample()); err != nil {
			t.Fatal(err)
		}
		go func() { svcs[i].Sync(ctx); done <- struct{}{} }()
	}
	defer func() { cancel(); <-done; <-done }()
	if err := svcs[0].Add(ctx, storetest.Article(t, "added", 3)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		_, added := svcs[1].Index().Article("added")
		n, _ := svcs[1].Index().Len()
		if added && n == 1+len(knowledge.Sample()) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the other process serves %d articles (added: %v); want the sample and the added one", n, added)
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := svcs[1].Remove(ctx, "added"); err != nil {
		t.Fatal(err)
	}
	for {
		if _, ok := svcs[0].Index().Article("added"); !ok {
			break
		}
		if time.Now().After(deadline.Add(10 * time.Second)) {
			t.Fatal("a removal did not reach the other process")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestVectorsSurviveARestart(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if got, err := s.GetVectors(ctx, "m/1", []string{"h1"}); err != nil || len(got) != 0 {
		t.Fatalf("empty cache: got %v, %v", got, err)
	}
	if _, err := os.Stat(s.Dir()); !os.IsNotExist(err) {
		t.Errorf("reading vectors created the data folder")
	}
	if err := s.PutVectors(ctx, "m/1", map[string][]float32{"h1": {1, -2.5}, "h2": {3}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutVectors(ctx, "m/1", map[string][]float32{"h1": {4, 5}}); err != nil {
		t.Fatal(err)
	}
	// A crash cut the last record short.
	f, _ := os.OpenFile(filepath.Join(s.Dir(), "vectors", "m%2F1.bin"), os.O_APPEND|os.O_WRONLY, 0)
	f.Write([]byte{2, 0, 'h'})
	f.Close()

	again, _ := filestore.New(s.Dir())
	got, err := again.GetVectors(ctx, "m/1", []string{"h1", "h2", "h3"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || fmt.Sprint(got["h1"]) != "[4 5]" || fmt.Sprint(got["h2"]) != "[3]" {
		t.Errorf("after a restart: got %v, want h1 [4 5], h2 [3]", got)
	}
	if other, _ := again.GetVectors(ctx, "m2", []string{"h1"}); len(other) != 0 {
		t.Errorf("vectors leaked across models: %v", other)
	}
}

func TestAudit(t *testing.T) {
	ctx := context.Background()
	s := newStore(t)
	if err := s.Audit(ctx, "tg:7", "add", "bai-moi"); err != nil {
		t.Fatal(err)
	}
	if err := s.Audit(ctx, "tg:7", "remove", "bai \"cu\"\nhai dong"); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(s.Dir(), "audit.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `"action":"add"`) || !strings.Contains(lines[1], `"detail":"bai \"cu\"\nhai dong"`) {
		t.Errorf("audit.jsonl:\n%s", data)
	}
}
