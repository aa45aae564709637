package telegram

import (
	"context"
	"sync"
	"time"
)

// streamer shows an answer while a model writes it: it sends a first
// message with the text so far, then edits it as the text grows, never
// twice within the edit interval.
type streamer struct {
	a       *Adapter
	ctx     context.Context
	chat    int64
	replyTo int

	mu      sync.Mutex
	text    string // latest text reported
	started bool
	wake    chan struct{}
	done    chan struct{}
	stopped chan struct{}

	// owned by the loop goroutine until stopped is closed
	msgID int
	sent  string
	last  time.Time
}

func (a *Adapter) newStreamer(ctx context.Context, chat int64, replyTo int) *streamer {
	return &streamer{a: a, ctx: ctx, chat: chat, replyTo: replyTo,
		wake: make(chan struct{}, 1), done: make(chan struct{}), stopped: make(chan struct{})}
}

// onText receives the whole answer text so far.
func (s *streamer) onText(partial string) {
	s.mu.Lock()
	s.text = partial
	if !s.started {
		s.started = true
		go s.loop()
	}
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

func (s *streamer) loop() {
	defer close(s.stopped)
	for {
		select {
		case <-s.wake:
		case <-s.done:
			return
		}
		if !s.last.IsZero() {
			t := time.NewTimer(time.Until(s.last.Add(s.a.editEvery)))
			select {
			case <-t.C:
			case <-s.done:
				t.Stop()
				return
			}
		}
		s.mu.Lock()
		text := s.text
		s.mu.Unlock()
		html := preview(text)
		if html == s.sent {
			continue
		}
		if s.msgID == 0 {
			id, err := s.a.send(s.ctx, s.chat, s.replyTo, html, "")
			if err != nil {
				s.a.log.Warn("telegram: sending the first part of a streamed answer failed", "chat", s.chat, "err", err)
				return
			}
			s.msgID = id
		} else if err := s.a.edit(s.ctx, s.chat, s.msgID, html, ""); err != nil {
			s.a.log.Warn("telegram: editing a streamed answer failed", "chat", s.chat, "err", err)
			return
		}
		s.sent, s.last = html, time.Now()
	}
}

// finish stops streaming and returns the message shown so far (0 if none)
// and when it last changed.
func (s *streamer) finish() (messageID int, last time.Time) {
	s.mu.Lock()
	started := s.started
	s.started = true // no loop starts after this
	s.mu.Unlock()
	close(s.done)
	if started {
		<-s.stopped
	}
	return s.msgID, s.last
}
