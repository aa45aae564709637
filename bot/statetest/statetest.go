// Package statetest is the contract every bot.State implementation passes:
// the in-memory state of one replica and the Redis state that replicas
// share must behave alike, so a deployment that adds Redis changes no
// user-visible rule (follow-ups, redeliveries, rate limits, /stats).
package statetest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// Run runs the contract against states made by open; each subtest gets a
// fresh, empty state.
func Run(t *testing.T, open func(t *testing.T) bot.State) {
	ctx := context.Background()
	t.Run("HistoryRoundTripAndIsolation", func(t *testing.T) {
		s := open(t)
		turns := []knowledge.Turn{{Question: "Bí thư là ai?", Answer: "Ông Dũng [1]."}}
		if err := s.SaveHistory(ctx, "tg:1", turns, time.Hour); err != nil {
			t.Fatal(err)
		}
		got, err := s.History(ctx, "tg:1")
		if err != nil || fmt.Sprint(got) != fmt.Sprint(turns) {
			t.Errorf("History = %v, %v; want %v", got, err, turns)
		}
		if got, err := s.History(ctx, "tg:2"); err != nil || len(got) != 0 {
			t.Errorf("another chat's History = %v, %v; want none", got, err)
		}
	})
	t.Run("HistoryExpires", func(t *testing.T) {
		s := open(t)
		turn := []knowledge.Turn{{Question: "q", Answer: "a"}}
		must(t, s.SaveHistory(ctx, "short", turn, 50*time.Millisecond))
		must(t, s.SaveHistory(ctx, "forever", turn, 0))
		time.Sleep(150 * time.Millisecond)
		if got, _ := s.History(ctx, "short"); len(got) != 0 {
			t.Errorf("History after its ttl = %v, want none", got)
		}
		if got, _ := s.History(ctx, "forever"); len(got) != 1 {
			t.Errorf("History saved with ttl 0 = %v, want kept", got)
		}
	})
	t.Run("FirstSeen", func(t *testing.T) {
		s := open(t)
		for i, want := range []bool{true, false, false} {
			if got, err := s.FirstSeen(ctx, "zalo:m1", time.Hour); err != nil || got != want {
				t.Errorf("FirstSeen #%d = %v, %v; want %v", i+1, got, err, want)
			}
		}
		if got, _ := s.FirstSeen(ctx, "zalo:m2", time.Hour); !got {
			t.Error("another key: FirstSeen = false, want true")
		}
		if got, _ := s.FirstSeen(ctx, "zero-ttl", 0); !got {
			t.Error("FirstSeen with ttl 0 = false, want true")
		}
		if got, _ := s.FirstSeen(ctx, "zero-ttl", 0); got {
			t.Error("ttl 0 means the default, not forgetting at once: second FirstSeen = true")
		}
		if _, err := s.FirstSeen(ctx, "short", 50*time.Millisecond); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
		if got, _ := s.FirstSeen(ctx, "short", time.Hour); !got {
			t.Error("FirstSeen after the ttl = false, want true")
		}
	})
	t.Run("AllowSlidingWindow", func(t *testing.T) {
		s := open(t)
		allow := func(key string, limit int, window time.Duration) bool {
			ok, err := s.Allow(ctx, key, limit, window)
			if err != nil {
				t.Fatal(err)
			}
			return ok
		}
		var got []bool
		for range 5 {
			got = append(got, allow("u1", 3, time.Hour))
		}
		if fmt.Sprint(got) != "[true true true false false]" {
			t.Errorf("5 events, limit 3 an hour: %v, want [true true true false false]", got)
		}
		if !allow("u2", 3, time.Hour) {
			t.Error("another user is limited too")
		}
		if !allow("u3", 0, time.Hour) || !allow("u3", 0, time.Hour) {
			t.Error("limit 0 must allow everything")
		}
		// Refused events do not count: once the window has passed the
		// allowed ones, the user may ask again even after hammering.
		if !allow("u4", 1, 200*time.Millisecond) {
			t.Fatal("first event refused")
		}
		for range 3 {
			if allow("u4", 1, 200*time.Millisecond) {
				t.Fatal("second event within the window allowed")
			}
		}
		time.Sleep(300 * time.Millisecond)
		if !allow("u4", 1, 200*time.Millisecond) {
			t.Error("after the window: refused, want allowed (refused events must not extend the window)")
		}
		// The window slides: it counts the events of the last window,
		// not of a fixed slot, so no burst of twice the limit at a slot's
		// edge. Events at 0 s and 0.6 s; at 1.2 s the first has left the
		// window and one more is allowed, but not two.
		if !allow("u5", 2, time.Second) {
			t.Fatal("first event refused")
		}
		time.Sleep(600 * time.Millisecond)
		if !allow("u5", 2, time.Second) {
			t.Fatal("second event refused")
		}
		time.Sleep(600 * time.Millisecond)
		if got := []bool{allow("u5", 2, time.Second), allow("u5", 2, time.Second)}; fmt.Sprint(got) != "[true false]" {
			t.Errorf("at 1.2 s with events at 0 and 0.6 s, limit 2 a second: %v, want [true false]", got)
		}
	})
	t.Run("Counters", func(t *testing.T) {
		s := open(t)
		must(t, s.Incr(ctx, "questions", 1))
		must(t, s.Incr(ctx, "questions", 2))
		must(t, s.Incr(ctx, "refusals", 1))
		got, err := s.Counts(ctx)
		if err != nil || got["questions"] != 3 || got["refusals"] != 1 || len(got) != 2 {
			t.Errorf("Counts = %v, %v; want questions 3, refusals 1", got, err)
		}
	})
	t.Run("Audit", func(t *testing.T) {
		s := open(t)
		must(t, s.Audit(ctx, "zalo:1", "add", "article x"))
	})
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
