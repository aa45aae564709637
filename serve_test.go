package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

const serveToken = "5550001:AAF-serve-SECRET-token"

// tgServer is a small fake Telegram Bot API: form posts in, JSON envelopes out.
type tgServer struct {
	*httptest.Server
	mu        sync.Mutex
	updates   []map[string]any
	sent      []url2text
	sending   chan struct{} // gets a value when a sendMessage arrives
	slowSend  time.Duration
	webhook   map[string]string
	getMeSeen bool
}

type url2text struct {
	chat, text string
}

func newTGServer(t *testing.T) *tgServer {
	s := &tgServer{sending: make(chan struct{}, 16)}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *tgServer) serve(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	method := r.URL.Path[strings.LastIndex(r.URL.Path, "/")+1:]
	w.Header().Set("Content-Type", "application/json")
	if !strings.HasPrefix(r.URL.Path, "/bot"+serveToken+"/") {
		w.WriteHeader(401)
		fmt.Fprint(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
		return
	}
	var result any = true
	switch method {
	case "getMe":
		result = map[string]any{"id": 5550001, "is_bot": true, "first_name": "Hỏi Báo", "username": "hoibao_bot"}
	case "getUpdates":
		s.mu.Lock()
		ups := s.updates
		s.updates = nil
		s.mu.Unlock()
		if len(ups) == 0 {
			select {
			case <-time.After(300 * time.Millisecond):
			case <-r.Context().Done():
			}
		}
		result = append([]map[string]any{}, ups...)
	case "sendMessage":
		s.sending <- struct{}{}
		time.Sleep(s.slowSend)
		s.mu.Lock()
		s.sent = append(s.sent, url2text{r.PostForm.Get("chat_id"), r.PostForm.Get("text")})
		n := len(s.sent)
		s.mu.Unlock()
		result = map[string]any{"message_id": n, "date": time.Now().Unix(), "chat": map[string]any{"id": 1, "type": "private"}, "text": "…"}
	case "setWebhook":
		s.mu.Lock()
		s.webhook = map[string]string{"url": r.PostForm.Get("url"), "secret_token": r.PostForm.Get("secret_token")}
		s.mu.Unlock()
	}
	_ = json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": result})
}

func (s *tgServer) push(id int, chat int64, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.updates = append(s.updates, update(id, chat, text))
}

func update(id int, chat int64, text string) map[string]any {
	return map[string]any{"update_id": id, "message": map[string]any{"message_id": id, "date": time.Now().Unix(), "text": text,
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "An"}, "chat": map[string]any{"id": chat, "type": "private"}}}
}

func (s *tgServer) messages() []url2text {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]url2text(nil), s.sent...)
}

// serveEnv runs serve with vars as its whole environment and its embedded
// store in a temporary folder.
func serveEnv(t *testing.T, vars map[string]string, stderr *bytes.Buffer) Env {
	if _, ok := vars["HOIBAO_DATA_DIR"]; !ok {
		vars["HOIBAO_DATA_DIR"] = t.TempDir()
	}
	if _, ok := vars["HOIBAO_HTTP_ADDR"]; !ok {
		vars["HOIBAO_HTTP_ADDR"] = "127.0.0.1:0" // serve always listens: the web page and API
	}
	return Env{Args: []string{"serve"}, Stdin: strings.NewReader(""), Stdout: &bytes.Buffer{}, Stderr: stderr,
		Getenv: func(k string) string { return vars[k] }}
}

