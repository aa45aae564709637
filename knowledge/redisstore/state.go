package redisstore

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strconv"
	"sync/atomic"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
)

// MaxAudit is about how many audit entries the store keeps; older ones go.
const MaxAudit = 10000

// Key names of the shared state; each is one key (no multi-key commands), so
// they spread over a Cluster freely.
func (s *Store) chatKey(chat string) string       { return s.prefix + "chat:" + chat }
func (s *Store) seenKey(key string) string        { return s.prefix + "seen:" + key }
func (s *Store) rateKey(key string) string        { return s.prefix + "rate:" + key }
func (s *Store) auditKey() string                 { return s.prefix + "audit" }
func (s *Store) countsKey() string                { return s.prefix + "counts" }
func (s *Store) vectorKey(model, h string) string { return s.prefix + "vec:" + model + ":" + h }

// History returns a chat's recent turns, oldest first; none when it has
// expired or never was.
func (s *Store) History(ctx context.Context, chat string) ([]knowledge.Turn, error) {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	data, err := s.rdb.Get(ctx, s.chatKey(chat)).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, nil
	}
	if err != nil {
		return nil, fail("history", err)
	}
	var turns []knowledge.Turn
	if err := json.Unmarshal(data, &turns); err != nil {
		return nil, nil // a corrupt history is forgotten, not fatal
	}
	return turns, nil
}

// SaveHistory replaces a chat's turns, to expire after ttl (never when ttl ≤ 0).
func (s *Store) SaveHistory(ctx context.Context, chat string, turns []knowledge.Turn, ttl time.Duration) error {
	data, err := json.Marshal(turns)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	return fail("save history", s.rdb.Set(ctx, s.chatKey(chat), data, max(ttl, 0)).Err())
}

// FirstSeen is true only the first time key is seen within ttl, across all
// replicas (SET NX with an expiry).
func (s *Store) FirstSeen(ctx context.Context, key string, ttl time.Duration) (bool, error) {
	if ttl <= 0 {
		ttl = 24 * time.Hour
	}
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	err := s.rdb.SetArgs(ctx, s.seenKey(key), "1", redis.SetArgs{Mode: "NX", TTL: ttl}).Err()
	if errors.Is(err, redis.Nil) {
		return false, nil
	}
	if err != nil {
		return false, fail("first seen", err)
	}
	return true, nil
}

// allowScript is a sliding-window limit, the same rule as the in-memory
// state's: the key is a sorted set of the allowed events' times; refused
// events are not recorded. KEYS: the set; ARGV: now (ms), window (ms),
// limit, a member unique to this event.
var allowScript = redis.NewScript(`
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  return 0
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1
`)

// Allow counts an event for key and reports whether it is within limit
// events in the last window, counted across all replicas. limit ≤ 0
// allows all.
func (s *Store) Allow(ctx context.Context, key string, limit int, window time.Duration) (bool, error) {
	if limit <= 0 {
		return true, nil
	}
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	now := time.Now()
	member := strconv.FormatInt(now.UnixNano(), 36) + ":" + strconv.FormatUint(eventSeq.Add(1), 36)
	n, err := allowScript.Run(ctx, s.rdb, []string{s.rateKey(key)},
		now.UnixMilli(), max(window.Milliseconds(), 1), limit, member).Int64()
	if err != nil {
		return false, fail("rate limit", err)
	}
	return n == 1, nil
}

// eventSeq makes rate-limit events of one replica distinct in the same ms.
var eventSeq atomic.Uint64

// AuditEntry is one recorded admin action.
type AuditEntry struct {
	Time                  time.Time
	Actor, Action, Detail string
}

// Audit records an admin action in a capped stream.
func (s *Store) Audit(ctx context.Context, actor, action, detail string) error {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	err := s.rdb.XAdd(ctx, &redis.XAddArgs{
		Stream: s.auditKey(), MaxLen: MaxAudit, Approx: true,
		Values: []any{"actor", actor, "action", action, "detail", detail},
	}).Err()
	return fail("audit", err)
}

// RecentAudit returns up to n audit entries, newest first.
func (s *Store) RecentAudit(ctx context.Context, n int) ([]AuditEntry, error) {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	msgs, err := s.rdb.XRevRangeN(ctx, s.auditKey(), "+", "-", int64(n)).Result()
	if err != nil {
		return nil, fail("audit", err)
	}
	out := make([]AuditEntry, 0, len(msgs))
	for _, m := range msgs {
		e := AuditEntry{}
		if ms, _, ok := cutDash(m.ID); ok {
			e.Time = time.UnixMilli(ms)
		}
		e.Actor, _ = m.Values["actor"].(string)
		e.Action, _ = m.Values["action"].(string)
		e.Detail, _ = m.Values["detail"].(string)
		out = append(out, e)
	}
	return out, nil
}

