package bot

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// recorder is the real knowledge service that also remembers the last query.
type recorder struct {
	*knowledge.Service
	mu   sync.Mutex
	last knowledge.Query
}

func (r *recorder) AskStream(ctx context.Context, q knowledge.Query, onText func(string)) (knowledge.Answer, error) {
	r.mu.Lock()
	r.last = q
	r.mu.Unlock()
	return r.Service.AskStream(ctx, q, onText)
}

// fakeFetcher serves one text article for any address.
type fakeFetcher struct{ text string }

func (f fakeFetcher) Fetch(ctx context.Context, url string) (knowledge.Document, error) {
	return knowledge.Document{Name: url, URL: url, ContentType: "text/plain; charset=utf-8", Data: []byte(f.text)}, nil
}

func newTestBot(t *testing.T, opts ...Option) (*Bot, *recorder, *MemState) {
	return newTestBotWith(t, nil, opts...)
}

// newTestBotWith is newTestBot with options for the knowledge service.
func newTestBotWith(t *testing.T, svcOpts []knowledge.Option, opts ...Option) (*Bot, *recorder, *MemState) {
	t.Helper()
	kn := &recorder{Service: knowledge.NewService(knowledge.Sample(), svcOpts...)}
	st := NewMemState()
	opts = append([]Option{WithAdmins("test", "1"), WithState(st)}, opts...)
	return New(kn, opts...), kn, st
}

