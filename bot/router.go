package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// Knowledge is what the conversation core needs of the knowledge service;
// *knowledge.Service is one.
type Knowledge interface {
	AskStream(ctx context.Context, q knowledge.Query, onText func(partial string)) (knowledge.Answer, error)
	Ingest(ctx context.Context, sources ...knowledge.Source) (knowledge.Report, error)
	ReloadFrom(ctx context.Context, sources ...knowledge.Source) (knowledge.Report, error)
	Undo(ctx context.Context) (knowledge.Report, error)
	Remove(ctx context.Context, id string) error
	Problems() []knowledge.Skipped
	Index() *knowledge.Index
}

var _ Knowledge = (*knowledge.Service)(nil)

// Defaults.
const (
	// HistoryTTL is how long a chat's recent turns are kept for follow-ups.
	HistoryTTL = 30 * time.Minute
	// DefaultRateWindow is the window of the per-user question limit.
	DefaultRateWindow = time.Minute
	// adminTimeout bounds /reload, /add and /remove.
	adminTimeout = 2 * time.Minute
)

// Bot is the conversation core: it routes messages to commands and
// questions through middleware. It is safe for concurrent use.
type Bot struct {
	kn        Knowledge
	log       *slog.Logger
	admins    map[string]bool // "channel:user"
	sources   []string
	feeds     Feeds
	rateLimit int
	rateWin   time.Duration
	now       func() time.Time

	memory  Memory
	limiter Limiter
	auditor Auditor
	counter Counter
	deduper Deduper

	commands map[string]Handler
	handle   Handler
}

// Option configures a Bot.
type Option func(*Bot)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(b *Bot) { b.log = log } }

// WithAdmins allows the given user IDs of a channel to run admin commands.
func WithAdmins(channel string, ids ...string) Option {
	return func(b *Bot) {
		for _, id := range ids {
			b.admins[channel+":"+id] = true
		}
	}
}

// WithSources sets the files or folders /reload loads; none means the
// bundled sample article.
func WithSources(paths []string) Option { return func(b *Bot) { b.sources = paths } }

// WithRateLimit allows each user at most n questions per window; n = 0
// means no limit.
func WithRateLimit(n int, window time.Duration) Option {
	return func(b *Bot) { b.rateLimit, b.rateWin = n, window }
}

// WithState keeps chat state (history, dedupe keys, rate windows, audit log,
// counters) in s; main passes the Redis store's state so that replicas share
// it. Without it the state is one replica's memory.
func WithState(s State) Option {
	return func(b *Bot) {
		if s != nil {
			b.memory, b.deduper, b.limiter, b.auditor, b.counter = s, s, s, s, s
		}
	}
}

// WithLimiter counts the per-user question limit in l (after WithState).
func WithLimiter(l Limiter) Option { return func(b *Bot) { b.limiter = l } }

// WithAuditor records admin actions and feedback in a (after WithState).
func WithAuditor(a Auditor) Option { return func(b *Bot) { b.auditor = a } }

// New returns the conversation core answering from kn, its chat state in
// memory unless WithState says otherwise.
func New(kn Knowledge, opts ...Option) *Bot {
	if kn == nil {
		panic("bot.New: nil knowledge service")
	}
	mem := NewMemState()
	b := &Bot{
		kn: kn, log: slog.New(slog.DiscardHandler), admins: map[string]bool{},
		rateWin: DefaultRateWindow, now: time.Now,
		memory: mem, limiter: mem, auditor: mem, counter: mem, deduper: mem,
	}
	for _, o := range opts {
		o(b)
	}
	if b.rateWin <= 0 {
		b.rateWin = DefaultRateWindow
	}
	ask := Chain(b.ask, b.rateLimited)
	b.commands = map[string]Handler{
		"start":      b.start,
		"help":       b.help,
		"sources":    b.listSources,
		"ask":        ask,
		"reload":     Chain(b.reload, b.adminOnly("reload")),
		"add":        Chain(b.add, b.adminOnly("add")),
		"remove":     Chain(b.remove, b.adminOnly("remove")),
		"stats":      Chain(b.stats, b.adminOnly("stats")),
		"undo":       Chain(b.undo, b.adminOnly("undo")),
		"feeds":      Chain(b.listFeeds, b.adminOnly("feeds")),
		"addfeed":    Chain(b.addFeed, b.adminOnly("addfeed")),
		"removefeed": Chain(b.removeFeed, b.adminOnly("removefeed")),
	}
	b.handle = Chain(b.route, b.logging, b.errors, b.recovery)
	return b
}

