package zalooa

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// APIError is an error answer of the OA API or of the OAuth server.
type APIError struct {
	Op      string
	Code    int
	Message string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("zalo oa %s: error %d: %s", e.Op, e.Code, e.Message)
}

// Error codes of the OA API that this package acts on.
const (
	CodeTokenInvalid = -216 // access token invalid or expired: refresh, then retry once
	CodeTokenExpired = -124
	CodeOutOfWindow  = -213 // the user has not written in the last 48 hours
)

func (e *APIError) tokenProblem() bool {
	return e.Code == CodeTokenInvalid || e.Code == CodeTokenExpired
}

// tokens is what the store keeps for an OA: the pair in use, when the
// access token expires, and the refresh token the configuration seeded
// (so that an operator's new seed replaces a stored pair).
type tokens struct {
	Access  string    `json:"access_token"`
	Refresh string    `json:"refresh_token"`
	Expires time.Time `json:"expires_at"`
	Seed    string    `json:"seed_refresh_token"`
}

// refreshAnswer is the OAuth server's answer; expires_in is a string of
// seconds on the wire (a number is accepted too).
type refreshAnswer struct {
	AccessToken  string          `json:"access_token"`
	RefreshToken string          `json:"refresh_token"`
	ExpiresIn    json.RawMessage `json:"expires_in"`
	Error        int             `json:"error"`
	ErrorName    string          `json:"error_name"`
	ErrorDesc    string          `json:"error_description"`
}

// postRefresh exchanges a refresh token for a new pair.
func (a *Adapter) postRefresh(ctx context.Context, refresh string) (tokens, error) {
	ctx, cancel := context.WithTimeout(ctx, a.httpTimeout)
	defer cancel()
	form := url.Values{"app_id": {a.appID}, "grant_type": {"refresh_token"}, "refresh_token": {refresh}}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.oauthBase+"/v4/oa/access_token", strings.NewReader(form.Encode()))
	if err != nil {
		return tokens{}, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("secret_key", a.secretKey)
	resp, err := a.hc.Do(req)
	if err != nil {
		return tokens{}, fmt.Errorf("zalo oa refresh: %w", errors.Unwrap(err))
	}
	defer resp.Body.Close()
	var ans refreshAnswer
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans); err != nil {
		return tokens{}, fmt.Errorf("zalo oa refresh: HTTP %d, not JSON", resp.StatusCode)
	}
	if ans.Error != 0 || ans.AccessToken == "" || ans.RefreshToken == "" {
		return tokens{}, &APIError{Op: "refresh", Code: ans.Error, Message: ans.ErrorName + ": " + ans.ErrorDesc}
	}
	secs, _ := strconv.Atoi(strings.Trim(string(ans.ExpiresIn), `"`))
	if secs <= 0 {
		secs = 25 * 3600
	}
	return tokens{Access: ans.AccessToken, Refresh: ans.RefreshToken, Expires: a.now().Add(time.Duration(secs) * time.Second)}, nil
}

// postMessage sends one customer-service text message with access.
func (a *Adapter) postMessage(ctx context.Context, access, user, text string) error {
	ctx, cancel := context.WithTimeout(ctx, a.httpTimeout)
	defer cancel()
	body, _ := json.Marshal(map[string]any{"recipient": map[string]string{"user_id": user}, "message": map[string]string{"text": text}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, a.apiBase+"/v3.0/oa/message/cs", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("access_token", access)
	resp, err := a.hc.Do(req)
	if err != nil {
		return fmt.Errorf("zalo oa send: %w", errors.Unwrap(err))
	}
	defer resp.Body.Close()
	var ans struct {
		Error   int    `json:"error"`
		Message string `json:"message"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(&ans); err != nil {
		return fmt.Errorf("zalo oa send: HTTP %d, not JSON", resp.StatusCode)
	}
	if ans.Error != 0 {
		return &APIError{Op: "send", Code: ans.Error, Message: ans.Message}
	}
	return nil
}
