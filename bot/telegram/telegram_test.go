package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/bottest"
	"github.com/hoibao/hoibao/knowledge"
)

const testToken = "7000000001:AAH-test-SECRET-token_0123456789"

const admin, citizen = 4242, 777

// syncBuffer collects log output from many goroutines.
type syncBuffer = bottest.SyncBuffer

type harness struct {
	f     *fakeTelegram
	a     *Adapter
	state bot.State
	logs  *syncBuffer
	stop  context.CancelFunc
	done  chan error
}

// start runs the real conversation core and the adapter against the fake
// server; the token must appear in no log line by the end of the test.
func start(t *testing.T, f *fakeTelegram, kn bot.Knowledge, opts ...Option) *harness {
	t.Helper()
	return startState(t, f, kn, bot.NewMemState(), opts...)
}

// startState is start with the chat state given, as main wires it.
func startState(t *testing.T, f *fakeTelegram, kn bot.Knowledge, state bot.State, opts ...Option) *harness {
	t.Helper()
	logs := &syncBuffer{}
	log := slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	coreOpts := []bot.Option{bot.WithLogger(log), bot.WithAdmins(Channel, fmt.Sprint(admin)), bot.WithState(state)}
	core := bot.New(kn, coreOpts...)
	opts = append([]Option{WithLogger(log), WithPollTimeout(time.Second), WithSendLimits(1000, 0, 0),
		WithEditInterval(50 * time.Millisecond), WithDeduper(state)}, opts...)
	a, err := New(testToken, f.endpoint(), core, opts...)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	h := &harness{f: f, a: a, state: state, logs: logs, stop: cancel, done: make(chan error, 1)}
	go func() { h.done <- a.Run(ctx) }()
	t.Cleanup(func() {
		h.shutdown(t)
		if strings.Contains(logs.String(), testToken) || strings.Contains(logs.String(), "SECRET-token") {
			t.Errorf("the bot token appears in the logs:\n%s", logs.String())
		}
	})
	return h
}

func (h *harness) shutdown(t *testing.T) error {
	t.Helper()
	h.stop()
	select {
	case err, ok := <-h.done:
		if ok {
			close(h.done)
		}
		return err
	case <-time.After(30 * time.Second):
		t.Fatal("Run did not return after cancel")
		return nil
	}
}

func sample() *knowledge.Service { return knowledge.NewService(knowledge.Sample()) }

// lastText waits for the n-th message in chat and returns its text.
func (h *harness) message(t *testing.T, chat int64, n int) fakeMessage {
	t.Helper()
	h.f.waitFor(fmt.Sprintf("message %d in chat %d", n, chat), func() bool { return len(h.f.messages[chat]) >= n })
	return h.f.sent(chat)[n-1]
}