// Handle answers one message. The reply may be empty (say nothing), e.g.
// for group chatter not addressed to the bot.
func (b *Bot) Handle(ctx context.Context, m Message) Reply {
	r, _ := b.handle(ctx, m)
	if r.Outcome == "" {
		r.Outcome = OutcomeOK
		if r.Answer != nil {
			r.Outcome = OutcomeAnswered
			if r.Answer.Refused {
				r.Outcome = OutcomeRefused
			}
		}
	}
	return r
}

// route sends a message to its command, to feedback, or to the question
// handler, applying the group rules.
func (b *Bot) route(ctx context.Context, m Message) (Reply, error) {
	if m.Feedback != "" {
		return b.feedback(ctx, m)
	}
	if m.Document != nil {
		return b.document(ctx, m) // admins only (admin.go)
	}
	cmd, rest, isCmd := ParseCommand(m.Text)
	if !isCmd {
		if m.Group && !m.Addressed {
			return Reply{}, nil
		}
		if strings.TrimSpace(m.Text) == "" {
			return Reply{}, nil
		}
		m.Text = strings.TrimSpace(m.Text)
		return Chain(b.ask, b.rateLimited)(ctx, m)
	}
	h, ok := b.commands[cmd]
	if !ok {
		if m.Group && !m.Addressed {
			return Reply{}, nil // another bot's command
		}
		return Reply{Text: fmt.Sprintf("Mình chưa biết lệnh /%s. Gõ /help để xem các lệnh, hoặc cứ gõ câu hỏi.", cmd)}, nil
	}
	m.Text = rest
	return h(ctx, m)
}

// ParseCommand splits "/cmd@bot rest" into "cmd" and "rest". Commands are
// ASCII letters, digits and underscores, lower-cased.
func ParseCommand(text string) (cmd, rest string, ok bool) {
	text = strings.TrimLeft(text, " \t\r\n")
	if !strings.HasPrefix(text, "/") {
		return "", "", false
	}
	end := strings.IndexAny(text, " \t\r\n")
	if end < 0 {
		end = len(text)
	}
	word := text[1:end]
	word, _, _ = strings.Cut(word, "@")
	if word == "" || strings.IndexFunc(word, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '_')
	}) >= 0 {
		return "", "", false
	}
	return strings.ToLower(word), strings.TrimSpace(text[end:]), true
}

// isAdmin reports whether the message's user may run admin commands.
func (b *Bot) isAdmin(m Message) bool { return m.UserID != "" && b.admins[m.userKey()] }

// Messages users see.
const (
	msgInternal    = "Xin lỗi, hoibao đang gặp sự cố. Bạn vui lòng thử lại sau ít phút."
	msgRateLimited = "Bạn đang hỏi hơi nhanh. Vui lòng đợi một chút rồi hỏi tiếp nhé."
	msgNotAdmin    = "Xin lỗi, lệnh này chỉ dành cho quản trị viên."
	msgUnavailable = "Dịch vụ tạm thời không khả dụng. Bạn vui lòng thử lại sau."
)

