package zalo

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot/bottest"
	"github.com/hoibao/hoibao/bot/zalo/zalotest"
)

const others = 100

// burst sends the seven ordering messages of the admin's chat interleaved
// with one question from each of a hundred other chats.
func burst(t *testing.T, h *harness) int {
	n := 0
	var batch []zalotest.Update
	for i := range others {
		if i%14 == 0 && i/14 < len(bottest.Ordering) {
			batch = append(batch, zalotest.Text(admin, admin, bottest.Ordering[i/14]))
		}
		batch = append(batch, zalotest.Text(fmt.Sprint("chat-", i), fmt.Sprint("user-", i), "Bí thư Huyện ủy Châu Thành là ai?"))
	}
	if h.hook == "" {
		h.f.Push(batch...)
	} else {
		for _, u := range batch {
			h.send(t, u)
		}
	}
	n += len(batch)
	return n
}

func TestOrderingWhileOtherChatsAreAnswered(t *testing.T) {
	modes(t, func(t *testing.T, webhook bool) {
		h := start(t, webhook, WithWorkers(8))
		began := time.Now()
		burst(t, h)
		got := h.wait(t, admin, len(bottest.Ordering))
		for i := range others {
			chat := fmt.Sprint("chat-", i)
			if m := h.wait(t, chat, 1); len(m) != 1 || !strings.Contains(m[0].Text, "Lê Phước Dũng") {
				t.Fatalf("%s: %q, want one cited answer", chat, m)
			}
		}
		var replies []string
		for _, m := range got {
			replies = append(replies, m.Text)
		}
		bottest.CheckOrdering(t, replies)
		t.Logf("7 ordered replies in one chat and %d other chats answered in %v", others, time.Since(began).Round(time.Millisecond))
	})
}

// TestSIGTERMMidBurst stops the adapter while a burst is answered: every
// update the platform handed over (getUpdates has no offset; a webhook
// delivery answered 200) must be answered before Run returns, and
// deliveries after the stop get 503 so the platform retries them.
func TestSIGTERMMidBurst(t *testing.T) {
	modes(t, func(t *testing.T, webhook bool) {
		h := start(t, webhook, WithWorkers(2), WithShutdownTimeout(time.Minute))
		var batch []zalotest.Update
		for i := range 200 {
			batch = append(batch, zalotest.Text(fmt.Sprint("chat-", i%50), fmt.Sprint("user-", i%50), "Bí thư Huyện ủy Châu Thành là ai?"))
		}
		taken := make(chan int, 1)
		refused := 0
		if webhook {
			go func() {
				ok := 0
				for _, u := range batch {
					status, err := zalotest.Deliver(context.Background(), h.hook, secret, u, false)
					switch {
					case err == nil && status == http.StatusOK:
						ok++
					case err == nil && status == http.StatusServiceUnavailable:
						refused++
					default:
						t.Errorf("delivery: %d, %v", status, err)
					}
				}
				taken <- ok
			}()
		} else {
			h.f.Push(batch...)
		}
		waitFor(t, "the first answers", func() bool { return len(h.f.Sent("")) >= 5 })
		if err := h.shutdown(t); err != nil {
			t.Fatalf("Run = %v, want nil", err)
		}
		answered := len(h.f.Sent(""))
		n := len(batch)
		if webhook {
			n = <-taken
		}
		t.Logf("stopped mid-burst of %d: %d taken (200), %d refused with 503 for redelivery, %d answered before Run returned",
			len(batch), n, refused, answered)
		if answered != n {
			t.Errorf("%d updates taken, %d answered", n, answered)
		}
	})
}
