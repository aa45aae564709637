// Package telegram is hoibao's Telegram channel, on go-telegram-bot-api v5:
// long polling or a webhook with a secret token, on the channel runtime of
// package bot (each chat's updates in order, chats in parallel, redeliveries
// dropped, a drain on shutdown), send limits that honour 429 retry_after,
// answers in HTML with a numbered "Nguồn" list, streaming edits, and 👍/👎
// feedback.
//
// The library has no context support and puts the token in its error
// strings; this package bounds every request with a deadline and removes the
// token from every error it returns or logs.
package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/hoibao/hoibao/bot"
)

// Channel is the name of this channel in bot.Message.
const Channel = "telegram"

// Handler answers messages; *bot.Bot is one.
type Handler = bot.Replier

var _ Handler = (*bot.Bot)(nil)

// Defaults.
const (
	DefaultWorkers         = bot.DefaultWorkers
	DefaultEditInterval    = 1500 * time.Millisecond
	DefaultPollTimeout     = 30 * time.Second
	DefaultHTTPTimeout     = 15 * time.Second
	DefaultShutdownTimeout = 20 * time.Second
	allowedUpdates         = `["message","callback_query"]`
	typingTimeout          = 3 * time.Second
	typingRenew            = 4500 * time.Millisecond
)

type options struct {
	log             *slog.Logger
	workers         int
	editEvery       time.Duration
	pollTimeout     time.Duration
	httpTimeout     time.Duration
	shutdownTimeout time.Duration
	webhookURL      string
	secret          string
	dedupe          bot.Deduper
	perSecond       int
	chatEvery       time.Duration
	groupEvery      time.Duration
	pollRetry       time.Duration // wait after a failed getUpdates
}

// Option configures an Adapter.
type Option func(*options)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(o *options) { o.log = log } }

// WithWorkers bounds how many chats are answered at once.
func WithWorkers(n int) Option { return func(o *options) { o.workers = n } }

// WithEditInterval sets the least time between two edits of one message
// while an answer streams (default 1.5 s).
func WithEditInterval(d time.Duration) Option { return func(o *options) { o.editEvery = d } }

// WithPollTimeout sets the long-poll timeout of getUpdates.
func WithPollTimeout(d time.Duration) Option { return func(o *options) { o.pollTimeout = d } }

// WithHTTPTimeout bounds every Bot API request other than the long poll.
func WithHTTPTimeout(d time.Duration) Option { return func(o *options) { o.httpTimeout = d } }

// WithShutdownTimeout bounds how long Run waits for in-flight answers.
func WithShutdownTimeout(d time.Duration) Option { return func(o *options) { o.shutdownTimeout = d } }

// WithWebhook switches from long polling to a webhook at url; Telegram
// sends secret in the X-Telegram-Bot-Api-Secret-Token header.
func WithWebhook(url, secret string) Option {
	return func(o *options) { o.webhookURL, o.secret = url, secret }
}

// WithDeduper remembers update IDs in d (shared across replicas when d is
// the Redis store) instead of in memory.
func WithDeduper(d bot.Deduper) Option { return func(o *options) { o.dedupe = d } }

// WithSendLimits sets the global request rate and the least time between
// messages to one private chat and to one group.
func WithSendLimits(perSecond int, chat, group time.Duration) Option {
	return func(o *options) { o.perSecond, o.chatEvery, o.groupEvery = perSecond, chat, group }
}

// Adapter connects a Handler to a Telegram bot.
type Adapter struct {
	options
	api      *tgbotapi.BotAPI
	token    string
	endpoint string // API endpoint format, for file downloads (document.go)
	h        Handler
	client   *httpClient
	limiter  *sendLimiter
	mention  *regexp.Regexp
	rt       *bot.Runtime
}

