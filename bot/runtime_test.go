package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

func TestRuntimeOrdersEachChatAndRunsChatsInParallel(t *testing.T) {
	const workers = 8
	rt := NewRuntime("test", WithWorkers(workers))
	var mu sync.Mutex
	got := map[string][]int{}
	var running, peak atomic.Int64
	release := make(chan struct{})
	for n := range 7 {
		for c := range 101 {
			chat := fmt.Sprint("chat", c)
			err := rt.Submit(Job{Chat: chat, Do: func(context.Context) {
				now := running.Add(1)
				for {
					p := peak.Load()
					if now <= p || peak.CompareAndSwap(p, now) {
						break
					}
				}
				if n == 0 {
					<-release // the first job of every chat waits: the others pile up behind it
				}
				mu.Lock()
				got[chat] = append(got[chat], n)
				mu.Unlock()
				running.Add(-1)
			}})
			if err != nil {
				t.Fatal(err)
			}
		}
	}
	// The first jobs of as many chats as there are workers run at once and
	// hold on; no more start.
	deadline := time.Now().Add(20 * time.Second)
	for running.Load() < workers && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	time.Sleep(20 * time.Millisecond) // room for a ninth to start, were the bound broken
	if got := running.Load(); got != workers {
		t.Errorf("%d jobs running while the first ones wait, want %d", got, workers)
	}
	close(release)
	if err := rt.Drain(time.Minute); err != nil {
		t.Fatal(err)
	}
	for c := range 101 {
		chat := fmt.Sprint("chat", c)
		if fmt.Sprint(got[chat]) != "[0 1 2 3 4 5 6]" {
			t.Errorf("%s handled in order %v, want [0 1 2 3 4 5 6]", chat, got[chat])
		}
	}
	if p := peak.Load(); p != workers {
		t.Errorf("peak parallel jobs %d, want %d", p, workers)
	}
}

func TestRuntimeDedupesPanicsAndDrains(t *testing.T) {
	rt := NewRuntime("test", WithWorkers(2), WithQueueLimit(4))
	var handled atomic.Int64
	do := func(context.Context) { handled.Add(1) }
	for _, j := range []Job{{Chat: "a", ID: "u1", Do: do}, {Chat: "a", ID: "u1", Do: do},
		{Chat: "b", Do: func(context.Context) { panic("boom") }}, {Chat: "b", Do: do}} {
		if err := rt.Submit(j); err != nil {
			t.Fatal(err)
		}
	}
	if err := rt.Drain(time.Minute); err != nil {
		t.Fatal(err)
	}
	if got := handled.Load(); got != 2 {
		t.Errorf("handled %d jobs, want 2: the redelivery dropped, the job after a panic in its chat run", got)
	}
	if err := rt.Submit(Job{Chat: "a", Do: do}); !errors.Is(err, ErrStopped) {
		t.Errorf("Submit after Drain = %v, want ErrStopped", err)
	}
}

func TestRuntimeBusyAndDrainTimeout(t *testing.T) {
	rt := NewRuntime("test", WithWorkers(1), WithQueueLimit(2))
	started := make(chan struct{})
	block := func(ctx context.Context) { close(started); <-ctx.Done() }
	if err := rt.Submit(Job{Chat: "a", Do: block}); err != nil {
		t.Fatal(err)
	}
	<-started
	_ = rt.Submit(Job{Chat: "a", Do: func(context.Context) {}})
	_ = rt.Submit(Job{Chat: "b", Do: func(context.Context) {}})
	if err := rt.Submit(Job{Chat: "c", Do: func(context.Context) {}}); !errors.Is(err, ErrBusy) {
		t.Errorf("Submit beyond the queue limit = %v, want ErrBusy", err)
	}
	err := rt.Drain(50 * time.Millisecond)
	if err == nil || !strings.Contains(err.Error(), "3 answers unfinished") {
		t.Errorf("Drain = %v, want 3 answers unfinished", err)
	}
}
