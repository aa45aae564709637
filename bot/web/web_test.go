package web_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/web"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
	"github.com/hoibao/hoibao/metrics"
)

const (
	token    = "s3cret-admin-token"
	question = "Bí thư Huyện ủy Châu Thành là ai?"
)

// env is a web channel on a loopback server, answering from the sample
// article through the real conversation core.
type env struct {
	srv     *httptest.Server
	svc     *knowledge.Service
	metrics *metrics.Metrics
}

func newEnv(t *testing.T, svc *knowledge.Service, opts ...web.Option) *env {
	t.Helper()
	return newEnvWith(t, svc, metrics.New(), opts...)
}

func newEnvWith(t *testing.T, svc *knowledge.Service, m *metrics.Metrics, opts ...web.Option) *env {
	t.Helper()
	if svc == nil {
		svc = knowledge.NewService(knowledge.Sample())
	}
	m.WatchIndex(svc.Index)
	core := bot.New(svc, bot.WithAdmins(web.Channel, web.AdminUser), bot.WithRateLimit(1000, time.Minute))
	opts = append([]web.Option{web.WithAdminToken(token), web.WithRateLimits(0, 0, time.Minute),
		web.WithExamples(core.Examples), web.WithReloadObserver(m.Reloaded), web.WithRejectObserver(m.Rejected)}, opts...)
	mux := http.NewServeMux()
	web.New(m.Bot(core), svc, opts...).Mount(mux)
	mux.Handle("GET /metrics", m.Handler())
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return &env{srv: srv, svc: svc, metrics: m}
}

// do sends a request and returns the status and body.
func (e *env) do(t *testing.T, method, path, auth, contentType string, body io.Reader) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if auth != "" {
		req.Header.Set("Authorization", auth)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	data, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, data, resp.Header
}

func (e *env) ask(t *testing.T, q, session string) (int, knowledge.Result) {
	t.Helper()
	body, _ := json.Marshal(map[string]string{"question": q, "session": session})
	status, data, _ := e.do(t, "POST", "/api/ask", "", "application/json", bytes.NewReader(body))
	var res knowledge.Result
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatalf("POST /api/ask: %d %s: %v", status, data, err)
	}
	return status, res
}

func errorOf(t *testing.T, data []byte) string {
	t.Helper()
	var body struct{ Error string }
	if err := json.Unmarshal(data, &body); err != nil || body.Error == "" {
		t.Fatalf("want a JSON error with a message, got %s", data)
	}
	return body.Error
}

func TestAskReturnsTheAskJSONObject(t *testing.T) {
	e := newEnv(t, nil)
	status, got := e.ask(t, question, "")
	if status != http.StatusOK {
		t.Fatalf("status %d, want 200", status)
	}
	ans, err := e.svc.Ask(context.Background(), knowledge.Query{Text: question})
	if err != nil {
		t.Fatal(err)
	}
	want := knowledge.NewResult(question, ans)
	if got.AnswerID == "" {
		t.Errorf("no answer_id to send feedback with")
	}
	got.AnswerID = ""
	gotJSON, _ := json.Marshal(got)
	wantJSON, _ := json.Marshal(want)
	if !bytes.Equal(gotJSON, wantJSON) {
		t.Errorf("POST /api/ask:\n got %s\nwant %s (the ask --json object)", gotJSON, wantJSON)
	}
	if !strings.Contains(got.Answer, "Lê Phước Dũng") || len(got.Citations) == 0 || got.Citations[0].ChunkID == "" {
		t.Errorf("answer %q with %d citations", got.Answer, len(got.Citations))
	}

	status, got = e.ask(t, "Dân số của huyện Châu Thành là bao nhiêu?", "")
	if status != http.StatusOK || !got.Refused || len(got.Citations) != 0 {
		t.Errorf("unanswerable question: status %d, refused %v, %d citations; want 200, refused, none", status, got.Refused, len(got.Citations))
	}
}

