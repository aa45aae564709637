package openai_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

func TestRetryAfterIsHonoured(t *testing.T) {
	for _, stream := range []bool{false, true} {
		srv := openaitest.New("")
		srv.SetChat(openaitest.Script(openaitest.RateLimited("2", "slow down"), openaitest.Reply("Ông Lê Phước Dũng [1].")))
		// The backoff alone would retry after 5 ms.
		c := newClient(t, srv, openai.WithRetries(2, 5*time.Millisecond), openai.WithTimeout(20*time.Second))
		var ans knowledge.Answer
		var err error
		if stream {
			ans, err = c.AnswerStream(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 1), func(string) {})
		} else {
			ans, err = c.Answer(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 1))
		}
		times := srv.ChatTimes()
		srv.Close()
		if err != nil || ans.Refused {
			t.Fatalf("stream=%v: got %+v, %v; want the answer after one retry", stream, ans, err)
		}
		if len(times) != 2 {
			t.Fatalf("stream=%v: server saw %d requests, want 2", stream, len(times))
		}
		if gap := times[1].Sub(times[0]); gap < 2*time.Second {
			t.Errorf("stream=%v: retried %v after a 429 with Retry-After: 2, want no sooner than 2s", stream, gap)
		} else {
			t.Logf("stream=%v: retried %v after a 429 with Retry-After: 2", stream, gap.Round(time.Millisecond))
		}
	}
}

func TestRetryAfterBeyondTheTimeoutGivesUpAtOnce(t *testing.T) {
	srv := openaitest.New("")
	defer srv.Close()
	srv.SetChat(openaitest.RateLimited("120", "slow down"))
	log, logs := logBuffer()
	c := newClient(t, srv, openai.WithTimeout(3*time.Second), openai.WithLogger(log))
	_, err := c.Answer(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 1))
	if !errors.Is(err, knowledge.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("got %v, want the 429 as unavailable, not a timeout", err)
	}
	if got := len(srv.Chats()); got != 1 {
		t.Errorf("server saw %d requests, want 1: waiting 120 s does not fit a 3 s budget", got)
	}
	if !strings.Contains(logs.String(), "longer than the time left") {
		t.Errorf("logs:\n%s", logs.String())
	}
}

// TestEmbeddingsOnTheirOwnServer: chat on one server, embeddings on
// another with its own key; neither key reaches the other server.
func TestEmbeddingsOnTheirOwnServer(t *testing.T) {
	const embedKey = "emb-key-5a4b3c2d1e"
	chat := openaitest.New("The party secretary of Châu Thành district is Lê Phước Dũng [1].")
	defer chat.Close()
	embed := openaitest.New("")
	defer embed.Close()
	e, err := openai.NewEmbedder(embed.BaseURL(), embedKey, "fake-embed")
	if err != nil {
		t.Fatal(err)
	}
	svc := knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(newClient(t, chat)), knowledge.WithEmbedder(e, "fake-embed"))
	if err := svc.EmbedArticles(context.Background()); err != nil {
		t.Fatal(err)
	}
	english := "Who leads the party committee?" // found through vectors only
	ans, err := svc.Ask(context.Background(), knowledge.Query{Text: english})
	if err != nil || ans.Refused || len(ans.Citations) != 1 || !strings.Contains(ans.Citations[0].Quote, "Lê Phước Dũng") {
		t.Fatalf("got %+v, %v; want the model's answer citing the secretary's passage", ans, err)
	}
	if n, _ := chat.EmbedCalls(); n != 0 {
		t.Errorf("the chat server got %d embeddings requests, want 0", n)
	}
	if n := len(embed.Chats()); n != 0 {
		t.Errorf("the embeddings server got %d chat requests, want 0", n)
	}
	n, texts := embed.EmbedCalls()
	if n == 0 || texts[len(texts)-1] != english {
		t.Errorf("embeddings server: %d calls, last text %q; want the corpus, then the question", n, texts[len(texts)-1])
	}
	for _, a := range embed.Auth() {
		if a != "Bearer "+embedKey {
			t.Errorf("embeddings server got Authorization %q, want its own key", a)
		}
	}
	for _, a := range chat.Auth() {
		if a != "Bearer "+testKey {
			t.Errorf("chat server got Authorization %q, want the chat key", a)
		}
	}
}
