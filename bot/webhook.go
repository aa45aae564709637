package bot

import (
	"crypto/subtle"
	"log/slog"
	"net/http"
)

// WebhookAllowed answers a webhook delivery that is not a POST carrying the
// expected secret in header (compared in constant time) with 405 or 401,
// logs the refusal without the secret, and reports whether the delivery
// may be read. An empty secret lets nothing through.
func WebhookAllowed(w http.ResponseWriter, r *http.Request, header, secret string, log *slog.Logger) bool {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return false
	}
	if secret == "" || subtle.ConstantTimeCompare([]byte(r.Header.Get(header)), []byte(secret)) != 1 {
		log.Warn("webhook: request without the right secret token", "remote", r.RemoteAddr)
		http.Error(w, "unauthorized", http.StatusUnauthorized)
		return false
	}
	return true
}