func cutDash(id string) (int64, string, bool) {
	for i := range id {
		if id[i] == '-' {
			ms, err := strconv.ParseInt(id[:i], 10, 64)
			return ms, id[i+1:], err == nil
		}
	}
	return 0, "", false
}

// Incr adds delta to a named counter shared by all replicas.
func (s *Store) Incr(ctx context.Context, name string, delta int64) error {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	return fail("incr", s.rdb.HIncrBy(ctx, s.countsKey(), name, delta).Err())
}

// Counts returns every counter.
func (s *Store) Counts(ctx context.Context) (map[string]int64, error) {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	m, err := s.rdb.HGetAll(ctx, s.countsKey()).Result()
	if err != nil {
		return nil, fail("counts", err)
	}
	out := make(map[string]int64, len(m))
	for k, v := range m {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("redis: counter %q is not a number", k)
		}
		out[k] = n
	}
	return out, nil
}

// VectorTTL is how long a cached embedding vector lives unused.
const VectorTTL = 90 * 24 * time.Hour

// GetVectors returns the cached vectors of model for hashes; missing ones
// are absent from the map.
func (s *Store) GetVectors(ctx context.Context, model string, hashes []string) (map[string][]float32, error) {
	out := make(map[string][]float32, len(hashes))
	if len(hashes) == 0 {
		return out, nil
	}
	ctx, cancel := s.ctx(ctx, true)
	defer cancel()
	cmds := make([]*redis.StringCmd, len(hashes))
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, h := range hashes {
			cmds[i] = p.Get(ctx, s.vectorKey(model, h))
		}
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fail("vectors", err)
	}
	for i, c := range cmds {
		b, err := c.Bytes()
		if err != nil || len(b)%4 != 0 || len(b) == 0 {
			continue
		}
		v := make([]float32, len(b)/4)
		for j := range v {
			v[j] = math.Float32frombits(binary.LittleEndian.Uint32(b[4*j:]))
		}
		out[hashes[i]] = v
	}
	return out, nil
}

// PutVectors caches vectors of model by hash, for VectorTTL.
func (s *Store) PutVectors(ctx context.Context, model string, vectors map[string][]float32) error {
	if len(vectors) == 0 {
		return nil
	}
	ctx, cancel := s.ctx(ctx, true)
	defer cancel()
	_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for h, v := range vectors {
			b := make([]byte, 4*len(v))
			for j, f := range v {
				binary.LittleEndian.PutUint32(b[4*j:], math.Float32bits(f))
			}
			p.Set(ctx, s.vectorKey(model, h), b, VectorTTL)
		}
		return nil
	})
	return fail("vectors", err)
}

// Secrets and locks: small values that must outlive a restart and be the
// same on every replica, such as an OA's rotating tokens.
func (s *Store) secretKey(name string) string { return s.prefix + "secret:" + name }
func (s *Store) lockKey(name string) string   { return s.prefix + "lock:" + name }

// Secret returns the value stored under name; "" when there is none.
func (s *Store) Secret(ctx context.Context, name string) (string, error) {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	v, err := s.rdb.Get(ctx, s.secretKey(name)).Result()
	if errors.Is(err, redis.Nil) {
		return "", nil
	}
	return v, fail("secret", err)
}

// SetSecret stores value under name, without expiry.
func (s *Store) SetSecret(ctx context.Context, name, value string) error {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	return fail("set secret", s.rdb.Set(ctx, s.secretKey(name), value, 0).Err())
}

// unlockScript deletes a lock only while it is still ours.
var unlockScript = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
`)

// TryLock takes the lock called name for at most ttl, across replicas (SET
// NX PX with a token of its own). ok is false when another holder has it.
func (s *Store) TryLock(ctx context.Context, name string, ttl time.Duration) (unlock func(), ok bool, err error) {
	token := strconv.FormatInt(time.Now().UnixNano(), 36) + ":" + strconv.FormatUint(eventSeq.Add(1), 36)
	cctx, cancel := s.ctx(ctx, false)
	defer cancel()
	err = s.rdb.SetArgs(cctx, s.lockKey(name), token, redis.SetArgs{Mode: "NX", TTL: ttl}).Err()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fail("lock", err)
	}
	return func() {
		uctx, cancel := s.ctx(context.Background(), false)
		defer cancel()
		_ = unlockScript.Run(uctx, s.rdb, []string{s.lockKey(name)}, token).Err()
	}, true, nil
}
