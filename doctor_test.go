package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

func TestDoctor(t *testing.T) {
	model := openaitest.New("Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1].")
	defer model.Close()
	tg := newTGServer(t)
	const zaloToken = "zalo-SECRET-token"
	zalo := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method != http.MethodPost || r.URL.Path != "/bot"+zaloToken+"/getMe" {
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, `{"ok":false,"error_code":401,"description":"Unauthorized"}`)
			return
		}
		fmt.Fprint(w, `{"ok":true,"result":{"id":"1","account_name":"bot.hoibao","display_name":"Hỏi Báo"}}`)
	}))
	defer zalo.Close()
	vars := map[string]string{
		"HOIBAO_DATA_DIR": t.TempDir(), "HOIBAO_HTTP_ADDR": "127.0.0.1:0",
		"HOIBAO_LLM_BASE_URL": model.BaseURL(), "HOIBAO_LLM_MODEL": "fake-model", "HOIBAO_LLM_API_KEY": "sk-SECRET",
		"HOIBAO_EMBED_MODEL":    "fake-embed",
		"HOIBAO_TELEGRAM_TOKEN": serveToken, "HOIBAO_TELEGRAM_API_ENDPOINT": tg.URL + "/bot%s/%s",
		"HOIBAO_ZALO_TOKEN": zaloToken, "HOIBAO_ZALO_API_BASE": zalo.URL,
		"HOIBAO_ADMIN_TOKEN": "a-long-enough-admin-token",
	}
	doctor := func() (string, error) {
		var out, errOut bytes.Buffer
		err := run(context.Background(), Env{Args: []string{"doctor"}, Stdin: strings.NewReader(""), Stdout: &out, Stderr: &errOut,
			Getenv: func(k string) string { return vars[k] }})
		return out.String() + errOut.String(), err
	}
	out, err := doctor()
	if err != nil {
		t.Fatalf("doctor = %v\n%s", err, out)
	}
	for _, want := range []string{"✓ store:", "✓ model:", "✓ embeddings:", "✓ telegram: getMe: @hoibao_bot", "✓ zalo: getMe: Hỏi Báo", "✓ http:", "✓ admin API:"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}

	vars["HOIBAO_ZALO_TOKEN"] = "wrong-SECRET"
	vars["HOIBAO_LLM_BASE_URL"] = "http://127.0.0.1:1/v1"
	out, err = doctor()
	if !errors.Is(err, errDoctor) {
		t.Errorf("doctor with broken parts = %v, want it to fail", err)
	}
	for _, want := range []string{"✗ model:", "→ check HOIBAO_LLM_BASE_URL", "✗ zalo: getMe refused: Unauthorized", "✓ telegram:"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	for _, secret := range []string{serveToken, "SECRET"} {
		if strings.Contains(out, secret) {
			t.Errorf("a secret (%s) in the report:\n%s", secret, out)
		}
	}
}