func TestAskErrors(t *testing.T) {
	e := newEnv(t, nil)
	for _, tc := range []struct {
		name, body string
		status     int
		wantText   string
	}{
		{"malformed JSON", `{"question": "ai là`, http.StatusBadRequest, "JSON"},
		{"empty question", `{"question": "   "}`, http.StatusBadRequest, "trống"},
		{"binary junk", `{"question": "\u0001\u0002\u0003"}`, http.StatusBadRequest, "câu hỏi"},
		{"too long", `{"question": "` + strings.Repeat("hỏi ", 400) + `"}`, http.StatusBadRequest, "quá dài"},
		{"bad session", `{"question": "ai?", "session": "<script>"}`, http.StatusBadRequest, "phiên"},
		{"admin command", `{"question": "/reload"}`, http.StatusForbidden, "quản trị"},
		{"2 MB body", `{"question": "` + strings.Repeat("a", 2<<20) + `"}`, http.StatusRequestEntityTooLarge, "quá lớn"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			status, data, _ := e.do(t, "POST", "/api/ask", "", "application/json", strings.NewReader(tc.body))
			if status != tc.status {
				t.Errorf("status %d, want %d (%s)", status, tc.status, data)
			}
			if msg := errorOf(t, data); !strings.Contains(strings.ToLower(msg), strings.ToLower(tc.wantText)) {
				t.Errorf("message %q, want it to mention %q", msg, tc.wantText)
			}
		})
	}
}

func TestRateLimits(t *testing.T) {
	t.Run("per address", func(t *testing.T) {
		e := newEnv(t, nil, web.WithRateLimits(3, 1, time.Hour))
		for i := range 3 {
			if status, res := e.ask(t, question, ""); status != http.StatusOK {
				t.Fatalf("question %d: %d %q", i+1, status, res.Error)
			}
		}
		status, res := e.ask(t, question, "")
		if status != http.StatusTooManyRequests || !strings.Contains(res.Error, "đợi") {
			t.Errorf("4th question: %d %q, want 429 with a message", status, res.Error)
		}
		// The widget has its own, smaller budget.
		body := `{"question": "` + question + `"}`
		if status, _, _ := e.do(t, "POST", "/api/ask?via=widget", "", "application/json", strings.NewReader(body)); status != http.StatusOK {
			t.Errorf("first widget question: %d, want 200", status)
		}
		if status, _, _ := e.do(t, "POST", "/api/ask?via=widget", "", "application/json", strings.NewReader(body)); status != http.StatusTooManyRequests {
			t.Errorf("second widget question: %d, want 429", status)
		}
	})
	t.Run("per session", func(t *testing.T) {
		svc := knowledge.NewService(knowledge.Sample())
		core := bot.New(svc, bot.WithRateLimit(2, time.Hour))
		mux := http.NewServeMux()
		web.New(core, svc, web.WithRateLimits(0, 0, time.Minute)).Mount(mux)
		srv := httptest.NewServer(mux)
		defer srv.Close()
		e := &env{srv: srv, svc: svc}
		e.ask(t, question, "session-aaaa")
		e.ask(t, question, "session-aaaa")
		if status, _ := e.ask(t, question, "session-aaaa"); status != http.StatusTooManyRequests {
			t.Errorf("3rd question of a session: %d, want 429", status)
		}
		if status, _ := e.ask(t, question, "session-bbbb"); status != http.StatusOK {
			t.Errorf("another session: %d, want 200", status)
		}
	})
}

// events reads a Server-Sent Events body into (name, data) pairs.
func events(t *testing.T, r io.Reader) (names []string, data []string) {
	t.Helper()
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var name string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case strings.HasPrefix(line, "data: "):
			names, data = append(names, name), append(data, strings.TrimPrefix(line, "data: "))
		}
	}
	return names, data
}

func TestAskStreamFromModel(t *testing.T) {
	reply := "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]."
	fake := openaitest.New(reply)
	defer fake.Close()
	client, err := openai.New(fake.BaseURL(), "sk-web", "fake-model")
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(client)))
	resp, err := http.Post(e.srv.URL+"/api/ask/stream", "application/json",
		strings.NewReader(`{"question": "`+question+`", "session": "stream-session"}`))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if got := resp.Header.Get("Content-Type"); !strings.HasPrefix(got, "text/event-stream") {
		t.Fatalf("Content-Type %q, want text/event-stream", got)
	}
	names, data := events(t, resp.Body)
	if len(names) < 3 || names[len(names)-1] != "answer" {
		t.Fatalf("events %q, want tokens then one answer", names)
	}
	for i, n := range names[:len(names)-1] {
		var tok struct{ Text string }
		if n != "token" || json.Unmarshal([]byte(data[i]), &tok) != nil || !strings.HasPrefix(reply, tok.Text) {
			t.Errorf("event %d: %s %s, want a token holding the start of the reply", i, n, data[i])
		}
	}
	var res knowledge.Result
	if err := json.Unmarshal([]byte(data[len(data)-1]), &res); err != nil {
		t.Fatal(err)
	}
	if res.Answer != reply || len(res.Citations) != 1 || res.Citations[0].Quote == "" {
		t.Errorf("final answer %q with %d citations, want %q with its cited passage", res.Answer, len(res.Citations), reply)
	}
}

