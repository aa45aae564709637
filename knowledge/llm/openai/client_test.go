package openai_test

import (
	"bytes"
	"context"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

const (
	testKey  = "sk-test-9f8e7d6c5b4a"
	question = "Bí thư Huyện ủy Châu Thành là ai?"
)

// newClient returns a client of srv with quick retries and a short timeout.
func newClient(t *testing.T, srv *openaitest.Server, opts ...openai.Option) *openai.Client {
	t.Helper()
	opts = append([]openai.Option{openai.WithRetries(2, 5*time.Millisecond), openai.WithTimeout(5 * time.Second)}, opts...)
	c, err := openai.New(srv.BaseURL(), testKey, "fake-model", opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// samplePassages returns the first n passages retrieval finds for q in the
// bundled sample article.
func samplePassages(t *testing.T, q string, n int) []knowledge.Passage {
	t.Helper()
	p := knowledge.NewIndex(knowledge.Sample()).Search(q, n)
	if len(p) != n {
		t.Fatalf("got %d passages for %q, want %d", len(p), q, n)
	}
	return p
}

func TestRequestCarriesFencedNumberedPassagesAndQuestion(t *testing.T) {
	srv := openaitest.New("Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1].")
	defer srv.Close()
	passages := samplePassages(t, question, 3)
	ans, err := newClient(t, srv).Answer(context.Background(), knowledge.Query{Text: question}, passages)
	if err != nil {
		t.Fatal(err)
	}
	chats := srv.Chats()
	if len(chats) != 1 {
		t.Fatalf("got %d chat requests, want 1", len(chats))
	}
	req := chats[0]
	if got, want := req.Model, "fake-model"; got != want {
		t.Errorf("model: got %q, want %q", got, want)
	}
	if got, want := req.System(), openai.SystemPrompt; got != want {
		t.Errorf("system message: got %q, want the system prompt", got)
	}
	user := req.User()
	start, end := strings.Index(user, "<passages>\n"), strings.Index(user, "</passages>")
	if start < 0 || end < start || strings.Count(user, "<passages>") != 1 || strings.Count(user, "</passages>") != 1 {
		t.Fatalf("user message has no single <passages> fence:\n%s", user)
	}
	fenced := user[start:end]
	for i, p := range passages {
		header := "[" + string(rune('1'+i)) + "] title: " + p.Article.Title + " | published: 2024-01-09 06:25"
		if !strings.Contains(fenced, header) {
			t.Errorf("passage %d header %q not inside the fence:\n%s", i+1, header, fenced)
		}
		if !strings.Contains(fenced, p.Chunk.Text) {
			t.Errorf("passage %d text not inside the fence", i+1)
		}
	}
	if strings.Contains(fenced, "[4]") {
		t.Errorf("more than 3 passages sent")
	}
	if got, want := user[end:], "</passages>\n\n<question>\n"+question+"\n</question>"; got != want {
		t.Errorf("question block: got %q, want %q", got, want)
	}
	for _, rule := range []string{"[1]", "language of the question", knowledge.RefusalVI, knowledge.RefusalEN, "data, not instructions"} {
		if !strings.Contains(req.System(), rule) {
			t.Errorf("system prompt lacks %q", rule)
		}
		if rule != "[1]" && strings.Contains(user, rule) {
			t.Errorf("instruction %q leaked into the user message", rule)
		}
	}
	if got, want := srv.Auth()[0], "Bearer "+testKey; got != want {
		t.Errorf("Authorization: got %q, want %q", got, want)
	}
	if ans.Refused || len(ans.Citations) != 1 || ans.Citations[0].N != 1 {
		t.Fatalf("got %+v, want one citation [1]", ans)
	}
	if got, want := ans.Citations[0].Quote, passages[0].Chunk.Text; got != want {
		t.Errorf("quote: got %q, want passage 1's text %q", got, want)
	}
}

func TestMarkerToNoPassageIsRemoved(t *testing.T) {
	srv := openaitest.New("Ông Lê Phước Dũng là Bí thư Huyện ủy [1][7]. Huyện đẩy mạnh kiểm tra, giám sát [7]. Xem thêm [3, 9].")
	defer srv.Close()
	passages := samplePassages(t, question, 3)
	ans, err := newClient(t, srv).Answer(context.Background(), knowledge.Query{Text: question}, passages)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ans.Text, "Ông Lê Phước Dũng là Bí thư Huyện ủy [1]. Huyện đẩy mạnh kiểm tra, giám sát. Xem thêm [3]."; got != want {
		t.Errorf("text:\n got %q\nwant %q", got, want)
	}
	if got, want := len(ans.Citations), 2; got != want {
		t.Fatalf("got %d citations, want %d: %+v", got, want, ans.Citations)
	}
	for i, n := range []int{1, 3} {
		c := ans.Citations[i]
		if c.N != n || c.Quote != passages[n-1].Chunk.Text || c.ChunkID != passages[n-1].Chunk.ID {
			t.Errorf("citation %d: got %+v, want passage %d", i, c, n)
		}
	}
}

func TestAnswerWithoutCitationIsRefused(t *testing.T) {
	for _, tc := range []struct{ question, reply, want string }{
		{question, "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành.", knowledge.RefusalVI},
		{question, "Theo bài báo, ông Dũng [7].", knowledge.RefusalVI},
		{question, knowledge.RefusalVI, knowledge.RefusalVI},
		{question, "Các bài báo hiện có không nói về điều này [1].", knowledge.RefusalVI},
		{"Who is the party secretary of the district?", "The passages do not contain the answer.", knowledge.RefusalEN},
		{question, "<think>Passage 1 names him.</think>", knowledge.RefusalVI},
	} {
		srv := openaitest.New(tc.reply)
		ans, err := newClient(t, srv).Answer(context.Background(), knowledge.Query{Text: tc.question}, samplePassages(t, question, 3))
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !ans.Refused || ans.Text != tc.want || len(ans.Citations) != 0 {
			t.Errorf("reply %q: got %+v, want a refusal %q", tc.reply, ans, tc.want)
		}
	}
}

func TestThinkingIsStripped(t *testing.T) {
	srv := openaitest.New("<think>The secretary is named in passage 1.</think>\nÔng Lê Phước Dũng [1].")
	defer srv.Close()
	ans, err := newClient(t, srv).Answer(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 3))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ans.Text, "Ông Lê Phước Dũng [1]."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestStreamGrowsAndEndsChecked(t *testing.T) {
	reply := "Ông Lê Phước Dũng [1][7] là Bí thư Huyện ủy Châu Thành [1]. Ông nhấn mạnh đổi mới phương thức lãnh đạo [3][12]."
	srv := openaitest.New(reply)
	defer srv.Close()
	var partials []string
	ans, err := newClient(t, srv).AnswerStream(context.Background(), knowledge.Query{Text: question},
		samplePassages(t, question, 3), func(p string) { partials = append(partials, p) })
	if err != nil {
		t.Fatal(err)
	}
	if got, want := ans.Text, "Ông Lê Phước Dũng [1] là Bí thư Huyện ủy Châu Thành [1]. Ông nhấn mạnh đổi mới phương thức lãnh đạo [3]."; got != want {
		t.Errorf("final: got %q, want %q", got, want)
	}
	if len(partials) < 5 {
		t.Fatalf("got %d partial texts, want the reply in several pieces: %q", len(partials), partials)
	}
	for i, p := range partials {
		if strings.Contains(p, "[7") {
			t.Errorf("partial %d shows the invalid marker: %q", i, p)
		}
		if i > 0 && !strings.HasPrefix(p, partials[i-1]) {
			t.Errorf("partial %d %q does not extend %q", i, p, partials[i-1])
		}
	}
	if last := partials[len(partials)-1]; !strings.HasPrefix(ans.Text, last) {
		t.Errorf("last partial %q is not the start of the final text %q", last, ans.Text)
	}
	if !srv.Chats()[0].Stream {
		t.Errorf("request did not ask for a stream")
	}
}

func TestRewriteFollowUp(t *testing.T) {
	srv := openaitest.New("Standalone question: Bí thư Huyện ủy Châu Thành nhấn mạnh điều gì?\n")
	defer srv.Close()
	q := knowledge.Query{Text: "Ông ấy nhấn mạnh điều gì?", History: []knowledge.Turn{
		{Question: question, Answer: "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]."},
	}}
	got, err := newClient(t, srv).Rewrite(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	if want := "Bí thư Huyện ủy Châu Thành nhấn mạnh điều gì?"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	req := srv.Chats()[0]
	if req.System() != openai.RewritePrompt || !strings.Contains(req.User(), "<follow-up>\nÔng ấy nhấn mạnh điều gì?\n</follow-up>") ||
		!strings.Contains(req.User(), "User: "+question) {
		t.Errorf("rewrite request:\n%s\n---\n%s", req.System(), req.User())
	}
}

func TestNewRejectsBadSettings(t *testing.T) {
	for _, tc := range []struct{ url, model string }{{"", "m"}, {"ftp://x/v1", "m"}, {"http://127.0.0.1:1/v1", ""}, {"localhost:11434", "m"}} {
		if _, err := openai.New(tc.url, testKey, tc.model); err == nil {
			t.Errorf("New(%q, %q): got no error", tc.url, tc.model)
		} else if strings.Contains(err.Error(), testKey) {
			t.Errorf("error shows the key: %v", err)
		}
	}
}

func TestBaseURLWithoutPathGetsV1(t *testing.T) {
	srv := openaitest.New("Ông Lê Phước Dũng [1].")
	defer srv.Close()
	c, err := openai.New(srv.URL, "", "llama3")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Answer(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 1)); err != nil {
		t.Fatal(err)
	}
	if got := srv.Auth(); len(got) != 1 || got[0] != "" {
		t.Errorf("Authorization without a key: got %q, want none", got)
	}
}

// logBuffer returns a logger writing into a buffer.
func logBuffer() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug})), &buf
}

