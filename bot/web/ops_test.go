package web_test

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot/web"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
	"github.com/hoibao/hoibao/metrics"
)

// metric returns the line of /metrics that starts with name{labels}.
func metric(t *testing.T, e *env, series string) string {
	t.Helper()
	_, body, _ := e.do(t, "GET", "/metrics", "", "", nil)
	for _, line := range strings.Split(string(body), "\n") {
		if strings.HasPrefix(line, series+" ") {
			return strings.TrimPrefix(line, series+" ")
		}
	}
	return "absent"
}

func TestMetricsMoveWithQuestions(t *testing.T) {
	fake := openaitest.New("Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1].")
	defer fake.Close()
	client, err := openai.New(fake.BaseURL(), "sk-metrics", "fake-model")
	if err != nil {
		t.Fatal(err)
	}
	m := metrics.New()
	svc := knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(m.LLM(client)))
	e := newEnvWith(t, svc, m, web.WithRateLimits(4, 0, time.Hour))
	e.ask(t, question, "")
	e.ask(t, question, "")
	e.ask(t, "???", "")        // no words: invalid
	e.ask(t, "qwxz vbnm?", "") // nothing in the articles: refused without calling the model
	e.ask(t, question, "")     // the 5th from this address: limited before the core
	_, chunks := svc.Index().Len()
	for series, want := range map[string]string{
		`hoibao_questions_total{channel="web",outcome="answered"}`:     "2",
		`hoibao_questions_total{channel="web",outcome="invalid"}`:      "1",
		`hoibao_questions_total{channel="web",outcome="refused"}`:      "1",
		`hoibao_questions_total{channel="web",outcome="rate_limited"}`: "1",
		`hoibao_answer_seconds_count`:                                  "4",
		`hoibao_index_articles`:                                        "1",
		`hoibao_index_chunks`:                                          strconv.Itoa(chunks),
	} {
		if got := metric(t, e, series); got != want {
			t.Errorf("%s = %s, want %s", series, got, want)
		}
	}
	// Each request that reached the model is counted, and only those.
	if n, err := strconv.Atoi(metric(t, e, `hoibao_llm_calls_total{result="ok"}`)); err != nil || n < 2 || n != len(fake.Chats()) {
		t.Errorf("llm calls ok = %d (%v), want one per model request (%d)", n, err, len(fake.Chats()))
	}
	if status, _, _ := e.do(t, "POST", "/api/reload", "Bearer "+token, "", nil); status != http.StatusOK {
		t.Fatalf("reload: %d", status)
	}
	if got := metric(t, e, `hoibao_reloads_total{result="ok"}`); got != "1" {
		t.Errorf("reloads ok = %s, want 1", got)
	}
	_, body, _ := e.do(t, "GET", "/metrics", "", "", nil)
	if strings.Contains(string(body), "Châu Thành") || strings.Contains(string(body), "vàng") {
		t.Errorf("question text in a metric label")
	}
}

func TestReadyz(t *testing.T) {
	var down atomic.Bool
	e := newEnv(t, nil, web.WithCheck("store", func(ctx context.Context) error {
		if down.Load() {
			return errors.New("dial tcp 127.0.0.1:6379: connection refused")
		}
		return nil
	}))
	if status, body, _ := e.do(t, "GET", "/readyz", "", "", nil); status != http.StatusOK {
		t.Errorf("readyz with the store up: %d %s", status, body)
	}
	down.Store(true)
	status, body, _ := e.do(t, "GET", "/readyz", "", "", nil)
	if status != http.StatusServiceUnavailable || !strings.Contains(string(body), `"store":"dial tcp`) {
		t.Errorf("readyz with the store down: %d %s, want 503 saying why", status, body)
	}
	down.Store(false)
	if status, body, _ := e.do(t, "GET", "/readyz", "", "", nil); status != http.StatusOK {
		t.Errorf("readyz after the store came back: %d %s", status, body)
	}
	if status, _, _ := e.do(t, "GET", "/healthz", "", "", nil); status != http.StatusOK {
		t.Errorf("healthz: %d", status)
	}
}

func TestSecurityHeadersAndCORS(t *testing.T) {
	const site = "https://baomoi.example"
	e := newEnv(t, nil, web.WithAllowedOrigins(site+"/"))
	for _, path := range []string{"/", "/a/chau-thanh-xay-dung-dang", "/assets/app.js"} {
		status, _, h := e.do(t, "GET", path, "", "", nil)
		csp := h.Get("Content-Security-Policy")
		if status != http.StatusOK || !strings.Contains(csp, "script-src 'self';") || strings.Contains(csp, "unsafe-inline") ||
			!strings.Contains(csp, "frame-ancestors 'self' "+site) || h.Get("X-Content-Type-Options") != "nosniff" {
			t.Errorf("GET %s: %d, CSP %q, nosniff %q", path, status, csp, h.Get("X-Content-Type-Options"))
		}
	}
	_, page, _ := e.do(t, "GET", "/", "", "", nil)
	if strings.Contains(string(page), "<script>") || strings.Contains(string(page), " style=") || strings.Contains(string(page), " onclick=") {
		t.Errorf("the page has inline script or style")
	}
	if status, _, h := e.do(t, "GET", "/widget.js", "", "", nil); status != http.StatusOK || !strings.Contains(h.Get("Content-Type"), "javascript") {
		t.Errorf("widget.js: %d %s", status, h.Get("Content-Type"))
	}

	ask := func(origin string) (int, http.Header) {
		req, _ := http.NewRequest("POST", e.srv.URL+"/api/ask", strings.NewReader(`{"question": "`+question+`"}`))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Origin", origin)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode, resp.Header
	}
	if status, h := ask(site); status != http.StatusOK || h.Get("Access-Control-Allow-Origin") != site {
		t.Errorf("allowed origin: %d, ACAO %q", status, h.Get("Access-Control-Allow-Origin"))
	}
	if status, h := ask("https://evil.example"); status != http.StatusForbidden || h.Get("Access-Control-Allow-Origin") != "" {
		t.Errorf("other origin: %d, ACAO %q; want 403 and no CORS", status, h.Get("Access-Control-Allow-Origin"))
	}
	req, _ := http.NewRequest("OPTIONS", e.srv.URL+"/api/ask/stream", nil)
	req.Header.Set("Origin", site)
	req.Header.Set("Access-Control-Request-Method", "POST")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNoContent || !strings.Contains(resp.Header.Get("Access-Control-Allow-Headers"), "Content-Type") {
		t.Errorf("preflight: %d %v", resp.StatusCode, resp.Header)
	}
	if status, _, _ := e.do(t, "GET", "/a/no-such-article", "", "", nil); status != http.StatusNotFound {
		t.Errorf("missing article page: %d, want 404", status)
	}
}

func TestPassagePath(t *testing.T) {
	c := knowledge.Citation{ArticleID: "chau-thanh-xay-dung-dang", ChunkID: "chau-thanh-xay-dung-dang#11.0"}
	if got, want := web.PassagePath(c), "/a/chau-thanh-xay-dung-dang#c11.0"; got != want {
		t.Errorf("PassagePath = %q, want %q", got, want)
	}
	e := newEnv(t, nil)
	status, body, _ := e.do(t, "GET", "/a/chau-thanh-xay-dung-dang", "", "", nil)
	if status != http.StatusOK || !strings.Contains(string(body), `<span class="chunk" id="c11.0">Bí thư Huyện ủy Châu Thành Lê Phước Dũng nhấn mạnh`) {
		t.Errorf("the passage page has no element for #c11.0: %d", status)
	}
}
