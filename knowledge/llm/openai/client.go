// Package openai answers questions through any OpenAI-compatible chat model
// (OpenAI, Azure OpenAI, Ollama, vLLM, llama.cpp server, LM Studio,
// OpenRouter …) and embeds text on the same endpoint's /v1/embeddings.
//
// Prompts fence the retrieved passages as numbered data apart from the
// instructions; every answer is checked after the model writes it: citation
// markers that point at no passage are removed, an answer without a valid
// citation becomes a refusal, and each sentence's facts are checked against
// the passages (knowledge.CheckClaims): a citation moves to the passage that
// holds them, a sentence stating what no passage holds is dropped, and when
// nothing holds up the extractive answer is given with a note. A stream
// shows the text as written; the answer returned is the checked one. Calls
// have timeouts, bounded retries with backoff on 429 and 5xx (waiting at
// least as long as a Retry-After header asks), and a circuit breaker;
// errors never carry the API key.
package openai

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/hoibao/hoibao/knowledge"
)

// Defaults of the options.
const (
	DefaultTimeout       = 30 * time.Second
	DefaultContextTokens = 4096
	DefaultAnswerTokens  = 512
	DefaultRetries       = 2
	DefaultBackoff       = 500 * time.Millisecond
	DefaultBreakerFails  = 5
	DefaultBreakerPause  = 30 * time.Second
)

// Client talks to one OpenAI-compatible endpoint and model.
type Client struct {
	api           *goopenai.Client
	apiKey        string
	model         string
	log           *slog.Logger
	httpClient    *http.Client
	timeout       time.Duration
	contextTokens int
	answerTokens  int
	temperature   float32
	retries       int
	backoff       time.Duration
	breaker       *breaker
}

var (
	_ knowledge.LLM       = (*Client)(nil)
	_ knowledge.StreamLLM = (*Client)(nil)
	_ knowledge.Rewriter  = (*Client)(nil)
)

// Option configures a Client.
type Option func(*Client)

// WithTimeout bounds each call to the model, retries included.
func WithTimeout(d time.Duration) Option {
	return func(c *Client) {
		if d > 0 {
			c.timeout = d
		}
	}
}

// WithContextTokens is the model's context size; passages are trimmed so the
// prompt and the answer fit in it.
func WithContextTokens(n int) Option {
	return func(c *Client) {
		if n > 0 {
			c.contextTokens = n
		}
	}
}

// WithAnswerTokens bounds the length of an answer, in tokens.
func WithAnswerTokens(n int) Option {
	return func(c *Client) {
		if n > 0 {
			c.answerTokens = n
		}
	}
}

// WithRetries sets how many times a call failing with 429 or 5xx is retried,
// and the first pause between attempts (doubling each time).
func WithRetries(n int, backoff time.Duration) Option {
	return func(c *Client) { c.retries, c.backoff = max(n, 0), backoff }
}

// WithBreaker opens the circuit after fails failures in a row: calls then
// fail at once for pause, after which one call is let through to try.
func WithBreaker(fails int, pause time.Duration) Option {
	return func(c *Client) { c.breaker = newBreaker(fails, pause) }
}

// WithHTTPClient sets the HTTP client (its own timeout, if any, also applies).
func WithHTTPClient(hc *http.Client) Option { return func(c *Client) { c.httpClient = hc } }

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(c *Client) { c.log = log } }

// WithTemperature sets the sampling temperature (default 0.2).
func WithTemperature(t float32) Option { return func(c *Client) { c.temperature = t } }

