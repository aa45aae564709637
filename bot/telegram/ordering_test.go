package telegram

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/bot/bottest"
	"github.com/hoibao/hoibao/knowledge"
)

const others = 100

// burst pushes the seven ordering messages of the admin's chat interleaved
// with one question from each of a hundred other chats, all in one batch.
func burst(f *fakeTelegram) []map[string]any {
	var ups []map[string]any
	for i := range others {
		if i%14 == 0 && i/14 < len(bottest.Ordering) {
			ups = append(ups, textUpdate(admin, admin, bottest.Ordering[i/14]))
		}
		ups = append(ups, textUpdate(int64(10_000+i), int64(10_000+i), "Bí thư Huyện ủy Châu Thành là ai?"))
	}
	f.push(ups...)
	return ups
}

func TestOrderingWhileOtherChatsAreAnswered(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	h := start(t, f, knowledge.NewService(knowledge.Sample()), WithWorkers(8))
	start := time.Now()
	burst(f)
	f.waitFor("the admin's seven replies", func() bool { return len(f.messages[admin]) >= len(bottest.Ordering) })
	for i := range others {
		chat := int64(10_000 + i)
		f.waitFor(fmt.Sprint("the answer in chat ", chat), func() bool { return len(f.messages[chat]) >= 1 })
	}
	var replies []string
	for _, m := range h.f.sent(admin) {
		replies = append(replies, html.UnescapeString(m.Text))
	}
	bottest.CheckOrdering(t, replies)
	for i := range others {
		if got := f.sent(int64(10_000 + i)); len(got) != 1 || !strings.Contains(got[0].Text, "Lê Phước Dũng") {
			t.Fatalf("chat %d: %v, want one cited answer", 10_000+i, got)
		}
	}
	t.Logf("7 ordered replies in one chat and %d other chats answered in %v", others, time.Since(start).Round(time.Millisecond))
}

// TestSIGTERMMidBurst cancels Run while a burst is being answered: every
// update confirmed to Telegram (below the last getUpdates offset) must have
// been answered by the time Run returns.
func TestSIGTERMMidBurst(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	f.slowSend = 5 * time.Millisecond
	h := start(t, f, knowledge.NewService(knowledge.Sample()), WithWorkers(4), WithShutdownTimeout(time.Minute))
	ups := burst(f)
	f.waitFor("the first answers", func() bool { return len(f.messages) >= 10 })
	if err := h.shutdown(t); err != nil {
		t.Fatalf("Run = %v, want nil", err)
	}
	confirmed := 0
	for _, c := range f.callsTo("getUpdates") {
		if n, _ := strconv.Atoi(c.Form["offset"]); n > confirmed {
			confirmed = n
		}
	}
	// Updates per chat that Telegram will not deliver again.
	taken := map[int64]int{}
	for _, u := range ups {
		if u["update_id"].(int) < confirmed {
			taken[u["message"].(map[string]any)["chat"].(map[string]any)["id"].(int64)]++
		}
	}
	unanswered, answered := 0, 0
	for chat, n := range taken {
		got := len(f.sent(chat))
		answered += min(got, n)
		unanswered += max(n-got, 0)
	}
	t.Logf("cancelled mid-burst of %d updates: %d confirmed to Telegram, %d of them answered before Run returned, %d left for the next run",
		len(ups), answered+unanswered, answered, len(ups)-answered-unanswered)
	if unanswered > 0 {
		t.Errorf("%d updates confirmed to Telegram but never answered", unanswered)
	}
}
