package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"
)

// fakeTelegram is a Bot API server speaking the real wire format: form-encoded
// POSTs to /bot<token>/<method>, JSON envelopes {ok, result} or
// {ok:false, error_code, description, parameters}.
type fakeTelegram struct {
	t     *testing.T
	srv   *httptest.Server
	token string

	mu       sync.Mutex
	cond     *sync.Cond
	calls    []fakeCall
	updates  []map[string]any
	messages map[int64][]*fakeMessage // chat -> messages the bot sent
	nextID   int
	webhook  map[string]string
	// throttle, when set, may answer a request with 429 retry_after n.
	throttle func(method string, form map[string]string) (retryAfter int)
	// fail, when set, may answer a request with an HTTP status and body.
	fail func(method string) (status int, body string)
	// slowSend delays every sendMessage.
	slowSend time.Duration
}

type fakeCall struct {
	Method string
	Form   map[string]string
	At     time.Time
	Status int // HTTP status answered
}

type fakeMessage struct {
	ID      int
	Chat    int64
	Text    string // as sent, HTML
	Markup  string
	ReplyTo string
	Sent    time.Time
	Edits   []time.Time
}

const botID = 7000000001

func newFakeTelegram(t *testing.T, token string) *fakeTelegram {
	f := &fakeTelegram{t: t, token: token, messages: map[int64][]*fakeMessage{}, nextID: 100}
	f.cond = sync.NewCond(&f.mu)
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(func() {
		f.mu.Lock()
		f.cond.Broadcast()
		f.mu.Unlock()
		f.srv.Close()
	})
	return f
}

// endpoint is the library's endpoint format for this server.
func (f *fakeTelegram) endpoint() string { return f.srv.URL + "/bot%s/%s" }

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func ok(result any) map[string]any { return map[string]any{"ok": true, "result": result} }

func apiErr(code int, desc string) map[string]any {
	return map[string]any{"ok": false, "error_code": code, "description": desc}
}

func (f *fakeTelegram) serve(w http.ResponseWriter, r *http.Request) {
	rest, found := strings.CutPrefix(r.URL.Path, "/bot")
	tok, method, _ := strings.Cut(rest, "/")
	if !found || r.Method != http.MethodPost {
		writeJSON(w, http.StatusNotFound, apiErr(404, "Not Found"))
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		f.t.Errorf("%s: Content-Type %q, want a form", method, ct)
	}
	if err := r.ParseForm(); err != nil {
		writeJSON(w, http.StatusBadRequest, apiErr(400, "Bad Request: bad form"))
		return
	}
	form := map[string]string{}
	for k, v := range r.PostForm {
		form[k] = v[0]
	}
	status, resp := f.answer(r.Context(), tok, method, form)
	if status < 0 {
		return // connection dropped on purpose
	}
	if s, ok := resp.(string); ok {
		w.WriteHeader(status)
		fmt.Fprint(w, s)
		return
	}
	writeJSON(w, status, resp)
}

