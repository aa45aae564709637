package redisstore

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
)

// snapshotTimeout bounds reading or writing an index snapshot, which is
// large: about 1 MB per 300 articles.
const snapshotTimeout = time.Minute

// Snapshots keeps the index snapshot next to the articles, so a replica
// that starts over content another has indexed reads the index instead of
// building it: one value under {kb}:index, the content's fingerprint and a
// newline, then the snapshot.
type Snapshots struct{ s *Store }

var _ knowledge.Snapshots = Snapshots{}

// Snapshots returns the store's keeper of index snapshots.
func (s *Store) Snapshots() Snapshots { return Snapshots{s} }

func (sn Snapshots) key() string { return sn.s.prefix + "{kb}:index" }

// Load reads the snapshot when it is of the content with fingerprint fp.
func (sn Snapshots) Load(ctx context.Context, fp string, articles []knowledge.Article) (*knowledge.Index, bool, error) {
	ctx, cancel := context.WithTimeout(ctx, snapshotTimeout)
	defer cancel()
	head := fp + "\n"
	// The fingerprint first: the snapshot of other content is not fetched.
	got, err := sn.s.rdb.GetRange(ctx, sn.key(), 0, int64(len(head)-1)).Result()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, false, fmt.Errorf("redisstore: reading the index snapshot: %w", err)
	}
	if got != head {
		return nil, false, nil
	}
	data, err := sn.s.rdb.Get(ctx, sn.key()).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("redisstore: reading the index snapshot: %w", err)
	}
	if !bytes.HasPrefix(data, []byte(head)) { // replaced in between
		return nil, false, nil
	}
	ix, err := knowledge.ReadSnapshot(bytes.NewReader(data[len(head):]), articles)
	if err != nil {
		return nil, false, err
	}
	return ix, true, nil
}

// Save keeps ix as the snapshot of the content with fingerprint fp,
// replacing the one kept.
func (sn Snapshots) Save(ctx context.Context, fp string, ix *knowledge.Index) error {
	var buf bytes.Buffer
	buf.WriteString(fp + "\n")
	if err := ix.WriteSnapshot(&buf); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, snapshotTimeout)
	defer cancel()
	if err := sn.s.rdb.Set(ctx, sn.key(), buf.Bytes(), 0).Err(); err != nil {
		return fmt.Errorf("redisstore: saving the index snapshot: %w", err)
	}
	return nil
}
