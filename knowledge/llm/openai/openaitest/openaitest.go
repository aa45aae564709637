// Package openaitest is a fake OpenAI-compatible server for tests: it speaks
// the real wire format of /v1/chat/completions (JSON, and SSE when the
// request streams) and /v1/embeddings, records what it receives, and can be
// told to fail (429, 500, a hang, malformed JSON).
package openaitest

import (
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"time"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Message is one chat message as sent on the wire.
type Message struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

// ChatRequest is the body of a chat completion request.
type ChatRequest struct {
	Model       string    `json:"model"`
	Messages    []Message `json:"messages"`
	Stream      bool      `json:"stream"`
	MaxTokens   int       `json:"max_tokens"`
	Temperature float64   `json:"temperature"`
}

// System returns the request's system message, User its last user message.
func (r ChatRequest) System() string { return r.content("system") }

// User returns the request's last user message.
func (r ChatRequest) User() string { return r.content("user") }

func (r ChatRequest) content(role string) string {
	for i := len(r.Messages) - 1; i >= 0; i-- {
		if r.Messages[i].Role == role {
			return r.Messages[i].Content
		}
	}
	return ""
}

// Handler answers one chat request.
type Handler func(w http.ResponseWriter, r *http.Request, req ChatRequest)

// Server is the fake endpoint. Its URL + "/v1" is the base URL to configure.
type Server struct {
	*httptest.Server
	// Flavor adds the extra fields a kind of server puts in its replies:
	// "ollama", "llama.cpp" or "" (OpenAI).
	Flavor string

	mu          sync.Mutex
	chat        Handler
	embed       func(text string) []float32
	chats       []ChatRequest
	chatTimes   []time.Time
	auth        []string
	embedCalls  int
	embedInputs []string
	quit        chan struct{}
	logf        func(format string, args ...any)
	closeOnce   sync.Once
}

// New starts a server on a free loopback port that answers every chat
// with reply.
func New(reply string) *Server {
	s := newServer(reply)
	s.Start()
	return s
}

// NewAt is New on a given address, e.g. "127.0.0.1:11434".
func NewAt(addr, reply string) (*Server, error) {
	l, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := newServer(reply)
	s.Listener.Close()
	s.Listener = l
	s.Start()
	return s, nil
}

func newServer(reply string) *Server {
	s := &Server{chat: Reply(reply), embed: Embedding, quit: make(chan struct{})}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/chat/completions", s.handleChat)
	mux.HandleFunc("POST /v1/embeddings", s.handleEmbed)
	s.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		logf := s.logf
		s.mu.Unlock()
		if logf != nil {
			auth := "none"
			if r.Header.Get("Authorization") != "" {
				auth = "Bearer ***"
			}
			logf("%s %s auth=%s", r.Method, r.URL.Path, auth)
		}
		mux.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ctxKey{}, s)))
	}))
	return s
}

// BaseURL is what HOIBAO_LLM_BASE_URL should hold.
func (s *Server) BaseURL() string { return s.URL + "/v1" }

// Close unblocks hanging handlers and stops the server.
func (s *Server) Close() {
	s.closeOnce.Do(func() { close(s.quit) })
	s.Server.Close()
}

// SetChat changes how chats are answered.
func (s *Server) SetChat(h Handler) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chat = h
}

// SetLog logs every request's method, path and whether it carried a key.
func (s *Server) SetLog(logf func(format string, args ...any)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.logf = logf
}

// SetEmbed changes how texts are embedded.
func (s *Server) SetEmbed(f func(text string) []float32) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.embed = f
}

// Chats returns the chat requests received so far.
func (s *Server) Chats() []ChatRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ChatRequest(nil), s.chats...)
}

// ChatTimes returns when each chat request arrived.
func (s *Server) ChatTimes() []time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Time(nil), s.chatTimes...)
}

// Auth returns the Authorization header of every request, in order.
func (s *Server) Auth() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.auth...)
}

// EmbedCalls returns how many /v1/embeddings requests came, and the texts.
func (s *Server) EmbedCalls() (int, []string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.embedCalls, append([]string(nil), s.embedInputs...)
}

