// Package redisstore keeps hoibao's articles, and the state its replicas
// share (chat history, rate limits, audit entries, counters, embedding
// vectors), in Redis: a single node, Sentinel or Cluster, through go-redis'
// UniversalClient.
//
// Keys all start with a configurable prefix. The content keys (articles,
// their hashes and chunks, the content version) carry the hash tag {kb}, so
// they live in one Cluster slot and change together in one transaction or
// script. Every change is announced on a pub/sub channel so the other
// replicas serve it at once.
package redisstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
)

// DefaultPrefix starts every key unless another prefix is given.
const DefaultPrefix = "hoibao:"

// DefaultTimeout bounds one small Redis call; reading or replacing all
// articles gets BulkTimeout.
const (
	DefaultTimeout = 5 * time.Second
	BulkTimeout    = 60 * time.Second
)

var (
	_ knowledge.Store       = (*Store)(nil)
	_ knowledge.Shared      = (*Store)(nil)
	_ knowledge.VectorCache = (*Store)(nil)
)

// Store is a knowledge.Store in Redis. It is safe for concurrent use.
type Store struct {
	rdb     redis.UniversalClient
	owned   bool // Close closes rdb
	prefix  string
	writer  string // this store's id in change announcements
	log     *slog.Logger
	timeout time.Duration
	k       keys
}

type keys struct {
	articles, hashes, chunks, version, channel string
}

// Option configures a Store.
type Option func(*Store)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(s *Store) { s.log = log } }

// WithTimeout bounds each small Redis call (default DefaultTimeout).
func WithTimeout(d time.Duration) Option { return func(s *Store) { s.timeout = d } }

// New returns a store using rdb, with every key under prefix (DefaultPrefix
// when empty). The caller keeps rdb and closes it.
func New(rdb redis.UniversalClient, prefix string, opts ...Option) *Store {
	if prefix == "" {
		prefix = DefaultPrefix
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	s := &Store{
		rdb: rdb, prefix: prefix, writer: hex.EncodeToString(id),
		log: slog.New(slog.DiscardHandler), timeout: DefaultTimeout,
	}
	for _, o := range opts {
		o(s)
	}
	kb := prefix + "{kb}:"
	s.k = keys{
		articles: kb + "articles", hashes: kb + "hashes", chunks: kb + "chunks",
		version: kb + "version", channel: kb + "changes",
	}
	return s
}

// Open connects to the Redis at rawURL and checks that it answers, failing
// fast with a clear message when it does not. URL forms:
//
//	redis://[user:password@]host:port/db          a single node (rediss:// for TLS)
//	redis://host:port?addr=host2:port&addr=…      a Cluster (also ?cluster=true with one address)
//	redis://host:26379?addr=…&master=NAME/db      Sentinel, for the master named NAME
func Open(ctx context.Context, rawURL, prefix string, opts ...Option) (*Store, error) {
	uo, err := ParseURL(rawURL)
	if err != nil {
		return nil, err
	}
	// A probe without retries: a Redis that is down is reported at once.
	probeOpts := *uo
	probeOpts.MaxRetries = -1
	probe := redis.NewUniversalClient(&probeOpts)
	pctx, cancel := context.WithTimeout(ctx, uo.DialTimeout+time.Second)
	err = probe.Ping(pctx).Err()
	cancel()
	probe.Close()
	if err != nil {
		return nil, fmt.Errorf("%w: Redis at %s is unreachable (%v); start it, fix HOIBAO_REDIS_URL, or set HOIBAO_REDIS_FALLBACK=true to use the embedded store",
			knowledge.ErrUnavailable, strings.Join(uo.Addrs, ","), err)
	}
	s := New(redis.NewUniversalClient(uo), prefix, opts...)
	s.owned = true
	return s, nil
}

// SetLogger sends go-redis' own log lines (reconnections, failed dials) to
// log at debug level instead of standard error. It sets go-redis' global
// logger: call it once, from main.
func SetLogger(log *slog.Logger) { redis.SetLogger(slogAdapter{log}) }

type slogAdapter struct{ log *slog.Logger }

func (a slogAdapter) Printf(ctx context.Context, format string, v ...any) {
	a.log.DebugContext(ctx, "redis: "+fmt.Sprintf(format, v...))
}

// ParseURL turns a Redis URL (see Open) into UniversalOptions with bounded
// timeouts. Error messages never repeat the password.
func ParseURL(rawURL string) (*redis.UniversalOptions, error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, errors.New("HOIBAO_REDIS_URL is not a URL; want redis://host:port/db")
	}
	q := u.Query()
	master := q.Get("master")
	cluster, _ := strconv.ParseBool(q.Get("cluster"))
	q.Del("master")
	q.Del("cluster")
	u.RawQuery = q.Encode()
	var uo *redis.UniversalOptions
	switch {
	case master == "" && !cluster && !q.Has("addr"):
		o, err := redis.ParseURL(u.String())
		if err != nil {
			return nil, fmt.Errorf("HOIBAO_REDIS_URL: %s", redact(err, u))
		}
		uo = &redis.UniversalOptions{
			Addrs: []string{o.Addr}, DB: o.DB, Username: o.Username, Password: o.Password,
			TLSConfig: o.TLSConfig, DialTimeout: o.DialTimeout, ReadTimeout: o.ReadTimeout,
			WriteTimeout: o.WriteTimeout, PoolSize: o.PoolSize, MaxRetries: o.MaxRetries,
			ClientName: o.ClientName, Protocol: o.Protocol,
		}
	default:
		db := 0
		if p := strings.Trim(u.Path, "/"); p != "" {
			if db, err = strconv.Atoi(p); err != nil {
				return nil, fmt.Errorf("HOIBAO_REDIS_URL: database %q is not a number", p)
			}
			u.Path = ""
		}
		o, err := redis.ParseClusterURL(u.String())
		if err != nil {
			return nil, fmt.Errorf("HOIBAO_REDIS_URL: %s", redact(err, u))
		}
		uo = &redis.UniversalOptions{
			Addrs: o.Addrs, Username: o.Username, Password: o.Password, TLSConfig: o.TLSConfig,
			DialTimeout: o.DialTimeout, ReadTimeout: o.ReadTimeout, WriteTimeout: o.WriteTimeout,
			PoolSize: o.PoolSize, MaxRetries: o.MaxRetries, ClientName: o.ClientName, Protocol: o.Protocol,
			MasterName: master, DB: db, IsClusterMode: master == "",
		}
	}
	if uo.DialTimeout <= 0 {
		uo.DialTimeout = 2 * time.Second
	}
	if uo.ReadTimeout == 0 {
		uo.ReadTimeout = 3 * time.Second
	}
	if uo.WriteTimeout == 0 {
		uo.WriteTimeout = 3 * time.Second
	}
	return uo, nil
}