// New connects to the Bot API at endpoint (a format such as
// "https://api.telegram.org/bot%s/%s") with token, checking it with getMe.
func New(token, endpoint string, h Handler, opts ...Option) (*Adapter, error) {
	if token == "" {
		return nil, errors.New("telegram: no bot token")
	}
	if strings.Count(endpoint, "%s") != 2 {
		return nil, errors.New("telegram: the API endpoint must be a format with two %s")
	}
	if h == nil {
		return nil, errors.New("telegram: no handler")
	}
	o := options{
		log: slog.New(slog.DiscardHandler), workers: DefaultWorkers, editEvery: DefaultEditInterval,
		pollTimeout: DefaultPollTimeout, httpTimeout: DefaultHTTPTimeout, shutdownTimeout: DefaultShutdownTimeout,
		perSecond: DefaultGlobalRate, chatEvery: DefaultChatInterval, groupEvery: DefaultGroupInterval,
		pollRetry: 3 * time.Second,
	}
	for _, opt := range opts {
		opt(&o)
	}
	o.workers = max(o.workers, 1)
	o.pollTimeout = max(o.pollTimeout, time.Second) // 0 would be short polling in a busy loop
	if o.webhookURL != "" && o.secret == "" {
		return nil, errors.New("telegram: webhook mode needs a secret token")
	}
	a := &Adapter{
		options: o, token: token, endpoint: endpoint, h: h,
		client: &httpClient{
			hc:          &http.Client{Timeout: o.httpTimeout + o.pollTimeout + 10*time.Second},
			timeout:     o.httpTimeout,
			pollTimeout: o.pollTimeout + 10*time.Second,
		},
		limiter: newSendLimiter(o.perSecond, o.chatEvery, o.groupEvery),
	}
	rtOpts := []bot.RuntimeOption{bot.WithRuntimeLogger(o.log), bot.WithWorkers(o.workers)}
	if o.dedupe != nil {
		rtOpts = append(rtOpts, bot.WithDedupe(o.dedupe))
	}
	a.rt = bot.NewRuntime(Channel, rtOpts...)
	api, err := tgbotapi.NewBotAPIWithClient(token, endpoint, a.client)
	if err != nil {
		return nil, a.redact("getMe", err)
	}
	a.api = api
	if api.Self.UserName != "" {
		a.mention = regexp.MustCompile(`(?i)@` + regexp.QuoteMeta(api.Self.UserName) + `\b`)
	}
	a.log.Info("telegram bot connected", "bot", api.Self.UserName, "id", api.Self.ID)
	return a, nil
}

// Username returns the bot's @username, without the @.
func (a *Adapter) Username() string { return a.api.Self.UserName }

// Run takes updates (long polling, or from the webhook handler) until ctx
// ends, then stops taking them, lets every update taken be answered within
// the shutdown timeout and returns. It returns nil on a clean stop, an error
// when answers were cut off by the timeout.
func (a *Adapter) Run(ctx context.Context) error {
	var err error
	if a.webhookURL != "" {
		if err = a.SetWebhook(ctx); err == nil {
			a.log.Info("telegram webhook mode", "url", a.webhookURL)
			<-ctx.Done()
		}
	} else {
		err = a.poll(ctx)
	}
	a.log.Info("telegram: stopped taking updates; finishing in-flight answers", "timeout", a.shutdownTimeout.String())
	return errors.Join(err, a.rt.Drain(a.shutdownTimeout))
}

// submit hands an update to the runtime, ordered by its chat.
func (a *Adapter) submit(u tgbotapi.Update) error {
	chat := "update:" + strconv.Itoa(u.UpdateID)
	switch {
	case u.Message != nil && u.Message.Chat != nil:
		chat = strconv.FormatInt(u.Message.Chat.ID, 10)
	case u.CallbackQuery != nil && u.CallbackQuery.Message != nil && u.CallbackQuery.Message.Chat != nil:
		chat = strconv.FormatInt(u.CallbackQuery.Message.Chat.ID, 10)
	}
	return a.rt.Submit(bot.Job{
		Chat: chat,
		ID:   fmt.Sprintf("%d:update:%d", a.api.Self.ID, u.UpdateID),
		Do:   func(ctx context.Context) { a.process(ctx, u) },
	})
}

// poll long-polls getUpdates until ctx ends.
func (a *Adapter) poll(ctx context.Context) error {
	a.client.poll.Store(&ctx)
	offset, acked := 0, 0
	params := tgbotapi.Params{
		"timeout":         strconv.Itoa(int(a.pollTimeout / time.Second)),
		"allowed_updates": allowedUpdates,
	}
	for ctx.Err() == nil {
		params["offset"] = strconv.Itoa(offset)
		acked = offset
		resp, err := a.api.MakeRequest("getUpdates", params)
		if err != nil {
			if ctx.Err() != nil {
				break
			}
			wait := a.pollRetry
			var tgErr *tgbotapi.Error
			if errors.As(err, &tgErr) && tgErr.RetryAfter > 0 {
				wait = time.Duration(tgErr.RetryAfter) * time.Second
			}
			if errors.As(err, &tgErr) && tgErr.Code == http.StatusConflict {
				a.log.Error("telegram: another getUpdates consumer or a webhook is active; use webhook mode for several replicas", "err", a.redact("getUpdates", err))
			} else {
				a.log.Warn("telegram: getUpdates failed; retrying", "err", a.redact("getUpdates", err), "in", wait.String())
			}
			if sleep(ctx, wait) != nil {
				break
			}
			continue
		}
		var updates []tgbotapi.Update
		if err := json.Unmarshal(resp.Result, &updates); err != nil {
			a.log.Warn("telegram: bad getUpdates result", "err", err)
			if sleep(ctx, a.pollRetry) != nil {
				break
			}
			continue
		}
	taking:
		for _, u := range updates {
			if u.UpdateID < offset {
				continue
			}
			// An update counts as taken (and is confirmed by the next
			// offset) only once the runtime holds it.
			for {
				err := a.submit(u)
				if err == nil {
					offset = u.UpdateID + 1
					break
				}
				if errors.Is(err, bot.ErrStopped) || sleep(ctx, 50*time.Millisecond) != nil {
					break taking
				}
			}
		}
	}
	if offset > acked {
		// Confirm the updates taken, so a restart does not see them again.
		bg := context.Background()
		a.client.poll.Store(&bg)
		if _, err := a.api.MakeRequest("getUpdates", tgbotapi.Params{"offset": strconv.Itoa(offset), "timeout": "0", "limit": "1"}); err != nil {
			a.log.Warn("telegram: confirming the last updates failed", "err", a.redact("getUpdates", err))
		}
	}
	return nil
}