func (s *Server) handleChat(w http.ResponseWriter, r *http.Request) {
	var req ChatRequest
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body: "+err.Error())
		return
	}
	s.mu.Lock()
	s.chats = append(s.chats, req)
	s.chatTimes = append(s.chatTimes, time.Now())
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	h := s.chat
	s.mu.Unlock()
	h(w, r, req)
}

func (s *Server) handleEmbed(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Input any    `json:"input"`
		Model string `json:"model"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body")
		return
	}
	var texts []string
	switch in := req.Input.(type) {
	case string:
		texts = []string{in}
	case []any:
		for _, v := range in {
			t, _ := v.(string)
			texts = append(texts, t)
		}
	}
	s.mu.Lock()
	s.embedCalls++
	s.embedInputs = append(s.embedInputs, texts...)
	s.auth = append(s.auth, r.Header.Get("Authorization"))
	embed := s.embed
	s.mu.Unlock()
	type item struct {
		Object    string    `json:"object"`
		Index     int       `json:"index"`
		Embedding []float32 `json:"embedding"`
	}
	out := struct {
		Object string         `json:"object"`
		Data   []item         `json:"data"`
		Model  string         `json:"model"`
		Usage  map[string]int `json:"usage"`
	}{Object: "list", Model: req.Model, Usage: map[string]int{"prompt_tokens": len(texts), "total_tokens": len(texts)}}
	// Reversed on purpose: clients must order by index.
	for i := len(texts) - 1; i >= 0; i-- {
		out.Data = append(out.Data, item{Object: "embedding", Index: i, Embedding: embed(texts[i])})
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(out)
}

// extra returns the fields a flavor of server adds to a reply.
func (s *Server) extra(obj map[string]any) map[string]any {
	switch s.Flavor {
	case "ollama":
		obj["system_fingerprint"] = "fp_ollama"
	case "llama.cpp":
		obj["timings"] = map[string]any{"prompt_n": 12, "predicted_n": 5, "predicted_per_second": 42.5}
	default:
		obj["system_fingerprint"] = "fp_fake"
	}
	return obj
}

// Reply answers with text: a chat.completion JSON object, or, for a
// streaming request, chat.completion.chunk events of a few characters each
// followed by data: [DONE].
func Reply(text string) Handler { return SlowReply(text, 0) }

// SlowReply is Reply that, streaming, pauses between pieces as a model
// writing at its own pace does, so a chat shows the text growing.
func SlowReply(text string, pause time.Duration) Handler {
	return func(w http.ResponseWriter, r *http.Request, req ChatRequest) {
		s := serverOf(r)
		if !req.Stream {
			obj := map[string]any{
				"id": "chatcmpl-fake", "object": "chat.completion", "created": 1700000000, "model": req.Model,
				"choices": []any{map[string]any{
					"index": 0, "message": map[string]any{"role": "assistant", "content": text}, "finish_reason": "stop",
				}},
				"usage": map[string]int{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
			}
			if s != nil {
				obj = s.extra(obj)
			}
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(obj)
			return
		}
		w.Header().Set("Content-Type", "text/event-stream")
		w.Header().Set("Cache-Control", "no-cache")
		chunk := func(delta map[string]any, finish any) {
			obj := map[string]any{
				"id": "chatcmpl-fake", "object": "chat.completion.chunk", "created": 1700000000, "model": req.Model,
				"choices": []any{map[string]any{"index": 0, "delta": delta, "finish_reason": finish}},
			}
			b, _ := json.Marshal(obj)
			fmt.Fprintf(w, "data: %s\n\n", b)
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
		}
		chunk(map[string]any{"role": "assistant", "content": ""}, nil)
		for _, piece := range Pieces(text, 4) {
			if pause > 0 {
				select {
				case <-time.After(pause):
				case <-r.Context().Done():
					return
				}
			}
			chunk(map[string]any{"content": piece}, nil)
		}
		chunk(map[string]any{}, "stop")
		fmt.Fprint(w, "data: [DONE]\n\n")
	}
}

// Pieces cuts text into pieces of n runes, as a model streams tokens.
func Pieces(text string, n int) []string {
	var out []string
	r := []rune(text)
	for len(r) > 0 {
		k := min(n, len(r))
		out = append(out, string(r[:k]))
		r = r[k:]
	}
	return out
}

// Status answers with an HTTP error in OpenAI's error envelope. "{auth}" in
// message is replaced by the request's Authorization header, as servers
// that echo a wrong key do.
func Status(code int, message string) Handler {
	return func(w http.ResponseWriter, r *http.Request, _ ChatRequest) {
		writeError(w, code, strings.ReplaceAll(message, "{auth}", r.Header.Get("Authorization")))
	}
}

// RateLimited answers 429 with a Retry-After header of retryAfter (seconds
// or an HTTP date), as OpenAI and proxies in front of local models do.
func RateLimited(retryAfter, message string) Handler {
	return func(w http.ResponseWriter, _ *http.Request, _ ChatRequest) {
		w.Header().Set("Retry-After", retryAfter)
		writeError(w, http.StatusTooManyRequests, message)
	}
}

func writeError(w http.ResponseWriter, code int, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{
		"message": message, "type": http.StatusText(code), "code": code,
	}})
}

// Hang never answers: it waits until the client gives up or the server
// closes.
func Hang() Handler {
	return func(w http.ResponseWriter, r *http.Request, _ ChatRequest) {
		s := serverOf(r)
		var quit chan struct{}
		if s != nil {
			quit = s.quit
		}
		select {
		case <-r.Context().Done():
		case <-quit:
		}
	}
}

// Malformed answers 200 with a body that is not valid JSON (or, streaming,
// an event whose data is not).
func Malformed() Handler {
	return func(w http.ResponseWriter, _ *http.Request, req ChatRequest) {
		if req.Stream {
			w.Header().Set("Content-Type", "text/event-stream")
			fmt.Fprint(w, "data: {\"choices\": [{\"delta\": {\"content\": \"Ông\n\n")
			return
		}
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id": "x", "choices": [{"message": {"content": "Ông Lê`)
	}
}

