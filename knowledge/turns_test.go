package knowledge

import (
	"context"
	"runtime"
	"slices"
	"testing"
)

// waitQueued waits until n questions wait for a turn.
func waitQueued(t *testing.T, tu *turns, n int) {
	t.Helper()
	for tu.waiting() != n {
		runtime.Gosched()
	}
}

// TestTurnsAreFairAcrossAskers checks that a chat that sent many questions
// does not keep another chat's one question waiting behind all of them.
func TestTurnsAreFairAcrossAskers(t *testing.T) {
	tu := newTurns(1)
	ctx := context.Background()
	if err := tu.acquire(ctx, "busy"); err != nil {
		t.Fatal(err)
	}
	served := make(chan string, 8)
	ask := func(asker, label string) {
		if err := tu.acquire(ctx, asker); err != nil {
			t.Error(err)
			return
		}
		served <- label
		tu.release()
	}
	queued := 0
	for _, q := range [][2]string{{"busy", "busy-2"}, {"busy", "busy-3"}, {"busy", "busy-4"}, {"quiet", "quiet-1"}} {
		go ask(q[0], q[1])
		queued++
		waitQueued(t, tu, queued)
	}
	tu.release()
	var got []string
	for range 4 {
		got = append(got, <-served)
	}
	if want := []string{"busy-2", "quiet-1", "busy-3", "busy-4"}; !slices.Equal(got, want) {
		t.Errorf("served %v, want %v", got, want)
	}
}

// TestTurnsGiveUpWithTheContext checks that a question whose asker left
// stops waiting, and that its place does not block the next one.
func TestTurnsGiveUpWithTheContext(t *testing.T) {
	tu := newTurns(1)
	if err := tu.acquire(context.Background(), "a"); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	errc := make(chan error, 1)
	go func() { errc <- tu.acquire(ctx, "b") }()
	waitQueued(t, tu, 1)
	cancel()
	if err := <-errc; err != context.Canceled {
		t.Fatalf("acquire after cancel = %v, want context.Canceled", err)
	}
	tu.release()
	if err := tu.acquire(context.Background(), "c"); err != nil {
		t.Fatalf("acquire after the turn came back = %v", err)
	}
	if got := tu.waiting(); got != 0 {
		t.Errorf("waiting = %d, want 0", got)
	}
}
