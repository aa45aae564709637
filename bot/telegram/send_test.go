package telegram

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/hoibao/hoibao/knowledge"
)

// fakeLLM answers with fixed text citing the first passage; when steps > 0
// it streams the text in that many growing pieces.
type fakeLLM struct {
	text    string
	steps   int
	pause   time.Duration
	started chan struct{} // closed when the first answer starts
	once    sync.Once
}

var _ knowledge.StreamLLM = (*fakeLLM)(nil)

func (l *fakeLLM) Answer(ctx context.Context, q knowledge.Query, ps []knowledge.Passage) (knowledge.Answer, error) {
	return l.AnswerStream(ctx, q, ps, nil)
}

func (l *fakeLLM) AnswerStream(ctx context.Context, q knowledge.Query, ps []knowledge.Passage, onText func(string)) (knowledge.Answer, error) {
	if l.started != nil {
		l.once.Do(func() { close(l.started) })
	}
	runes := []rune(l.text)
	for i := 1; i <= l.steps; i++ {
		time.Sleep(l.pause)
		if onText != nil {
			onText(string(runes[:len(runes)*i/l.steps]))
		}
	}
	if l.steps == 0 && l.pause > 0 {
		select {
		case <-time.After(l.pause):
		case <-ctx.Done():
			return knowledge.Answer{}, ctx.Err()
		}
	}
	a := ps[0].Article
	return knowledge.Answer{Text: l.text, Citations: []knowledge.Citation{{N: 1, ArticleID: a.ID, Title: a.Title,
		URL: a.URL, Published: a.Published, Quote: ps[0].Chunk.Text}}}, nil
}

func longAnswer(n int) string {
	var b strings.Builder
	for i := 1; utf8.RuneCountInString(b.String()) < n; i++ {
		fmt.Fprintf(&b, "Câu thứ %d nói rằng Đảng bộ huyện Châu Thành & <các tổ chức> đổi mới phương thức lãnh đạo [1]. ", i)
	}
	return strings.TrimSpace(b.String())
}

func TestLongAnswerSplitAndEscaped(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	text := longAnswer(6000)
	h := start(t, f, knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(&fakeLLM{text: text})))
	f.push(textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	second := h.message(t, citizen, 2)
	h.shutdown(t)
	msgs := f.sent(citizen)
	if len(msgs) != 2 {
		t.Fatalf("got %d messages, want 2", len(msgs))
	}
	first := msgs[0]
	p1, p2 := stripTags(first.Text), stripTags(second.Text)
	if !strings.HasSuffix(p1, "[1].") || !strings.HasPrefix(p2, "Câu thứ ") {
		t.Errorf("split not at a sentence boundary: first ends %q, second starts %q", p1[len(p1)-20:], p2[:20])
	}
	if !strings.Contains(p1+" "+p2, text) {
		t.Error("the two messages do not hold the whole answer")
	}
	if !strings.Contains(first.Text, "Châu Thành &amp; &lt;các tổ chức&gt; đổi mới") {
		t.Errorf("<, & and > not escaped: %q", first.Text[:200])
	}
	if first.Markup != "" || !strings.Contains(second.Markup, "fb:up:") || !strings.Contains(second.Text, "<b>Nguồn</b>") {
		t.Error("want the sources and the feedback buttons under the last part only")
	}
	t.Logf("answer of %d characters sent as %d + %d characters (HTML %d + %d)", utf8.RuneCountInString(text),
		utf8.RuneCountInString(p1), utf8.RuneCountInString(p2), utf8.RuneCountInString(first.Text), utf8.RuneCountInString(second.Text))
}

func TestRetryAfterHonoured(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	throttled := map[string]bool{}
	f.throttle = func(method string, form map[string]string) int {
		if method == "sendMessage" && !throttled[form["chat_id"]] {
			throttled[form["chat_id"]] = true
			return 1
		}
		return 0
	}
	h := start(t, f, sample())
	const chats = 5
	for i := range chats {
		f.push(textUpdate(int64(3000+i), int64(3000+i), "Bí thư Huyện ủy Châu Thành là ai?"))
	}
	for i := range chats {
		h.message(t, int64(3000+i), 1)
	}
	h.shutdown(t)
	var earliest time.Duration = time.Hour
	for i := range chats {
		chat := fmt.Sprint(3000 + i)
		var refused, delivered time.Time
		for _, c := range f.callsTo("sendMessage") {
			if c.Form["chat_id"] != chat {
				continue
			}
			if c.Status == 429 {
				refused = c.At
			} else if c.Status == 200 {
				delivered = c.At
			}
		}
		if refused.IsZero() || delivered.IsZero() {
			t.Fatalf("chat %s: 429 at %v, delivered at %v", chat, refused, delivered)
		}
		gap := delivered.Sub(refused)
		if gap < time.Second {
			t.Errorf("chat %s: retried %v after a 429 with retry_after 1", chat, gap)
		}
		earliest = min(earliest, gap)
		if n := len(f.sent(int64(3000 + i))); n != 1 {
			t.Errorf("chat %s got %d replies, want 1", chat, n)
		}
	}
	t.Logf("%d chats answered after a 429 retry_after=1; earliest retry %v after the 429", chats, earliest.Round(time.Millisecond))
}

