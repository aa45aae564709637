package zalo

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/hoibao/hoibao/bot"
)

// Texts users see.
const (
	msgTextOnly  = "Xin lỗi, mình chỉ đọc được tin nhắn chữ. Bạn hãy gửi câu hỏi bằng chữ nhé."
	feedbackHint = "Gửi 👍 hoặc 👎 để góp ý cho câu trả lời này."
	typingTime   = 3 * time.Second
)

// process handles one update: text goes to the conversation core; any
// other event gets a polite request for text.
func (a *Adapter) process(ctx context.Context, u Update) {
	m := u.Message
	if m.From.IsBot || m.Chat.ID == "" {
		return
	}
	chat := m.Chat.ID
	if u.EventName != EventText || strings.TrimSpace(m.Text) == "" {
		a.typing(ctx, chat)
		a.deliver(ctx, chat, bot.Reply{Text: msgTextOnly})
		return
	}
	text := a.stripMention(m.Text)
	if vote := feedbackVote(text); vote != "" {
		reply := a.h.Handle(ctx, bot.Message{Channel: Channel, ChatID: chat, UserID: m.From.ID,
			UserName: m.From.DisplayName, Feedback: vote, AnswerID: a.last.get(chat)})
		a.deliver(ctx, chat, reply)
		return
	}
	group := m.Chat.ChatType == "GROUP"
	msg := bot.Message{Channel: Channel, ChatID: chat, UserID: m.From.ID, UserName: m.From.DisplayName,
		Text: text, Group: group, Addressed: group} // groups deliver only mentions and replies to the bot
	a.typing(ctx, chat)
	a.deliver(ctx, chat, a.h.Handle(ctx, msg))
}

// stripMention removes "@<bot name>" from a group message.
func (a *Adapter) stripMention(text string) string {
	if a.name != "" {
		text = strings.ReplaceAll(text, "@"+a.name, "")
	}
	return strings.TrimSpace(text)
}

// feedbackVote is "up" for a lone 👍, "down" for a lone 👎 (any skin tone).
func feedbackVote(text string) string {
	t := strings.Map(func(r rune) rune {
		if r == 0xFE0F || r >= 0x1F3FB && r <= 0x1F3FF {
			return -1
		}
		return r
	}, strings.TrimSpace(text))
	switch t {
	case "👍":
		return "up"
	case "👎":
		return "down"
	}
	return ""
}

// typing shows "typing…" in the chat.
func (a *Adapter) typing(ctx context.Context, chat string) {
	if _, err := a.c.call(ctx, "sendChatAction", map[string]string{"chat_id": chat, "action": "typing"}, typingTime); err != nil {
		a.log.Debug("zalo: typing action failed", "chat", chat, "err", err)
	}
}

// deliver sends a reply as plain text, in parts of at most MaxText
// characters; an answer gets its numbered sources and a feedback hint.
func (a *Adapter) deliver(ctx context.Context, chat string, reply bot.Reply) {
	var text string
	switch {
	case reply.Answer != nil:
		text = bot.FormatShort(*reply.Answer)
	case reply.Text != "":
		text = reply.Text
	default:
		text = reply.Ack
	}
	if strings.TrimSpace(text) == "" {
		return
	}
	if reply.AnswerID != "" {
		a.last.set(chat, reply.AnswerID)
		text += "\n\n" + feedbackHint
	}
	parts := bot.SplitText(text, MaxText)
	for i, part := range parts {
		if _, err := a.c.call(ctx, "sendMessage", map[string]string{"chat_id": chat, "text": part}, 0); err != nil {
			a.log.Error("zalo: sending reply failed", "chat", chat, "part", i+1, "parts", len(parts), "outcome", reply.Outcome, "err", err)
			return
		}
	}
	a.log.Debug("zalo: replied", "chat", chat, "outcome", reply.Outcome, "parts", len(parts))
}

// lastAnswers remembers each chat's last answer, for 👍/👎 replies.
type lastAnswers struct {
	mu sync.Mutex
	m  map[string]string
}

const maxLastAnswers = 50_000

func newLastAnswers() *lastAnswers { return &lastAnswers{m: map[string]string{}} }

func (l *lastAnswers) set(chat, id string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if _, ok := l.m[chat]; !ok && len(l.m) >= maxLastAnswers {
		for k := range l.m {
			delete(l.m, k)
			break
		}
	}
	l.m[chat] = id
}

func (l *lastAnswers) get(chat string) string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.m[chat]
}
