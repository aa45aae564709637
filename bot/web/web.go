// Package web is hoibao's web channel: an HTTP API (ask, streamed ask,
// articles, feedback, admin), a phone-first chat page served from embedded
// assets, passage pages that show a cited passage highlighted, an
// embeddable widget, and health checks. Questions go through the same
// conversation core as every other channel.
package web

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// Channel names, in bot.Message and metrics: the page, and the page opened
// through the widget on another site.
const (
	Channel       = "web"
	WidgetChannel = "widget"
)

// AdminUser is the user ID the HTTP admin endpoints act as in the
// conversation core; grant it admin rights with bot.WithAdmins(Channel,
// AdminUser). Page users are "s:<session>", so none can take this name.
const AdminUser = "admin-token"

// Defaults.
const (
	DefaultMaxAskBytes     = 16 << 10
	DefaultMaxArticleBytes = 1 << 20
	DefaultIPLimit         = 60 // questions per IP per minute
	DefaultWidgetLimit     = 30 // questions per IP per minute through the widget
	adminTimeout           = 2 * time.Minute
	checkTimeout           = 3 * time.Second
)

// Handler answers chat messages; *bot.Bot is one.
type Handler = bot.Replier

// Knowledge is what the API needs of the knowledge service;
// *knowledge.Service is one.
type Knowledge interface {
	Index() *knowledge.Index
	Ingest(ctx context.Context, sources ...knowledge.Source) (knowledge.Report, error)
	ReloadFrom(ctx context.Context, sources ...knowledge.Source) (knowledge.Report, error)
	Remove(ctx context.Context, id string) error
}

var (
	_ Handler   = (*bot.Bot)(nil)
	_ Knowledge = (*knowledge.Service)(nil)
)

// Check reports whether something the service needs works; readiness runs
// every check.
type Check func(ctx context.Context) error

type check struct {
	name string
	fn   Check
}

// Server serves the web channel. Build it with New and mount it with Mount.
type Server struct {
	h        Handler
	kn       Knowledge
	log      *slog.Logger
	examples func() []string
	sources  []string
	token    [sha256.Size]byte
	hasToken bool
	origins  map[string]bool
	limiter  bot.Limiter
	ipLimit  int
	wLimit   int
	window   time.Duration
	maxAsk   int64
	maxArt   int64
	checks   []check
	reloaded func(error)
	rejected func(channel string, o bot.Outcome)
}

// Option configures a Server.
type Option func(*Server)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(s *Server) { s.log = log } }

// WithExamples sets where the page's example questions come from.
func WithExamples(f func() []string) Option { return func(s *Server) { s.examples = f } }

// WithSources sets the files or folders POST /api/reload loads; none means
// the bundled sample article.
func WithSources(paths []string) Option { return func(s *Server) { s.sources = paths } }

// WithAdminToken enables the admin endpoints for requests carrying
// "Authorization: Bearer <token>". Without it they answer 403.
func WithAdminToken(token string) Option {
	return func(s *Server) {
		if token != "" {
			s.token, s.hasToken = sha256.Sum256([]byte(token)), true
		}
	}
}

// WithAllowedOrigins lets pages on these origins ("https://example.vn") call
// the API (CORS) and frame the chat (the widget).
func WithAllowedOrigins(origins ...string) Option {
	return func(s *Server) {
		for _, o := range origins {
			if o = strings.TrimRight(strings.TrimSpace(o), "/"); o != "" {
				s.origins[o] = true
			}
		}
	}
}

// WithRateLimits allows each client address at most perIP questions per
// window on the page and API, and widget per window through the widget
// (0 means no limit). The per-session limit is the conversation core's.
func WithRateLimits(perIP, widget int, window time.Duration) Option {
	return func(s *Server) { s.ipLimit, s.wLimit, s.window = perIP, widget, window }
}

