package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// The channel runtime every adapter runs on: one chat's jobs strictly in the
// order they were submitted, different chats in parallel up to a bound,
// redeliveries dropped through a Deduper (shared through Redis when the
// state is), panics recovered, and a drain on shutdown that lets every job
// already taken finish.

// Runtime defaults.
const (
	DefaultWorkers    = 16
	DefaultQueueLimit = 1024
	// DedupeTTL is how long a delivery ID is remembered; platforms give up
	// redelivering long before.
	DedupeTTL = 24 * time.Hour
)

// Runtime errors, returned by Submit.
var (
	// ErrStopped: the runtime drains or has drained; the platform should
	// deliver again later (a webhook answers 503).
	ErrStopped = errors.New("channel runtime stopped")
	// ErrBusy: too many jobs wait already.
	ErrBusy = errors.New("channel runtime busy")
)

// Job is one delivery to handle.
type Job struct {
	// Chat orders jobs: those of one chat run one at a time, in Submit
	// order. Jobs of different chats run in parallel.
	Chat string
	// ID, when set, identifies the delivery: a job whose ID was seen
	// before (within DedupeTTL, on any replica sharing the Deduper) is
	// dropped. The check is made when the job runs, so a redelivery queued
	// behind the original is dropped too.
	ID string
	// Do handles the delivery. Its ctx outlives the adapter's: it is
	// cancelled only when the drain times out.
	Do func(ctx context.Context)
}

// Runtime runs jobs for one channel. It is safe for concurrent use.
type Runtime struct {
	name    string
	log     *slog.Logger
	dedupe  Deduper
	limit   int
	sem     chan struct{}
	work    context.Context
	cancel  context.CancelFunc
	wg      sync.WaitGroup
	mu      sync.Mutex
	chats   map[string][]Job // pending jobs of chats that have a runner
	pending int
	running int
	stopped bool
}

// RuntimeOption configures a Runtime.
type RuntimeOption func(*Runtime)

// WithRuntimeLogger sets the logger.
func WithRuntimeLogger(log *slog.Logger) RuntimeOption { return func(r *Runtime) { r.log = log } }

// WithWorkers bounds how many jobs (of different chats) run at once.
func WithWorkers(n int) RuntimeOption {
	return func(r *Runtime) { r.sem = make(chan struct{}, max(n, 1)) }
}

// WithQueueLimit bounds how many jobs may wait; Submit returns ErrBusy beyond.
func WithQueueLimit(n int) RuntimeOption { return func(r *Runtime) { r.limit = max(n, 1) } }

// WithDedupe drops jobs whose ID d has seen (pass the chat state so that
// replicas sharing Redis share it). Without it, IDs are remembered in memory.
func WithDedupe(d Deduper) RuntimeOption { return func(r *Runtime) { r.dedupe = d } }

// NewRuntime returns a runtime for the channel called name.
func NewRuntime(name string, opts ...RuntimeOption) *Runtime {
	r := &Runtime{
		name: name, log: slog.New(slog.DiscardHandler), limit: DefaultQueueLimit,
		sem: make(chan struct{}, DefaultWorkers), chats: map[string][]Job{},
	}
	for _, o := range opts {
		o(r)
	}
	if r.dedupe == nil {
		r.dedupe = NewMemState()
	}
	r.work, r.cancel = context.WithCancel(context.Background())
	return r
}

// Submit queues a job without blocking. It returns ErrStopped once Drain
// has begun and ErrBusy when the queue is full; the job is then not taken.
func (r *Runtime) Submit(j Job) error {
	if j.Do == nil {
		return errors.New("bot: job without Do")
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.stopped {
		return ErrStopped
	}
	if r.pending >= r.limit {
		return ErrBusy
	}
	r.pending++
	q, active := r.chats[j.Chat]
	r.chats[j.Chat] = append(q, j)
	if !active {
		r.wg.Add(1)
		go r.runChat(j.Chat)
	}
	return nil
}

// runChat runs a chat's jobs one after another until its queue is empty.
func (r *Runtime) runChat(chat string) {
	defer r.wg.Done()
	for {
		r.mu.Lock()
		q := r.chats[chat]
		if len(q) == 0 {
			delete(r.chats, chat)
			r.mu.Unlock()
			return
		}
		j := q[0]
		q[0] = Job{}
		r.chats[chat] = q[1:]
		r.mu.Unlock()

		r.sem <- struct{}{}
		r.mu.Lock()
		r.pending--
		r.running++
		r.mu.Unlock()
		r.run(j)
		r.mu.Lock()
		r.running--
		r.mu.Unlock()
		<-r.sem
	}
}

// run runs one job: deduplicated, with panics recovered.
func (r *Runtime) run(j Job) {
	defer func() {
		if p := recover(); p != nil {
			r.log.Error("job panicked", "channel", r.name, "chat", j.Chat, "id", j.ID, "panic", fmt.Sprint(p))
		}
	}()
	if j.ID != "" {
		first, err := r.dedupe.FirstSeen(r.work, r.name+":"+j.ID, DedupeTTL)
		if err != nil {
			r.log.Warn("dedupe failed; handling anyway", "channel", r.name, "id", j.ID, "err", err)
		} else if !first {
			r.log.Info("duplicate delivery dropped", "channel", r.name, "id", j.ID)
			return
		}
	}
	j.Do(r.work)
}

// Pending returns how many jobs wait or run.
func (r *Runtime) Pending() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.pending + r.running
}

// Drain stops taking jobs and waits for every job taken to finish. When
// timeout passes first, the jobs' context is cancelled and Drain returns an
// error saying how many were cut off.
func (r *Runtime) Drain(timeout time.Duration) error {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	done := make(chan struct{})
	go func() { r.wg.Wait(); close(done) }()
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-done:
		r.cancel()
		return nil
	case <-t.C:
	}
	n := r.Pending()
	r.log.Warn("shutdown timeout; cancelling unfinished answers", "channel", r.name, "unfinished", n)
	r.cancel()
	select {
	case <-done:
	case <-time.After(time.Second):
	}
	return fmt.Errorf("%s: %d answers unfinished after the shutdown timeout of %v", r.name, n, timeout)
}
