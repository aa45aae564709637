package telegram

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
)

// TestReplicasShareDedupe runs two replicas in webhook mode over one Redis:
// an update delivered to both is answered once.
func TestReplicasShareDedupe(t *testing.T) {
	const addr = "redis://127.0.0.1:6379/0"
	opt, _ := redis.ParseURL(addr)
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	ctx := context.Background()
	pctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	defer cancel()
	if err := rdb.Ping(pctx).Err(); err != nil {
		t.Skipf("no Redis at 127.0.0.1:6379 (%v); skipping", err)
	}
	id := make([]byte, 6)
	_, _ = rand.Read(id)
	prefix := "hoibao-test-telegram-" + hex.EncodeToString(id) + ":"
	t.Cleanup(func() {
		keys, _ := rdb.Keys(context.Background(), prefix+"*").Result()
		if len(keys) > 0 {
			rdb.Del(context.Background(), keys...)
		}
	})

	f := newFakeTelegram(t, testToken)
	var hooks []*httptest.Server
	for range 2 {
		store := redisstore.New(rdb, prefix)
		kn := knowledge.NewService(knowledge.Sample(), knowledge.WithStore(store))
		h := startState(t, f, kn, store, WithWebhook("https://hoibao.example/hook", secret))
		hook := httptest.NewServer(h.a)
		t.Cleanup(hook.Close)
		hooks = append(hooks, hook)
	}
	u := textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?")
	for _, hook := range hooks {
		if got := post(t, hook.URL, u, secret); got != http.StatusOK {
			t.Fatalf("status %d", got)
		}
	}
	f.waitFor("the answer", func() bool { return len(f.messages[citizen]) >= 1 })
	// The other replica's copy is dropped, not merely late: its /start comes after.
	post(t, hooks[1].URL, textUpdate(citizen, citizen, "/start"), secret)
	f.waitFor("/start", func() bool { return len(f.messages[citizen]) >= 2 })
	time.Sleep(100 * time.Millisecond)
	if n := len(f.sent(citizen)); n != 2 {
		t.Errorf("chat got %d messages, want the answer once and the welcome", n)
	}
	n, _ := rdb.Keys(ctx, prefix+"*").Result()
	t.Logf("two replicas, one update delivered to both: answered once; %d Redis keys under the test prefix", len(n))
}