// New returns a client for the model at baseURL, e.g.
// https://api.openai.com/v1, http://localhost:11434/v1 (Ollama) or
// http://localhost:8080/v1 (llama.cpp server). apiKey may be empty for local
// servers. A base URL without a path gets /v1. An Azure OpenAI resource URL
// (https://NAME.openai.azure.com) uses Azure's API with model as deployment.
func New(baseURL, apiKey, model string, opts ...Option) (*Client, error) {
	u, err := url.Parse(strings.TrimSpace(baseURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, errors.New("openai: base URL must be http(s)://host[:port]/path, e.g. https://api.openai.com/v1")
	}
	if strings.TrimSpace(model) == "" {
		return nil, errors.New("openai: a model name is required")
	}
	c := &Client{
		apiKey: apiKey, model: model, log: slog.New(slog.DiscardHandler),
		timeout: DefaultTimeout, contextTokens: DefaultContextTokens, answerTokens: DefaultAnswerTokens,
		temperature: 0.2, retries: DefaultRetries, backoff: DefaultBackoff,
		breaker: newBreaker(DefaultBreakerFails, DefaultBreakerPause),
	}
	for _, o := range opts {
		o(c)
	}
	var cfg goopenai.ClientConfig
	host := strings.ToLower(u.Hostname())
	azure := (strings.HasSuffix(host, ".openai.azure.com") || strings.HasSuffix(host, ".cognitiveservices.azure.com")) &&
		!strings.Contains(u.Path, "/openai/v1")
	switch {
	case azure:
		cfg = goopenai.DefaultAzureConfig(apiKey, strings.TrimRight(u.String(), "/"))
	default:
		if strings.Trim(u.Path, "/") == "" {
			u.Path = "/v1"
		}
		cfg = goopenai.DefaultConfig(apiKey)
		cfg.BaseURL = strings.TrimRight(u.String(), "/")
	}
	hc := &http.Client{} // deadlines come from the context
	if c.httpClient != nil {
		copied := *c.httpClient
		hc = &copied
	}
	hc.Transport = hintTransport{base: hc.Transport}
	cfg.HTTPClient = hc
	c.api = goopenai.NewClientWithConfig(cfg)
	return c, nil
}

// Model returns the chat model's name.
func (c *Client) Model() string { return c.model }

// Error is a failed call to the model, safe to log and show: it holds no
// part of the API key and not the underlying error value.
type Error struct {
	Op     string // "chat", "stream", "embeddings"
	Status int    // HTTP status, 0 when none came back
	msg    string
	causes []error // knowledge.ErrUnavailable, and a context error when one ended the call
}

func (e *Error) Error() string   { return "openai " + e.Op + ": " + e.msg }
func (e *Error) Unwrap() []error { return e.causes }

// retryable reports whether a status is worth another attempt.
func retryable(status int) bool {
	return status == http.StatusTooManyRequests || status >= 500
}

// wrap turns an error of go-openai or the transport into an *Error with the
// API key removed from its text.
func (c *Client) wrap(op string, err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	out := &Error{Op: op, causes: []error{knowledge.ErrUnavailable}}
	var apiErr *goopenai.APIError
	var reqErr *goopenai.RequestError
	switch {
	case errors.As(err, &apiErr):
		out.Status = apiErr.HTTPStatusCode
	case errors.As(err, &reqErr):
		out.Status = reqErr.HTTPStatusCode
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		out.causes = append(out.causes, context.DeadlineExceeded)
	case errors.Is(err, context.Canceled):
		out.causes = append(out.causes, context.Canceled)
	}
	out.msg = c.redact(err.Error())
	if r := []rune(out.msg); len(r) > 300 {
		out.msg = string(r[:300]) + "…"
	}
	return out
}

// redact removes the API key from text.
func (c *Client) redact(s string) string {
	if len(c.apiKey) >= 4 {
		s = strings.ReplaceAll(s, c.apiKey, "***")
	}
	return s
}

// call runs fn with the client's timeout, retrying 429 and 5xx with
// exponential backoff, through the circuit breaker. fn reports whether its
// failure may be retried (a stream that already sent text may not).
func (c *Client) call(ctx context.Context, op string, fn func(ctx context.Context) (retry bool, err error)) error {
	ctx, cancel := context.WithTimeout(ctx, c.timeout)
	defer cancel()
	pause := c.backoff
	for attempt := 0; ; attempt++ {
		if !c.breaker.allow() {
			return &Error{Op: op, msg: "circuit open after repeated failures; not calling the model for a while",
				causes: []error{knowledge.ErrUnavailable}}
		}
		hint := &retryHint{}
		mayRetry, err := fn(context.WithValue(ctx, retryHintKey{}, hint))
		if err == nil {
			c.breaker.success()
			return nil
		}
		e := c.wrap(op, err)
		if errors.Is(e, context.Canceled) && ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
			c.breaker.release() // the caller gave up; not the model's fault
			return e
		}
		c.breaker.failure()
		if !mayRetry || !retryable(e.Status) || attempt >= c.retries {
			return e
		}
		wait := pause + time.Duration(rand.Int64N(int64(pause)/2+1))
		pause *= 2
		if after := hint.get(); after > wait {
			wait = after // the server said how long to wait
		}
		if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < wait {
			c.log.Warn("model call failed; the server asks to wait longer than the time left", "op", op, "status", e.Status, "wait", wait)
			return e
		}
		c.log.Warn("model call failed; retrying", "op", op, "status", e.Status, "attempt", attempt+1, "wait", wait)
		select {
		case <-time.After(wait):
		case <-ctx.Done():
			return c.wrap(op, fmt.Errorf("waiting to retry after %s: %w", e.msg, ctx.Err()))
		}
	}
}

// go-openai does not show a reply's headers, so a Retry-After reaches
// call through the request's context: hintTransport writes it into the
// retryHint that call put there.
type retryHintKey struct{}

type retryHint struct {
	mu    sync.Mutex
	after time.Duration
}

func (h *retryHint) set(d time.Duration) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.after = d
}

func (h *retryHint) get() time.Duration {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.after
}

// hintTransport reads the Retry-After of 429 and 503 replies.
type hintTransport struct{ base http.RoundTripper }

func (t hintTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.base
	if base == nil {
		base = http.DefaultTransport
	}
	resp, err := base.RoundTrip(req)
	if err != nil || (resp.StatusCode != http.StatusTooManyRequests && resp.StatusCode != http.StatusServiceUnavailable) {
		return resp, err
	}
	if h, ok := req.Context().Value(retryHintKey{}).(*retryHint); ok {
		if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()); ok {
			h.set(d)
		}
	}
	return resp, err
}

// parseRetryAfter reads a Retry-After value: seconds, or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseFloat(v, 64); err == nil {
		if secs < 0 || secs > 24*3600 {
			return 0, false
		}
		return time.Duration(secs * float64(time.Second)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}
