package knowledge

import (
	"context"
	"sync"
)

// turns bounds how many questions are answered at once and serves those
// that wait fairly: round-robin across askers (chats), first come first
// served within one, so a chat that sends fifty questions does not make
// everyone else wait behind them.
type turns struct {
	mu     sync.Mutex
	free   int
	queues map[string][]chan struct{} // waiting, by asker
	ring   []string                   // askers with someone waiting, in turn order
}

func newTurns(n int) *turns {
	return &turns{free: max(n, 1), queues: map[string][]chan struct{}{}}
}

// acquire waits for a turn; the caller must release it. It returns the
// context's error, holding no turn, when ctx ends first.
func (t *turns) acquire(ctx context.Context, asker string) error {
	t.mu.Lock()
	if t.free > 0 && len(t.ring) == 0 {
		t.free--
		t.mu.Unlock()
		return nil
	}
	ch := make(chan struct{})
	if len(t.queues[asker]) == 0 {
		t.ring = append(t.ring, asker)
	}
	t.queues[asker] = append(t.queues[asker], ch)
	t.mu.Unlock()

	select {
	case <-ch:
		return nil
	case <-ctx.Done():
	}
	t.mu.Lock()
	q := t.queues[asker]
	for i, c := range q {
		if c == ch { // still waiting: leave the queue
			q = append(q[:i], q[i+1:]...)
			if len(q) == 0 {
				delete(t.queues, asker)
				for j, a := range t.ring {
					if a == asker {
						t.ring = append(t.ring[:j], t.ring[j+1:]...)
						break
					}
				}
			} else {
				t.queues[asker] = q
			}
			t.mu.Unlock()
			return ctx.Err()
		}
	}
	t.mu.Unlock()
	t.release() // granted as the context ended: pass it on
	return ctx.Err()
}

// release hands the turn to the next asker in the ring, or frees it.
func (t *turns) release() {
	t.mu.Lock()
	defer t.mu.Unlock()
	if len(t.ring) == 0 {
		t.free++
		return
	}
	asker := t.ring[0]
	t.ring = t.ring[1:]
	q := t.queues[asker]
	ch := q[0]
	if q = q[1:]; len(q) > 0 {
		t.queues[asker] = q
		t.ring = append(t.ring, asker)
	} else {
		delete(t.queues, asker)
	}
	close(ch)
}

// waiting counts the questions waiting for a turn.
func (t *turns) waiting() int {
	t.mu.Lock()
	defer t.mu.Unlock()
	n := 0
	for _, q := range t.queues {
		n += len(q)
	}
	return n
}
