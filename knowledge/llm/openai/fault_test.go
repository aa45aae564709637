package openai_test

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

// The extractive answer to question from the sample names the secretary.
const extractiveName = "Lê Phước Dũng"

func TestFaultsFallBackToExtractiveAnswer(t *testing.T) {
	for _, tc := range []struct {
		name     string
		handler  openaitest.Handler
		requests int // chat requests the server should see: retries on 429/5xx only
	}{
		{"429", openaitest.Status(http.StatusTooManyRequests, "Rate limit reached for {auth}"), 3},
		{"500", openaitest.Status(http.StatusInternalServerError, "Incorrect API key provided: {auth}"), 3},
		{"503 then 502", openaitest.Script(openaitest.Status(503, "overloaded"), openaitest.Status(502, "bad gateway {auth}")), 3},
		{"hang", openaitest.Hang(), 1},
		{"malformed JSON", openaitest.Malformed(), 1},
	} {
		for _, stream := range []bool{false, true} {
			name := tc.name
			if stream {
				name += "/stream"
			}
			t.Run(name, func(t *testing.T) {
				srv := openaitest.New("")
				defer srv.Close()
				srv.SetChat(tc.handler)
				log, logs := logBuffer()
				c := newClient(t, srv, openai.WithTimeout(300*time.Millisecond), openai.WithLogger(log))
				svc := knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(c), knowledge.WithLogger(log))
				var ans knowledge.Answer
				var err error
				var partials int
				if stream {
					ans, err = svc.AskStream(context.Background(), knowledge.Query{Text: question}, func(string) { partials++ })
				} else {
					ans, err = svc.Ask(context.Background(), knowledge.Query{Text: question})
				}
				if err != nil {
					t.Fatalf("got error %v, want the extractive answer", err)
				}
				if got, want := ans.Note, knowledge.NoteModelUnavailable; got != want {
					t.Errorf("note: got %q, want %q", got, want)
				}
				if ans.Refused || !strings.Contains(ans.Text, extractiveName) || len(ans.Citations) == 0 {
					t.Errorf("got %+v, want the extractive answer naming %s", ans, extractiveName)
				}
				if got, want := len(srv.Chats()), tc.requests; got != want {
					t.Errorf("server saw %d chat requests, want %d", got, want)
				}
				if strings.Contains(logs.String(), testKey) || strings.Contains(ans.Text+ans.Note, testKey) {
					t.Errorf("the API key leaked:\n%s", logs.String())
				}
				if !strings.Contains(logs.String(), "model failed") {
					t.Errorf("the failure was not logged:\n%s", logs.String())
				}
			})
		}
	}
}

func TestErrorsNeverCarryTheKey(t *testing.T) {
	srv := openaitest.New("")
	defer srv.Close()
	srv.SetChat(openaitest.Status(http.StatusUnauthorized, "Incorrect API key provided: {auth}. You can find your API key at …"))
	c := newClient(t, srv)
	_, err := c.Answer(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 2))
	if err == nil {
		t.Fatal("got no error for a 401")
	}
	if strings.Contains(err.Error(), testKey) {
		t.Errorf("error shows the key: %v", err)
	}
	for e := err; e != nil; e = errors.Unwrap(e) {
		if strings.Contains(e.Error(), testKey) {
			t.Errorf("a wrapped error shows the key: %v", e)
		}
	}
	if !errors.Is(err, knowledge.ErrUnavailable) {
		t.Errorf("error %v is not ErrUnavailable", err)
	}
	var oe *openai.Error
	if !errors.As(err, &oe) || oe.Status != http.StatusUnauthorized {
		t.Errorf("got %#v, want an *openai.Error with status 401", err)
	}
	if got, want := len(srv.Chats()), 1; got != want {
		t.Errorf("a 401 was retried: %d requests, want %d", got, want)
	}
}

func TestCircuitBreakerStopsCallingAFailingModel(t *testing.T) {
	srv := openaitest.New("")
	defer srv.Close()
	srv.SetChat(openaitest.Status(http.StatusInternalServerError, "down"))
	c := newClient(t, srv, openai.WithRetries(0, time.Millisecond), openai.WithBreaker(2, time.Hour))
	svc := knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(c))
	for i, want := range []int{1, 2, 2, 2} {
		ans, err := svc.Ask(context.Background(), knowledge.Query{Text: question})
		if err != nil || ans.Note != knowledge.NoteModelUnavailable {
			t.Fatalf("ask %d: got %+v, %v; want the extractive answer with the note", i+1, ans, err)
		}
		if got := len(srv.Chats()); got != want {
			t.Errorf("after ask %d the server saw %d requests, want %d", i+1, got, want)
		}
	}
}

func TestCircuitClosesAfterPauseWhenModelRecovers(t *testing.T) {
	srv := openaitest.New("")
	defer srv.Close()
	srv.SetChat(openaitest.Script(openaitest.Status(500, "down"), openaitest.Reply("Ông Lê Phước Dũng [1].")))
	c := newClient(t, srv, openai.WithRetries(0, time.Millisecond), openai.WithBreaker(1, 20*time.Millisecond))
	passages := samplePassages(t, question, 2)
	if _, err := c.Answer(context.Background(), knowledge.Query{Text: question}, passages); err == nil {
		t.Fatal("first call: got no error")
	}
	if _, err := c.Answer(context.Background(), knowledge.Query{Text: question}, passages); err == nil {
		t.Fatal("second call while open: got no error")
	}
	time.Sleep(30 * time.Millisecond) // longer than the pause
	ans, err := c.Answer(context.Background(), knowledge.Query{Text: question}, passages)
	if err != nil || ans.Refused {
		t.Fatalf("after the pause: got %+v, %v; want the model's answer", ans, err)
	}
	if got, want := len(srv.Chats()), 2; got != want {
		t.Errorf("server saw %d requests, want %d", got, want)
	}
}

func TestRetryWaitsAtLeastTheBackoff(t *testing.T) {
	srv := openaitest.New("")
	defer srv.Close()
	srv.SetChat(openaitest.Script(openaitest.Status(429, "slow down"), openaitest.Reply("Ông Lê Phước Dũng [1].")))
	c := newClient(t, srv, openai.WithRetries(1, 50*time.Millisecond))
	start := time.Now()
	ans, err := c.Answer(context.Background(), knowledge.Query{Text: question}, samplePassages(t, question, 1))
	if err != nil || ans.Refused {
		t.Fatalf("got %+v, %v; want the answer after one retry", ans, err)
	}
	if elapsed := time.Since(start); elapsed < 50*time.Millisecond {
		t.Errorf("retried after %v, want no earlier than the 50ms backoff", elapsed)
	}
}
