package bot

import (
	"context"

	"github.com/hoibao/hoibao/knowledge"
)

// Message is what a user said on some channel, as the adapter understood it.
type Message struct {
	// Channel names the adapter ("telegram", "zalo" …); it scopes user and
	// chat IDs, admin rights and per-chat state.
	Channel string
	ChatID  string
	UserID  string
	// UserName is for logs and greetings only; never used for rights.
	UserName string
	// Text is the message text with any mention of the bot removed.
	Text string
	// Group is true in group chats, where only commands, mentions of the bot
	// and replies to it are answered.
	Group bool
	// Addressed is true when, in a group, the message mentions the bot or
	// replies to one of its messages. Commands count as addressed anyway.
	Addressed bool
	// Feedback is "up" or "down" when the user pressed a feedback button on
	// the answer identified by AnswerID; Text is then ignored.
	Feedback string
	AnswerID string
	// Stream, when set, receives the answer text as a model writes it (the
	// whole text so far each time). Adapters that can edit a sent message
	// set it; it is never called with the default extractive answerer.
	Stream func(partial string)
	// Document, when set, is a file the user sent (Text is its caption).
	// Only an admin's is downloaded and read as an article.
	Document *Attachment
}

// Attachment is a file sent in a chat, downloaded only when needed.
type Attachment struct {
	Name     string
	MIMEType string
	Size     int64 // as the channel reports it; 0 when unknown
	// Download fetches the file, failing when it holds more than max bytes.
	Download func(ctx context.Context, max int64) ([]byte, error)
}

// chatKey identifies the chat across channels.
func (m Message) chatKey() string { return m.Channel + ":" + m.ChatID }

// userKey identifies the user across channels.
func (m Message) userKey() string { return m.Channel + ":" + m.UserID }

// Outcome says how a message was handled. Adapters, the HTTP API (status
// codes) and metrics (labels) read it; it is always one of the constants.
type Outcome string

// Outcomes of handling a message.
const (
	OutcomeOK          Outcome = "ok"       // a command did what was asked
	OutcomeAnswered    Outcome = "answered" // a question got a cited answer
	OutcomeRefused     Outcome = "refused"  // the articles do not hold the answer
	OutcomeInvalid     Outcome = "invalid"  // bad input: empty, junk, too long
	OutcomeNotFound    Outcome = "not_found"
	OutcomeRateLimited Outcome = "rate_limited"
	OutcomeForbidden   Outcome = "forbidden" // an admin command from a non-admin
	OutcomeUnavailable Outcome = "unavailable"
	OutcomeInternal    Outcome = "internal"
)

// Reply is what the bot says back. An empty Reply (see Empty) means say nothing.
type Reply struct {
	// Outcome is how the message was handled; Bot.Handle always sets it.
	Outcome Outcome
	// Text is plain text (no markup); adapters escape it for their format.
	Text string
	// Answer, when set, is an answer to a question: the adapter shows its
	// text, note and numbered sources in the channel's format. Text is then
	// unused.
	Answer *knowledge.Answer
	// AnswerID, when set, asks the adapter to offer feedback buttons that
	// come back as a Message with Feedback and this AnswerID.
	AnswerID string
	// Ack is a short confirmation for a button press (Telegram shows it as
	// a toast); adapters without such a thing may send it as text.
	Ack string
}

// Empty reports whether the reply says nothing.
func (r Reply) Empty() bool { return r.Text == "" && r.Answer == nil && r.Ack == "" }

// Replier answers one chat message; *Bot is one. Every channel adapter
// (and the metrics that count its replies) drives one.
type Replier interface {
	Handle(ctx context.Context, m Message) Reply
}

// Handler answers one message. An error is turned into a polite reply by
// the router; handlers return user-facing replies for expected outcomes.
type Handler func(ctx context.Context, m Message) (Reply, error)

// Middleware wraps a handler with behaviour such as logging or rate limits.
type Middleware func(Handler) Handler

// Chain applies middleware so that the first listed runs first (outermost).
func Chain(h Handler, mw ...Middleware) Handler {
	for i := len(mw) - 1; i >= 0; i-- {
		h = mw[i](h)
	}
	return h
}
