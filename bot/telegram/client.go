package telegram

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
)

// httpClient gives every request of the library (which has no context
// support) a deadline, and lets Run cancel an in-flight long poll.
type httpClient struct {
	hc          *http.Client
	timeout     time.Duration // for every call but getUpdates
	pollTimeout time.Duration // for getUpdates
	poll        atomic.Pointer[context.Context]
}

var _ tgbotapi.HTTPClient = (*httpClient)(nil)

func (c *httpClient) Do(req *http.Request) (*http.Response, error) {
	base, timeout := context.Background(), c.timeout
	if strings.HasSuffix(req.URL.Path, "/getUpdates") {
		timeout = c.pollTimeout
		if p := c.poll.Load(); p != nil {
			base = *p
		}
	}
	ctx, cancel := context.WithTimeout(base, timeout)
	resp, err := c.hc.Do(req.WithContext(ctx))
	if err != nil {
		cancel()
		return nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, nil
}

type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (c *cancelOnClose) Close() error {
	err := c.ReadCloser.Close()
	c.cancel()
	return err
}

// apiError is an error of the Bot API or of reaching it, with the bot token
// removed from its text (the library's transport errors carry the URL).
type apiError struct {
	msg string
	err error // never one whose text holds the token
}

func (e *apiError) Error() string { return e.msg }
func (e *apiError) Unwrap() error { return e.err }

// redact returns err with every trace of the token removed.
func (a *Adapter) redact(method string, err error) error {
	if err == nil {
		return nil
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		// "Post \"https://…/bot<TOKEN>/sendMessage\": dial tcp …": keep the cause.
		err = ue.Err
	}
	msg := err.Error()
	for _, secret := range []string{a.token, url.PathEscape(a.token), url.QueryEscape(a.token)} {
		if secret != "" {
			msg = strings.ReplaceAll(msg, secret, "<token>")
		}
	}
	if strings.Contains(msg, a.token) {
		msg = "(redacted)"
	}
	var inner error
	var tgErr *tgbotapi.Error
	switch {
	case errors.As(err, &tgErr):
		inner = tgErr
	case errors.Is(err, context.Canceled):
		inner = context.Canceled
	case errors.Is(err, context.DeadlineExceeded):
		inner = context.DeadlineExceeded
	}
	return &apiError{msg: "telegram " + method + ": " + msg, err: inner}
}

// Send-limit defaults, from Telegram's published limits.
const (
	DefaultGlobalRate    = 25              // requests per second, all chats
	DefaultChatInterval  = time.Second     // between messages to one private chat
	DefaultGroupInterval = 3 * time.Second // 20 a minute in a group
	maxAttempts          = 5
)

// sendLimiter spaces requests: globally, and per chat. A 429 pushes a
// chat's next slot to its retry_after.
type sendLimiter struct {
	mu         sync.Mutex
	every      time.Duration
	chatEvery  time.Duration
	groupEvery time.Duration
	nextGlobal time.Time
	next       map[int64]time.Time
	now        func() time.Time
}

func newSendLimiter(perSecond int, chatEvery, groupEvery time.Duration) *sendLimiter {
	every := time.Duration(0)
	if perSecond > 0 {
		every = time.Second / time.Duration(perSecond)
	}
	return &sendLimiter{every: every, chatEvery: chatEvery, groupEvery: groupEvery, next: map[int64]time.Time{}, now: time.Now}
}

// wait blocks until a request to chat (0: not chat-bound) may go out. A
// chat held back (by its interval or a 429) waits without taking a global
// slot, so it does not delay other chats.
func (l *sendLimiter) wait(ctx context.Context, chat int64) error {
	for {
		l.mu.Lock()
		now := l.now()
		if n := l.next[chat]; chat != 0 && n.After(now) {
			l.mu.Unlock()
			if err := sleep(ctx, n.Sub(now)); err != nil {
				return err
			}
			continue
		}
		t := now
		if l.nextGlobal.After(t) {
			t = l.nextGlobal
		}
		l.nextGlobal = t.Add(l.every)
		if chat != 0 {
			every := l.chatEvery
			if chat < 0 {
				every = l.groupEvery
			}
			if len(l.next) > 10_000 {
				for k, v := range l.next {
					if v.Before(now) {
						delete(l.next, k)
					}
				}
			}
			l.next[chat] = t.Add(every)
		}
		l.mu.Unlock()
		return sleep(ctx, t.Sub(now))
	}
}

// block holds back requests to chat (0: all) until until.
func (l *sendLimiter) block(chat int64, until time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if chat == 0 {
		if until.After(l.nextGlobal) {
			l.nextGlobal = until
		}
		return
	}
	if until.After(l.next[chat]) {
		l.next[chat] = until
	}
}

// isDialError reports whether err happened before the request was sent.
func isDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// call makes one Bot API request within the send limits, retrying after a
// 429's retry_after and after brief network failures.
func (a *Adapter) call(ctx context.Context, chat int64, limitChat bool, method string, params tgbotapi.Params) (json.RawMessage, error) {
	var lastErr error
	for attempt := 1; attempt <= maxAttempts; attempt++ {
		limitKey := chat
		if !limitChat {
			limitKey = 0
		}
		if err := a.limiter.wait(ctx, limitKey); err != nil {
			return nil, err
		}
		resp, err := a.api.MakeRequest(method, params)
		if err == nil {
			return resp.Result, nil
		}
		lastErr = a.redact(method, err)
		var tgErr *tgbotapi.Error
		switch {
		case errors.As(err, &tgErr) && tgErr.Code == http.StatusTooManyRequests:
			wait := time.Duration(max(tgErr.RetryAfter, 1)) * time.Second
			a.log.Warn("telegram rate limit; retrying", "method", method, "chat", chat, "retry_after", wait.String())
			a.limiter.block(chat, time.Now().Add(wait))
			if chat == 0 || !limitChat {
				if err := sleep(ctx, wait); err != nil {
					return nil, err
				}
			}
		case errors.As(err, &tgErr):
			return nil, lastErr // a real answer from Telegram: retrying won't help
		default:
			if ctx.Err() != nil || method == "sendMessage" && !isDialError(err) {
				return nil, lastErr // it may have been delivered: never send twice
			}
			if err := sleep(ctx, time.Duration(attempt)*200*time.Millisecond); err != nil {
				return nil, lastErr
			}
		}
	}
	return nil, fmt.Errorf("%w (after %d attempts)", lastErr, maxAttempts)
}
