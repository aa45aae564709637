// Package zalo is hoibao's Zalo Bot Platform channel: long polling with
// getUpdates (no offset: redeliveries are dropped by message_id) or a
// webhook whose X-Bot-Api-Secret-Token is checked in constant time, on the
// channel runtime of package bot (each chat's messages in order, chats in
// parallel, a drain on shutdown). Answers go out as plain text of at most
// 2,000 characters per message with numbered sources, after a typing
// action; a 👍 or 👎 sent after an answer is feedback on it.
package zalo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/hoibao/hoibao/bot"
)

// Channel is this channel's name in bot.Message.
const Channel = "zalo"

// DefaultAPIBase is the platform's API; calls go to {base}/bot{token}/{method}.
const DefaultAPIBase = "https://bot-api.zaloplatforms.com"

// SecretHeader carries the webhook's secret token on every delivery.
const SecretHeader = "X-Bot-Api-Secret-Token"

// MaxText is the longest message text the platform accepts, in characters.
const MaxText = 2000

// Defaults.
const (
	DefaultPollTimeout     = 30 * time.Second
	DefaultHTTPTimeout     = 15 * time.Second
	DefaultShutdownTimeout = 20 * time.Second
	maxUpdateBytes         = 1 << 20
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
	pollTimeout     time.Duration
	httpTimeout     time.Duration
	shutdownTimeout time.Duration
	webhookURL      string
	secret          string
	pollRetry       time.Duration
}

// Option configures an Adapter.
type Option func(*options)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(o *options) { o.log = log } }

// WithWorkers bounds how many chats are answered at once.
func WithWorkers(n int) Option { return func(o *options) { o.workers = n } }

// WithDeduper remembers message IDs in d (shared across replicas when d is
// the Redis state) instead of in memory.
func WithDeduper(d bot.Deduper) Option { return func(o *options) { o.dedupe = d } }

// WithPollTimeout sets the long-poll timeout of getUpdates.
func WithPollTimeout(d time.Duration) Option { return func(o *options) { o.pollTimeout = d } }

// WithHTTPTimeout bounds every API request other than the long poll.
func WithHTTPTimeout(d time.Duration) Option { return func(o *options) { o.httpTimeout = d } }

// WithShutdownTimeout bounds how long Run waits for answers in flight.
func WithShutdownTimeout(d time.Duration) Option { return func(o *options) { o.shutdownTimeout = d } }

// WithWebhook switches from long polling to a webhook at url; the platform
// sends secret (8–256 characters) in the X-Bot-Api-Secret-Token header.
func WithWebhook(url, secret string) Option {
	return func(o *options) { o.webhookURL, o.secret = url, secret }
}

// Adapter connects a Handler to a Zalo bot.
type Adapter struct {
	options
	c    *client
	h    Handler
	rt   *bot.Runtime
	name string // the bot's display name, for mentions in groups
	last *lastAnswers
}

// New connects to the Bot Platform at base with token, checking the token
// with getMe.
func New(ctx context.Context, token, base string, h Handler, opts ...Option) (*Adapter, error) {
	if token == "" {
		return nil, errors.New("zalo: no bot token")
	}
	if h == nil {
		return nil, errors.New("zalo: no handler")
	}
	if base == "" {
		base = DefaultAPIBase
	}
	o := options{log: slog.New(slog.DiscardHandler), workers: bot.DefaultWorkers, pollTimeout: DefaultPollTimeout,
		httpTimeout: DefaultHTTPTimeout, shutdownTimeout: DefaultShutdownTimeout, pollRetry: 3 * time.Second}
	for _, opt := range opts {
		opt(&o)
	}
	o.pollTimeout = max(o.pollTimeout, time.Second)
	if o.webhookURL != "" && (len(o.secret) < 8 || len(o.secret) > 256) {
		return nil, errors.New("zalo: webhook mode needs a secret token of 8 to 256 characters")
	}
	a := &Adapter{
		options: o, h: h, last: newLastAnswers(),
		c: &client{hc: &http.Client{}, base: strings.TrimRight(base, "/"), token: token, timeout: o.httpTimeout},
	}
	rtOpts := []bot.RuntimeOption{bot.WithRuntimeLogger(o.log), bot.WithWorkers(o.workers)}
	if o.dedupe != nil {
		rtOpts = append(rtOpts, bot.WithDedupe(o.dedupe))
	}
	a.rt = bot.NewRuntime(Channel, rtOpts...)
	res, err := a.c.call(ctx, "getMe", struct{}{}, 0)
	if err != nil {
		return nil, err
	}
	var me struct {
		ID          string `json:"id"`
		DisplayName string `json:"display_name"`
		AccountName string `json:"account_name"`
	}
	_ = json.Unmarshal(res, &me)
	a.name = me.DisplayName
	a.log.Info("zalo bot connected", "bot", me.AccountName, "id", me.ID)
	return a, nil
}

