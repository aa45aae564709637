package telegram

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

func TestShutdownFinishesSlowAnswer(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	llm := &fakeLLM{text: "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1].", pause: 1500 * time.Millisecond, started: make(chan struct{})}
	h := start(t, f, knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(llm)), WithShutdownTimeout(10*time.Second))
	f.push(textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	select {
	case <-llm.started:
	case <-time.After(10 * time.Second):
		t.Fatal("the answer never started")
	}
	cancelled := time.Now()
	err := h.shutdown(t) // cancels Run's context, as SIGTERM does in serve
	returned := time.Now()
	if err != nil {
		t.Errorf("Run = %v, want nil after a clean shutdown", err)
	}
	msgs := f.sent(citizen)
	if len(msgs) != 1 || !strings.Contains(msgs[0].Text, "Lê Phước Dũng") {
		t.Fatalf("in-flight answer: got %d messages %v, want the answer", len(msgs), msgs)
	}
	if msgs[0].Sent.After(returned) {
		t.Error("Run returned before the answer was sent")
	}
	// No update is taken after the cancel.
	polls := len(f.callsTo("getUpdates"))
	f.push(textUpdate(citizen, citizen, "/start"))
	time.Sleep(100 * time.Millisecond)
	if got := len(f.callsTo("getUpdates")); got != polls {
		t.Errorf("getUpdates called %d more times after Run returned", got-polls)
	}
	t.Logf("cancelled during a slow answer: the answer arrived %v after the cancel; Run returned %v after the cancel with %v",
		msgs[0].Sent.Sub(cancelled).Round(time.Millisecond), returned.Sub(cancelled).Round(time.Millisecond), err)
}

func TestShutdownTimeoutCutsOff(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	llm := &fakeLLM{text: "x [1].", pause: time.Minute, started: make(chan struct{})}
	h := start(t, f, knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(llm)), WithShutdownTimeout(200*time.Millisecond))
	f.push(textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	<-llm.started
	err := h.shutdown(t)
	if err == nil || !strings.Contains(err.Error(), "1 answers unfinished") {
		t.Errorf("Run = %v, want the unfinished answer reported", err)
	}
}

// TestTokenNeverLogged makes the fake server fail in every way it can and
// checks that no log line and no error holds the token.
func TestTokenNeverLogged(t *testing.T) {
	logs := &syncBuffer{}
	log := slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	check := func(what, s string) {
		t.Helper()
		if strings.Contains(s, testToken) || strings.Contains(s, "SECRET-token") {
			t.Errorf("%s holds the token: %s", what, s)
		}
	}

	// getMe refused (wrong token), and the server unreachable.
	f := newFakeTelegram(t, "other:token")
	_, err := New(testToken, f.endpoint(), bot.New(sample()), WithLogger(log))
	if err == nil {
		t.Fatal("New with a refused token succeeded")
	}
	check("getMe error", err.Error())
	_, err = New(testToken, "http://127.0.0.1:1/bot%s/%s", bot.New(sample()), WithLogger(log))
	if err == nil {
		t.Fatal("New with an unreachable server succeeded")
	}
	check("unreachable error", err.Error())
	t.Logf("errors shown: %q; %q", errMsg(New(testToken, f.endpoint(), bot.New(sample()))), err)

	// A running bot whose server fails: 502 pages, 500 on sends, timeouts,
	// then the server gone.
	f = newFakeTelegram(t, testToken)
	f.slowSend = 400 * time.Millisecond
	failing := true
	f.fail = func(method string) (int, string) {
		switch {
		case !failing:
			return 0, ""
		case method == "getUpdates":
			return http.StatusBadGateway, "<html><body><h1>502 Bad Gateway</h1></body></html>"
		case method == "sendChatAction":
			return http.StatusInternalServerError, `{"ok":false,"error_code":500,"description":"Internal Server Error"}`
		}
		return 0, ""
	}
	core := bot.New(sample(), bot.WithLogger(log))
	a, err := New(testToken, f.endpoint(), core, WithLogger(log), WithPollTimeout(time.Second), WithHTTPTimeout(200*time.Millisecond),
		WithSendLimits(1000, 0, 0), func(o *options) { o.pollRetry = 50 * time.Millisecond })
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.Run(ctx) }()
	f.waitFor("failing polls", func() bool { return len(f.calls) >= 4 })
	f.mu.Lock()
	failing = false
	f.mu.Unlock()
	f.push(textUpdate(citizen, citizen, "/start")) // its send times out
	f.waitFor("the timed-out send", func() bool { return len(f.messages[citizen]) >= 1 })
	time.Sleep(300 * time.Millisecond)
	f.srv.CloseClientConnections()
	f.srv.Close() // now nothing answers
	time.Sleep(300 * time.Millisecond)
	cancel()
	if err := <-done; err != nil {
		check("Run error", err.Error())
	}
	out := logs.String()
	check("logs", out)
	for _, want := range []string{"getUpdates failed", "sending reply failed", "connection refused"} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %q, so a failure was not exercised:\n%s", want, out)
		}
	}
	t.Logf("%d log lines, none with the token", strings.Count(out, "\n"))
	if os.Getenv("HOIBAO_SHOW_LOGS") != "" {
		t.Log(out)
	}
}

func errMsg(_ *Adapter, err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func TestRedact(t *testing.T) {
	a := &Adapter{token: testToken}
	for _, err := range []error{
		&url.Error{Op: "Post", URL: "https://api.telegram.org/bot" + testToken + "/sendMessage", Err: errors.New("dial tcp: refused")},
		fmt.Errorf("wrapped: %w", &url.Error{Op: "Post", URL: "https://x/bot" + url.PathEscape(testToken) + "/getMe", Err: context.DeadlineExceeded}),
		errors.New("odd library error mentioning " + testToken),
	} {
		got := a.redact("sendMessage", err)
		if strings.Contains(got.Error(), testToken) || strings.Contains(got.Error(), url.PathEscape(testToken)) {
			t.Errorf("redact(%q) = %q", err, got)
		}
		if errors.Is(err, context.DeadlineExceeded) && !errors.Is(got, context.DeadlineExceeded) {
			t.Errorf("redact(%q) lost the deadline", err)
		}
	}
}