// redact hides a password that an error message might repeat.
func redact(err error, u *url.URL) string {
	msg := err.Error()
	if u.User != nil {
		if pw, ok := u.User.Password(); ok && pw != "" {
			msg = strings.ReplaceAll(msg, pw, "***")
		}
	}
	return msg
}

// Client returns the Redis client the store uses.
func (s *Store) Client() redis.UniversalClient { return s.rdb }

// Prefix returns the key prefix.
func (s *Store) Prefix() string { return s.prefix }

// Close closes the client when Open made it.
func (s *Store) Close() error {
	if s.owned {
		return s.rdb.Close()
	}
	return nil
}

// unavailableError is a failed Redis call: ErrUnavailable for the domain,
// with the cause for the logs.
type unavailableError struct {
	op  string
	err error
}

func (e *unavailableError) Error() string {
	return "kho dữ liệu Redis tạm thời không truy cập được, hãy thử lại sau (" + e.op + ": " + e.err.Error() + ")"
}

func (e *unavailableError) Unwrap() []error { return []error{knowledge.ErrUnavailable, e.err} }

// fail translates a Redis error; nil stays nil. Any failure of a call is
// the store being unavailable to the domain: a reply error such as a wrong
// key type is as fatal to the change as a lost connection.
func fail(op string, err error) error {
	if err == nil {
		return nil
	}
	return &unavailableError{op: op, err: err}
}

func (s *Store) ctx(ctx context.Context, bulk bool) (context.Context, context.CancelFunc) {
	if bulk {
		return context.WithTimeout(ctx, max(BulkTimeout, s.timeout))
	}
	return context.WithTimeout(ctx, s.timeout)
}