// WithLimiter keeps the per-IP windows in l (the Redis store shares them
// between replicas); the default keeps them in memory.
func WithLimiter(l bot.Limiter) Option { return func(s *Server) { s.limiter = l } }

// WithBodyLimits bounds the body of a question and of an added article.
func WithBodyLimits(ask, article int64) Option {
	return func(s *Server) { s.maxAsk, s.maxArt = ask, article }
}

// WithCheck adds a readiness check, reported by /readyz under name.
func WithCheck(name string, fn Check) Option {
	return func(s *Server) { s.checks = append(s.checks, check{name, fn}) }
}

// WithReloadObserver is told how each reload through the API ended (metrics).
func WithReloadObserver(f func(error)) Option { return func(s *Server) { s.reloaded = f } }

// WithRejectObserver is told of each question turned away before the
// conversation core saw it (metrics).
func WithRejectObserver(f func(channel string, o bot.Outcome)) Option {
	return func(s *Server) { s.rejected = f }
}

// New returns the web channel answering through h, with articles from kn.
func New(h Handler, kn Knowledge, opts ...Option) *Server {
	if h == nil || kn == nil {
		panic("web.New: nil handler or knowledge")
	}
	s := &Server{
		h: h, kn: kn, log: slog.New(slog.DiscardHandler), origins: map[string]bool{},
		examples: func() []string { return nil }, limiter: bot.NewMemState(),
		ipLimit: DefaultIPLimit, wLimit: DefaultWidgetLimit, window: time.Minute,
		maxAsk: DefaultMaxAskBytes, maxArt: DefaultMaxArticleBytes, reloaded: func(error) {},
		rejected: func(string, bot.Outcome) {},
	}
	for _, o := range opts {
		o(s)
	}
	if s.window <= 0 {
		s.window = time.Minute
	}
	return s
}

// Mount registers the page, the API, the passage pages, the widget and
// /healthz and /readyz on mux.
func (s *Server) Mount(mux *http.ServeMux) {
	mux.HandleFunc("GET /{$}", s.page)
	mux.Handle("GET /assets/", s.assets())
	mux.HandleFunc("GET /widget.js", s.widget)
	mux.HandleFunc("GET /a/{id}", s.passage)

	mux.HandleFunc("POST /api/ask", s.cors(s.ask))
	mux.HandleFunc("POST /api/ask/stream", s.cors(s.askStream))
	mux.HandleFunc("POST /api/feedback", s.cors(s.feedback))
	mux.HandleFunc("GET /api/articles", s.cors(s.listArticles))
	mux.HandleFunc("OPTIONS /api/{path...}", s.cors(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	}))

	mux.HandleFunc("POST /api/articles", s.admin(s.addArticle))
	mux.HandleFunc("DELETE /api/articles/{id}", s.admin(s.removeArticle))
	mux.HandleFunc("POST /api/reload", s.admin(s.reload))
	mux.HandleFunc("GET /api/stats", s.admin(s.stats))

	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", s.ready)
}

// Messages users see.
const (
	msgBadJSON      = "Yêu cầu không đúng định dạng JSON."
	msgTooLarge     = "Nội dung gửi lên quá lớn."
	msgBadSession   = "Mã phiên trò chuyện không hợp lệ."
	msgRateLimited  = "Bạn đang hỏi hơi nhanh. Vui lòng đợi một chút rồi hỏi tiếp nhé."
	msgNoToken      = "Cần mã quản trị (Authorization: Bearer …)."
	msgBadToken     = "Mã quản trị không đúng."
	msgAdminOff     = "Các chức năng quản trị qua HTTP chưa được bật (HOIBAO_ADMIN_TOKEN)."
	msgOrigin       = "Trang web này không được phép dùng hoibao."
	msgInternal     = "Xin lỗi, hoibao đang gặp sự cố. Bạn vui lòng thử lại sau ít phút."
	msgUnavailable  = "Dịch vụ tạm thời không khả dụng. Bạn vui lòng thử lại sau."
	msgNotFoundPage = "Không có bài báo này."
)

