package zalo

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// APIError is an error envelope of the Bot Platform: {ok: false,
// error_code, description}.
type APIError struct {
	Method      string
	Code        int
	Description string
}

func (e *APIError) Error() string {
	return fmt.Sprintf("zalo %s: error %d: %s", e.Method, e.Code, e.Description)
}

// Error codes of the platform.
const (
	CodeNoUpdate     = 408 // a long poll ended without updates
	CodeRateLimited  = 429
	CodeUnauthorized = 401
)

// envelope is every answer of the platform.
type envelope struct {
	OK          bool            `json:"ok"`
	Result      json.RawMessage `json:"result"`
	ErrorCode   int             `json:"error_code"`
	Description string          `json:"description"`
}

// client calls {base}/bot{token}/{method} with JSON bodies; its errors never
// hold the token.
type client struct {
	hc      *http.Client
	base    string
	token   string
	timeout time.Duration
}

const maxAttempts = 4

// call makes one request, retrying after a 429 and after failures that
// happened before the request left; a sendMessage that may have arrived
// is never sent twice.
func (c *client) call(ctx context.Context, method string, body any, timeout time.Duration) (json.RawMessage, error) {
	if timeout <= 0 {
		timeout = c.timeout
	}
	data, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	var lastErr error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		res, err := c.once(ctx, method, data, timeout)
		if err == nil {
			return res, nil
		}
		lastErr = err
		var apiErr *APIError
		switch {
		case errors.As(err, &apiErr) && apiErr.Code == CodeRateLimited:
			if err := sleep(ctx, time.Duration(attempt)*time.Second); err != nil {
				return nil, lastErr
			}
		case errors.As(err, &apiErr):
			return nil, err
		default:
			if ctx.Err() != nil || method == "sendMessage" && !isDialError(err) || method == "getUpdates" {
				return nil, err
			}
			if err := sleep(ctx, time.Duration(attempt)*200*time.Millisecond); err != nil {
				return nil, lastErr
			}
		}
	}
	return nil, fmt.Errorf("%w (after %d attempts)", lastErr, maxAttempts)
}

func (c *client) once(ctx context.Context, method string, data []byte, timeout time.Duration) (json.RawMessage, error) {
	ctx, cancel := context.WithTimeout(ctx, timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+"/bot"+c.token+"/"+method, bytes.NewReader(data))
	if err != nil {
		return nil, c.redact(method, err)
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, c.redact(method, err)
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(io.LimitReader(resp.Body, 4<<20))
	if err != nil {
		return nil, c.redact(method, err)
	}
	var env envelope
	if err := json.Unmarshal(raw, &env); err != nil {
		return nil, fmt.Errorf("zalo %s: HTTP %d, not a JSON envelope", method, resp.StatusCode)
	}
	if !env.OK {
		code := env.ErrorCode
		if code == 0 {
			code = resp.StatusCode
		}
		return nil, &APIError{Method: method, Code: code, Description: c.scrub(env.Description)}
	}
	return env.Result, nil
}

// netError is a failure to reach the platform, its text without the token.
type netError struct {
	msg string
	err error
}

func (e *netError) Error() string { return e.msg }
func (e *netError) Unwrap() error { return e.err }

// redact turns a transport error (whose text holds the URL, so the token)
// into one that keeps the cause but not the token.
func (c *client) redact(method string, err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &netError{msg: "zalo " + method + ": " + c.scrub(err.Error()), err: err}
}

func (c *client) scrub(s string) string {
	if c.token == "" {
		return s
	}
	for _, t := range []string{c.token, url.PathEscape(c.token), url.QueryEscape(c.token)} {
		s = strings.ReplaceAll(s, t, "<token>")
	}
	return s
}

func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
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