func TestConversation(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	kn := sample()
	h := start(t, f, kn)
	const chat = citizen

	f.push(textUpdate(chat, citizen, "/start"))
	if got := h.message(t, chat, 1).Text; !strings.Contains(got, "Xin chào") || !strings.Contains(got, "Bí thư Huyện ủy Châu Thành là ai?") {
		t.Errorf("/start: %q", got)
	}
	f.push(textUpdate(chat, citizen, "/help"))
	if got := h.message(t, chat, 2).Text; !strings.Contains(got, "/sources") {
		t.Errorf("/help: %q", got)
	}
	f.push(textUpdate(chat, citizen, "/sources"))
	if got := h.message(t, chat, 3).Text; !strings.Contains(got, "Xây dựng Đảng ở huyện Châu Thành — 09/01/2024") {
		t.Errorf("/sources: %q", got)
	}

	f.push(textUpdate(chat, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	ans := h.message(t, chat, 4)
	for _, want := range []string{"Lê Phước Dũng", "[1]", "<b>Nguồn</b>", "[1] Xây dựng Đảng ở huyện Châu Thành · 09/01/2024",
		"<blockquote expandable>Bí thư Huyện ủy Châu Thành Lê Phước Dũng nhấn mạnh"} {
		if !strings.Contains(ans.Text, want) {
			t.Errorf("answer %q lacks %q", ans.Text, want)
		}
	}
	if !strings.Contains(ans.Markup, "👍") || !strings.Contains(ans.Markup, `"callback_data":"fb:up:`) {
		t.Errorf("answer markup %q, want 👍/👎 buttons", ans.Markup)
	}
	typing := f.callsTo("sendChatAction")
	if len(typing) == 0 || typing[len(typing)-1].Form["action"] != "typing" || typing[len(typing)-1].At.After(ans.Sent) {
		t.Errorf("no typing action before the answer: %+v", typing)
	}

	// A non-admin /reload is refused and changes nothing.
	before := kn.Index()
	f.push(textUpdate(chat, citizen, "/reload"))
	if got := h.message(t, chat, 5).Text; !strings.Contains(got, "quản trị viên") {
		t.Errorf("non-admin /reload: %q", got)
	}
	if kn.Index() != before {
		t.Error("a non-admin /reload changed the content")
	}

	// An admin /add of pasted text makes the article answerable at once.
	data, err := os.ReadFile("../testdata/pasted/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	f.push(textUpdate(admin, admin, "/add "+string(data)))
	if got := h.message(t, admin, 1).Text; !strings.Contains(got, "Đã thêm bài “Cần Thơ khánh thành cầu Vàm Cống mới”") {
		t.Errorf("/add: %q", got)
	}
	f.push(textUpdate(chat, citizen, "Cầu Vàm Cống mới dài bao nhiêu mét?"))
	if got := h.message(t, chat, 6).Text; !strings.Contains(got, "2.970") || !strings.Contains(got, "Cần Thơ khánh thành cầu Vàm Cống mới · 15/03/2025") {
		t.Errorf("answer after /add: %q", got)
	}

	// Feedback presses are recorded, once per user and answer.
	var kb struct {
		Rows [][]struct {
			Data string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(ans.Markup), &kb); err != nil || len(kb.Rows) != 1 || len(kb.Rows[0]) != 2 {
		t.Fatalf("markup %q: %v", ans.Markup, err)
	}
	f.push(pressUpdate(chat, citizen, ans.ID, kb.Rows[0][0].Data), pressUpdate(chat, citizen, ans.ID, kb.Rows[0][0].Data),
		pressUpdate(chat, 999, ans.ID, kb.Rows[0][1].Data))
	f.waitFor("three callback answers", func() bool {
		n := 0
		for _, c := range f.calls {
			if c.Method == "answerCallbackQuery" {
				n++
			}
		}
		return n == 3
	})
	counts, _ := h.state.Counts(context.Background())
	if counts["feedback:up"] != 1 || counts["feedback:down"] != 1 {
		t.Errorf("feedback counts %v, want 1 up and 1 down", counts)
	}
	if got := f.callsTo("answerCallbackQuery")[0].Form["text"]; !strings.Contains(got, "Cảm ơn") {
		t.Errorf("callback answer %q", got)
	}
	f.push(textUpdate(admin, admin, "/stats"))
	if got := h.message(t, admin, 2).Text; !strings.Contains(got, "👍 1 · 👎 1") || !strings.Contains(got, "Bài báo: 2") {
		t.Errorf("/stats: %q", got)
	}
	if n := len(f.sent(chat)); n != 6 {
		t.Errorf("chat got %d messages, want 6", n)
	}
}

func TestGroupRules(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	h := start(t, f, sample())
	const group = -100123
	f.push(textUpdate(group, citizen, "hôm nay trời đẹp quá"),
		textUpdate(group, citizen, "/ask@otherbot Bí thư là ai?"),
		textUpdate(group, citizen, "@hoibao_bot Bí thư Huyện ủy Châu Thành là ai?"))
	if got := h.message(t, group, 1); !strings.Contains(got.Text, "Lê Phước Dũng") || got.ReplyTo == "" {
		t.Errorf("mention: %+v", got)
	}
	f.push(textUpdate(group, citizen, "/ask@hoibao_bot Bài báo đăng ngày nào?"))
	if got := h.message(t, group, 2).Text; !strings.Contains(got, "09/01/2024") {
		t.Errorf("/ask in group: %q", got)
	}
	reply := textUpdate(group, citizen, "còn Kết luận 21 thì sao?")
	reply["message"].(map[string]any)["reply_to_message"] = map[string]any{"message_id": h.f.sent(group)[1].ID,
		"from": map[string]any{"id": botID, "is_bot": true, "first_name": "Hỏi Báo", "username": "hoibao_bot"},
		"chat": map[string]any{"id": group, "type": "supergroup"}, "date": time.Now().Unix(), "text": "…"}
	f.push(reply)
	if got := h.message(t, group, 3).Text; !strings.Contains(got, "Kết luận 21") {
		t.Errorf("reply to the bot: %q", got)
	}
	f.push(textUpdate(group, citizen, "cảm ơn mọi người"), textUpdate(group, citizen, "/sources"))
	h.message(t, group, 4)
	if n := len(f.sent(group)); n != 4 {
		t.Errorf("group got %d messages, want 4 (chatter ignored)", n)
	}
}