// errorBody is every JSON error: a sentence for the user.
type errorBody struct {
	Error string `json:"error"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

func writeError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, errorBody{Error: msg})
}

// outcomeOf classifies an error of the knowledge service the way the
// conversation core does, so its status comes from Outcome.Status.
func outcomeOf(err error) bot.Outcome {
	switch {
	case err == nil:
		return bot.OutcomeOK
	case errors.Is(err, knowledge.ErrInvalidArticle), errors.Is(err, knowledge.ErrInvalidQuestion):
		return bot.OutcomeInvalid
	case errors.Is(err, knowledge.ErrNotFound):
		return bot.OutcomeNotFound
	case errors.Is(err, knowledge.ErrUnavailable):
		return bot.OutcomeUnavailable
	}
	return bot.OutcomeInternal
}

// userMessage is the sentence a user reads for err with its outcome.
func userMessage(err error, o bot.Outcome) string {
	switch o {
	case bot.OutcomeInvalid, bot.OutcomeNotFound:
		return upperFirst(err.Error()) + "."
	case bot.OutcomeUnavailable:
		return msgUnavailable
	}
	return msgInternal
}

// admin lets a request through only with the admin bearer token, compared
// in constant time: 401 without one, 403 with a wrong one.
func (s *Server) admin(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if !s.hasToken {
			writeError(w, http.StatusForbidden, msgAdminOff)
			return
		}
		auth := r.Header.Get("Authorization")
		scheme, token, ok := strings.Cut(auth, " ")
		if !ok || !strings.EqualFold(scheme, "Bearer") || strings.TrimSpace(token) == "" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="hoibao"`)
			writeError(w, http.StatusUnauthorized, msgNoToken)
			return
		}
		sum := sha256.Sum256([]byte(strings.TrimSpace(token)))
		if subtle.ConstantTimeCompare(sum[:], s.token[:]) != 1 {
			s.log.Warn("admin request with a wrong token", "path", r.URL.Path, "ip", clientIP(r))
			writeError(w, http.StatusForbidden, msgBadToken)
			return
		}
		next(w, r)
	}
}

// cors answers the API for this site and for the allowed origins, and
// refuses requests that other sites' pages make.
func (s *Server) cors(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		if origin != "" && !sameOrigin(r, origin) {
			if !s.origins[origin] {
				writeError(w, http.StatusForbidden, msgOrigin)
				return
			}
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", origin)
			h.Add("Vary", "Origin")
			if r.Method == http.MethodOptions {
				h.Set("Access-Control-Allow-Methods", "GET, POST")
				h.Set("Access-Control-Allow-Headers", "Content-Type")
				h.Set("Access-Control-Max-Age", "3600")
			}
		}
		next(w, r)
	}
}

func sameOrigin(r *http.Request, origin string) bool {
	u, err := url.Parse(origin)
	return err == nil && u.Host == r.Host
}

// clientIP is the address the request came from. Behind a reverse proxy
// every client shares the proxy's address; see README.
func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// ready runs the readiness checks: 200 when all pass, else 503 with each
// check's state.
func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), checkTimeout)
	defer cancel()
	status, details := http.StatusOK, map[string]string{}
	articles, chunks := 0, 0
	if ix := s.kn.Index(); ix != nil {
		articles, chunks = ix.Len()
	}
	if articles == 0 {
		status, details["index"] = http.StatusServiceUnavailable, "no articles loaded"
	} else {
		details["index"] = "ok"
	}
	for _, c := range s.checks {
		if err := c.fn(ctx); err != nil {
			s.log.Warn("readiness check failed", "check", c.name, "err", err)
			status, details[c.name] = http.StatusServiceUnavailable, err.Error()
			continue
		}
		details[c.name] = "ok"
	}
	writeJSON(w, status, map[string]any{
		"ready": status == http.StatusOK, "checks": details, "articles": articles, "chunks": chunks,
	})
}
