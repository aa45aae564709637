package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
	"github.com/hoibao/hoibao/knowledge/storetest"
)

func TestContract(t *testing.T) {
	rdb := testClient(t)
	storetest.Run(t, func(t *testing.T) knowledge.Store { return newStore(t, rdb, testPrefix(t, rdb)) })
}

func TestShared(t *testing.T) {
	rdb := testClient(t)
	storetest.RunShared(t, func(t *testing.T) (knowledge.Shared, knowledge.Shared) {
		prefix := testPrefix(t, rdb)
		return newStore(t, rdb, prefix), newStore(t, rdb, prefix)
	})
}

func TestKeysShareOneClusterSlot(t *testing.T) {
	rdb := testClient(t)
	prefix := testPrefix(t, rdb)
	s := newStore(t, rdb, prefix)
	ctx := context.Background()
	if err := s.Put(ctx, storetest.Article(t, "a", 1)); err != nil {
		t.Fatal(err)
	}
	keys, err := rdb.Keys(ctx, prefix+"*").Result()
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(keys)
	want := []string{prefix + "{kb}:articles", prefix + "{kb}:chunks", prefix + "{kb}:hashes", prefix + "{kb}:version"}
	if !slices.Equal(keys, want) {
		t.Fatalf("keys: got %q, want %q", keys, want)
	}
	// Redis Cluster hashes only the first {…} of a key: the same tag, the same slot.
	for _, k := range keys {
		open, close := strings.Index(k, "{"), strings.Index(k, "}")
		if open < 0 || close < open+2 || k[open:close+1] != "{kb}" {
			t.Errorf("key %s does not carry the hash tag {kb} first", k)
		}
	}
}

