// Package zalotest is a fake Zalo Bot Platform API for tests: it speaks the
// real wire format (JSON POSTs to /bot<TOKEN>/<method>, envelopes {ok,
// result, error_code, description}), long-polls getUpdates with error_code
// 408 when nothing arrives, records what the bot sends, and can deliver
// updates to a webhook with the X-Bot-Api-Secret-Token header.
package zalotest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

// MaxText is the longest sendMessage text the platform accepts, in characters.
const MaxText = 2000

// User is a message's sender.
type User struct {
	ID          string `json:"id"`
	DisplayName string `json:"display_name"`
	IsBot       bool   `json:"is_bot"`
}

// Chat is where a message was sent; ChatType is "PRIVATE" or "GROUP".
type Chat struct {
	ID       string `json:"id"`
	ChatType string `json:"chat_type"`
}

// Message is a message as the platform sends it.
type Message struct {
	MessageID string `json:"message_id"`
	Date      int64  `json:"date"` // Unix ms
	Text      string `json:"text,omitempty"`
	Photo     string `json:"photo,omitempty"`
	Caption   string `json:"caption,omitempty"`
	Sticker   string `json:"sticker,omitempty"`
	From      User   `json:"from"`
	Chat      Chat   `json:"chat"`
}

// Update is one event.
type Update struct {
	EventName string  `json:"event_name"`
	Message   Message `json:"message"`
}

var seq atomic.Int64

// Text is a text message from user in a private chat (a group when chat
// starts with "g").
func Text(chat, user, text string) Update {
	kind := "PRIVATE"
	if strings.HasPrefix(chat, "g") {
		kind = "GROUP"
	}
	return Update{EventName: "message.text.received", Message: Message{
		MessageID: "m" + strconv.FormatInt(seq.Add(1), 10), Date: time.Now().UnixMilli(), Text: text,
		From: User{ID: user, DisplayName: "Người dùng " + user}, Chat: Chat{ID: chat, ChatType: kind},
	}}
}

// Sticker is a sticker from user in a private chat.
func Sticker(chat, user string) Update {
	u := Text(chat, user, "")
	u.EventName, u.Message.Sticker = "message.sticker.received", "sticker-42"
	return u
}

// Sent is a message the bot sent.
type Sent struct {
	Chat, Text string
	At         time.Time
}

// Call is one API request the bot made.
type Call struct {
	Method string
	Body   map[string]any
}

// Server is the fake API. Base() is what HOIBAO_ZALO_API_BASE should hold.
type Server struct {
	*httptest.Server
	token string

	mu      sync.Mutex
	updates []Update
	calls   []Call
	sent    []Sent
	webhook map[string]string
	fail    func(method string) (code int, description string)
	wake    chan struct{}
}

// New starts a fake API that accepts token.
func New(token string) *Server {
	s := &Server{token: token, wake: make(chan struct{}, 1)}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// Base is the API base URL: calls go to Base()+"/bot"+token+"/"+method.
func (s *Server) Base() string { return s.URL }

// SetFail makes methods answer with an error envelope when f returns a code.
func (s *Server) SetFail(f func(method string) (code int, description string)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.fail = f
}

// Push queues updates for getUpdates.
func (s *Server) Push(us ...Update) {
	s.mu.Lock()
	s.updates = append(s.updates, us...)
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Sent returns the messages sent to chat ("" for all), oldest first.
func (s *Server) Sent(chat string) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Sent
	for _, m := range s.sent {
		if chat == "" || m.Chat == chat {
			out = append(out, m)
		}
	}
	return out
}

// Calls returns every request made, oldest first.
func (s *Server) Calls() []Call {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Call(nil), s.calls...)
}

// Webhook returns the url and secret_token of the last setWebhook.
func (s *Server) Webhook() (url, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.webhook["url"], s.webhook["secret_token"]
}

