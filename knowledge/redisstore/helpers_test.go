package redisstore_test

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"os"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge/redisstore"
)

// testURL is the Redis the tests use: HOIBAO_TEST_REDIS_URL, else the
// project machines' server at 127.0.0.1:6379.
func testURL() string {
	if u := os.Getenv("HOIBAO_TEST_REDIS_URL"); u != "" {
		return u
	}
	return "redis://127.0.0.1:6379/0"
}

// testClient returns a client of the test Redis, skipping the test when
// none answers.
func testClient(t testing.TB) *redis.Client {
	t.Helper()
	opt, err := redis.ParseURL(testURL())
	if err != nil {
		t.Fatal(err)
	}
	opt.DialTimeout = time.Second
	rdb := redis.NewClient(opt)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		rdb.Close()
		t.Skipf("no Redis at %s (%v); skipping (.ci/run starts one)", opt.Addr, err)
	}
	t.Cleanup(func() { rdb.Close() })
	return rdb
}

// testPrefix returns a key prefix of the test's own and removes its keys
// when the test ends.
func testPrefix(t testing.TB, rdb redis.UniversalClient) string {
	t.Helper()
	b := make([]byte, 6)
	_, _ = rand.Read(b)
	prefix := "hoibao-test:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() { cleanup(rdb, prefix) })
	return prefix
}

func cleanup(rdb redis.UniversalClient, prefix string) {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	iter := rdb.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	var keys []string
	for iter.Next(ctx) {
		keys = append(keys, iter.Val())
	}
	for i := 0; i < len(keys); i += 500 {
		rdb.Del(ctx, keys[i:min(i+500, len(keys))]...)
	}
}

func newStore(t testing.TB, rdb redis.UniversalClient, prefix string) *redisstore.Store {
	return redisstore.New(rdb, prefix)
}
