package web

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// askRequest is the body of POST /api/ask and /api/ask/stream.
type askRequest struct {
	Question string `json:"question"`
	// Session groups a conversation's questions, for follow-ups and the
	// per-session limit: 8–64 letters, digits, '-' or '_'. Empty means a
	// conversation of one question.
	Session string `json:"session"`
}

// decode reads a JSON body of at most limit bytes into v, answering the
// error itself (413 or 400) and returning false when it cannot.
func decode(w http.ResponseWriter, r *http.Request, limit int64, v any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, msgTooLarge+" Tối đa "+strconv.FormatInt(limit>>10, 10)+" KB.")
			return false
		}
		writeError(w, http.StatusBadRequest, msgBadJSON)
		return false
	}
	if err := json.Unmarshal(body, v); err != nil {
		writeError(w, http.StatusBadRequest, msgBadJSON)
		return false
	}
	return true
}

func validSession(s string) bool {
	if len(s) < 8 || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func newID() string {
	var b [12]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// message turns a question request into the core's message, or answers the
// error itself and returns false: a bad body, a bad session, or the
// per-address limit.
func (s *Server) message(w http.ResponseWriter, r *http.Request) (bot.Message, bool) {
	channel, limit := Channel, s.ipLimit
	if r.URL.Query().Get("via") == WidgetChannel {
		channel, limit = WidgetChannel, s.wLimit
	}
	var req askRequest
	if !decode(w, r, s.maxAsk, &req) {
		s.rejected(channel, bot.OutcomeInvalid)
		return bot.Message{}, false
	}
	if req.Session == "" {
		req.Session = newID()
	} else if !validSession(req.Session) {
		s.rejected(channel, bot.OutcomeInvalid)
		writeJSON(w, http.StatusBadRequest, knowledge.ErrorResult(req.Question, msgBadSession))
		return bot.Message{}, false
	}
	if limit > 0 {
		ok, err := s.limiter.Allow(r.Context(), channel+":ip:"+clientIP(r), limit, s.window)
		if err != nil {
			s.log.Warn("address rate limiter failed; allowing", "err", err)
		} else if !ok {
			s.log.Info("rate limited", "channel", channel, "ip", clientIP(r))
			s.rejected(channel, bot.OutcomeRateLimited)
			w.Header().Set("Retry-After", strconv.Itoa(int(s.window.Seconds())))
			writeJSON(w, http.StatusTooManyRequests, knowledge.ErrorResult(req.Question, msgRateLimited))
			return bot.Message{}, false
		}
	}
	user := "s:" + req.Session
	return bot.Message{Channel: channel, ChatID: user, UserID: user, Text: req.Question}, true
}

// result is the ask --json object of a reply, with its HTTP status.
func result(question string, r bot.Reply) (int, knowledge.Result) {
	status, _ := r.Outcome.Status()
	if r.Answer != nil {
		res := knowledge.NewResult(question, *r.Answer)
		res.AnswerID = r.AnswerID
		return status, res
	}
	if status != http.StatusOK {
		return status, knowledge.ErrorResult(question, r.Text)
	}
	if r.Empty() { // nothing to say (blank text): the question was empty
		status, _ = bot.OutcomeInvalid.Status()
		return status, knowledge.ErrorResult(question, "Câu hỏi trống.")
	}
	res := knowledge.NewResult(question, knowledge.Answer{Text: r.Text})
	return status, res
}

// ask answers POST /api/ask with exactly the `ask --json` object.
func (s *Server) ask(w http.ResponseWriter, r *http.Request) {
	m, ok := s.message(w, r)
	if !ok {
		return
	}
	status, res := result(m.Text, s.h.Handle(r.Context(), m))
	writeJSON(w, status, res)
}

// askStream answers POST /api/ask/stream with Server-Sent Events: "token"
// events carry the answer text written so far ({"text": …}) while a model
// writes it, then one "answer" event carries the final, checked `ask
// --json` object. A question refused before any text was written gets a
// plain JSON error with its status instead.
func (s *Server) askStream(w http.ResponseWriter, r *http.Request) {
	m, ok := s.message(w, r)
	if !ok {
		return
	}
	rc := http.NewResponseController(w)
	started := false
	start := func() {
		if started {
			return
		}
		started = true
		h := w.Header()
		h.Set("Content-Type", "text/event-stream; charset=utf-8")
		h.Set("Cache-Control", "no-store")
		h.Set("X-Accel-Buffering", "no")
		w.WriteHeader(http.StatusOK)
	}
	event := func(name string, v any) {
		data, _ := json.Marshal(v)
		_, _ = io.WriteString(w, "event: "+name+"\ndata: "+string(data)+"\n\n")
		_ = rc.Flush()
	}
	m.Stream = func(partial string) {
		start()
		event("token", map[string]string{"text": partial})
	}
	status, res := result(m.Text, s.h.Handle(r.Context(), m))
	if !started && status != http.StatusOK {
		writeJSON(w, status, res)
		return
	}
	start()
	event("answer", res)
}

// feedbackRequest is the body of POST /api/feedback.
type feedbackRequest struct {
	Session  string `json:"session"`
	AnswerID string `json:"answer_id"`
	Vote     string `json:"vote"` // "up" or "down"
}

// feedback records a 👍/👎 on an answer.
func (s *Server) feedback(w http.ResponseWriter, r *http.Request) {
	var req feedbackRequest
	if !decode(w, r, 4<<10, &req) {
		return
	}
	if !validSession(req.Session) || req.AnswerID == "" || len(req.AnswerID) > 64 || req.Vote != "up" && req.Vote != "down" {
		writeError(w, http.StatusBadRequest, "Góp ý không hợp lệ.")
		return
	}
	user, channel := "s:"+req.Session, Channel
	if r.URL.Query().Get("via") == WidgetChannel {
		channel = WidgetChannel
	}
	reply := s.h.Handle(r.Context(), bot.Message{Channel: channel, ChatID: user, UserID: user,
		Feedback: req.Vote, AnswerID: req.AnswerID})
	status, _ := reply.Outcome.Status()
	if status != http.StatusOK {
		writeError(w, status, reply.Text)
		return
	}
	writeJSON(w, status, map[string]string{"ack": reply.Ack})
}

// articleJSON is one entry of GET /api/articles.
type articleJSON struct {
	ID         string `json:"id"`
	Title      string `json:"title"`
	URL        string `json:"url,omitempty"`
	Published  string `json:"published,omitempty"`
	Author     string `json:"author,omitempty"`
	Paragraphs int    `json:"paragraphs"`
}

const maxListed = 1000

// listArticles answers GET /api/articles[?limit=N]: the served articles,
// newest first, with example questions for the page.
func (s *Server) listArticles(w http.ResponseWriter, r *http.Request) {
	limit := 100
	if v := r.URL.Query().Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "Tham số limit phải là số không âm.")
			return
		}
		limit = min(n, maxListed)
	}
	arts := s.kn.Index().Articles()
	out := make([]articleJSON, 0, min(limit, len(arts)))
	for _, a := range arts[:min(limit, len(arts))] {
		aj := articleJSON{ID: a.ID, Title: a.Title, URL: a.URL, Author: a.Author, Paragraphs: len(a.Paragraphs)}
		if !a.Published.IsZero() {
			aj.Published = a.Published.Format("2006-01-02")
		}
		out = append(out, aj)
	}
	writeJSON(w, http.StatusOK, map[string]any{"total": len(arts), "articles": out, "examples": s.examples()})
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + strings.TrimSuffix(s[n:], ".")
}
