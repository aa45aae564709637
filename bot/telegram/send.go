package telegram

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"

	"github.com/hoibao/hoibao/bot"
)

// deliver sends a reply: into the streamed message when there is one, split
// into parts Telegram accepts, with feedback buttons under the last part.
func (a *Adapter) deliver(ctx context.Context, chat int64, replyTo int, reply bot.Reply, st *streamer) {
	streamed, lastEdit := st.finish()
	if reply.Empty() {
		return
	}
	var html string
	switch {
	case reply.Answer != nil:
		html = FormatAnswer(*reply.Answer)
	case reply.Text != "":
		html = EscapeHTML(reply.Text)
	default:
		html = EscapeHTML(reply.Ack)
	}
	parts := SplitHTML(html, MaxMessageRunes)
	for i, part := range parts {
		markup := ""
		if i == len(parts)-1 && reply.AnswerID != "" {
			markup = feedbackMarkup(reply.AnswerID)
		}
		if i == 0 && streamed != 0 {
			if err := sleep(ctx, time.Until(lastEdit.Add(a.editEvery))); err == nil {
				if err := a.edit(ctx, chat, streamed, part, markup); err == nil {
					replyTo = 0
					continue
				} else {
					a.log.Warn("telegram: final edit failed; sending anew", "chat", chat, "err", err)
				}
			}
		}
		if _, err := a.send(ctx, chat, replyTo, part, markup); err != nil {
			a.log.Error("telegram: sending reply failed", "chat", chat, "part", i+1, "parts", len(parts), "err", err)
			return
		}
		replyTo = 0
	}
}

func feedbackMarkup(answerID string) string {
	kb := tgbotapi.NewInlineKeyboardMarkup(tgbotapi.NewInlineKeyboardRow(
		tgbotapi.NewInlineKeyboardButtonData("👍", "fb:up:"+answerID),
		tgbotapi.NewInlineKeyboardButtonData("👎", "fb:down:"+answerID),
	))
	data, _ := json.Marshal(kb)
	return string(data)
}

// send sends an HTML message and returns its message_id.
func (a *Adapter) send(ctx context.Context, chat int64, replyTo int, html, markup string) (int, error) {
	p := tgbotapi.Params{
		"chat_id": strconv.FormatInt(chat, 10), "text": html, "parse_mode": tgbotapi.ModeHTML,
		"disable_web_page_preview": "true",
	}
	if replyTo != 0 {
		p["reply_to_message_id"] = strconv.Itoa(replyTo)
		p["allow_sending_without_reply"] = "true"
	}
	p.AddNonEmpty("reply_markup", markup)
	res, err := a.call(ctx, chat, true, "sendMessage", p)
	if err != nil {
		return 0, err
	}
	var sent tgbotapi.Message
	if err := json.Unmarshal(res, &sent); err != nil {
		return 0, fmt.Errorf("telegram sendMessage: bad result: %w", err)
	}
	return sent.MessageID, nil
}

// edit replaces the text of a message the bot sent.
func (a *Adapter) edit(ctx context.Context, chat int64, messageID int, html, markup string) error {
	p := tgbotapi.Params{
		"chat_id": strconv.FormatInt(chat, 10), "message_id": strconv.Itoa(messageID),
		"text": html, "parse_mode": tgbotapi.ModeHTML, "disable_web_page_preview": "true",
	}
	p.AddNonEmpty("reply_markup", markup)
	_, err := a.call(ctx, chat, true, "editMessageText", p)
	return err
}