func (f *fakeTelegram) answer(ctx context.Context, tok, method string, form map[string]string) (int, any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	record := func(status int) { f.calls = append(f.calls, fakeCall{method, form, time.Now(), status}) }
	if tok != f.token {
		record(401)
		return 401, apiErr(401, "Unauthorized")
	}
	if f.fail != nil {
		if status, body := f.fail(method); status != 0 {
			record(status)
			return status, body
		}
	}
	if f.throttle != nil {
		if n := f.throttle(method, form); n > 0 {
			record(429)
			resp := apiErr(429, fmt.Sprintf("Too Many Requests: retry after %d", n))
			resp["parameters"] = map[string]any{"retry_after": n}
			return 429, resp
		}
	}
	switch method {
	case "getMe":
		record(200)
		return 200, ok(map[string]any{"id": botID, "is_bot": true, "first_name": "Hỏi Báo", "username": "hoibao_bot",
			"can_join_groups": true, "can_read_all_group_messages": false, "supports_inline_queries": false})
	case "getUpdates":
		record(200)
		offset, _ := strconv.Atoi(form["offset"])
		timeout, _ := strconv.Atoi(form["timeout"])
		deadline := time.Now().Add(time.Duration(timeout) * time.Second)
		stop := context.AfterFunc(ctx, func() { f.mu.Lock(); f.cond.Broadcast(); f.mu.Unlock() })
		defer stop()
		timer := time.AfterFunc(time.Until(deadline), func() { f.mu.Lock(); f.cond.Broadcast(); f.mu.Unlock() })
		defer timer.Stop()
		for {
			f.updates = slices.DeleteFunc(f.updates, func(u map[string]any) bool { return u["update_id"].(int) < offset })
			if len(f.updates) > 0 || !time.Now().Before(deadline) || ctx.Err() != nil {
				n := min(len(f.updates), 100)
				return 200, ok(slices.Clone(f.updates[:n]))
			}
			f.cond.Wait()
		}
	case "sendMessage", "editMessageText":
		text := form["text"]
		if n := utf8.RuneCountInString(stripTags(text)); n == 0 || n > 4096 {
			record(400)
			return 400, apiErr(400, "Bad Request: message is too long")
		}
		if form["parse_mode"] == "HTML" {
			if err := checkHTML(text); err != nil {
				record(400)
				return 400, apiErr(400, "Bad Request: can't parse entities: "+err.Error())
			}
		}
		chat, _ := strconv.ParseInt(form["chat_id"], 10, 64)
		var m *fakeMessage
		if method == "sendMessage" {
			if f.slowSend > 0 {
				f.mu.Unlock()
				time.Sleep(f.slowSend)
				f.mu.Lock()
			}
			f.nextID++
			m = &fakeMessage{ID: f.nextID, Chat: chat, Text: text, Markup: form["reply_markup"], ReplyTo: form["reply_to_message_id"], Sent: time.Now()}
			f.messages[chat] = append(f.messages[chat], m)
		} else {
			id, _ := strconv.Atoi(form["message_id"])
			for _, x := range f.messages[chat] {
				if x.ID == id {
					m = x
				}
			}
			if m == nil {
				record(400)
				return 400, apiErr(400, "Bad Request: message to edit not found")
			}
			if m.Text == text && m.Markup == form["reply_markup"] {
				record(400)
				return 400, apiErr(400, "Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message")
			}
			m.Text, m.Markup = text, form["reply_markup"]
			m.Edits = append(m.Edits, time.Now())
		}
		record(200)
		f.cond.Broadcast()
		chatType := "private"
		if chat < 0 {
			chatType = "supergroup"
		}
		return 200, ok(map[string]any{"message_id": m.ID, "date": time.Now().Unix(), "text": stripTags(text),
			"from": map[string]any{"id": botID, "is_bot": true, "first_name": "Hỏi Báo", "username": "hoibao_bot"},
			"chat": map[string]any{"id": chat, "type": chatType}})
	case "answerCallbackQuery", "sendChatAction", "deleteWebhook":
		record(200)
		f.cond.Broadcast()
		return 200, ok(true)
	case "setWebhook":
		record(200)
		f.webhook = form
		return 200, map[string]any{"ok": true, "result": true, "description": "Webhook was set"}
	}
	record(404)
	return 404, apiErr(404, "Not Found: method not found")
}

var tagRE = regexp.MustCompile(`<[^>]*>`)

