package openai

import (
	"sync"
	"time"
)

// breaker is a circuit breaker: after fails failures in a row it opens and
// refuses calls for pause; then it lets one trial call through, closing on
// its success and opening again on its failure.
type breaker struct {
	mu        sync.Mutex
	threshold int
	pause     time.Duration
	fails     int
	openUntil time.Time
	trial     bool // a trial call is in flight
	now       func() time.Time
}

func newBreaker(fails int, pause time.Duration) *breaker {
	return &breaker{threshold: max(fails, 1), pause: pause, now: time.Now}
}

// allow reports whether a call may go ahead.
func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.fails < b.threshold {
		return true
	}
	if b.trial || b.now().Before(b.openUntil) {
		return false
	}
	b.trial = true
	return true
}

func (b *breaker) success() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fails, b.trial = 0, false
}

func (b *breaker) failure() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.fails++
	b.trial = false
	if b.fails >= b.threshold {
		b.openUntil = b.now().Add(b.pause)
	}
}

// release ends a trial that neither failed nor succeeded (the caller left).
func (b *breaker) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.trial = false
}

// open reports whether calls are being refused now.
func (b *breaker) open() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.fails >= b.threshold && (b.trial || b.now().Before(b.openUntil))
}
