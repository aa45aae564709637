package zalooa

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoibao/hoibao/bot"
)

// Channel is this channel's name in bot.Message.
const Channel = "zalooa"

// Defaults; both hosts are configurable.
const (
	DefaultAPIBase         = "https://openapi.zalo.me"
	DefaultOAuthBase       = "https://oauth.zaloapp.com"
	DefaultHTTPTimeout     = 15 * time.Second
	DefaultShutdownTimeout = 20 * time.Second
	// MaxSkew is how far an event's timestamp may be from now.
	MaxSkew = 5 * time.Minute
	// MaxText is the longest text of one message, in characters.
	MaxText = 2000
	// SignatureHeader carries "mac=" + hex SHA-256(app_id + body + timestamp + secret key).
	SignatureHeader = "X-ZEvent-Signature"
	refreshEarly    = time.Hour        // refresh this long before expiry
	lockTTL         = 30 * time.Second // a refresh takes far less
	maxEventBytes   = 1 << 20
	msgTextOnly     = "Xin lỗi, mình chỉ đọc được tin nhắn chữ. Bạn hãy gửi câu hỏi bằng chữ nhé."
)

// Handler answers messages; *bot.Bot is one.
type Handler = bot.Replier

var (
	_ Handler      = (*bot.Bot)(nil)
	_ http.Handler = (*Adapter)(nil)
)

type options struct {
	log             *slog.Logger
	workers         int
	dedupe          bot.Deduper
	apiBase         string
	oauthBase       string
	seedAccess      string
	seedRefresh     string
	httpTimeout     time.Duration
	shutdownTimeout time.Duration
	now             func() time.Time
}

// Option configures an Adapter.
type Option func(*options)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(o *options) { o.log = log } }

// WithWorkers bounds how many chats are answered at once.
func WithWorkers(n int) Option { return func(o *options) { o.workers = n } }

// WithDeduper remembers event IDs in d (shared across replicas when d is
// the Redis state).
func WithDeduper(d bot.Deduper) Option { return func(o *options) { o.dedupe = d } }

// WithHosts sets the OA API and OAuth hosts ("" keeps the default).
func WithHosts(api, oauth string) Option {
	return func(o *options) {
		if api != "" {
			o.apiBase = api
		}
		if oauth != "" {
			o.oauthBase = oauth
		}
	}
}

// WithSeedTokens gives the tokens to start from when the store has none,
// or when refresh differs from the seed the stored pair came from.
func WithSeedTokens(access, refresh string) Option {
	return func(o *options) { o.seedAccess, o.seedRefresh = access, refresh }
}

// WithHTTPTimeout bounds every request.
func WithHTTPTimeout(d time.Duration) Option { return func(o *options) { o.httpTimeout = d } }

// WithShutdownTimeout bounds how long Run waits for answers in flight.
func WithShutdownTimeout(d time.Duration) Option { return func(o *options) { o.shutdownTimeout = d } }

// Adapter connects a Handler to a Zalo Official Account.
type Adapter struct {
	options
	appID, secretKey string
	h                Handler
	store            TokenStore
	hc               *http.Client
	rt               *bot.Runtime

	mu  sync.Mutex // serialises refreshes within this replica
	cur tokens
}

// New returns the OA channel of app appID, verifying events with secretKey
// and keeping its tokens in store.
func New(ctx context.Context, appID, secretKey string, store TokenStore, h Handler, opts ...Option) (*Adapter, error) {
	if appID == "" || secretKey == "" {
		return nil, errors.New("zalo oa: app id and secret key are required")
	}
	if store == nil || h == nil {
		return nil, errors.New("zalo oa: no token store or handler")
	}
	o := options{log: slog.New(slog.DiscardHandler), workers: bot.DefaultWorkers, apiBase: DefaultAPIBase,
		oauthBase: DefaultOAuthBase, httpTimeout: DefaultHTTPTimeout, shutdownTimeout: DefaultShutdownTimeout, now: time.Now}
	for _, opt := range opts {
		opt(&o)
	}
	o.apiBase, o.oauthBase = strings.TrimRight(o.apiBase, "/"), strings.TrimRight(o.oauthBase, "/")
	a := &Adapter{options: o, appID: appID, secretKey: secretKey, h: h, store: store, hc: &http.Client{}}
	rtOpts := []bot.RuntimeOption{bot.WithRuntimeLogger(o.log), bot.WithWorkers(o.workers)}
	if o.dedupe != nil {
		rtOpts = append(rtOpts, bot.WithDedupe(o.dedupe))
	}
	a.rt = bot.NewRuntime(Channel, rtOpts...)
	t, err := a.load(ctx)
	if err != nil {
		return nil, err
	}
	switch {
	case t.Refresh != "" && (o.seedRefresh == "" || o.seedRefresh == t.Seed):
		a.log.Info("zalo oa: using the stored tokens", "app", appID, "expires", t.Expires.Format(time.RFC3339))
	case o.seedRefresh != "":
		t = tokens{Access: o.seedAccess, Refresh: o.seedRefresh, Seed: o.seedRefresh}
		if err := a.save(ctx, t); err != nil {
			return nil, err
		}
		a.log.Info("zalo oa: tokens seeded from the configuration", "app", appID)
	default:
		return nil, errors.New("zalo oa: no tokens stored and none configured (HOIBAO_ZALO_OA_REFRESH_TOKEN)")
	}
	a.cur = t
	return a, nil
}

