package zalooa_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/bottest"
	"github.com/hoibao/hoibao/bot/zalooa"
	"github.com/hoibao/hoibao/bot/zalooa/zalooatest"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
)

const (
	appID     = "4410000000000000001"
	secretKey = "oa-SECRET-key-0123456789"
	citizen   = "8800000000000000042"
)

type syncBuffer = bottest.SyncBuffer

type replica struct {
	a    *zalooa.Adapter
	hook string
	logs *syncBuffer
	stop func()
}

// startOA runs the real core and an OA adapter against the fake, its
// webhook behind a local HTTP server.
func startOA(t *testing.T, f *zalooatest.Server, store zalooa.TokenStore, seedAccess, seedRefresh string) *replica {
	t.Helper()
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	core := bot.New(knowledge.NewService(knowledge.Sample()), bot.WithLogger(log))
	a, err := zalooa.New(context.Background(), appID, secretKey, store, core, zalooa.WithLogger(log),
		zalooa.WithHosts(f.URL, f.URL), zalooa.WithSeedTokens(seedAccess, seedRefresh))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	var once sync.Once
	r := &replica{a: a, hook: srv.URL, logs: logs}
	r.stop = func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				t.Errorf("Run = %v", err)
			}
			srv.Close()
			for _, s := range []string{secretKey, "access-", "refresh-", "seed-access", "seed-refresh"} {
				if strings.Contains(logs.String(), s) {
					t.Errorf("the logs hold a secret (%s):\n%s", s, logs.String())
				}
			}
		})
	}
	t.Cleanup(r.stop)
	return r
}

func deliver(t *testing.T, url, key string, ev map[string]any) int {
	t.Helper()
	status, err := zalooatest.Deliver(context.Background(), url, key, ev)
	if err != nil {
		t.Fatal(err)
	}
	return status
}

func TestSignedEventAnswered(t *testing.T) {
	f := zalooatest.New(appID, secretKey, "seed-access", "seed-refresh")
	defer f.Close()
	r := startOA(t, f, zalooa.NewMemTokens(), "seed-access", "seed-refresh")

	ev := zalooatest.Text(appID, citizen, "Bí thư Huyện ủy Châu Thành là ai?")
	if got := deliver(t, r.hook, "", ev); got != http.StatusUnauthorized {
		t.Errorf("no signature: %d, want 401", got)
	}
	if got := deliver(t, r.hook, "another-secret-key", ev); got != http.StatusUnauthorized {
		t.Errorf("wrong signature: %d, want 401", got)
	}
	stale := zalooatest.Text(appID, citizen, "Bí thư Huyện ủy Châu Thành là ai?")
	stale["timestamp"] = "1700000000000" // November 2023
	if got := deliver(t, r.hook, secretKey, stale); got != http.StatusUnauthorized {
		t.Errorf("stale timestamp: %d, want 401", got)
	}
	if got := deliver(t, r.hook, secretKey, ev); got != http.StatusOK {
		t.Fatalf("signed event: %d, want 200", got)
	}
	if got := deliver(t, r.hook, secretKey, ev); got != http.StatusOK { // a redelivery
		t.Fatalf("signed event again: %d, want 200", got)
	}
	sticker := zalooatest.Text(appID, citizen, "")
	sticker["event_name"] = "user_send_sticker"
	deliver(t, r.hook, secretKey, sticker)
	sent, err := f.WaitSent(citizen, 2)
	if err != nil {
		t.Fatal(err)
	}
	r.stop()
	sent = f.Sent(citizen)
	if len(sent) != 2 {
		t.Fatalf("sent %d messages, want the answer once and the request for text: %+v", len(sent), sent)
	}
	for _, want := range []string{"Lê Phước Dũng", "[1]", "Nguồn:", "Xây dựng Đảng ở huyện Châu Thành"} {
		if !strings.Contains(sent[0].Text, want) {
			t.Errorf("answer %q lacks %q", sent[0].Text, want)
		}
	}
	if !strings.Contains(sent[1].Text, "gửi câu hỏi bằng chữ") {
		t.Errorf("sticker: %q", sent[1].Text)
	}
}