func TestStreamingEdits(t *testing.T) {
	f := newFakeTelegram(t, testToken)
	text := longAnswer(600)
	const interval = 120 * time.Millisecond
	llm := &fakeLLM{text: text, steps: 30, pause: 15 * time.Millisecond}
	h := start(t, f, knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(llm)), WithEditInterval(interval))
	f.push(textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	h.f.waitFor("the final edit", func() bool {
		ms := f.messages[citizen]
		return len(ms) == 1 && strings.Contains(ms[0].Text, "Nguồn")
	})
	h.shutdown(t)
	m := f.sent(citizen)
	if len(m) != 1 {
		t.Fatalf("got %d messages, want 1 edited message", len(m))
	}
	if len(m[0].Edits) < 2 {
		t.Errorf("got %d edits, want the text to grow in several", len(m[0].Edits))
	}
	times := append([]time.Time{m[0].Sent}, m[0].Edits...)
	closest := time.Hour
	for i := 1; i < len(times); i++ {
		gap := times[i].Sub(times[i-1])
		closest = min(closest, gap)
		if gap < interval {
			t.Errorf("edit %d came %v after the previous one, want ≥ %v", i, gap, interval)
		}
	}
	if want := FormatAnswer(knowledge.Answer{Text: text}); !strings.HasPrefix(m[0].Text, want) {
		t.Errorf("final text is not the full answer")
	}
	t.Logf("streamed answer: 1 message, %d edits, closest two %v apart (interval %v)", len(m[0].Edits), closest.Round(time.Millisecond), interval)

	// The extractive answerer never streams: one message, no edits.
	f2 := newFakeTelegram(t, testToken)
	h2 := start(t, f2, sample(), WithEditInterval(interval))
	f2.push(textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	h2.message(t, citizen, 1)
	h2.shutdown(t)
	if got := f2.callsTo("editMessageText"); len(got) != 0 {
		t.Errorf("extractive answer edited %d times", len(got))
	}
}

func TestSplitHTML(t *testing.T) {
	long := strings.Repeat("Một câu khá dài về huyện Châu Thành. ", 200) // 7,400 characters
	tests := []struct {
		name  string
		in    string
		limit int
		parts int
	}{
		{"short", "xin chào", 4096, 1},
		{"sentences", long, 4096, 2},
		{"inside a quote", "<blockquote>" + long + "</blockquote>", 4096, 2},
		{"entities", strings.Repeat("a &amp; b &lt; c. ", 600), 4096, 3},
		{"no spaces", strings.Repeat("x", 9000), 4096, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitHTML(tt.in, tt.limit)
			if len(got) != tt.parts {
				t.Errorf("got %d parts, want %d", len(got), tt.parts)
			}
			for i, p := range got {
				if n := utf8.RuneCountInString(p); n > tt.limit {
					t.Errorf("part %d has %d characters", i, n)
				}
				if err := checkHTML(p); err != nil {
					t.Errorf("part %d is not valid Telegram HTML: %v", i, err)
				}
				if i < len(got)-1 && strings.Contains(tt.in, ". ") && !strings.HasSuffix(stripTags(p), ".") {
					t.Errorf("part %d does not end a sentence: …%q", i, p[len(p)-30:])
				}
			}
		})
	}
}

func TestFormatAnswerEscapes(t *testing.T) {
	got := FormatAnswer(knowledge.Answer{Text: "a < b & c > d [1].", Note: "x<y", Citations: []knowledge.Citation{{
		N: 1, Title: "T&C <1>", URL: `https://e.vn/a?x=1&y="2"`, Published: time.Date(2024, 1, 9, 6, 25, 0, 0, time.UTC), Quote: "q <q> & q"}}})
	want := "a &lt; b &amp; c &gt; d [1].\n<i>(x&lt;y)</i>\n\n<b>Nguồn</b>\n" +
		`[1] <a href="https://e.vn/a?x=1&amp;y=&quot;2&quot;">T&amp;C &lt;1&gt;</a> · 09/01/2024` +
		"\nhttps://e.vn/a?x=1&amp;y=\"2\"\n<blockquote expandable>q &lt;q&gt; &amp; q</blockquote>"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