func stripTags(s string) string {
	s = tagRE.ReplaceAllString(s, "")
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`).Replace(s)
}

// checkHTML accepts what Telegram's HTML parse mode accepts (the subset
// hoibao uses): known tags, properly nested, and no bare < > &.
func checkHTML(s string) error {
	var stack []string
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			end := strings.IndexByte(s[i:], '>')
			if end < 0 {
				return fmt.Errorf("unclosed start tag at byte offset %d", i)
			}
			tag := s[i+1 : i+end]
			i += end
			if name, ok := strings.CutPrefix(tag, "/"); ok {
				if len(stack) == 0 || stack[len(stack)-1] != name {
					return fmt.Errorf("unmatched end tag %q", name)
				}
				stack = stack[:len(stack)-1]
				continue
			}
			name, _, _ := strings.Cut(tag, " ")
			if !slices.Contains([]string{"b", "i", "u", "s", "a", "code", "pre", "blockquote"}, name) {
				return fmt.Errorf("unsupported start tag %q", name)
			}
			stack = append(stack, name)
		case '>':
			return fmt.Errorf("bare > at byte offset %d", i)
		case '&':
			ok := false
			for _, e := range []string{"&lt;", "&gt;", "&amp;", "&quot;"} {
				ok = ok || strings.HasPrefix(s[i:], e)
			}
			if !ok {
				return fmt.Errorf("bare & at byte offset %d", i)
			}
		}
	}
	if len(stack) > 0 {
		return fmt.Errorf("unclosed tags %v", stack)
	}
	return nil
}

// push queues updates for getUpdates.
func (f *fakeTelegram) push(updates ...map[string]any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.updates = append(f.updates, updates...)
	f.cond.Broadcast()
}

// waitFor waits (boundedly) until cond holds over the recorded state.
func (f *fakeTelegram) waitFor(what string, cond func() bool) {
	f.t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	f.mu.Lock()
	defer f.mu.Unlock()
	for !cond() {
		if time.Now().After(deadline) {
			f.t.Fatalf("timed out waiting for %s", what)
		}
		f.mu.Unlock()
		time.Sleep(10 * time.Millisecond)
		f.mu.Lock()
	}
}

// sent returns the messages in chat, under the lock.
func (f *fakeTelegram) sent(chat int64) []fakeMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeMessage
	for _, m := range f.messages[chat] {
		out = append(out, *m)
	}
	return out
}

func (f *fakeTelegram) callsTo(method string) []fakeCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []fakeCall
	for _, c := range f.calls {
		if c.Method == method {
			out = append(out, c)
		}
	}
	return out
}

var nextUpdate = struct {
	sync.Mutex
	n int
}{n: 500}

func updateID() int {
	nextUpdate.Lock()
	defer nextUpdate.Unlock()
	nextUpdate.n++
	return nextUpdate.n
}

func user(id int64) map[string]any {
	return map[string]any{"id": id, "is_bot": false, "first_name": "Người dùng", "username": fmt.Sprintf("user%d", id), "language_code": "vi"}
}

// textUpdate is a text message from user in chat (negative chat: a group).
func textUpdate(chat, from int64, text string) map[string]any {
	chatObj := map[string]any{"id": chat, "type": "private", "first_name": "Người dùng"}
	if chat < 0 {
		chatObj = map[string]any{"id": chat, "type": "supergroup", "title": "Nhóm hỏi báo"}
	}
	msg := map[string]any{"message_id": updateID(), "from": user(from), "chat": chatObj, "date": time.Now().Unix(), "text": text}
	if strings.HasPrefix(text, "/") {
		word, _, _ := strings.Cut(text, " ")
		msg["entities"] = []map[string]any{{"offset": 0, "length": utf8.RuneCountInString(word), "type": "bot_command"}}
	}
	return map[string]any{"update_id": updateID(), "message": msg}
}

// pressUpdate is a press on an inline button of the bot's message.
func pressUpdate(chat, from int64, messageID int, data string) map[string]any {
	return map[string]any{"update_id": updateID(), "callback_query": map[string]any{
		"id": strconv.Itoa(updateID()), "from": user(from), "chat_instance": "-8811",
		"data": data, "message": map[string]any{"message_id": messageID, "date": time.Now().Unix(),
			"chat": map[string]any{"id": chat, "type": "private"}, "text": "…",
			"from": map[string]any{"id": botID, "is_bot": true, "first_name": "Hỏi Báo", "username": "hoibao_bot"}},
	}}
}