// Script answers the i-th chat with the i-th handler; the last one repeats.
func Script(hs ...Handler) Handler {
	var mu sync.Mutex
	i := 0
	return func(w http.ResponseWriter, r *http.Request, req ChatRequest) {
		mu.Lock()
		h := hs[min(i, len(hs)-1)]
		i++
		mu.Unlock()
		h(w, r, req)
	}
}

type ctxKey struct{}

// serverOf finds the Server a request came to.
func serverOf(r *http.Request) *Server {
	s, _ := r.Context().Value(ctxKey{}).(*Server)
	return s
}

// Dims is the length of the fake embedding vectors.
const Dims = 256

// Concepts maps English words to the folded Vietnamese syllables they
// mean, so the fake embedding puts "secretary" near "bí thư", as a real
// multilingual embedding model would.
var Concepts = map[string]string{
	"secretary": "bi thu", "party": "dang", "district": "huyen", "committee": "uy",
	"leads": "bi thu", "leader": "bi thu", "corruption": "tham nhung", "inspection": "kiem tra",
	"supervision": "giam sat", "people": "nhan dan", "province": "tinh",
}

// Embedding is the fake model: a bag of folded syllables hashed into Dims
// dimensions, English words first mapped through Concepts.
func Embedding(text string) []float32 {
	v := make([]float32, Dims)
	for _, w := range words(text) {
		if c, ok := Concepts[w]; ok {
			for _, s := range strings.Fields(c) {
				v[bucket(s)]++
			}
			continue
		}
		v[bucket(w)]++
	}
	v[Dims-1] += 0.01 // never a zero vector
	return v
}

func bucket(s string) int {
	h := fnv.New32a()
	h.Write([]byte(s))
	return int(h.Sum32() % (Dims - 1))
}

// words lower-cases text, drops diacritics (đ as d) and splits it.
func words(text string) []string {
	var b strings.Builder
	for _, r := range norm.NFD.String(strings.ToLower(text)) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case r == 'đ':
			b.WriteRune('d')
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
		default:
			b.WriteRune(' ')
		}
	}
	return strings.Fields(b.String())
}