// errors turns handler errors into polite replies; the detail goes to the log.
func (b *Bot) errors(next Handler) Handler {
	return func(ctx context.Context, m Message) (Reply, error) {
		r, err := next(ctx, m)
		if err == nil {
			return r, nil
		}
		switch {
		case errors.Is(err, knowledge.ErrInvalidQuestion), errors.Is(err, knowledge.ErrInvalidArticle):
			return Reply{Text: upperFirst(err.Error()) + ".", Outcome: OutcomeInvalid}, nil
		case errors.Is(err, knowledge.ErrNotFound):
			return Reply{Text: upperFirst(err.Error()) + ".", Outcome: OutcomeNotFound}, nil
		case errors.Is(err, knowledge.ErrUnavailable):
			b.log.Warn("unavailable", "channel", m.Channel, "chat", m.ChatID, "err", err)
			return Reply{Text: msgUnavailable, Outcome: OutcomeUnavailable}, nil
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			b.log.Warn("handler cancelled", "channel", m.Channel, "chat", m.ChatID, "err", err)
			return Reply{Text: msgInternal, Outcome: OutcomeInternal}, err
		}
		b.log.Error("handler failed", "channel", m.Channel, "chat", m.ChatID, "err", err)
		return Reply{Text: msgInternal, Outcome: OutcomeInternal}, err
	}
}

// recovery turns a panic into a polite reply and an error log line.
func (b *Bot) recovery(next Handler) Handler {
	return func(ctx context.Context, m Message) (r Reply, err error) {
		defer func() {
			if p := recover(); p != nil {
				b.log.Error("handler panicked", "channel", m.Channel, "chat", m.ChatID, "panic", fmt.Sprint(p))
				r, err = Reply{}, fmt.Errorf("panic: %v", p)
			}
		}()
		return next(ctx, m)
	}
}

// logging logs each handled message without its text (which may be a
// pasted article) but with its command and size.
func (b *Bot) logging(next Handler) Handler {
	return func(ctx context.Context, m Message) (Reply, error) {
		start := b.now()
		r, err := next(ctx, m)
		cmd, _, _ := ParseCommand(m.Text)
		if r.Empty() && err == nil {
			return r, err
		}
		attrs := []any{"channel", m.Channel, "chat", m.ChatID, "user", m.UserID, "command", cmd,
			"chars", len([]rune(m.Text)), "elapsed", b.now().Sub(start).Round(time.Millisecond).String()}
		if m.Feedback != "" {
			attrs = append(attrs, "feedback", m.Feedback)
		}
		if r.Answer != nil {
			attrs = append(attrs, "refused", r.Answer.Refused, "citations", len(r.Answer.Citations))
		}
		if err != nil {
			attrs = append(attrs, "err", err)
		}
		b.log.Info("message", attrs...)
		return r, err
	}
}

// rateLimited applies the per-user question limit.
func (b *Bot) rateLimited(next Handler) Handler {
	return func(ctx context.Context, m Message) (Reply, error) {
		if b.rateLimit > 0 {
			ok, err := b.limiter.Allow(ctx, "questions:"+m.userKey(), b.rateLimit, b.rateWin)
			if err != nil {
				b.log.Warn("rate limiter failed; allowing", "err", err)
			} else if !ok {
				b.log.Info("rate limited", "channel", m.Channel, "user", m.UserID)
				return Reply{Text: msgRateLimited, Outcome: OutcomeRateLimited}, nil
			}
		}
		return next(ctx, m)
	}
}

// adminOnly refuses non-admins politely, logging and auditing the attempt.
func (b *Bot) adminOnly(command string) Middleware {
	return func(next Handler) Handler {
		return func(ctx context.Context, m Message) (Reply, error) {
			if !b.isAdmin(m) {
				b.log.Warn("admin command refused", "channel", m.Channel, "user", m.UserID, "command", command)
				b.audit(ctx, m, "denied:"+command, fmt.Sprintf("%d chars", len([]rune(m.Text))))
				return Reply{Text: msgNotAdmin, Outcome: OutcomeForbidden}, nil
			}
			return next(ctx, m)
		}
	}
}

func (b *Bot) audit(ctx context.Context, m Message, action, detail string) {
	if err := b.auditor.Audit(ctx, m.userKey(), action, detail); err != nil {
		b.log.Warn("audit failed", "action", action, "err", err)
	}
}

func (b *Bot) incr(ctx context.Context, names ...string) {
	for _, n := range names {
		if err := b.counter.Incr(ctx, n, 1); err != nil {
			b.log.Warn("counter failed", "name", n, "err", err)
			return
		}
	}
}
