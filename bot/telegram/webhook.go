package telegram

import (
	"context"
	"encoding/json"
	"io"
	"net/http"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/hoibao/hoibao/bot"
)

// SecretHeader carries the webhook's secret token on every delivery.
const SecretHeader = "X-Telegram-Bot-Api-Secret-Token"

// maxUpdateBytes bounds a webhook request body.
const maxUpdateBytes = 1 << 20

// SetWebhook registers the webhook URL and its secret token with Telegram.
// The library has no secret_token field, so the request is made directly.
func (a *Adapter) SetWebhook(ctx context.Context) error {
	_, err := a.call(ctx, 0, false, "setWebhook", map[string]string{
		"url":             a.webhookURL,
		"secret_token":    a.secret,
		"allowed_updates": allowedUpdates,
	})
	return err
}

// ServeHTTP receives webhook deliveries: 401 without the right secret
// (compared in constant time), 503 when stopping or too busy (Telegram
// delivers again later), else 200 at once; the update is answered by the
// channel runtime.
func (a *Adapter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !bot.WebhookAllowed(w, r, SecretHeader, a.secret, a.log) {
		return
	}
	var u tgbotapi.Update
	if err := json.NewDecoder(io.LimitReader(r.Body, maxUpdateBytes)).Decode(&u); err != nil {
		http.Error(w, "bad update", http.StatusBadRequest)
		return
	}
	if err := a.submit(u); err != nil {
		a.log.Warn("telegram webhook: not taking the update now", "update", u.UpdateID, "err", err)
		w.Header().Set("Retry-After", "1")
		http.Error(w, "busy", http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusOK)
}
