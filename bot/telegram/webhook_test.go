package telegram

import (
	"bytes"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

const secret = "webhook-secret-7f3a"

func post(t *testing.T, url string, update map[string]any, header string) int {
	t.Helper()
	body, _ := json.Marshal(update)
	req, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if header != "" {
		req.Header.Set(SecretHeader, header)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Error(err)
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

func TestWebhook(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	h := start(t, f, sample(), WithWebhook("https://hoibao.example/telegram/webhook", secret))
	hook := httptest.NewServer(h.a)
	defer hook.Close()

	f.waitFor("setWebhook", func() bool { return f.webhook != nil })
	if got, want := f.webhook["secret_token"], secret; got != want {
		t.Errorf("setWebhook secret_token = %q, want %q", got, want)
	}
	if got, want := f.webhook["url"], "https://hoibao.example/telegram/webhook"; got != want {
		t.Errorf("setWebhook url = %q, want %q", got, want)
	}

	// Without the secret, or with a wrong one: 401 and no reply.
	if got := post(t, hook.URL, textUpdate(1001, 1001, "/start"), ""); got != http.StatusUnauthorized {
		t.Errorf("no secret: status %d, want 401", got)
	}
	if got := post(t, hook.URL, textUpdate(1001, 1001, "/start"), secret+"x"); got != http.StatusUnauthorized {
		t.Errorf("wrong secret: status %d, want 401", got)
	}

	// The same update delivered twice is answered once.
	dup := textUpdate(1002, 1002, "Bí thư Huyện ủy Châu Thành là ai?")
	for range 2 {
		if got := post(t, hook.URL, dup, secret); got != http.StatusOK {
			t.Errorf("status %d, want 200", got)
		}
	}

	// 50 concurrent updates from 50 chats are all answered, none twice.
	var wg sync.WaitGroup
	for i := range 50 {
		chat := int64(2000 + i)
		wg.Go(func() {
			if got := post(t, hook.URL, textUpdate(chat, chat, "Bài báo đăng ngày nào?"), secret); got != http.StatusOK {
				t.Errorf("chat %d: status %d", chat, got)
			}
		})
	}
	wg.Wait()
	f.waitFor("50 answers", func() bool {
		n := 0
		for i := range 50 {
			n += min(len(f.messages[int64(2000+i)]), 1)
		}
		return n == 50
	})
	h.message(t, 1002, 1)
	if err := h.shutdown(t); err != nil {
		t.Fatal(err)
	}
	if n := len(f.sent(1001)); n != 0 {
		t.Errorf("unauthenticated requests got %d replies", n)
	}
	if n := len(f.sent(1002)); n != 1 {
		t.Errorf("the duplicated update got %d replies, want 1", n)
	}
	twice := 0
	for i := range 50 {
		if n := len(f.sent(int64(2000 + i))); n != 1 {
			twice++
		}
	}
	if twice != 0 {
		t.Errorf("%d of 50 chats did not get exactly one reply", twice)
	}
	// After shutdown the webhook takes nothing more (Telegram retries later).
	if got := post(t, hook.URL, textUpdate(1003, 1003, "/start"), secret); got != http.StatusServiceUnavailable {
		t.Errorf("after shutdown: status %d, want 503", got)
	}
	t.Logf("webhook: 2 unauthenticated → 401, 0 replies; duplicate → %d reply; 50 chats → 50 replies, %d sendMessage calls in all",
		len(f.sent(1002)), len(f.callsTo("sendMessage")))
}
