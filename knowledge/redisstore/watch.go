package redisstore

import (
	"context"
	"errors"
	"net"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// watchPing is how long Watch waits for a message before it pings, so a
// connection that died silently is noticed and replaced.
const watchPing = 15 * time.Second

// Watch blocks until ctx ends, calling changed when another writer announced
// a change, and each time its subscription is made or remade after Redis
// was away (announcements may have been missed meanwhile). While Redis is
// unreachable it retries with a growing pause, up to a second.
func (s *Store) Watch(ctx context.Context, changed func()) error {
	ps := s.rdb.Subscribe(ctx, s.k.channel)
	stop := context.AfterFunc(ctx, func() { ps.Close() }) // ends a blocked receive
	defer func() {
		if stop() {
			ps.Close()
		}
	}()
	const minBackoff = 50 * time.Millisecond
	backoff := minBackoff
	for {
		msg, err := ps.ReceiveTimeout(ctx, watchPing)
		if ctx.Err() != nil {
			return nil
		}
		if err != nil {
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				pctx, cancel := context.WithTimeout(ctx, s.timeout)
				_ = ps.Ping(pctx)
				cancel()
				continue
			}
			s.log.Debug("change announcements unavailable; retrying", "err", err, "in", backoff)
			select {
			case <-ctx.Done():
				return nil
			case <-time.After(backoff):
			}
			backoff = min(2*backoff, time.Second)
			continue
		}
		backoff = minBackoff
		switch m := msg.(type) {
		case *redis.Subscription:
			if m.Kind == "subscribe" {
				changed()
			}
		case *redis.Message:
			if writer, _, _ := strings.Cut(m.Payload, " "); writer != s.writer {
				changed()
			}
		}
	}
}
