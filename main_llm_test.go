package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

const llmQuestion = "Bí thư Huyện ủy Châu Thành là ai?"

// runAskJSON runs `hoibao ask --json QUESTION` with env and returns its one
// JSON line and what it logged.
func runAskJSON(t *testing.T, env map[string]string) (knowledge.Result, string) {
	t.Helper()
	env["HOIBAO_DATA_DIR"] = t.TempDir()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), Env{
		Args: []string{"ask", "--json", llmQuestion}, Stdin: strings.NewReader(""),
		Stdout: &stdout, Stderr: &stderr, Getenv: func(k string) string { return env[k] },
	})
	if err != nil {
		t.Fatalf("run: %v\nstderr:\n%s", err, stderr.String())
	}
	var res knowledge.Result
	if err := json.Unmarshal(stdout.Bytes(), &res); err != nil {
		t.Fatalf("output %q: %v", stdout.String(), err)
	}
	return res, stderr.String()
}

func TestAskWithEachKindOfServer(t *testing.T) {
	reply := "Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng [1]."
	for _, tc := range []struct {
		name, flavor, key, model, embed string
		baseURL                         func(srv *openaitest.Server) string
	}{
		{"OpenAI", "", "sk-proj-abc123secret", "gpt-4o-mini", "text-embedding-3-small",
			func(s *openaitest.Server) string { return s.BaseURL() }},
		{"Ollama", "ollama", "", "llama3.1:8b", "nomic-embed-text",
			func(s *openaitest.Server) string { return strings.Replace(s.BaseURL(), "127.0.0.1", "localhost", 1) }},
		{"llama.cpp", "llama.cpp", "", "qwen2.5-7b-instruct-q4_k_m.gguf", "",
			func(s *openaitest.Server) string { return s.BaseURL() }},
		{"llama.cpp without /v1", "llama.cpp", "", "local", "",
			func(s *openaitest.Server) string { return s.URL }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := openaitest.New(reply)
			srv.Flavor = tc.flavor
			defer srv.Close()
			env := map[string]string{
				"HOIBAO_LLM_BASE_URL": tc.baseURL(srv), "HOIBAO_LLM_API_KEY": tc.key,
				"HOIBAO_LLM_MODEL": tc.model, "HOIBAO_EMBED_MODEL": tc.embed,
			}
			res, logs := runAskJSON(t, env)
			if res.Answer != reply || res.Refused || res.Note != "" || res.Error != "" {
				t.Fatalf("got %+v, want the model's answer", res)
			}
			if len(res.Citations) != 1 || res.Citations[0].N != 1 || res.Citations[0].Published != "2024-01-09" || res.Citations[0].Quote == "" {
				t.Errorf("citations: %+v", res.Citations)
			}
			chats := srv.Chats()
			if len(chats) != 1 || chats[0].Model != tc.model || !strings.Contains(chats[0].User(), "<question>\n"+llmQuestion+"\n</question>") {
				t.Errorf("requests: %+v", chats)
			}
			wantAuth := ""
			if tc.key != "" {
				wantAuth = "Bearer " + tc.key
			}
			for _, got := range srv.Auth() {
				if got != wantAuth {
					t.Errorf("Authorization %q, want %q", got, wantAuth)
				}
			}
			calls, _ := srv.EmbedCalls()
			if (calls > 0) != (tc.embed != "") {
				t.Errorf("%d embeddings calls with HOIBAO_EMBED_MODEL=%q", calls, tc.embed)
			}
			if tc.key != "" && strings.Contains(logs, tc.key) {
				t.Errorf("the key is in the logs:\n%s", logs)
			}
		})
	}
}

func TestAskFallsBackWhenTheModelFails(t *testing.T) {
	srv := openaitest.New("")
	defer srv.Close()
	srv.SetChat(openaitest.Status(http.StatusInternalServerError, "upstream failed for {auth}"))
	key := "sk-live-do-not-print-me"
	res, logs := runAskJSON(t, map[string]string{
		"HOIBAO_LLM_BASE_URL": srv.BaseURL(), "HOIBAO_LLM_API_KEY": key, "HOIBAO_LLM_MODEL": "gpt-4o-mini",
		"HOIBAO_LLM_TIMEOUT": "5s",
	})
	if res.Note != knowledge.NoteModelUnavailable || res.Refused || !strings.Contains(res.Answer, "Lê Phước Dũng") {
		t.Errorf("got %+v, want the extractive answer with the note", res)
	}
	if strings.Contains(logs, key) {
		t.Errorf("the key is in the logs:\n%s", logs)
	}
	if !strings.Contains(logs, "status=500") {
		t.Errorf("the failure is not logged:\n%s", logs)
	}
}

func TestAskOfflineByDefault(t *testing.T) {
	res, _ := runAskJSON(t, map[string]string{})
	if res.Note != "" || res.Refused || !strings.Contains(res.Answer, "Lê Phước Dũng") {
		t.Errorf("got %+v, want the extractive answer", res)
	}
}
