package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// TestServeWebOnly: with no chat channel configured, serve runs the web
// page and the API alone, so a fresh machine can open the chat with no token.
func TestServeWebOnly(t *testing.T) {
	addr := freeAddr(t)
	var stderr bytes.Buffer
	env := serveEnv(t, map[string]string{"HOIBAO_HTTP_ADDR": addr}, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env) }()
	base := "http://" + addr
	get := func(path string) (int, string) {
		resp, err := http.Get(base + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		if status, _ := get("/healthz"); status == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("serve did not listen on %s\n%s", addr, stderr.String())
		}
	}
	if status, body := get("/"); status != http.StatusOK || !strings.Contains(body, "Hỏi báo") {
		t.Errorf("GET / = %d %.200s", status, body)
	}
	if status, body := get("/readyz"); status != http.StatusOK {
		t.Errorf("GET /readyz = %d %s", status, body)
	}
	resp, err := http.Post(base+"/api/ask", "application/json", strings.NewReader(`{"question": "Bí thư Huyện ủy Châu Thành là ai?"}`))
	if err != nil {
		t.Fatal(err)
	}
	var res knowledge.Result
	if err := json.NewDecoder(resp.Body).Decode(&res); err != nil || resp.StatusCode != http.StatusOK || !strings.Contains(res.Answer, "Lê Phước Dũng") {
		t.Errorf("POST /api/ask = %d %+v %v", resp.StatusCode, res, err)
	}
	resp.Body.Close()
	if _, body := get("/metrics"); !strings.Contains(body, `hoibao_questions_total{channel="web",outcome="answered"} 1`) ||
		!strings.Contains(body, "hoibao_index_articles 1") {
		t.Errorf("/metrics does not count the question:\n%s", grepLines(body, "hoibao_"))
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatalf("serve = %v\n%s", err, stderr.String())
	}
}

func grepLines(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