func (a *Adapter) tokenKey() string { return "zalooa:" + a.appID + ":tokens" }

func (a *Adapter) load(ctx context.Context) (tokens, error) {
	raw, err := a.store.Secret(ctx, a.tokenKey())
	if err != nil || raw == "" {
		return tokens{}, err
	}
	var t tokens
	if err := json.Unmarshal([]byte(raw), &t); err != nil {
		return tokens{}, fmt.Errorf("zalo oa: stored tokens unreadable: %w", err)
	}
	return t, nil
}

func (a *Adapter) save(ctx context.Context, t tokens) error {
	data, _ := json.Marshal(t)
	if err := a.store.SetSecret(ctx, a.tokenKey(), string(data)); err != nil {
		return fmt.Errorf("zalo oa: storing tokens: %w", err)
	}
	return nil
}

// accessToken returns a usable access token, refreshing it first when it
// is known to expire within the hour.
func (a *Adapter) accessToken(ctx context.Context) (string, error) {
	a.mu.Lock()
	t := a.cur
	a.mu.Unlock()
	if t.Access != "" && (t.Expires.IsZero() || a.now().Add(refreshEarly).Before(t.Expires)) {
		return t.Access, nil
	}
	return a.refresh(ctx, t.Access)
}

// refresh replaces the access token stale with a new one. Only one replica
// refreshes (a lock in the store); the others wait for its result. The
// new refresh token replaces the used one in the store before anything
// else happens: it is single use.
func (a *Adapter) refresh(ctx context.Context, stale string) (string, error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if a.cur.Access != stale && a.cur.Access != "" {
		return a.cur.Access, nil // refreshed here meanwhile
	}
	deadline := a.now().Add(lockTTL)
	for {
		if t, err := a.load(ctx); err == nil && t.Access != "" && t.Access != stale {
			a.cur = t // another replica refreshed
			return t.Access, nil
		}
		unlock, ok, err := a.store.TryLock(ctx, a.tokenKey()+":refresh", lockTTL)
		if err != nil {
			return "", err
		}
		if ok {
			defer unlock()
			break
		}
		if a.now().After(deadline) {
			return "", errors.New("zalo oa: another replica holds the refresh lock too long")
		}
		if err := sleep(ctx, 100*time.Millisecond); err != nil {
			return "", err
		}
	}
	t, err := a.load(ctx) // the lock is ours: read what is current
	if err != nil {
		return "", err
	}
	if t.Access != "" && t.Access != stale {
		a.cur = t
		return t.Access, nil
	}
	if t.Refresh == "" {
		t = a.cur
	}
	fresh, err := a.postRefresh(ctx, t.Refresh)
	if err != nil {
		a.log.Error("zalo oa: token refresh failed; a new refresh token from the OA admin page may be needed", "err", err)
		return "", err
	}
	fresh.Seed = t.Seed
	if err := a.save(ctx, fresh); err != nil {
		// The old refresh token is spent: keep the new pair in memory
		// and say loudly that the store lacks it.
		a.log.Error("zalo oa: the new tokens could not be stored; a restart will need new ones", "err", err)
	}
	a.cur = fresh
	a.log.Info("zalo oa: access token refreshed", "expires", fresh.Expires.Format(time.RFC3339))
	return fresh.Access, nil
}

// Run answers events the webhook takes until ctx ends, then lets every
// event taken be answered within the shutdown timeout.
func (a *Adapter) Run(ctx context.Context) error {
	<-ctx.Done()
	a.log.Info("zalo oa: stopped taking events; finishing in-flight answers", "timeout", a.shutdownTimeout.String())
	return a.rt.Drain(a.shutdownTimeout)
}

