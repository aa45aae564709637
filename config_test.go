package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/config"
)

// readmeKeys returns the variables named in the first column of the
// README's configuration table.
func readmeKeys(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(data), "\n## Configuration\n")
	if !ok {
		t.Fatal("README.md has no ## Configuration section")
	}
	if i := strings.Index(section, "\n## "); i >= 0 {
		section = section[:i]
	}
	var keys []string
	name := regexp.MustCompile("`(HOIBAO_[A-Z0-9_]+)`")
	for _, line := range strings.Split(section, "\n") {
		if !strings.HasPrefix(line, "| `HOIBAO_") {
			continue
		}
		first := strings.Split(line, "|")[1]
		for _, m := range name.FindAllStringSubmatch(first, -1) {
			keys = append(keys, m[1])
		}
	}
	if len(keys) < 10 {
		t.Fatalf("found only %d keys in the README's configuration table", len(keys))
	}
	return keys
}

// TestConfigMatchesReadme: every key in the README's configuration table
// is one hoibao reads and `hoibao config` prints, and every key it reads
// is in the README.
func TestConfigMatchesReadme(t *testing.T) {
	var out bytes.Buffer
	err := run(context.Background(), Env{Args: []string{"config"}, Stdout: &out, Stderr: &out,
		Getenv: func(string) string { return "" }})
	if err != nil {
		t.Fatal(err)
	}
	printed := map[string]bool{}
	for _, line := range strings.Split(out.String(), "\n") {
		if k, _, ok := strings.Cut(line, "="); ok {
			printed[k] = true
		}
	}
	inReadme := map[string]bool{}
	for _, k := range readmeKeys(t) {
		inReadme[k] = true
		if !printed[k] {
			t.Errorf("README names %s; `hoibao config` does not print it", k)
		}
	}
	for _, k := range config.Keys {
		if !inReadme[k.Name] {
			t.Errorf("%s is read but not in the README's configuration table", k.Name)
		}
		if !printed[k.Name] {
			t.Errorf("%s is read but `hoibao config` does not print it", k.Name)
		}
	}
}

// TestConfigShowsNoSecret sets every secret (and URLs with passwords and
// keys in their query strings) and checks `hoibao config` shows none.
func TestConfigShowsNoSecret(t *testing.T) {
	env := map[string]string{}
	var secrets []string
	for i, k := range config.Keys {
		switch k.Kind {
		case config.Secret:
			v := "secret-value-" + strings.ToLower(k.Name)
			env[k.Name], secrets = v, append(secrets, v)
		case config.URL:
			if k.Name == "HOIBAO_REDIS_URL" {
				env[k.Name] = "redis://user:redis-pass-9@127.0.0.1:6379/0"
				secrets = append(secrets, "redis-pass-9")
				continue
			}
			q := fmt.Sprintf("querykey%d", i)
			env[k.Name] = "https://u:urlpass" + q + "@api.example/v1?key=" + q + "&api-version=2024"
			secrets = append(secrets, q)
		}
	}
	env["HOIBAO_LLM_MODEL"], env["HOIBAO_EMBED_MODEL"] = "m", "e"
	env["HOIBAO_ZALO_WEBHOOK_SECRET"] = "secret-value-zalo-webhook"
	secrets = append(secrets, "secret-value-zalo-webhook")
	var out bytes.Buffer
	if err := run(context.Background(), Env{Args: []string{"config"}, Stdout: &out, Stderr: &out,
		Getenv: func(k string) string { return env[k] }}); err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if strings.Contains(out.String(), s) {
			t.Errorf("`hoibao config` shows %q:\n%s", s, out.String())
		}
	}
	for _, want := range []string{"HOIBAO_ZALO_OA_SECRET_KEY=***", "key=***", "redis://user:***@127.0.0.1:6379/0"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("`hoibao config` lacks %q:\n%s", want, out.String())
		}
	}
}
