package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

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

// proxy forwards TCP connections on a loopback address to target until
// cut; restore listens on the same address again.
type proxy struct {
	addr, target string
	mu           sync.Mutex
	ln           net.Listener
	conns        []net.Conn
}

func newProxy(t *testing.T, target string) *proxy {
	p := &proxy{addr: freeAddr(t), target: target}
	p.restore(t)
	t.Cleanup(p.cut)
	return p
}

func (p *proxy) restore(t *testing.T) {
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		t.Fatal(err)
	}
	p.mu.Lock()
	p.ln = ln
	p.mu.Unlock()
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			up, err := net.Dial("tcp", p.target)
			if err != nil {
				c.Close()
				continue
			}
			p.mu.Lock()
			p.conns = append(p.conns, c, up)
			p.mu.Unlock()
			go func() { _, _ = io.Copy(up, c); up.Close() }()
			go func() { _, _ = io.Copy(c, up); c.Close() }()
		}
	}()
}

func (p *proxy) cut() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for _, c := range p.conns {
		c.Close()
	}
	p.conns = nil
}

// TestServeReadyzFollowsRedis: /readyz fails while Redis is unreachable
// and recovers when it is back, while /healthz stays up.
func TestServeReadyzFollowsRedis(t *testing.T) {
	vars := redisEnv(t)
	opt, err := redis.ParseURL(vars["HOIBAO_REDIS_URL"])
	if err != nil {
		t.Fatal(err)
	}
	px := newProxy(t, opt.Addr)
	addr := freeAddr(t)
	vars["HOIBAO_REDIS_URL"] = fmt.Sprintf("redis://%s/%d", px.addr, opt.DB)
	vars["HOIBAO_HTTP_ADDR"] = addr
	var stderr bytes.Buffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, serveEnv(t, vars, &stderr)) }()
	defer func() { cancel(); <-done }()

	status := func(path string) (int, string) {
		resp, err := http.Get("http://" + addr + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	waitFor := func(path string, want int) string {
		t.Helper()
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			got, body := status(path)
			if got == want {
				return body
			}
			if time.Now().After(deadline) {
				t.Fatalf("%s = %d %s, want %d\n%s", path, got, body, want, stderr.String())
			}
		}
	}
	waitFor("/readyz", http.StatusOK)
	px.cut()
	body := waitFor("/readyz", http.StatusServiceUnavailable)
	if !strings.Contains(body, `"store":`) || strings.Contains(body, `"store":"ok"`) {
		t.Errorf("readyz while Redis is down does not say why: %s", body)
	}
	if got, _ := status("/healthz"); got != http.StatusOK {
		t.Errorf("healthz while Redis is down: %d, want 200 (the process is up)", got)
	}
	px.restore(t)
	waitFor("/readyz", http.StatusOK)
}