func TestAskStreamExtractiveAndErrors(t *testing.T) {
	e := newEnv(t, nil)
	resp, err := http.Post(e.srv.URL+"/api/ask/stream", "application/json", strings.NewReader(`{"question": "`+question+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	names, data := events(t, resp.Body)
	resp.Body.Close()
	if len(names) != 1 || names[0] != "answer" || !strings.Contains(data[0], "Lê Phước Dũng") {
		t.Errorf("extractive stream: %q %q, want one answer event", names, data)
	}
	status, body, hdr := e.do(t, "POST", "/api/ask/stream", "", "application/json", strings.NewReader(`{"question": ""}`))
	if status != http.StatusBadRequest || !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
		t.Errorf("empty question on the stream: %d %s %s, want a 400 JSON error", status, hdr.Get("Content-Type"), body)
	}
}

func TestListArticles(t *testing.T) {
	e := newEnv(t, nil)
	status, data, _ := e.do(t, "GET", "/api/articles", "", "", nil)
	var got struct {
		Total    int
		Articles []struct{ ID, Title, Published string }
		Examples []string
	}
	if err := json.Unmarshal(data, &got); err != nil || status != http.StatusOK {
		t.Fatalf("GET /api/articles: %d %s", status, data)
	}
	if got.Total != 1 || len(got.Articles) != 1 || got.Articles[0].Title != "Xây dựng Đảng ở huyện Châu Thành" ||
		got.Articles[0].Published != "2024-01-09" || len(got.Examples) == 0 {
		t.Errorf("GET /api/articles = %+v", got)
	}
}

const pasted = `Cầu Vàm Cống mở thêm làn xe máy
Từ ngày 1/3, cầu Vàm Cống mở thêm một làn dành riêng cho xe máy, theo Sở Giao thông vận tải tỉnh Đồng Tháp.
Ông Trần Văn Hậu, Giám đốc Sở, cho biết làn mới rộng 3,5 mét.`

func TestAdminEndpoints(t *testing.T) {
	e := newEnv(t, nil)
	addBody := func() io.Reader { b, _ := json.Marshal(map[string]string{"text": pasted}); return bytes.NewReader(b) }
	for _, tc := range []struct {
		method, path string
		body         func() io.Reader
	}{
		{"POST", "/api/articles", addBody},
		{"DELETE", "/api/articles/chau-thanh-xay-dung-dang", nil},
		{"POST", "/api/reload", nil},
		{"GET", "/api/stats", nil},
	} {
		for _, auth := range []struct {
			header string
			status int
		}{{"", http.StatusUnauthorized}, {"Bearer wrong-token", http.StatusForbidden}, {"Basic " + token, http.StatusUnauthorized}} {
			var body io.Reader
			if tc.body != nil {
				body = tc.body()
			}
			status, data, _ := e.do(t, tc.method, tc.path, auth.header, "application/json", body)
			if status != auth.status {
				t.Errorf("%s %s with %q: %d, want %d", tc.method, tc.path, auth.header, status, auth.status)
			}
			errorOf(t, data)
		}
	}
	if n, _ := e.svc.Index().Len(); n != 1 {
		t.Fatalf("refused admin requests changed the content: %d articles, want 1", n)
	}

	bearer := "Bearer " + token
	status, data, _ := e.do(t, "POST", "/api/articles", bearer, "application/json", addBody())
	var added struct {
		ID, Title string
		Chunks    int
	}
	if json.Unmarshal(data, &added); status != http.StatusCreated || added.Title != "Cầu Vàm Cống mở thêm làn xe máy" || added.Chunks < 2 {
		t.Fatalf("add: %d %s", status, data)
	}
	if _, res := e.ask(t, "Cầu Vàm Cống mở thêm làn gì?", ""); res.Refused || len(res.Citations) == 0 || res.Citations[0].ArticleID != added.ID {
		t.Errorf("the added article is not answered from at once: %+v", res)
	}
	// Plain text body works too.
	status, data, _ = e.do(t, "POST", "/api/articles", bearer, "text/plain", strings.NewReader("Tiêu đề thứ hai\nMột đoạn nội dung."))
	if status != http.StatusCreated {
		t.Errorf("add as text/plain: %d %s", status, data)
	}
	if status, data, _ = e.do(t, "DELETE", "/api/articles/"+added.ID, bearer, "", nil); status != http.StatusOK {
		t.Errorf("remove: %d %s", status, data)
	}
	status, data, _ = e.do(t, "DELETE", "/api/articles/"+added.ID, bearer, "", nil)
	if status != http.StatusNotFound {
		t.Errorf("remove again: %d, want 404", status)
	}
	errorOf(t, data)
	if status, data, _ = e.do(t, "GET", "/api/stats", bearer, "", nil); status != http.StatusOK || !bytes.Contains(data, []byte("Câu hỏi hôm nay")) {
		t.Errorf("stats: %d %s", status, data)
	}
	before, _ := e.svc.Index().Len()
	status, data, _ = e.do(t, "POST", "/api/reload", bearer, "", nil)
	if n, _ := e.svc.Index().Len(); status != http.StatusOK || n != before || !bytes.Contains(data, []byte(`"kept":[`)) {
		t.Errorf("reload: %d %s, %d articles; want 200, the %d articles kept (what admins added is never dropped)", status, data, n, before)
	}
}

func TestAdminFailuresChangeNothing(t *testing.T) {
	store := &failingStore{}
	svc := knowledge.NewService(nil, knowledge.WithStore(store))
	if err := svc.Load(context.Background(), knowledge.Sample()); err != nil {
		t.Fatal(err)
	}
	e := newEnv(t, svc)
	bearer := "Bearer " + token
	// One change while the store is up, so it holds the content.
	if status, data, _ := e.do(t, "POST", "/api/articles", bearer, "text/plain", strings.NewReader(pasted)); status != http.StatusCreated {
		t.Fatalf("add with the store up: %d %s", status, data)
	}
	before := e.svc.Index()

	big := `{"text": "` + strings.Repeat("Một câu rất dài. ", 2<<20/17) + `"}`
	status, data, _ := e.do(t, "POST", "/api/articles", bearer, "application/json", strings.NewReader(big))
	if status != http.StatusRequestEntityTooLarge {
		t.Errorf("2 MB article: %d, want 413", status)
	}
	errorOf(t, data)
	status, data, _ = e.do(t, "POST", "/api/articles", bearer, "application/json", strings.NewReader(`{"text": `))
	if status != http.StatusBadRequest {
		t.Errorf("malformed JSON: %d, want 400", status)
	}
	status, _, _ = e.do(t, "POST", "/api/articles", bearer, "application/json", strings.NewReader(`{"text": "Chỉ có tiêu đề"}`))
	if status != http.StatusBadRequest {
		t.Errorf("article without a paragraph: %d, want 400", status)
	}
	store.fail(true)
	status, data, _ = e.do(t, "POST", "/api/articles", bearer, "text/plain", strings.NewReader("Bài khác\nMột đoạn nội dung khác."))
	if status != http.StatusServiceUnavailable {
		t.Errorf("add with the store down: %d %s, want 503", status, data)
	}
	status, data, _ = e.do(t, "POST", "/api/reload", bearer, "", nil)
	if status != http.StatusServiceUnavailable {
		t.Errorf("reload with the store down: %d %s, want 503", status, data)
	}
	status, data, _ = e.do(t, "DELETE", "/api/articles/chau-thanh-xay-dung-dang", bearer, "", nil)
	if status != http.StatusServiceUnavailable {
		t.Errorf("remove with the store down: %d %s, want 503", status, data)
	}
	if e.svc.Index() != before {
		t.Errorf("a failed admin request swapped the index")
	}
	if store.puts != 2 { // the sample and the article added while up
		t.Errorf("the store got %d writes, want 2: none from failed requests", store.puts)
	}
	if _, res := e.ask(t, question, ""); !strings.Contains(res.Answer, "Lê Phước Dũng") {
		t.Errorf("old content not answered after failures: %q", res.Answer)
	}
}

// failingStore keeps articles in memory and fails every write while down.
type failingStore struct {
	mu       sync.Mutex
	down     bool
	articles []knowledge.Article
	puts     int
}

var _ knowledge.Store = (*failingStore)(nil)

func (f *failingStore) fail(down bool) { f.mu.Lock(); f.down = down; f.mu.Unlock() }

func (f *failingStore) err() error {
	if f.down {
		return errors.Join(knowledge.ErrUnavailable, errors.New("store down"))
	}
	return nil
}

func (f *failingStore) Articles(ctx context.Context) ([]knowledge.Article, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]knowledge.Article(nil), f.articles...), f.err()
}

func (f *failingStore) Put(ctx context.Context, a knowledge.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.err(); err != nil {
		return err
	}
	f.puts++
	f.articles = append(f.articles, a)
	return nil
}

func (f *failingStore) Delete(ctx context.Context, id string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.err()
}

func (f *failingStore) ReplaceAll(ctx context.Context, articles []knowledge.Article) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if err := f.err(); err != nil {
		return err
	}
	f.articles = append([]knowledge.Article(nil), articles...)
	return nil
}