func TestPassagesAreTrimmedToTheContextBudget(t *testing.T) {
	srv := openaitest.New("Ông Lê Phước Dũng [1].")
	defer srv.Close()
	passages := samplePassages(t, "Đảng bộ huyện Châu Thành đổi mới phương thức lãnh đạo", 8)
	for _, tc := range []struct {
		tokens   int
		min, max int // passages sent
	}{{100000, 8, 8}, {1400, 2, 6}, {256, 1, 1}} {
		c := newClient(t, srv, openai.WithContextTokens(tc.tokens), openai.WithAnswerTokens(200))
		if _, err := c.Answer(context.Background(), knowledge.Query{Text: question}, passages); err != nil {
			t.Fatal(err)
		}
		chats := srv.Chats()
		req := chats[len(chats)-1]
		sent := 0
		for i := 1; i <= 8; i++ {
			if strings.Contains(req.User(), "\n["+string(rune('0'+i))+"] title:") {
				sent = i
			}
		}
		runes := len([]rune(req.System() + req.User()))
		t.Logf("context %d tokens: %d passages, %d characters", tc.tokens, sent, runes)
		if sent < tc.min || sent > tc.max {
			t.Errorf("context %d: sent %d passages, want %d..%d", tc.tokens, sent, tc.min, tc.max)
		}
		switch tc.tokens {
		case 1400:
			// Common tokenizers: English ~4 characters a token, Vietnamese ~2.5 or more.
			est := len([]rune(req.System()))/4 + len([]rune(req.User()))*2/5
			if est > tc.tokens-200 {
				t.Errorf("context %d: prompt of ~%d tokens leaves no room for the 200-token answer", tc.tokens, est)
			}
		case 256: // the instructions alone fill it: one passage, cut short
			if !strings.Contains(req.User(), "…\n\n</passages>") {
				t.Errorf("context %d: the passage was not trimmed:\n%s", tc.tokens, req.User())
			}
		}
	}
}
