package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot/zalo/zalotest"
	"github.com/hoibao/hoibao/bot/zalooa/zalooatest"
)

// TestServeAllChannels runs serve with Telegram, Zalo Bot and Zalo OA
// configured at once, every webhook on the one listener, against fake
// servers of all three; a question on each is answered, and one SIGTERM
// stops them all.
func TestServeAllChannels(t *testing.T) {
	const (
		zaloToken = "1234567890:zalo-SECRET-serve-token"
		zaloHook  = "zalo-webhook-secret-42"
		oaApp     = "4410000000000000009"
		oaKey     = "oa-SECRET-key-serve"
	)
	tg := newTGServer(t)
	zf := zalotest.New(zaloToken)
	defer zf.Close()
	oa := zalooatest.New(oaApp, oaKey, "oa-access-0", "oa-refresh-0")
	defer oa.Close()
	addr := freeAddr(t)
	var stderr bytes.Buffer
	env := serveEnv(t, map[string]string{
		"HOIBAO_HTTP_ADDR":      addr,
		"HOIBAO_TELEGRAM_TOKEN": serveToken, "HOIBAO_TELEGRAM_API_ENDPOINT": tg.URL + "/bot%s/%s",
		"HOIBAO_TELEGRAM_WEBHOOK_URL": "https://hoibao.example/telegram", "HOIBAO_TELEGRAM_WEBHOOK_SECRET": "tg-secret-1",
		"HOIBAO_ZALO_TOKEN": zaloToken, "HOIBAO_ZALO_API_BASE": zf.Base(),
		"HOIBAO_ZALO_WEBHOOK_URL": "https://hoibao.example/zalo/bot", "HOIBAO_ZALO_WEBHOOK_SECRET": zaloHook,
		"HOIBAO_ZALO_OA_APP_ID": oaApp, "HOIBAO_ZALO_OA_SECRET_KEY": oaKey,
		"HOIBAO_ZALO_OA_ACCESS_TOKEN": "oa-access-0", "HOIBAO_ZALO_OA_REFRESH_TOKEN": "oa-refresh-0",
		"HOIBAO_ZALO_OA_API_BASE": oa.URL, "HOIBAO_ZALO_OA_OAUTH_BASE": oa.URL,
		"HOIBAO_SHUTDOWN_TIMEOUT": "10s", "HOIBAO_LOG_LEVEL": "debug",
	}, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env) }()
	base := "http://" + addr
	waitUntil(t, "the listener and both setWebhook calls", func() bool {
		resp, err := http.Get(base + "/healthz")
		if err != nil {
			return false
		}
		resp.Body.Close()
		tg.mu.Lock()
		tgHook := tg.webhook != nil
		tg.mu.Unlock()
		u, _ := zf.Webhook()
		return tgHook && u != ""
	})
	const q = "Bí thư Huyện ủy Châu Thành là ai?"

	body, _ := json.Marshal(update(5, 501, q))
	req, _ := http.NewRequest("POST", base+"/telegram", bytes.NewReader(body))
	req.Header.Set("X-Telegram-Bot-Api-Secret-Token", "tg-secret-1")
	if resp, err := http.DefaultClient.Do(req); err != nil || resp.StatusCode != 200 {
		t.Fatalf("Telegram webhook: %v %v", resp, err)
	}
	if status, err := zalotest.Deliver(ctx, base+"/zalo/bot", zaloHook, zalotest.Text("zchat-1", "zuser-1", q), false); err != nil || status != 200 {
		t.Fatalf("Zalo webhook: %d %v", status, err)
	}
	if status, err := zalooatest.Deliver(ctx, base+"/zalo/oa", oaKey, zalooatest.Text(oaApp, "oa-user-1", q)); err != nil || status != 200 {
		t.Fatalf("Zalo OA webhook: %d %v", status, err)
	}
	<-tg.sending
	zmsgs, zerr := zf.WaitSent("zchat-1", 1)
	omsgs, oerr := oa.WaitSent("oa-user-1", 1)
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve = %v\n%s", err, stderr.String())
	}
	if msgs := tg.messages(); len(msgs) != 1 || !strings.Contains(msgs[0].text, "Lê Phước Dũng") {
		t.Errorf("Telegram: %+v", msgs)
	}
	if zerr != nil || !strings.Contains(zmsgs[0].Text, "Lê Phước Dũng") {
		t.Errorf("Zalo Bot: %+v %v", zmsgs, zerr)
	}
	if oerr != nil || !strings.Contains(omsgs[0].Text, "Lê Phước Dũng") {
		t.Errorf("Zalo OA: %+v %v", omsgs, oerr)
	}
	for _, secret := range []string{serveToken, zaloToken, zaloHook, oaKey, "tg-secret-1", "oa-access-0", "oa-refresh-0"} {
		if strings.Contains(stderr.String(), secret) {
			t.Errorf("the log holds %q", secret)
		}
	}
}

func waitUntil(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