func TestExpiredTokenRefreshedAndKeptAcrossRestart(t *testing.T) {
	f := zalooatest.New(appID, secretKey, "seed-access", "seed-refresh")
	defer f.Close()
	store := zalooa.NewFileTokens(t.TempDir())
	r := startOA(t, f, store, "seed-access", "seed-refresh")
	f.Expire("seed-access")
	deliver(t, r.hook, secretKey, zalooatest.Text(appID, citizen, "/start"))
	sent, err := f.WaitSent(citizen, 1)
	if err != nil {
		t.Fatal(err)
	}
	if n, ref := f.Refreshes(); n != 1 || sent[0].AccessToken != "access-1" {
		t.Fatalf("after an expired token: %d refreshes, sent with %q; want 1 and access-1 (refresh %s)", n, sent[0].AccessToken, ref)
	}
	raw, _ := store.Secret(context.Background(), "zalooa:"+appID+":tokens")
	if !strings.Contains(raw, `"refresh_token":"refresh-1"`) {
		t.Errorf("stored tokens %s, want the new refresh token", raw)
	}
	r.stop()

	// A restart with the same (old) configuration uses the stored pair,
	// and its next refresh spends the new refresh token.
	r2 := startOA(t, f, store, "seed-access", "seed-refresh")
	deliver(t, r2.hook, secretKey, zalooatest.Text(appID, citizen, "/help"))
	if sent, err = f.WaitSent(citizen, 2); err != nil {
		t.Fatal(err)
	}
	if sent[1].AccessToken != "access-1" {
		t.Errorf("after a restart sent with %q, want the stored access-1", sent[1].AccessToken)
	}
	f.Expire("access-1")
	deliver(t, r2.hook, secretKey, zalooatest.Text(appID, citizen, "/sources"))
	if sent, err = f.WaitSent(citizen, 3); err != nil {
		t.Fatal(err)
	}
	if n, _ := f.Refreshes(); n != 2 || sent[2].AccessToken != "access-2" {
		t.Errorf("second refresh: %d refreshes, sent with %q; want 2, access-2 (the stored refresh token used)", n, sent[2].AccessToken)
	}
}

func TestOutsideWindowLogged(t *testing.T) {
	f := zalooatest.New(appID, secretKey, "seed-access", "seed-refresh")
	defer f.Close()
	r := startOA(t, f, zalooa.NewMemTokens(), "seed-access", "seed-refresh")
	f.Outside(citizen)
	deliver(t, r.hook, secretKey, zalooatest.Text(appID, citizen, "/start"))
	r.stop()
	if !strings.Contains(r.logs.String(), "48 hours") {
		t.Errorf("a send refused for the 48-hour window is not explained in the logs:\n%s", r.logs.String())
	}
}

// TestReplicasRefreshOnce runs two replicas over one Redis; both meet the
// expired token at once and the OA sees one refresh.
func TestReplicasRefreshOnce(t *testing.T) {
	opt, _ := redis.ParseURL("redis://127.0.0.1:6379/0")
	opt.DialTimeout = time.Second
	rdb := redis.NewClient(opt)
	defer rdb.Close()
	pctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(pctx).Err(); err != nil {
		t.Skipf("no Redis at 127.0.0.1:6379 (%v); skipping", err)
	}
	id := make([]byte, 6)
	_, _ = rand.Read(id)
	prefix := "hoibao-test-zalooa-" + hex.EncodeToString(id) + ":"
	t.Cleanup(func() {
		keys, _ := rdb.Keys(context.Background(), prefix+"*").Result()
		if len(keys) > 0 {
			rdb.Del(context.Background(), keys...)
		}
	})
	f := zalooatest.New(appID, secretKey, "seed-access", "seed-refresh")
	defer f.Close()
	var reps []*replica
	for range 2 {
		reps = append(reps, startOA(t, f, redisstore.New(rdb, prefix), "seed-access", "seed-refresh"))
	}
	f.Expire("seed-access")
	var wg sync.WaitGroup
	for i, r := range reps {
		for j := range 5 {
			wg.Go(func() {
				deliver(t, r.hook, secretKey, zalooatest.Text(appID, citizen+string(rune('a'+i*5+j)), "/start"))
			})
		}
	}
	wg.Wait()
	if _, err := f.WaitSent("", 10); err != nil {
		t.Fatal(err)
	}
	if n, _ := f.Refreshes(); n != 1 {
		t.Errorf("two replicas with an expired token: %d refreshes, want 1", n)
	}
	t.Logf("10 answers from 2 replicas after the token expired; refreshes: 1")
}