// TestChangedArticleReplacesChunks: storing a changed article replaces its
// chunks; the chunks cut the stored text.
func TestChangedArticleReplacesChunks(t *testing.T) {
	rdb := testClient(t)
	s := newStore(t, rdb, testPrefix(t, rdb))
	ctx := context.Background()
	a := storetest.Article(t, "a", 1)
	a.Paragraphs = append(a.Paragraphs, "Đoạn thứ ba sẽ bị bỏ đi.")
	a, _ = knowledge.Finish(a)
	if err := s.Put(ctx, a); err != nil {
		t.Fatal(err)
	}
	first, err := s.Chunks(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	b := storetest.Article(t, "a", 2)
	if err := s.Put(ctx, b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Chunks(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	want := knowledge.ChunkArticle(&b)
	if len(first) != len(want)+1 || len(got) != len(want) {
		t.Fatalf("chunks: %d before, %d after, want %d after", len(first), len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("chunk %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if err := s.Delete(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Chunks(ctx, "a"); !errors.Is(err, knowledge.ErrNotFound) {
		t.Errorf("chunks of a deleted article: got %v, want ErrNotFound", err)
	}
}

func TestChatState(t *testing.T) {
	rdb := testClient(t)
	s := newStore(t, rdb, testPrefix(t, rdb))
	ctx := context.Background()

	turns := []knowledge.Turn{{Question: "Bí thư là ai?", Answer: "Ông Lê Phước Dũng [1]."}}
	if err := s.SaveHistory(ctx, "tg:42", turns, time.Minute); err != nil {
		t.Fatal(err)
	}
	got, err := s.History(ctx, "tg:42")
	if err != nil || !slices.Equal(got, turns) {
		t.Errorf("History: got %v, %v; want %v", got, err, turns)
	}
	if got, _ := s.History(ctx, "tg:other"); len(got) != 0 {
		t.Errorf("History of an unknown chat: got %v, want none", got)
	}
	if ttl := rdb.TTL(ctx, s.Prefix()+"chat:tg:42").Val(); ttl <= 0 || ttl > time.Minute {
		t.Errorf("history TTL: got %v, want (0, 1m]", ttl)
	}

	for i, want := range []bool{true, false, false} {
		if got, err := s.FirstSeen(ctx, "upd:1", time.Minute); err != nil || got != want {
			t.Errorf("FirstSeen #%d: got %v, %v; want %v", i+1, got, err, want)
		}
	}

	var allowed []bool
	for range 4 {
		ok, err := s.Allow(ctx, "chat:1", 3, time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		allowed = append(allowed, ok)
	}
	if want := []bool{true, true, true, false}; !slices.Equal(allowed, want) {
		t.Errorf("Allow 4 times with limit 3: got %v, want %v", allowed, want)
	}
	// Another replica shares the window.
	other := newStore(t, rdb, s.Prefix())
	if ok, _ := other.Allow(ctx, "chat:1", 3, time.Minute); ok {
		t.Error("another replica allowed an event over the shared limit")
	}
	if ok, _ := other.Allow(ctx, "chat:2", 3, time.Minute); !ok {
		t.Error("a different key was limited")
	}

	if err := s.Audit(ctx, "tg:7", "add", "bai-moi"); err != nil {
		t.Fatal(err)
	}
	if err := s.Audit(ctx, "tg:7", "remove", "bai-cu"); err != nil {
		t.Fatal(err)
	}
	entries, err := s.RecentAudit(ctx, 10)
	if err != nil || len(entries) != 2 || entries[0].Action != "remove" || entries[1].Detail != "bai-moi" || entries[0].Time.IsZero() {
		t.Errorf("RecentAudit: got %+v, %v", entries, err)
	}

	s.Incr(ctx, "questions", 2)
	s.Incr(ctx, "questions", 1)
	s.Incr(ctx, "refused", 1)
	counts, err := s.Counts(ctx)
	if err != nil || counts["questions"] != 3 || counts["refused"] != 1 {
		t.Errorf("Counts: got %v, %v; want questions 3, refused 1", counts, err)
	}

	vecs := map[string][]float32{"h1": {0.5, -1, 3.25}, "h2": {1}}
	if err := s.PutVectors(ctx, "m", vecs); err != nil {
		t.Fatal(err)
	}
	gotV, err := s.GetVectors(ctx, "m", []string{"h1", "h2", "h3"})
	if err != nil || len(gotV) != 2 || !slices.Equal(gotV["h1"], vecs["h1"]) || !slices.Equal(gotV["h2"], vecs["h2"]) {
		t.Errorf("GetVectors: got %v, %v", gotV, err)
	}
	if gotV, _ := s.GetVectors(ctx, "other-model", []string{"h1"}); len(gotV) != 0 {
		t.Errorf("vectors leaked across models: %v", gotV)
	}
}

func TestOpenUnreachableFailsFast(t *testing.T) {
	port := freePort(t)
	_, err := redisstore.Open(context.Background(), fmt.Sprintf("redis://:s3cret@127.0.0.1:%d/0", port), "")
	if !errors.Is(err, knowledge.ErrUnavailable) {
		t.Fatalf("Open of a closed port: got %v, want ErrUnavailable", err)
	}
	for _, want := range []string{"unreachable", "HOIBAO_REDIS_URL", "HOIBAO_REDIS_FALLBACK"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if strings.Contains(err.Error(), "s3cret") {
		t.Errorf("error %q shows the password", err)
	}
}

func TestParseURL(t *testing.T) {
	tests := []struct {
		url     string
		addrs   []string
		db      int
		master  string
		cluster bool
	}{
		{"redis://127.0.0.1:6379/2", []string{"127.0.0.1:6379"}, 2, "", false},
		{"redis://a:7000?addr=b:7001&addr=c:7002", []string{"a:7000", "b:7001", "c:7002"}, 0, "", true},
		{"redis://a:7000?cluster=true", []string{"a:7000"}, 0, "", true},
		{"redis://s1:26379/3?addr=s2:26379&master=mymaster", []string{"s1:26379", "s2:26379"}, 3, "mymaster", false},
	}
	for _, tt := range tests {
		o, err := redisstore.ParseURL(tt.url)
		if err != nil {
			t.Errorf("%s: %v", tt.url, err)
			continue
		}
		if !slices.Equal(o.Addrs, tt.addrs) || o.DB != tt.db || o.MasterName != tt.master || o.IsClusterMode != tt.cluster {
			t.Errorf("%s: got addrs %v db %d master %q cluster %v", tt.url, o.Addrs, o.DB, o.MasterName, o.IsClusterMode)
		}
		if o.DialTimeout <= 0 || o.ReadTimeout <= 0 {
			t.Errorf("%s: timeouts unbounded", tt.url)
		}
	}
	if _, err := redisstore.ParseURL("redis://:s3cret@host:notaport/x"); err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("bad URL: got %v; want an error without the password", err)
	}
}
