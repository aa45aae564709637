package main

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

// serviceFromEnv opens the service as `hoibao serve` does, from env.
func serviceFromEnv(t *testing.T, env map[string]string) *knowledge.Service {
	t.Helper()
	env["HOIBAO_DATA_DIR"] = t.TempDir()
	cfg, err := config.FromMap(env)
	if err != nil {
		t.Fatal(err)
	}
	svc, closeSvc, err := openService(context.Background(), cfg, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeSvc)
	return svc
}

// TestSeparateEmbeddingsEndpoint: HOIBAO_EMBED_BASE_URL and
// HOIBAO_EMBED_API_KEY send embeddings to their own server with their own
// key while chat goes to the chat server.
func TestSeparateEmbeddingsEndpoint(t *testing.T) {
	const chatKey, embedKey = "sk-chat-1a2b3c4d", "emb-9z8y7x6w"
	chat := openaitest.New("The party secretary of Châu Thành district is Lê Phước Dũng [1].")
	defer chat.Close()
	embed := openaitest.New("")
	defer embed.Close()
	svc := serviceFromEnv(t, map[string]string{
		"HOIBAO_LLM_BASE_URL": chat.BaseURL(), "HOIBAO_LLM_API_KEY": chatKey, "HOIBAO_LLM_MODEL": "qwen2.5-7b",
		"HOIBAO_EMBED_BASE_URL": embed.BaseURL(), "HOIBAO_EMBED_API_KEY": embedKey, "HOIBAO_EMBED_MODEL": "bge-m3",
	})
	if err := svc.EmbedArticles(context.Background()); err != nil {
		t.Fatal(err)
	}
	ans, err := svc.Ask(context.Background(), knowledge.Query{Text: "Who leads the party committee?"})
	if err != nil || ans.Refused || len(ans.Citations) == 0 {
		t.Fatalf("got %+v, %v; want the model's answer", ans, err)
	}
	if n, _ := embed.EmbedCalls(); n == 0 || len(embed.Chats()) != 0 {
		t.Errorf("embeddings server: %d embeddings calls, %d chats; want embeddings only", n, len(embed.Chats()))
	}
	if n, _ := chat.EmbedCalls(); n != 0 || len(chat.Chats()) != 1 {
		t.Errorf("chat server: %d embeddings calls, %d chats; want one chat only", n, len(chat.Chats()))
	}
	for _, a := range embed.Auth() {
		if a != "Bearer "+embedKey {
			t.Errorf("embeddings server got Authorization %q", a)
		}
	}
	for _, a := range chat.Auth() {
		if a != "Bearer "+chatKey {
			t.Errorf("chat server got Authorization %q", a)
		}
	}
}

// TestFirstQuestionDoesNotWaitForEmbeddings starts on the 1,332 Dân trí
// articles with embeddings configured, the embeddings server held back:
// the first question is answered by words while the corpus is being
// embedded, and once it is, questions are searched by words and vectors.
func TestFirstQuestionDoesNotWaitForEmbeddings(t *testing.T) {
	const dir = "../shared/data/news-dantri"
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no %s (%v): the Dân trí corpus is not on this machine", dir, err)
	}
	embed := openaitest.New("")
	defer embed.Close()
	gate := make(chan struct{})
	var release sync.Once
	open := func() { release.Do(func() { close(gate) }) }
	defer open()
	embed.SetEmbed(func(text string) []float32 {
		<-gate
		return openaitest.Embedding(text)
	})
	start := time.Now()
	svc := serviceFromEnv(t, map[string]string{
		"HOIBAO_ARTICLES": dir, "HOIBAO_EMBED_BASE_URL": embed.BaseURL(), "HOIBAO_EMBED_MODEL": "fake-embed",
	})
	articles, chunks := svc.Index().Len()
	if articles != 1332 {
		t.Fatalf("loaded %d articles, want 1332", articles)
	}
	loaded := time.Since(start)
	svc.StartEmbedding(context.Background()) // as runServe does

	const q = "Vinamilk dẫn đầu bảng xếp hạng thương hiệu nào?"
	asked := time.Now()
	ans, err := svc.Ask(context.Background(), knowledge.Query{Text: q})
	first := time.Since(asked)
	if err != nil || ans.Refused || len(ans.Citations) == 0 || !strings.Contains(ans.Text, "Vinamilk") {
		t.Fatalf("first question: got %+v, %v; want an answer about Vinamilk", ans, err)
	}
	if svc.VectorsReady() {
		t.Fatal("vectors ready while the embeddings server is held back")
	}
	if _, texts := embed.EmbedCalls(); len(texts) > 0 && texts[len(texts)-1] == q {
		t.Errorf("the first question was sent to the embeddings server; want it searched by words alone")
	}

	open()
	embedStart := time.Now()
	if err := svc.EmbedArticles(context.Background()); err != nil {
		t.Fatal(err)
	}
	embedded := time.Since(embedStart)
	if !svc.VectorsReady() {
		t.Fatal("vectors not ready after EmbedArticles")
	}
	_, before := embed.EmbedCalls()
	if len(before) < chunks/2 {
		t.Errorf("embedded %d texts for %d passages", len(before), chunks)
	}
	ans2, err := svc.Ask(context.Background(), knowledge.Query{Text: q})
	if err != nil || ans2.Refused || !strings.Contains(ans2.Text, "Vinamilk") {
		t.Fatalf("second question: got %+v, %v", ans2, err)
	}
	_, after := embed.EmbedCalls()
	if len(after) != len(before)+1 || after[len(after)-1] != q || embeddedText(before, q) {
		t.Errorf("the second question was not searched by vectors: %d texts embedded before it, %d after", len(before), len(after))
	}
	t.Logf("%d articles, %d passages loaded in %v; first question answered by words in %v with the corpus not yet embedded; "+
		"corpus embedded in %v more; second question by words and vectors", articles, chunks, loaded.Round(time.Millisecond),
		first.Round(time.Millisecond), embedded.Round(time.Millisecond))
}

func embeddedText(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// TestAskJSONSaysHowCitationsWereChecked: a model citing a passage that
// does not name the person has its citation moved, and the JSON says so.
func TestAskJSONSaysHowCitationsWereChecked(t *testing.T) {
	chat := openaitest.New("")
	defer chat.Close()
	chat.SetChat(func(w http.ResponseWriter, r *http.Request, req openaitest.ChatRequest) {
		right, wrong := 0, 0
		for i, block := range strings.Split(req.User(), "\n\n") {
			switch {
			case strings.Contains(block, "Lê Phước Dũng") && right == 0:
				right = i + 1
			case !strings.Contains(block, "Lê Phước Dũng") && wrong == 0:
				wrong = i + 1
			}
		}
		openaitest.Reply(fmt.Sprintf("Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng [%d].", wrong))(w, r, req)
	})
	res, _ := runAskJSON(t, map[string]string{
		"HOIBAO_LLM_BASE_URL": chat.BaseURL(), "HOIBAO_LLM_MODEL": "m",
	})
	if res.Refused || len(res.Citations) != 1 {
		t.Fatalf("got %+v, want one citation", res)
	}
	if c := res.Citations[0]; c.Support != knowledge.SupportMoved || !strings.Contains(c.Quote, "Lê Phước Dũng") {
		t.Errorf("citation: got %+v, want support %q and the passage naming him", c, knowledge.SupportMoved)
	}
}