func pasted(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("testdata/pasted/article.txt")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestRouter(t *testing.T) {
	user := Message{Channel: "test", ChatID: "10", UserID: "2"}
	admin := Message{Channel: "test", ChatID: "11", UserID: "1"}
	with := func(m Message, text string) Message { m.Text = text; return m }
	group := func(text string, addressed bool) Message {
		return Message{Channel: "test", ChatID: "-5", UserID: "3", Text: text, Group: true, Addressed: addressed}
	}
	tests := []struct {
		name      string
		msg       Message
		wantText  []string // substrings of Reply.Text
		wantCited string   // substring of the answer text, cited
		refused   bool
		empty     bool
	}{
		{name: "start", msg: with(user, "/start"), wantText: []string{"Xin chào", "Bí thư Huyện ủy Châu Thành là ai?", "/help"}},
		{name: "start with bot name", msg: with(user, "/start@hoibao_bot"), wantText: []string{"Xin chào"}},
		{name: "help user", msg: with(user, "/help"), wantText: []string{"/ask", "/sources"}},
		{name: "sources", msg: with(user, "/sources"), wantText: []string{"Xây dựng Đảng ở huyện Châu Thành — 09/01/2024", "mã: "}},
		{name: "ask", msg: with(user, "/ask Bí thư Huyện ủy Châu Thành là ai?"), wantCited: "Lê Phước Dũng"},
		{name: "ask without question", msg: with(user, "/ask"), wantText: []string{"Bạn muốn hỏi gì?"}},
		{name: "plain text is a question", msg: with(user, "bi thu huyen uy chau thanh la ai"), wantCited: "Lê Phước Dũng"},
		{name: "refusal", msg: with(user, "Dân số Hà Nội là bao nhiêu?"), refused: true},
		{name: "unknown command", msg: with(user, "/foo"), wantText: []string{"/foo", "/help"}},
		{name: "group chatter ignored", msg: group("Bí thư Huyện ủy Châu Thành là ai?", false), empty: true},
		{name: "group mention answered", msg: group("Bí thư Huyện ủy Châu Thành là ai?", true), wantCited: "Lê Phước Dũng"},
		{name: "group ask answered", msg: group("/ask Bí thư Huyện ủy Châu Thành là ai?", false), wantCited: "Lê Phước Dũng"},
		{name: "group other bot command ignored", msg: group("/weather", false), empty: true},
		{name: "non-admin reload", msg: with(user, "/reload"), wantText: []string{"chỉ dành cho quản trị viên"}},
		{name: "non-admin add", msg: with(user, "/add "+"Tiêu đề\nĐoạn một."), wantText: []string{"chỉ dành cho quản trị viên"}},
		{name: "non-admin stats", msg: with(user, "/stats"), wantText: []string{"chỉ dành cho quản trị viên"}},
		{name: "admin help", msg: with(admin, "/help"), wantText: []string{"/reload", "/stats"}},
		{name: "admin reload", msg: with(admin, "/reload"), wantText: []string{"Đã nạp lại 1 bài", "giây"}},
		{name: "admin add usage", msg: with(admin, "/add"), wantText: []string{"Cách dùng"}},
		{name: "admin add url without fetcher", msg: with(admin, "/add https://example.com/a"), wantText: []string{"chưa được cấu hình"}},
		{name: "admin remove unknown", msg: with(admin, "/remove nope"), wantText: []string{"Không có bài nào mã “nope”"}},
		{name: "admin stats", msg: with(admin, "/stats"), wantText: []string{"Bài báo: 1", "Câu hỏi hôm nay"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, _, _ := newTestBot(t)
			got := b.Handle(context.Background(), tt.msg)
			if tt.empty {
				if !got.Empty() {
					t.Fatalf("got reply %+v, want none", got)
				}
				return
			}
			for _, want := range tt.wantText {
				if !strings.Contains(got.Text, want) {
					t.Errorf("reply %q does not contain %q", got.Text, want)
				}
			}
			if tt.wantCited != "" || tt.refused {
				if got.Answer == nil {
					t.Fatalf("got %+v, want an answer", got)
				}
				if got.Answer.Refused != tt.refused {
					t.Errorf("refused = %v, want %v (%q)", got.Answer.Refused, tt.refused, got.Answer.Text)
				}
				if tt.wantCited != "" {
					if !strings.Contains(got.Answer.Text, tt.wantCited) || len(got.Answer.Citations) == 0 {
						t.Errorf("answer %q cites %d passages, want %q cited", got.Answer.Text, len(got.Answer.Citations), tt.wantCited)
					}
					if got.AnswerID == "" {
						t.Error("answer has no ID for feedback buttons")
					}
				}
			}
		})
	}
}

func TestNonAdminReloadChangesNothing(t *testing.T) {
	b, kn, st := newTestBot(t, WithSources([]string{"testdata/pasted"}))
	before := kn.Index()
	r := b.Handle(context.Background(), Message{Channel: "test", ChatID: "7", UserID: "99", Text: "/reload"})
	if !strings.Contains(r.Text, "quản trị viên") {
		t.Fatalf("got %q", r.Text)
	}
	if kn.Index() != before {
		t.Error("the index changed")
	}
	log := st.AuditLog()
	if len(log) != 1 || log[0].Actor != "test:99" || log[0].Action != "denied:reload" {
		t.Errorf("audit = %+v, want one denied:reload by test:99", log)
	}
	// The admin's reload does change it, to the configured sources.
	r = b.Handle(context.Background(), Message{Channel: "test", ChatID: "7", UserID: "1", Text: "/reload"})
	if got, want := r.Text, "Đã nạp lại 1 bài"; !strings.Contains(got, want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	if _, ok := kn.Index().Article("xay-dung-dang-o-huyen-chau-thanh"); ok {
		t.Error("the sample is still served after reloading other sources")
	}
}

func TestReloadFailureKeepsContent(t *testing.T) {
	b, kn, _ := newTestBot(t, WithSources([]string{"testdata/does-not-exist"}))
	before := kn.Index()
	r := b.Handle(context.Background(), Message{Channel: "test", ChatID: "7", UserID: "1", Text: "/reload"})
	if !strings.Contains(r.Text, "Nội dung cũ vẫn được giữ nguyên") {
		t.Errorf("got %q", r.Text)
	}
	if kn.Index() != before {
		t.Error("a failed reload changed the content")
	}
}

func TestAdminAddAnswerableAtOnce(t *testing.T) {
	for _, tc := range []struct{ name, text string }{
		{"pasted", "/add " + "PASTE"},
		{"url", "/add https://example.com/cau-vam-cong"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b, _, st := newTestBotWith(t, []knowledge.Option{knowledge.WithFetcher(fakeFetcher{pasted(t)})})
			ctx := context.Background()
			q := Message{Channel: "test", ChatID: "10", UserID: "2", Text: "Cầu Vàm Cống mới dài bao nhiêu mét?"}
			if r := b.Handle(ctx, q); r.Answer == nil || !r.Answer.Refused {
				t.Fatalf("before /add: got %+v, want a refusal", r)
			}
			text := strings.Replace(tc.text, "PASTE", pasted(t), 1)
			r := b.Handle(ctx, Message{Channel: "test", ChatID: "11", UserID: "1", Text: text})
			added := r.Text
			if !strings.Contains(r.Text, "Đã thêm bài “Cần Thơ khánh thành cầu Vàm Cống mới”") {
				t.Fatalf("add reply %q", r.Text)
			}
			r = b.Handle(ctx, q)
			if r.Answer == nil || r.Answer.Refused || !strings.Contains(r.Answer.Text, "2.970") {
				t.Fatalf("after /add: got %+v, want the length cited", r.Answer)
			}
			if got := st.AuditLog(); len(got) != 1 || got[0].Action != "add" {
				t.Errorf("audit = %+v", got)
			}
			// And /remove takes it away again.
			_, id, _ := strings.Cut(added, "mã: ")
			id, _, _ = strings.Cut(id, ",")
			r = b.Handle(ctx, Message{Channel: "test", ChatID: "11", UserID: "1", Text: "/remove " + id})
			if !strings.Contains(r.Text, "Đã xoá") {
				t.Fatalf("remove reply %q (id %q)", r.Text, id)
			}
			if r := b.Handle(ctx, q); r.Answer == nil || !r.Answer.Refused {
				t.Fatalf("after /remove: got %+v, want a refusal", r.Answer)
			}
		})
	}
}

func TestFollowUpUsesHistory(t *testing.T) {
	b, kn, _ := newTestBot(t)
	ctx := context.Background()
	m := Message{Channel: "test", ChatID: "10", UserID: "2", Text: "Chỉ thị 05-CT/TW là của ai?"}
	b.Handle(ctx, m)
	m.Text = "còn Kết luận 21 thì sao?"
	r := b.Handle(ctx, m)
	kn.mu.Lock()
	hist := kn.last.History
	kn.mu.Unlock()
	if len(hist) != 1 || hist[0].Question != "Chỉ thị 05-CT/TW là của ai?" {
		t.Fatalf("follow-up saw history %+v, want the first question", hist)
	}
	if r.Answer == nil || !strings.Contains(r.Answer.Text, "Kết luận 21") {
		t.Errorf("follow-up answer %+v", r.Answer)
	}
	// Another chat has its own history.
	b.Handle(ctx, Message{Channel: "test", ChatID: "12", UserID: "2", Text: "Bài báo đăng ngày nào?"})
	kn.mu.Lock()
	defer kn.mu.Unlock()
	if len(kn.last.History) != 0 {
		t.Errorf("another chat saw history %+v", kn.last.History)
	}
}

func TestRateLimit(t *testing.T) {
	b, _, _ := newTestBot(t, WithRateLimit(2, DefaultRateWindow))
	ctx := context.Background()
	m := Message{Channel: "test", ChatID: "10", UserID: "2", Text: "Bài báo đăng ngày nào?"}
	for i := range 2 {
		if r := b.Handle(ctx, m); r.Answer == nil {
			t.Fatalf("question %d: got %+v, want an answer", i+1, r)
		}
	}
	r := b.Handle(ctx, m)
	if r.Answer != nil || !strings.Contains(r.Text, "hỏi hơi nhanh") {
		t.Fatalf("third question: got %+v, want the rate-limit message", r)
	}
	// Another user is not limited; commands are not questions.
	if r := b.Handle(ctx, Message{Channel: "test", ChatID: "10", UserID: "3", Text: m.Text}); r.Answer == nil {
		t.Errorf("another user limited: %+v", r)
	}
	if r := b.Handle(ctx, Message{Channel: "test", ChatID: "10", UserID: "2", Text: "/help"}); r.Text == "" {
		t.Error("/help was limited")
	}
}

func TestFeedbackAndStats(t *testing.T) {
	b, _, st := newTestBot(t)
	ctx := context.Background()
	r := b.Handle(ctx, Message{Channel: "test", ChatID: "10", UserID: "2", Text: "Bí thư Huyện ủy Châu Thành là ai?"})
	b.Handle(ctx, Message{Channel: "test", ChatID: "10", UserID: "2", Text: "Dân số Hà Nội là bao nhiêu?"})
	up := Message{Channel: "test", ChatID: "10", UserID: "2", Feedback: "up", AnswerID: r.AnswerID}
	if got := b.Handle(ctx, up); !strings.Contains(got.Ack, "Cảm ơn") {
		t.Errorf("ack %q", got.Ack)
	}
	if got := b.Handle(ctx, up); !strings.Contains(got.Ack, "đã góp ý") {
		t.Errorf("second press ack %q", got.Ack)
	}
	b.Handle(ctx, Message{Channel: "test", ChatID: "10", UserID: "4", Feedback: "down", AnswerID: r.AnswerID})
	counts, _ := st.Counts(ctx)
	if counts["feedback:up"] != 1 || counts["feedback:down"] != 1 {
		t.Errorf("feedback counts = %v, want one up and one down", counts)
	}
	s := b.Handle(ctx, Message{Channel: "test", ChatID: "11", UserID: "1", Text: "/stats"}).Text
	for _, want := range []string{"Câu hỏi hôm nay: 2", "hôm nay 1", "👍 1 · 👎 1", "1. bí thư huyện ủy châu thành là ai (1)"} {
		if !strings.Contains(s, want) {
			t.Errorf("stats %q lacks %q", s, want)
		}
	}
}

func TestRecovery(t *testing.T) {
	b, _, _ := newTestBot(t)
	b.commands["boom"] = func(context.Context, Message) (Reply, error) { panic("boom") }
	b.handle = Chain(b.route, b.logging, b.errors, b.recovery)
	r := b.Handle(context.Background(), Message{Channel: "test", ChatID: "1", UserID: "2", Text: "/boom"})
	if r.Text != msgInternal {
		t.Errorf("got %q, want the polite error", r.Text)
	}
}

func TestParseCommand(t *testing.T) {
	tests := []struct{ in, cmd, rest string }{
		{"/start", "start", ""},
		{"/Ask@hoibao_bot  ai là bí thư? ", "ask", "ai là bí thư?"},
		{"/add\nTiêu đề\nĐoạn", "add", "Tiêu đề\nĐoạn"},
		{"ai là bí thư?", "", ""},
		{"/ ", "", ""},
		{"/10 giờ", "10", "giờ"},
	}
	for _, tt := range tests {
		cmd, rest, _ := ParseCommand(tt.in)
		if cmd != tt.cmd || rest != tt.rest {
			t.Errorf("ParseCommand(%q) = %q, %q; want %q, %q", tt.in, cmd, rest, tt.cmd, tt.rest)
		}
	}
}

func TestHandleSetsOutcome(t *testing.T) {
	b, _, _ := newTestBot(t)
	b.commands["boom"] = func(context.Context, Message) (Reply, error) { panic("boom") }
	for _, tc := range []struct {
		text string
		user string
		want Outcome
	}{
		{"/help", "1", OutcomeOK},
		{"Bí thư Huyện ủy Châu Thành là ai?", "1", OutcomeAnswered},
		{"Thời tiết ở Châu Thành hôm nay thế nào?", "1", OutcomeRefused},
		{"/reload", "999", OutcomeForbidden},
		{"/boom", "1", OutcomeInternal},
	} {
		got := b.Handle(context.Background(), Message{Channel: "test", ChatID: "c", UserID: tc.user, Text: tc.text})
		if got.Outcome != tc.want {
			t.Errorf("%q: outcome %q, want %q", tc.text, got.Outcome, tc.want)
		}
	}
}

// A question is asked on behalf of its chat, so that when answering is
// busy, chats take turns instead of one chat's burst holding the rest.
func TestQuestionsNameTheirChat(t *testing.T) {
	b, kn, _ := newTestBot(t)
	b.Handle(context.Background(), Message{Channel: "test", ChatID: "10", UserID: "2", Text: "Bí thư Huyện ủy Châu Thành là ai?"})
	kn.mu.Lock()
	defer kn.mu.Unlock()
	if got, want := kn.last.Asker, "test:10"; got != want {
		t.Errorf("Query.Asker = %q, want %q", got, want)
	}
}
