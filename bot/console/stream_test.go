package console

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

// writes records every Write separately, so a test can see what was
// printed before the answer was complete.
type writes struct{ parts []string }

func (w *writes) Write(p []byte) (int, error) {
	w.parts = append(w.parts, string(p))
	return len(p), nil
}
func (w *writes) String() string { return strings.Join(w.parts, "") }

// fakeStreamer streams pieces, then returns final.
type fakeStreamer struct {
	pieces  []string
	final   knowledge.Answer
	out     *writes
	printed []int // len(out.parts) after each onText call
}

func (f *fakeStreamer) Ask(ctx context.Context, q knowledge.Query) (knowledge.Answer, error) {
	return f.AskStream(ctx, q, nil)
}

func (f *fakeStreamer) AskStream(_ context.Context, _ knowledge.Query, onText func(string)) (knowledge.Answer, error) {
	text := ""
	for _, p := range f.pieces {
		text += p
		if onText != nil {
			onText(text)
			f.printed = append(f.printed, len(f.out.parts))
		}
	}
	return f.final, nil
}

var cite = knowledge.Citation{N: 1, ArticleID: "a", Title: "Xây dựng Đảng", Quote: "trích đoạn",
	Published: time.Date(2024, 1, 9, 6, 25, 0, 0, time.UTC)}

func TestConsolePrintsStreamedTextAsItComes(t *testing.T) {
	out := &writes{}
	f := &fakeStreamer{
		pieces: []string{"Ông", " Lê Phước", " Dũng [1]", "."},
		final:  knowledge.Answer{Text: "Ông Lê Phước Dũng [1].", Citations: []knowledge.Citation{cite}},
		out:    out,
	}
	if err := Run(context.Background(), f, strings.NewReader("Bí thư là ai?\n"), out); err != nil {
		t.Fatal(err)
	}
	// Each piece was written before the next one came.
	for i, want := range f.pieces {
		if got := out.parts[f.printed[i]-1]; got != want {
			t.Errorf("write after piece %d: got %q, want %q", i+1, got, want)
		}
	}
	got := out.String()
	if n := strings.Count(got, "Ông Lê Phước Dũng [1]."); n != 1 {
		t.Errorf("answer printed %d times, want once:\n%s", n, got)
	}
	if !strings.Contains(got, "Ông Lê Phước Dũng [1].\n\nNguồn:\n[1] Xây dựng Đảng · 09/01/2024\n    “trích đoạn”") {
		t.Errorf("sources do not follow the streamed answer:\n%s", got)
	}
}

func TestConsolePrintsCheckedAnswerWhenItDiffersFromStream(t *testing.T) {
	out := &writes{}
	f := &fakeStreamer{
		pieces: []string{"Ông Dũng", " là bí thư"},
		final:  knowledge.Answer{Text: knowledge.RefusalVI, Refused: true},
		out:    out,
	}
	if err := Run(context.Background(), f, strings.NewReader("Bí thư là ai?\n"), out); err != nil {
		t.Fatal(err)
	}
	if got := out.String(); !strings.Contains(got, "Ông Dũng là bí thư\n\n"+knowledge.RefusalVI+"\n\n") {
		t.Errorf("the refusal is not printed after the streamed text:\n%s", got)
	}
}

func TestConsoleStreamsFromModel(t *testing.T) {
	reply := "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]. Ông nhấn mạnh đổi mới phương thức lãnh đạo [2]."
	srv := openaitest.New(reply)
	defer srv.Close()
	c, err := openai.New(srv.BaseURL(), "sk-console", "fake-model")
	if err != nil {
		t.Fatal(err)
	}
	svc := knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(c))
	out := &writes{}
	if err := Run(context.Background(), svc, strings.NewReader("Bí thư Huyện ủy Châu Thành là ai?\n"), out); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	if n := strings.Count(got, reply); n != 1 {
		t.Errorf("reply printed %d times, want once:\n%s", n, got)
	}
	if !strings.Contains(got, reply+"\n\nNguồn:\n[1] ") || !strings.Contains(got, "\n[2] ") {
		t.Errorf("output:\n%s", got)
	}
	// The reply arrived in several writes: streamed, not printed at the end.
	var pieces int
	for _, p := range out.parts {
		if strings.Contains(reply, p) && len(p) < len(reply) {
			pieces++
		}
	}
	if pieces < 5 {
		t.Errorf("the reply came in %d writes, want it streamed in many: %q", pieces, out.parts)
	}
	if !srv.Chats()[0].Stream {
		t.Errorf("the console did not ask the model to stream")
	}
}
