package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDefaultsWithNothingSet(t *testing.T) {
	c, err := FromMap(nil)
	if err != nil {
		t.Fatal(err)
	}
	if c.RedisURL != "" || c.DataDir != "data" || c.RedisPrefix != "hoibao:" || c.HTTPAddr != ":8080" || c.LLMBaseURL != "" {
		t.Errorf("defaults = %+v", c)
	}
}

func TestParsesLists(t *testing.T) {
	c, err := FromMap(map[string]string{
		"HOIBAO_TELEGRAM_ADMINS": "12, 34",
		"HOIBAO_ARTICLES":        "a.txt, dir/",
		"HOIBAO_LLM_TIMEOUT":     "90s",
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.TelegramAdmins) != 2 || c.TelegramAdmins[1] != 34 || len(c.Articles) != 2 || c.Articles[1] != "dir/" || c.LLMTimeout != 90*time.Second {
		t.Errorf("got %+v", c)
	}
}

func TestBadValuesNameTheVariable(t *testing.T) {
	for key, value := range map[string]string{
		"HOIBAO_TELEGRAM_ADMINS":       "alice",
		"HOIBAO_LOG_LEVEL":             "loud",
		"HOIBAO_LLM_BASE_URL":          "http://localhost:11434/v1", // without a model
		"HOIBAO_TELEGRAM_WEBHOOK_URL":  "https://bot.example/hook",  // without a secret
		"HOIBAO_TELEGRAM_API_ENDPOINT": "https://api.telegram.org/bot",
	} {
		_, err := FromMap(map[string]string{key: value})
		if err == nil || !strings.Contains(err.Error(), key) && !strings.Contains(err.Error(), "HOIBAO_") {
			t.Errorf("%s=%q: err = %v, want one naming the variable", key, value, err)
		}
	}
}

func TestDumpMasksSecrets(t *testing.T) {
	c, err := FromMap(map[string]string{
		"HOIBAO_TELEGRAM_TOKEN": "123456:SECRET-TOKEN",
		"HOIBAO_LLM_API_KEY":    "sk-secret-key",
		"HOIBAO_LLM_BASE_URL":   "https://api.example/v1",
		"HOIBAO_LLM_MODEL":      "m",
		"HOIBAO_ADMIN_TOKEN":    "admin-secret",
		"HOIBAO_REDIS_URL":      "redis://user:redis-pass@127.0.0.1:6379/0",
	})
	if err != nil {
		t.Fatal(err)
	}
	dump := c.Dump()
	for _, secret := range []string{"SECRET-TOKEN", "sk-secret-key", "admin-secret", "redis-pass"} {
		if strings.Contains(dump, secret) {
			t.Errorf("Dump shows %q:\n%s", secret, dump)
		}
	}
	if !strings.Contains(dump, "HOIBAO_TELEGRAM_TOKEN=***") {
		t.Errorf("Dump does not say the token is set:\n%s", dump)
	}
}

func TestConfigFileUnderEnvironment(t *testing.T) {
	path := filepath.Join(t.TempDir(), "hoibao.env")
	if err := os.WriteFile(path, []byte("# comment\nHOIBAO_DATA_DIR=/srv/hoibao\nHOIBAO_LOG_LEVEL=debug\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"HOIBAO_CONFIG": path, "HOIBAO_LOG_LEVEL": "warn"}
	c, err := Load(func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if c.DataDir != "/srv/hoibao" || c.LogLevel != "warn" {
		t.Errorf("DataDir %q LogLevel %q: want the file's folder and the environment's level", c.DataDir, c.LogLevel)
	}
}

// Every field of Config is filled by exactly one key of the table, and
// every key's default parses.
func TestKeysCoverConfig(t *testing.T) {
	seenName, seenField := map[string]bool{}, map[any]bool{}
	var c Config
	for _, k := range Keys {
		if seenName[k.Name] || !strings.HasPrefix(k.Name, "HOIBAO_") || k.Doc == "" {
			t.Errorf("key %q: duplicate, badly named or undocumented", k.Name)
		}
		seenName[k.Name] = true
		p := k.field(&c)
		if seenField[p] {
			t.Errorf("key %s fills a field another key fills", k.Name)
		}
		seenField[p] = true
	}
	if n := reflect.TypeOf(c).NumField(); n != len(seenField) {
		t.Errorf("Config has %d fields, the table fills %d", n, len(seenField))
	}
	d := Default()
	for _, k := range Keys {
		if got := k.Value(d); got != k.Default && !(k.Default == "" && (got == "0" || got == "false")) {
			t.Errorf("%s: default %q reads back as %q", k.Name, k.Default, got)
		}
	}
}

func TestMaskURL(t *testing.T) {
	for in, want := range map[string]string{
		"":                              "",
		"redis://u:pw@127.0.0.1:6379/0": "redis://u:***@127.0.0.1:6379/0",
		"https://x.openai.azure.com/v1?key=abc&v": "https://x.openai.azure.com/v1?key=***&v=***",
		"http://localhost:11434/v1":               "http://localhost:11434/v1",
	} {
		if got := MaskURL(in); got != want {
			t.Errorf("MaskURL(%q) = %q, want %q", in, got, want)
		}
	}
}