// Run takes updates (long polling, or from the webhook handler) until ctx
// ends, then stops taking them and lets every update taken be answered
// within the shutdown timeout. It returns nil on a clean stop, an error
// when answers were cut off.
func (a *Adapter) Run(ctx context.Context) error {
	var err error
	if a.webhookURL != "" {
		_, err = a.c.call(ctx, "setWebhook", map[string]string{"url": a.webhookURL, "secret_token": a.secret}, 0)
		if err == nil {
			a.log.Info("zalo webhook mode", "url", a.webhookURL)
			<-ctx.Done()
		}
	} else {
		err = a.poll(ctx)
	}
	a.log.Info("zalo: stopped taking updates; finishing in-flight answers", "timeout", a.shutdownTimeout.String())
	return errors.Join(err, a.rt.Drain(a.shutdownTimeout))
}

// poll long-polls getUpdates until ctx ends. A webhook left from another
// run is removed first: the platform serves one or the other.
func (a *Adapter) poll(ctx context.Context) error {
	if _, err := a.c.call(ctx, "deleteWebhook", struct{}{}, 0); err != nil {
		a.log.Warn("zalo: deleteWebhook failed", "err", err)
	}
	body := map[string]string{"timeout": fmt.Sprint(int(a.pollTimeout / time.Second))}
	for ctx.Err() == nil {
		res, err := a.c.call(ctx, "getUpdates", body, a.pollTimeout+10*time.Second)
		var apiErr *APIError
		switch {
		case err == nil:
		case ctx.Err() != nil:
			return nil
		case errors.As(err, &apiErr) && apiErr.Code == CodeNoUpdate:
			continue
		default:
			a.log.Warn("zalo: getUpdates failed; retrying", "err", err, "in", a.pollRetry.String())
			if sleep(ctx, a.pollRetry) != nil {
				return nil
			}
			continue
		}
		updates, err := decodeUpdates(res)
		if err != nil {
			a.log.Warn("zalo: bad getUpdates result", "err", err)
			continue
		}
		// getUpdates has no offset: what it returned is gone from the
		// platform, so every update is taken, waiting for room in the
		// runtime if it is full, even when ctx has ended meanwhile.
		for _, u := range updates {
			for a.submit(u) == bot.ErrBusy {
				time.Sleep(20 * time.Millisecond)
			}
		}
	}
	return nil
}

// submit hands an update to the runtime, ordered by its chat and
// de-duplicated by its message_id.
func (a *Adapter) submit(u Update) error {
	id := ""
	if u.Message.MessageID != "" {
		id = "message:" + u.Message.MessageID
	}
	return a.rt.Submit(bot.Job{Chat: u.Message.Chat.ID, ID: id, Do: func(ctx context.Context) { a.process(ctx, u) }})
}

// ServeHTTP receives webhook deliveries: 401 without the right secret
// (compared in constant time), 400 for a body that is no update, 503 when
// stopping or too busy (the platform delivers again), else 200 at once;
// the runtime answers the update.
func (a *Adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !bot.WebhookAllowed(w, r, SecretHeader, a.secret, a.log) {
		return
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, maxUpdateBytes))
	if err != nil {
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	u, err := decodeDelivery(raw)
	if err != nil {
		a.log.Warn("zalo webhook: bad update", "err", err)
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	if err := a.submit(u); err != nil {
		a.log.Warn("zalo webhook: not taking the update now", "message", u.Message.MessageID, "err", err)
		w.Header().Set("Retry-After", "1")
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
