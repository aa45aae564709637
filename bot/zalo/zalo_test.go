package zalo

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/bottest"
	"github.com/hoibao/hoibao/bot/zalo/zalotest"
	"github.com/hoibao/hoibao/knowledge"
)

const (
	testToken = "1234567890:zalo-SECRET-bot-token"
	secret    = "webhook-secret-0123"
	admin     = "admin-7"
	citizen   = "user-1"
)

type syncBuffer = bottest.SyncBuffer

// longKnowledge answers "bài dài?" with a 3,000-character answer.
type longKnowledge struct{ *knowledge.Service }

const longSentence = "Ngày 15/3/2024, Bộ Giao thông vận tải khởi công cầu Rạch Miễu 2 với tổng vốn 6.810 tỷ đồng [1]. "

func (k longKnowledge) AskStream(ctx context.Context, q knowledge.Query, on func(string)) (knowledge.Answer, error) {
	if q.Text == "bài dài?" {
		return knowledge.Answer{Text: strings.TrimSpace(strings.Repeat(longSentence, 31)),
			Citations: []knowledge.Citation{{N: 1, ArticleID: "x", Title: "Cầu Rạch Miễu 2", Quote: "…"}}}, nil
	}
	return k.Service.AskStream(ctx, q, on)
}

type harness struct {
	f     *zalotest.Server
	a     *Adapter
	kn    *knowledge.Service
	logs  *syncBuffer
	hook  string // webhook URL on this machine, in webhook mode
	stop  context.CancelFunc
	done  chan error
	state *bot.MemState
}