// process handles one update.
func (a *Adapter) process(ctx context.Context, u tgbotapi.Update) {
	switch {
	case u.CallbackQuery != nil:
		a.handleCallback(ctx, u.CallbackQuery)
	case u.Message != nil:
		a.handleMessage(ctx, u.Message)
	}
}

func (a *Adapter) handleMessage(ctx context.Context, msg *tgbotapi.Message) {
	if msg.From == nil || msg.From.IsBot || strings.TrimSpace(msg.Text) == "" && msg.Document == nil {
		return
	}
	m := bot.Message{
		Channel: Channel, ChatID: strconv.FormatInt(msg.Chat.ID, 10),
		UserID: strconv.FormatInt(msg.From.ID, 10), UserName: msg.From.UserName, Text: msg.Text,
	}
	if msg.Document != nil {
		m.Text, m.Document = msg.Caption, a.attachment(msg.Document) // document.go
	}
	replyTo := 0
	switch msg.Chat.Type {
	case "private":
	case "group", "supergroup":
		text, addressed, ours := a.addressing(msg)
		if !ours {
			return
		}
		m.Group, m.Addressed, m.Text, replyTo = true, addressed, text, msg.MessageID
		if _, _, isCmd := bot.ParseCommand(text); !addressed && !isCmd {
			return // chatter: not even typing
		}
	default:
		return
	}
	chat := msg.Chat.ID
	a.typing(ctx, chat)
	stopTyping := a.keepTyping(ctx, chat)
	st := a.newStreamer(ctx, chat, replyTo)
	m.Stream = st.onText
	reply := a.h.Handle(ctx, m)
	stopTyping()
	a.deliver(ctx, chat, replyTo, reply, st)
}

// typing shows "typing…" in the chat (Telegram shows it for 5 s).
func (a *Adapter) typing(ctx context.Context, chat int64) {
	ctx, cancel := context.WithTimeout(ctx, typingTimeout)
	defer cancel()
	if _, err := a.call(ctx, chat, false, "sendChatAction", tgbotapi.Params{"chat_id": strconv.FormatInt(chat, 10), "action": "typing"}); err != nil {
		a.log.Debug("telegram: typing action failed", "chat", chat, "err", err)
	}
}

// keepTyping renews the typing action while a slow answer is prepared.
func (a *Adapter) keepTyping(ctx context.Context, chat int64) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(typingRenew)
		defer t.Stop()
		for {
			select {
			case <-t.C:
				a.typing(ctx, chat)
			case <-done:
				return
			case <-ctx.Done():
				return
			}
		}
	}()
	return func() { close(done); <-finished }
}

// addressing decides whether a group message is for this bot: ours is false
// for a command aimed at another bot; addressed is true for a mention of the
// bot or a reply to it. The mention is removed from text.
func (a *Adapter) addressing(msg *tgbotapi.Message) (text string, addressed, ours bool) {
	text = msg.Text
	if strings.HasPrefix(text, "/") {
		word, _, _ := strings.Cut(text, " ")
		if _, target, ok := strings.Cut(word, "@"); ok && !strings.EqualFold(target, a.api.Self.UserName) {
			return "", false, false
		}
	}
	if a.mention != nil && a.mention.MatchString(text) {
		text = strings.TrimSpace(a.mention.ReplaceAllString(text, ""))
		addressed = true
	}
	if r := msg.ReplyToMessage; r != nil && r.From != nil && r.From.ID == a.api.Self.ID {
		addressed = true
	}
	return text, addressed, true
}

func (a *Adapter) handleCallback(ctx context.Context, cq *tgbotapi.CallbackQuery) {
	ack := func(text string) {
		if _, err := a.call(ctx, 0, false, "answerCallbackQuery", tgbotapi.Params{"callback_query_id": cq.ID, "text": text}); err != nil {
			a.log.Warn("telegram: answerCallbackQuery failed", "err", err)
		}
	}
	kind, rest, _ := strings.Cut(cq.Data, ":")
	vote, id, _ := strings.Cut(rest, ":")
	if kind != "fb" || cq.From == nil {
		ack("")
		return
	}
	m := bot.Message{Channel: Channel, UserID: strconv.FormatInt(cq.From.ID, 10), UserName: cq.From.UserName, Feedback: vote, AnswerID: id}
	if cq.Message != nil && cq.Message.Chat != nil {
		m.ChatID = strconv.FormatInt(cq.Message.Chat.ID, 10)
	}
	reply := a.h.Handle(ctx, m)
	ack(reply.Ack)
}