// Event is an OA webhook event.
type Event struct {
	AppID     string `json:"app_id"`
	EventName string `json:"event_name"`
	Timestamp string `json:"timestamp"` // Unix ms, a string on the wire
	Sender    struct {
		ID string `json:"id"`
	} `json:"sender"`
	Recipient struct {
		ID string `json:"id"`
	} `json:"recipient"`
	Message struct {
		MsgID string `json:"msg_id"`
		Text  string `json:"text"`
	} `json:"message"`
}

// Sign is the X-ZEvent-Signature value of body: "mac=" + hex SHA-256 of
// app_id + body + timestamp + OA secret key.
func Sign(appID string, body []byte, timestamp, secretKey string) string {
	h := sha256.New()
	h.Write([]byte(appID))
	h.Write(body)
	h.Write([]byte(timestamp))
	h.Write([]byte(secretKey))
	return "mac=" + hex.EncodeToString(h.Sum(nil))
}

// ServeHTTP receives webhook events: 401 unless signed with the OA secret
// key (constant-time compare) and fresh, 503 when stopping or too busy,
// else 200 at once; the runtime answers the event.
func (a *Adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, maxEventBytes))
	if err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	var ev Event
	if err := json.Unmarshal(body, &ev); err != nil {
		http.Error(w, "bad event", http.StatusBadRequest)
		return
	}
	want := Sign(a.appID, body, ev.Timestamp, a.secretKey)
	if subtle.ConstantTimeCompare([]byte(r.Header.Get(SignatureHeader)), []byte(want)) != 1 || ev.AppID != a.appID {
		a.log.Warn("zalo oa webhook: bad or missing signature", "remote", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return
	}
	ms, err := strconv.ParseInt(ev.Timestamp, 10, 64)
	if skew := a.now().Sub(time.UnixMilli(ms)); err != nil || skew > MaxSkew || skew < -MaxSkew {
		a.log.Warn("zalo oa webhook: stale or future event", "timestamp", ev.Timestamp)
		http.Error(w, "stale event", http.StatusUnauthorized)
		return
	}
	id := ev.Message.MsgID
	if id == "" {
		id = ev.EventName + ":" + ev.Sender.ID + ":" + ev.Timestamp
	}
	err = a.rt.Submit(bot.Job{Chat: ev.Sender.ID, ID: id, Do: func(ctx context.Context) { a.process(ctx, ev) }})
	if err != nil {
		a.log.Warn("zalo oa webhook: not taking the event now", "err", err)
		w.Header().Set("Retry-After", "1")
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// process answers one event: user_send_text goes to the conversation core,
// follow gets the welcome, other messages from users a polite request for
// text; events the OA itself caused are ignored.
func (a *Adapter) process(ctx context.Context, ev Event) {
	user := ev.Sender.ID
	m := bot.Message{Channel: Channel, ChatID: user, UserID: user}
	switch {
	case ev.EventName == "user_send_text" && strings.TrimSpace(ev.Message.Text) != "":
		m.Text = ev.Message.Text
	case ev.EventName == "follow":
		m.Text = "/start"
		if ev.Sender.ID == "" {
			return
		}
	case strings.HasPrefix(ev.EventName, "user_send_"):
		a.send(ctx, user, msgTextOnly)
		return
	default:
		return
	}
	reply := a.h.Handle(ctx, m)
	text := reply.Text
	switch {
	case reply.Answer != nil:
		text = bot.FormatShort(*reply.Answer)
	case text == "":
		text = reply.Ack
	}
	if strings.TrimSpace(text) != "" {
		a.send(ctx, user, text)
	}
	a.log.Debug("zalo oa: replied", "user", user, "outcome", reply.Outcome)
}

// send sends text in parts, refreshing the access token once when the API
// says it has expired.
func (a *Adapter) send(ctx context.Context, user, text string) {
	for i, part := range bot.SplitText(text, MaxText) {
		if err := a.sendPart(ctx, user, part); err != nil {
			var apiErr *APIError
			if errors.As(err, &apiErr) && apiErr.Code == CodeOutOfWindow {
				a.log.Warn("zalo oa: reply refused: the user last wrote more than 48 hours ago (free replies end then)", "user", user)
				return
			}
			a.log.Error("zalo oa: sending reply failed", "user", user, "part", i+1, "err", err)
			return
		}
	}
}

func (a *Adapter) sendPart(ctx context.Context, user, text string) error {
	access, err := a.accessToken(ctx)
	if err != nil {
		return err
	}
	err = a.postMessage(ctx, access, user, text)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.tokenProblem() {
		a.log.Info("zalo oa: access token rejected; refreshing", "code", apiErr.Code)
		if access, err = a.refresh(ctx, access); err != nil {
			return err
		}
		err = a.postMessage(ctx, access, user, text)
	}
	return err
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