// start runs the real conversation core and the adapter against the fake
// API, in polling mode or (webhook) behind a local HTTP server.
func start(t *testing.T, webhook bool, opts ...Option) *harness {
	t.Helper()
	f := zalotest.New(testToken)
	t.Cleanup(f.Close)
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	kn := knowledge.NewService(knowledge.Sample())
	state := bot.NewMemState()
	core := bot.New(longKnowledge{kn}, bot.WithLogger(log), bot.WithAdmins(Channel, admin), bot.WithState(state))
	opts = append([]Option{WithLogger(log), WithPollTimeout(time.Second), WithDeduper(state)}, opts...)
	if webhook {
		opts = append(opts, WithWebhook("https://hoibao.example/zalo", secret))
	}
	a, err := New(context.Background(), testToken, f.Base(), core, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{f: f, a: a, kn: kn, logs: logs, stop: cancel, done: make(chan error, 1), state: state}
	if webhook {
		srv := httptest.NewServer(a)
		t.Cleanup(srv.Close)
		h.hook = srv.URL
	}
	go func() { h.done <- a.Run(ctx) }()
	if webhook {
		waitFor(t, "setWebhook", func() bool { u, _ := f.Webhook(); return u != "" })
	}
	t.Cleanup(func() {
		h.shutdown(t)
		if l := logs.String(); strings.Contains(l, testToken) || strings.Contains(l, "SECRET") || strings.Contains(l, secret) {
			t.Errorf("a secret appears in the logs:\n%s", l)
		}
	})
	return h
}

func (h *harness) shutdown(t *testing.T) error {
	h.stop()
	select {
	case err, ok := <-h.done:
		if ok {
			close(h.done)
		}
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return")
		return nil
	}
}

// send delivers u: pushed to getUpdates, or posted to the webhook.
func (h *harness) send(t *testing.T, u zalotest.Update) {
	t.Helper()
	if h.hook == "" {
		h.f.Push(u)
		return
	}
	status, err := zalotest.Deliver(context.Background(), h.hook, secret, u, false)
	if err != nil || status != http.StatusOK {
		t.Fatalf("webhook delivery: %d, %v", status, err)
	}
}

func (h *harness) wait(t *testing.T, chat string, n int) []zalotest.Sent {
	t.Helper()
	got, err := h.f.WaitSent(chat, n)
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func modes(t *testing.T, test func(t *testing.T, webhook bool)) {
	for _, webhook := range []bool{false, true} {
		name := "polling"
		if webhook {
			name = "webhook"
		}
		t.Run(name, func(t *testing.T) { test(t, webhook) })
	}
}

func TestConversation(t *testing.T) {
	modes(t, func(t *testing.T, webhook bool) {
		h := start(t, webhook)
		n := 0
		expect := func(u zalotest.Update, wantParts int) []zalotest.Sent {
			t.Helper()
			h.send(t, u)
			n += wantParts
			return h.wait(t, citizen, n)[n-wantParts:]
		}
		// A question gets a cited answer, with the sources listed.
		got := expect(zalotest.Text(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"), 1)[0].Text
		for _, want := range []string{"Lê Phước Dũng", "[1]", "Nguồn:", "Xây dựng Đảng ở huyện Châu Thành · 09/01/2024", "👍"} {
			if !strings.Contains(got, want) {
				t.Errorf("answer %q lacks %q", got, want)
			}
		}
		// Without diacritics too.
		if got := expect(zalotest.Text(citizen, citizen, "bi thu huyen uy chau thanh la ai"), 1)[0].Text; !strings.Contains(got, "Lê Phước Dũng") {
			t.Errorf("answer without diacritics: %q", got)
		}
		// A 3,000-character answer comes as two messages, cut after a sentence.
		parts := expect(zalotest.Text(citizen, citizen, "bài dài?"), 2)
		for i, p := range parts[:1] {
			if n := utf8.RuneCountInString(p.Text); n > MaxText || !strings.HasSuffix(p.Text, "[1].") {
				t.Errorf("part %d: %d characters, ends %q; want ≤ %d ending a sentence", i+1, n, p.Text[len(p.Text)-10:], MaxText)
			}
		}
		if !strings.Contains(parts[1].Text, "Nguồn:") {
			t.Errorf("second part %q lacks the sources", parts[1].Text)
		}
		// A sticker gets the polite request for text.
		if got := expect(zalotest.Sticker(citizen, citizen), 1)[0].Text; !strings.Contains(got, "gửi câu hỏi bằng chữ") {
			t.Errorf("sticker: %q", got)
		}
		// 👍 after an answer is feedback on it.
		if got := expect(zalotest.Text(citizen, citizen, "👍"), 1)[0].Text; !strings.Contains(got, "Cảm ơn bạn đã góp ý") {
			t.Errorf("👍: %q", got)
		}
		if c, _ := h.state.Counts(context.Background()); c["feedback:up"] != 1 {
			t.Errorf("feedback:up = %d, want 1", c["feedback:up"])
		}
		// A typing action precedes each reply (the parts of one reply
		// follow one another).
		var seq strings.Builder
		for _, c := range h.f.Calls() {
			switch c.Method {
			case "sendChatAction":
				seq.WriteString("T")
			case "sendMessage":
				seq.WriteString("M")
			}
		}
		if got, want := seq.String(), "TMTMTMMTMM"; got != want {
			t.Errorf("typing (T) and messages (M): %s, want %s", got, want)
		}
	})
}

func TestAdminCommands(t *testing.T) {
	modes(t, func(t *testing.T, webhook bool) {
		h := start(t, webhook)
		before, _ := h.kn.Index().Len()
		h.send(t, zalotest.Text(citizen, citizen, "/reload"))
		if got := h.wait(t, citizen, 1)[0].Text; !strings.Contains(got, "chỉ dành cho quản trị viên") {
			t.Errorf("non-admin /reload: %q", got)
		}
		h.send(t, zalotest.Text(citizen, citizen, "/add Bài giả\nNội dung giả mạo về giá vàng hôm nay."))
		if got := h.wait(t, citizen, 2)[1].Text; !strings.Contains(got, "chỉ dành cho quản trị viên") {
			t.Errorf("non-admin /add: %q", got)
		}
		if after, _ := h.kn.Index().Len(); after != before {
			t.Errorf("articles %d → %d after a non-admin's commands", before, after)
		}
		h.send(t, zalotest.Text(admin, admin, "/add Giá lúa tăng ở Đồng Tháp\nGiá lúa IR 50404 tại Đồng Tháp tăng lên 7.800 đồng mỗi kg trong tuần này."))
		if got := h.wait(t, admin, 1)[0].Text; !strings.Contains(got, "Đã thêm bài") {
			t.Fatalf("admin /add: %q", got)
		}
		h.send(t, zalotest.Text(admin, admin, "Giá lúa IR 50404 ở Đồng Tháp bao nhiêu?"))
		if got := h.wait(t, admin, 2)[1].Text; !strings.Contains(got, "7.800") || !strings.Contains(got, "Giá lúa tăng ở Đồng Tháp") {
			t.Errorf("question about the added article: %q", got)
		}
	})
}

func TestWebhookSecretAndRedelivery(t *testing.T) {
	h := start(t, true)
	if _, got := h.f.Webhook(); got != secret {
		t.Errorf("setWebhook secret_token %q, want the configured one", got)
	}
	u := zalotest.Text(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?")
	for _, s := range []string{"", "wrong-secret-123"} {
		if status, err := zalotest.Deliver(context.Background(), h.hook, s, u, false); err != nil || status != http.StatusUnauthorized {
			t.Errorf("secret %q: status %d, %v; want 401", s, status, err)
		}
	}
	// The same update twice, once wrapped in {ok, result}: answered once.
	for _, wrap := range []bool{false, true} {
		if status, err := zalotest.Deliver(context.Background(), h.hook, secret, u, wrap); err != nil || status != http.StatusOK {
			t.Fatalf("delivery: %d, %v", status, err)
		}
	}
	h.send(t, zalotest.Text(citizen, citizen, "/help"))
	got := h.wait(t, citizen, 2)
	if err := h.shutdown(t); err != nil {
		t.Fatal(err)
	}
	if got = h.f.Sent(citizen); len(got) != 2 || !strings.Contains(got[0].Text, "Lê Phước Dũng") || !strings.Contains(got[1].Text, "/sources") {
		t.Errorf("after unauthorised, duplicate and /help deliveries: %d messages %q; want the answer once, then /help", len(got), got)
	}
}

func TestPollingRedeliveryAnsweredOnce(t *testing.T) {
	h := start(t, false)
	u := zalotest.Text(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?")
	h.f.Push(u, u)
	h.f.Push(u)
	h.send(t, zalotest.Text(citizen, citizen, "/help"))
	h.wait(t, citizen, 2)
	if err := h.shutdown(t); err != nil {
		t.Fatal(err)
	}
	if got := h.f.Sent(citizen); len(got) != 2 {
		t.Errorf("one update delivered three times, then /help: %d messages, want 2", len(got))
	}
}

func TestTokenNeverInErrors(t *testing.T) {
	f := zalotest.New("another-token")
	defer f.Close()
	_, err := New(context.Background(), testToken, f.Base(), bot.New(knowledge.NewService(knowledge.Sample())))
	if err == nil || strings.Contains(err.Error(), testToken) {
		t.Errorf("wrong token: err %v; want an error without the token", err)
	}
	f.Close()
	_, err = New(context.Background(), testToken, f.Base(), bot.New(knowledge.NewService(knowledge.Sample())))
	if err == nil || strings.Contains(err.Error(), testToken) || strings.Contains(err.Error(), "SECRET") {
		t.Errorf("unreachable: err %v; want an error without the token", err)
	}
	t.Log(fmt.Sprint(err))
}

// In a group the platform delivers mentions of the bot and replies to it;
// the mention is removed before the question is read.
func TestGroupMention(t *testing.T) {
	h := start(t, false)
	h.send(t, zalotest.Text("g-1", citizen, "@Hỏi Báo Bí thư Huyện ủy Châu Thành là ai?"))
	if got := h.wait(t, "g-1", 1)[0].Text; !strings.Contains(got, "Lê Phước Dũng") {
		t.Errorf("group mention: %q", got)
	}
}
