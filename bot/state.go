package bot

import (
	"context"
	"sort"
	"sync"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// Memory keeps each chat's recent turns so follow-up questions have context.
type Memory interface {
	History(ctx context.Context, chat string) ([]knowledge.Turn, error)
	SaveHistory(ctx context.Context, chat string, turns []knowledge.Turn, ttl time.Duration) error
}

// Deduper remembers keys for a while: FirstSeen is true only the first time
// a key is seen within ttl. Adapters use it to answer a redelivery once.
type Deduper interface {
	FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error)
}

// Limiter allows at most limit events per key within window.
type Limiter interface {
	Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, error)
}

// Auditor records who did what, for admin actions and feedback.
type Auditor interface {
	Audit(ctx context.Context, actor, action, detail string) error
}

// Counter keeps named counters for /stats.
type Counter interface {
	Incr(ctx context.Context, name string, delta int64) error
	Counts(ctx context.Context) (map[string]int64, error)
}

// State is all the chat state a Bot and the channel runtime keep: one
// replica's memory (MemState) or Redis shared by every replica. Both pass
// the one contract suite in bot/statetest.
type State interface {
	Memory
	Deduper
	Limiter
	Auditor
	Counter
}

var (
	_ State   = (*MemState)(nil)
	_ Memory  = (*MemState)(nil)
	_ Deduper = (*MemState)(nil)
	_ Limiter = (*MemState)(nil)
	_ Auditor = (*MemState)(nil)
	_ Counter = (*MemState)(nil)
)

// maxMemKeys bounds each in-memory table; the oldest entries go first.
const maxMemKeys = 100_000

// MemState is the in-memory chat state of a single replica: the default
// when the store does not keep chat state itself.
type MemState struct {
	mu      sync.Mutex
	now     func() time.Time
	history map[string]expiring[[]knowledge.Turn]
	seen    map[string]time.Time // key -> expiry
	windows map[string][]time.Time
	counts  map[string]int64
	audit   []AuditEntry
}

// AuditEntry is one recorded action.
type AuditEntry struct {
	Time                  time.Time
	Actor, Action, Detail string
}

type expiring[T any] struct {
	value   T
	expires time.Time
}

// NewMemState returns empty in-memory state.
func NewMemState() *MemState {
	return &MemState{
		now:     time.Now,
		history: map[string]expiring[[]knowledge.Turn]{},
		seen:    map[string]time.Time{},
		windows: map[string][]time.Time{},
		counts:  map[string]int64{},
	}
}

// History returns the chat's saved turns, oldest first.
func (s *MemState) History(_ context.Context, chat string) ([]knowledge.Turn, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e, ok := s.history[chat]
	if !ok || s.now().After(e.expires) {
		delete(s.history, chat)
		return nil, nil
	}
	return append([]knowledge.Turn(nil), e.value...), nil
}

// SaveHistory replaces the chat's turns; they expire after ttl (never when
// ttl ≤ 0).
func (s *MemState) SaveHistory(_ context.Context, chat string, turns []knowledge.Turn, ttl time.Duration) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if len(s.history) >= maxMemKeys {
		for k, e := range s.history {
			if now.After(e.expires) || len(s.history) >= maxMemKeys {
				delete(s.history, k)
			}
		}
	}
	expires := now.Add(ttl)
	if ttl <= 0 {
		expires = now.AddDate(100, 0, 0)
	}
	s.history[chat] = expiring[[]knowledge.Turn]{append([]knowledge.Turn(nil), turns...), expires}
	return nil
}

// FirstSeen reports whether key is new within ttl (DedupeTTL when ttl ≤ 0),
// and remembers it.
func (s *MemState) FirstSeen(_ context.Context, key string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		ttl = DedupeTTL
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	if exp, ok := s.seen[key]; ok && now.Before(exp) {
		return false, nil
	}
	if len(s.seen) >= maxMemKeys {
		for k, exp := range s.seen {
			if !now.Before(exp) {
				delete(s.seen, k)
			}
		}
		for k := range s.seen { // still full: forget arbitrary ones
			if len(s.seen) < maxMemKeys {
				break
			}
			delete(s.seen, k)
		}
	}
	s.seen[key] = now.Add(ttl)
	return true, nil
}

// Allow is a sliding-window limit: at most limit events per window.
func (s *MemState) Allow(_ context.Context, key string, limit int, window time.Duration) (bool, error) {
	if limit <= 0 {
		return true, nil
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	kept := s.windows[key][:0]
	for _, t := range s.windows[key] {
		if now.Sub(t) < window {
			kept = append(kept, t)
		}
	}
	if len(kept) >= limit {
		s.windows[key] = kept
		return false, nil
	}
	if len(s.windows) >= maxMemKeys {
		clear(s.windows)
	}
	s.windows[key] = append(kept, now)
	return true, nil
}

// Audit records an action; the last 10,000 are kept.
func (s *MemState) Audit(_ context.Context, actor, action, detail string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.audit = append(s.audit, AuditEntry{s.now(), actor, action, detail})
	if len(s.audit) > 10_000 {
		s.audit = append([]AuditEntry(nil), s.audit[len(s.audit)-10_000:]...)
	}
	return nil
}

// AuditLog returns the recorded actions, oldest first.
func (s *MemState) AuditLog() []AuditEntry {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]AuditEntry(nil), s.audit...)
}

// Incr adds delta to a counter.
func (s *MemState) Incr(_ context.Context, name string, delta int64) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.counts[name]; !ok && len(s.counts) >= maxMemKeys {
		return nil
	}
	s.counts[name] += delta
	return nil
}

// Counts returns every counter.
func (s *MemState) Counts(_ context.Context) (map[string]int64, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make(map[string]int64, len(s.counts))
	for k, v := range s.counts {
		out[k] = v
	}
	return out, nil
}

// top returns the n highest counters whose names start with prefix, the
// prefix removed, highest first.
func top(counts map[string]int64, prefix string, n int) []ranked {
	var out []ranked
	for k, v := range counts {
		if len(k) > len(prefix) && k[:len(prefix)] == prefix {
			out = append(out, ranked{k[len(prefix):], v})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].n != out[j].n {
			return out[i].n > out[j].n
		}
		return out[i].name < out[j].name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

type ranked struct {
	name string
	n    int64
}
