package knowledge

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"
)

// Shared is a Store that several replicas use at once: it tells each of
// them when another one changed the content, so every replica serves every
// change without a restart. redisstore announces changes over pub/sub;
// filestore notices another process writing the same data folder.
type Shared interface {
	Store
	// Version returns a number that changes with every change to the
	// content; 0 for a store that was never written.
	Version(ctx context.Context) (int64, error)
	// Watch blocks until ctx ends. It calls changed (never concurrently)
	// when another writer changed the content, and each time it connects
	// or reconnects, since announcements may have been missed meanwhile.
	Watch(ctx context.Context, changed func()) error
}

// syncState is what the Service knows of its store's content; guarded by
// Service.writeMu.
type syncState struct {
	version  int64 // store version of the content serving, as last read
	seedOnly bool  // serving a seed the (empty) store does not hold yet
}

// Timeouts of the store calls the Service makes by itself.
const (
	storeReadTimeout = 30 * time.Second
	// SyncPollInterval is how often Sync checks the store's version even
	// without an announcement (an announcement can be lost).
	SyncPollInterval = 30 * time.Second
)

// Sync keeps the service serving the store's content as other replicas (or
// an ingest run) change it, until ctx ends. A store that is not Shared has
// nothing to announce: Sync returns at once. When the store is unreachable
// the service goes on answering from memory and catches up once it is back.
func (s *Service) Sync(ctx context.Context) error {
	shared, ok := s.store.(Shared)
	if !ok {
		return nil
	}
	kick := make(chan struct{}, 1)
	notify := func() {
		select {
		case kick <- struct{}{}:
		default:
		}
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		poll := time.NewTicker(SyncPollInterval)
		defer poll.Stop()
		var retry <-chan time.Time
		backoff := 200 * time.Millisecond
		failing := false // warn once per outage
		for {
			select {
			case <-ctx.Done():
				return
			case <-kick:
			case <-poll.C:
			case <-retry:
			}
			retry = nil
			if err := s.refresh(ctx, shared); err != nil && ctx.Err() == nil {
				level := slog.LevelDebug
				if !failing {
					level, failing = slog.LevelWarn, true
				}
				s.log.Log(ctx, level, "catching up with the store failed; serving the content in memory", "err", err, "retry_in", backoff)
				retry = time.After(backoff)
				backoff = min(2*backoff, 5*time.Second)
				continue
			}
			if failing {
				s.log.Info("caught up with the store again")
			}
			failing, backoff = false, 200*time.Millisecond
		}
	}()
	err := shared.Watch(ctx, notify)
	<-done
	if ctx.Err() != nil {
		return nil
	}
	return err
}

// Refresh serves the store's content now when another writer changed it
// (Sync does so by itself on announcements and polls).
func (s *Service) Refresh(ctx context.Context) error {
	shared, ok := s.store.(Shared)
	if !ok {
		return nil
	}
	return s.refresh(ctx, shared)
}

// refresh serves the store's content when its version moved past the one
// serving. An empty store that was never written (or lost its data) does
// not empty a replica that is serving content.
func (s *Service) refresh(ctx context.Context, shared Shared) error {
	ctx, cancel := context.WithTimeout(ctx, storeReadTimeout)
	defer cancel()
	v, err := shared.Version(ctx)
	if err != nil {
		return err
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if v == s.sync.version && v != 0 {
		return nil
	}
	v, articles, err := s.readStore(ctx)
	if err != nil {
		return err
	}
	if len(articles) == 0 && (v == 0 || s.sync.seedOnly) {
		if n, _ := s.Index().Len(); n > 0 && v == 0 && !s.sync.seedOnly {
			// The store lost its data (a Redis restarted without
			// persistence): write back what this replica serves.
			s.log.Warn("the store lost its articles; writing back the ones in memory", "articles", n)
			if err := putAll(ctx, s.store, s.currentArticles()); err != nil {
				return err
			}
			v, err = shared.Version(ctx)
		}
		s.sync.version = v
		return err
	}
	s.sync.version, s.sync.seedOnly = v, false
	if sameContent(s.Index(), articles) {
		return nil
	}
	s.previous = s.currentRefs() // /undo on this replica undoes another's change too
	s.serve(nextIndex(s.Index(), articles))
	s.log.Info("content changed in the store; now serving it", "articles", len(articles), "version", v)
	return nil
}

// readStore reads the store's version, then its articles: a change between
// the two makes the version older than the content, never newer, so it is
// read again on the next check rather than missed.
func (s *Service) readStore(ctx context.Context) (int64, []Article, error) {
	var v int64
	if shared, ok := s.store.(Shared); ok {
		var err error
		if v, err = shared.Version(ctx); err != nil {
			return 0, nil, err
		}
	}
	articles, err := s.store.Articles(ctx)
	var skipped *SkippedError
	if errors.As(err, &skipped) {
		// Corrupt entries are left out and reported; the rest serve.
		if !sameSkipped(s.problems, skipped.Skipped) {
			s.logSkipped(skipped.Skipped)
		}
		s.problems = skipped.Skipped
		return v, articles, nil
	}
	if err == nil {
		s.problems = nil
	}
	return v, articles, err
}

func sameSkipped(a, b []Skipped) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Source != b[i].Source {
			return false
		}
	}
	return true
}

// write makes a change in the store: op, or — while the service serves a
// seed the store does not hold yet — every article of the new content all,
// one by one (storing the same content twice is harmless, so replicas that
// make their first change at once lose neither).
func (s *Service) write(ctx context.Context, all []Article, op func(Store) error) error {
	if s.store == nil {
		return nil
	}
	var err error
	if s.sync.seedOnly {
		err = putAll(ctx, s.store, all)
	} else {
		err = op(s.store)
	}
	if err != nil {
		if errors.Is(err, ErrNotFound) || errors.Is(err, ErrInvalidArticle) {
			return err
		}
		return fmt.Errorf("chưa lưu được thay đổi, nội dung cũ vẫn được dùng: %w", err)
	}
	s.sync.seedOnly = false
	return nil
}

// putManyStore is a store that writes many articles faster than one by one.
type putManyStore interface {
	PutMany(ctx context.Context, articles []Article) error
}

func putAll(ctx context.Context, store Store, articles []Article) error {
	if pm, ok := store.(putManyStore); ok {
		return pm.PutMany(ctx, articles)
	}
	for _, a := range articles {
		if err := store.Put(ctx, a); err != nil {
			return err
		}
	}
	return nil
}

// sameContent reports whether ix serves exactly articles (by ID and hash).
func sameContent(ix *Index, articles []Article) bool {
	if n, _ := ix.Len(); n != len(articles) {
		return false
	}
	for _, a := range articles {
		b, ok := ix.Article(a.ID)
		if !ok || b.Hash != a.Hash || a.Hash == "" {
			return false
		}
	}
	return true
}
