package telegram

import (
	"context"
	"sync"
	"testing"
	"time"
)

func TestSendLimiter(t *testing.T) {
	const chatEvery, groupEvery = 150 * time.Millisecond, 300 * time.Millisecond
	l := newSendLimiter(20, chatEvery, groupEvery) // a slot every 50 ms overall
	ctx := context.Background()
	var mu sync.Mutex
	at := map[int64][]time.Time{}
	var all []time.Time
	var wg sync.WaitGroup
	start := time.Now()
	for _, chat := range []int64{1, 1, 1, 2, 2, -3, -3} {
		wg.Go(func() {
			if err := l.wait(ctx, chat); err != nil {
				t.Error(err)
			}
			now := time.Now()
			mu.Lock()
			at[chat] = append(at[chat], now)
			all = append(all, now)
			mu.Unlock()
		})
	}
	wg.Wait()
	// Timers never fire early, so the i-th request of a chat goes out no
	// earlier than i intervals after the start.
	check := func(name string, times []time.Time, every time.Duration) {
		t.Helper()
		sortTimes(times)
		for i, at := range times {
			if least := start.Add(time.Duration(i) * every); at.Before(least) {
				t.Errorf("%s: request %d went out %v after the start, want ≥ %v", name, i, at.Sub(start), least.Sub(start))
			}
		}
	}
	check("chat 1", at[1], chatEvery)
	check("chat 2", at[2], chatEvery)
	check("group -3", at[-3], groupEvery)
	check("all", all, 50*time.Millisecond)

	// A 429 holds the chat back until its retry_after.
	until := time.Now().Add(200 * time.Millisecond)
	l.block(9, until)
	if err := l.wait(ctx, 9); err != nil {
		t.Fatal(err)
	}
	if now := time.Now(); now.Before(until) {
		t.Errorf("request went out %v before retry_after ended", until.Sub(now))
	}
	// Waiting honours cancellation.
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	l.block(10, time.Now().Add(time.Hour))
	if err := l.wait(cctx, 10); err == nil {
		t.Error("wait ignored a cancelled context")
	}
}

func sortTimes(ts []time.Time) {
	for i := 1; i < len(ts); i++ {
		for j := i; j > 0 && ts[j].Before(ts[j-1]); j-- {
			ts[j], ts[j-1] = ts[j-1], ts[j]
		}
	}
}