// WaitSent waits up to 20 s for n messages in chat and returns them.
func (s *Server) WaitSent(chat string, n int) ([]Sent, error) {
	deadline := time.Now().Add(20 * time.Second)
	for {
		got := s.Sent(chat)
		if len(got) >= n {
			return got, nil
		}
		if time.Now().After(deadline) {
			return got, fmt.Errorf("zalotest: %d messages in chat %s after 20 s, want %d", len(got), chat, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func failure(code int, description string) map[string]any {
	return map[string]any{"ok": false, "error_code": code, "description": description}
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rest, found := strings.CutPrefix(r.URL.Path, "/bot")
	tok, method, _ := strings.Cut(rest, "/")
	if !found || r.Method != http.MethodPost {
		writeJSON(w, http.StatusNotFound, failure(404, "Not Found"))
		return
	}
	if tok != s.token {
		writeJSON(w, http.StatusUnauthorized, failure(401, "Unauthorized"))
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		writeJSON(w, http.StatusBadRequest, failure(400, "Content-Type must be application/json"))
		return
	}
	body := map[string]any{}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		writeJSON(w, http.StatusBadRequest, failure(400, "Bad Request: invalid JSON"))
		return
	}
	s.mu.Lock()
	s.calls = append(s.calls, Call{method, body})
	fail := s.fail
	s.mu.Unlock()
	if fail != nil {
		if code, desc := fail(method); code != 0 {
			writeJSON(w, http.StatusOK, failure(code, desc))
			return
		}
	}
	str := func(k string) string { v, _ := body[k].(string); return v }
	switch method {
	case "getMe":
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{
			"id": "bot-1", "account_name": "bot.hoibao", "account_type": "BASIC", "can_join_groups": true, "display_name": "Hỏi Báo"}})
	case "getUpdates":
		s.getUpdates(w, r, str("timeout"))
	case "sendMessage":
		text := str("text")
		if n := utf8.RuneCountInString(text); n < 1 || n > MaxText || str("chat_id") == "" {
			writeJSON(w, 200, failure(400, fmt.Sprintf("Bad Request: text must be 1-%d characters (got %d) and chat_id set", MaxText, n)))
			return
		}
		s.mu.Lock()
		s.sent = append(s.sent, Sent{Chat: str("chat_id"), Text: text, At: time.Now()})
		n := len(s.sent)
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{"message_id": "sent" + strconv.Itoa(n), "date": time.Now().UnixMilli()}})
	case "sendChatAction":
		if str("action") != "typing" {
			writeJSON(w, 200, failure(400, "Bad Request: unknown action"))
			return
		}
		writeJSON(w, 200, map[string]any{"ok": true, "result": true})
	case "setWebhook":
		if n := len(str("secret_token")); n < 8 || n > 256 || !strings.HasPrefix(str("url"), "https://") {
			writeJSON(w, 200, failure(400, "Bad Request: an https url and a secret_token of 8-256 characters are required"))
			return
		}
		s.mu.Lock()
		s.webhook = map[string]string{"url": str("url"), "secret_token": str("secret_token")}
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{"url": str("url"), "updated_at": time.Now().UnixMilli()}})
	case "deleteWebhook":
		s.mu.Lock()
		s.webhook = nil
		s.mu.Unlock()
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{"url": "", "updated_at": time.Now().UnixMilli()}})
	case "getWebhookInfo":
		url, _ := s.Webhook()
		writeJSON(w, 200, map[string]any{"ok": true, "result": map[string]any{"url": url}})
	default:
		writeJSON(w, 200, failure(404, "Not Found: method "+method))
	}
}

// getUpdates answers at once when updates wait (one update as an object,
// several as a list, as the platform does), else after the long-poll
// timeout (at most 2 s here) with error_code 408.
func (s *Server) getUpdates(w http.ResponseWriter, r *http.Request, timeout string) {
	secs, _ := strconv.Atoi(timeout)
	wait := min(time.Duration(secs)*time.Second, 2*time.Second)
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	for {
		s.mu.Lock()
		if s.webhook != nil {
			s.mu.Unlock()
			writeJSON(w, 200, failure(409, "Conflict: a webhook is active"))
			return
		}
		ups := s.updates
		s.updates = nil
		s.mu.Unlock()
		switch {
		case len(ups) == 1:
			writeJSON(w, 200, map[string]any{"ok": true, "result": ups[0]})
			return
		case len(ups) > 1:
			writeJSON(w, 200, map[string]any{"ok": true, "result": ups})
			return
		}
		select {
		case <-s.wake:
		case <-deadline.C:
			writeJSON(w, 200, failure(408, "Request timeout"))
			return
		case <-r.Context().Done():
			return
		}
	}
}

// Deliver posts u to a webhook at url with secret in X-Bot-Api-Secret-Token
// ("" sends no header), wrapped as {ok, result} when wrap is set, and
// returns the HTTP status.
func Deliver(ctx context.Context, url, secret string, u Update, wrap bool) (int, error) {
	var v any = u
	if wrap {
		v = map[string]any{"ok": true, "result": u}
	}
	data, err := json.Marshal(v)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(data))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set("X-Bot-Api-Secret-Token", secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