func TestServePolling(t *testing.T) {
	tg := newTGServer(t)
	var stderr bytes.Buffer
	env := serveEnv(t, map[string]string{"HOIBAO_TELEGRAM_TOKEN": serveToken, "HOIBAO_TELEGRAM_API_ENDPOINT": tg.URL + "/bot%s/%s",
		"HOIBAO_SHUTDOWN_TIMEOUT": "10s", "HOIBAO_LOG_LEVEL": "debug"}, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env) }()
	tg.push(1, 42, "Bí thư Huyện ủy Châu Thành là ai?")
	select {
	case <-tg.sending:
	case err := <-done:
		t.Fatalf("serve ended early: %v\n%s", err, stderr.String())
	case <-time.After(20 * time.Second):
		t.Fatal("no reply")
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve = %v, want nil", err)
	}
	msgs := tg.messages()
	if len(msgs) != 1 || !strings.Contains(msgs[0].text, "Lê Phước Dũng") || !strings.Contains(msgs[0].text, "Nguồn") {
		t.Errorf("replies %+v", msgs)
	}
	if strings.Contains(stderr.String(), serveToken) {
		t.Errorf("the token is in the log:\n%s", stderr.String())
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeWebhook(t *testing.T) {
	tg := newTGServer(t)
	addr := freeAddr(t)
	var stderr bytes.Buffer
	env := serveEnv(t, map[string]string{"HOIBAO_TELEGRAM_TOKEN": serveToken, "HOIBAO_TELEGRAM_API_ENDPOINT": tg.URL + "/bot%s/%s",
		"HOIBAO_TELEGRAM_WEBHOOK_URL": "https://hoibao.example/tg/hook", "HOIBAO_TELEGRAM_WEBHOOK_SECRET": "s3cret",
		"HOIBAO_HTTP_ADDR": addr}, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		tg.mu.Lock()
		hook := tg.webhook
		tg.mu.Unlock()
		if hook != nil {
			if hook["secret_token"] != "s3cret" || hook["url"] != "https://hoibao.example/tg/hook" {
				t.Errorf("setWebhook %v", hook)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no setWebhook\n%s", stderr.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	postUpdate := func(secret string) int {
		body, _ := json.Marshal(update(9, 77, "/start"))
		req, _ := http.NewRequest("POST", "http://"+addr+"/tg/hook", bytes.NewReader(body))
		if secret != "" {
			req.Header.Set("X-Telegram-Bot-Api-Secret-Token", secret)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := postUpdate(""); got != 401 {
		t.Errorf("without the secret: %d, want 401", got)
	}
	if got := postUpdate("s3cret"); got != 200 {
		t.Errorf("with the secret: %d, want 200", got)
	}
	if got := postUpdate("s3cret"); got != 200 { // a redelivery
		t.Errorf("redelivery: %d, want 200", got)
	}
	<-tg.sending
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve = %v", err)
	}
	if msgs := tg.messages(); len(msgs) != 1 || !strings.Contains(msgs[0].text, "Xin chào") {
		t.Errorf("replies %+v, want one welcome", msgs)
	}
}

// TestServeSIGTERM runs the real binary, sends SIGTERM while an answer is
// being delivered slowly, and checks that the answer completes and the
// process exits 0.
func TestServeSIGTERM(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "hoibao")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	tg := newTGServer(t)
	tg.slowSend = 1500 * time.Millisecond
	cmd := exec.Command(bin, "serve")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	cmd.Env = append(os.Environ(), "HOIBAO_TELEGRAM_TOKEN="+serveToken, "HOIBAO_TELEGRAM_API_ENDPOINT="+tg.URL+"/bot%s/%s",
		"HOIBAO_SHUTDOWN_TIMEOUT=10s", "HOIBAO_REDIS_URL=", "HOIBAO_DATA_DIR="+t.TempDir(), "HOIBAO_ARTICLES=", "HOIBAO_LLM_BASE_URL=", "HOIBAO_HTTP_ADDR=127.0.0.1:0")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	tg.push(1, 42, "Bí thư Huyện ủy Châu Thành là ai?")
	select {
	case <-tg.sending:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatalf("no reply started\n%s", stderr.String())
	}
	sigterm := time.Now()
	if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
		t.Fatal(err)
	}
	waited := make(chan error, 1)
	go func() { waited <- cmd.Wait() }()
	select {
	case err := <-waited:
		if err != nil {
			t.Fatalf("exit: %v\n%s", err, stderr.String())
		}
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("no exit after SIGTERM")
	}
	if msgs := tg.messages(); len(msgs) != 1 || !strings.Contains(msgs[0].text, "Lê Phước Dũng") {
		t.Errorf("the in-flight answer did not complete: %+v", msgs)
	}
	if strings.Contains(stderr.String(), serveToken) {
		t.Errorf("token in the log:\n%s", stderr.String())
	}
	t.Logf("SIGTERM during a 1.5 s send: answer delivered, exit 0 after %v", time.Since(sigterm).Round(time.Millisecond))
}

// TestServeAddURL: an admin's /add <url> reads the page through the
// article extractor, and the article is answerable at once.
func TestServeAddURL(t *testing.T) {
	page := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<!doctype html><html lang="vi"><head><meta charset="utf-8">
<title>Cần Thơ khánh thành cầu Vàm Cống mới</title>
<meta property="og:title" content="Cần Thơ khánh thành cầu Vàm Cống mới">
<meta property="article:published_time" content="2025-03-15T08:00:00+07:00"></head>
<body><article><h1>Cần Thơ khánh thành cầu Vàm Cống mới</h1>
<p>Sáng nay, UBND thành phố Cần Thơ khánh thành cầu Vàm Cống mới dài 2.970 mét với tổng vốn đầu tư 5.700 tỷ đồng.</p>
<p>Chủ tịch UBND thành phố Trần Văn Lâu cho biết cây cầu giúp rút ngắn thời gian đi lại giữa Cần Thơ và Đồng Tháp.</p>
</article></body></html>`)
	}))
	defer page.Close()
	tg := newTGServer(t)
	var stderr bytes.Buffer
	env := serveEnv(t, map[string]string{"HOIBAO_TELEGRAM_TOKEN": serveToken, "HOIBAO_TELEGRAM_API_ENDPOINT": tg.URL + "/bot%s/%s",
		"HOIBAO_TELEGRAM_ADMINS": "42", "HOIBAO_FETCH_ALLOW": "127.0.0.1"}, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env) }()
	tg.push(1, 42, "/add "+page.URL+"/cau-vam-cong.html")
	<-tg.sending
	tg.push(2, 43, "Cầu Vàm Cống mới dài bao nhiêu mét?")
	<-tg.sending
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	msgs := tg.messages()
	if len(msgs) != 2 || !strings.Contains(msgs[0].text, "Đã thêm bài") || !strings.Contains(msgs[1].text, "2.970") {
		t.Errorf("replies %+v\n%s", msgs, stderr.String())
	}
}
