// Package config reads hoibao's settings from the environment (and an
// optional file of KEY=value lines), fills in defaults, validates them and
// prints them with secrets masked. One table, Keys, drives all of it; the
// README's configuration table is checked against it. It builds no clients.
package config

import (
	"bufio"
	"errors"
	"fmt"
	"net/url"
	"os"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of hoibao; Keys names the environment variables.
type Config struct {
	RedisURL           string
	RedisPrefix        string
	RedisFallback      bool // use the embedded store when Redis is unreachable at start-up
	DataDir            string
	Articles           []string
	FetchAllow         []string
	Feeds              []string
	FeedInterval       time.Duration
	TelegramToken      string
	TelegramEndpoint   string
	TelegramWebhook    string
	TelegramSecret     string
	TelegramAdmins     []int64
	ZaloToken          string
	ZaloAPIBase        string
	ZaloAdmins         []string
	ZaloWebhook        string
	ZaloSecret         string
	ZaloOAAppID        string
	ZaloOASecretKey    string
	ZaloOAAccessToken  string
	ZaloOARefreshToken string
	ZaloOAAdmins       []string
	ZaloOAAPIBase      string
	ZaloOAOAuthBase    string
	ZaloOAWebhookPath  string
	HTTPAddr           string
	AdminToken         string
	WebOrigins         []string
	WebRateLimit       int
	WidgetRateLimit    int
	LLMBaseURL         string
	LLMAPIKey          string
	LLMModel           string
	LLMTimeout         time.Duration
	LLMContextTokens   int
	EmbedModel         string
	EmbedBaseURL       string
	EmbedAPIKey        string
	RateLimitPerMin    int
	ShutdownTimeout    time.Duration
	LogLevel           string
	LogFormat          string
}

// Kind says how a value is shown by Dump.
type Kind int

// Kinds of values.
const (
	Plain  Kind = iota
	Secret      // shown as *** when set
	URL         // a password and every query-string value shown as ***
)

// Key is one setting: its variable, default, meaning (for the README) and
// the Config field it fills.
type Key struct {
	Name    string
	Default string
	Kind    Kind
	Doc     string
	field   func(*Config) any // a pointer to the field
}

// Keys is every setting hoibao reads, in the order Dump prints them.
var Keys = []Key{
	{"HOIBAO_ARTICLES", "", Plain, "files or folders (comma separated) that start-up and `/reload` load; unset: the bundled sample", func(c *Config) any { return &c.Articles }},
	{"HOIBAO_FETCH_ALLOW", "", Plain, "hosts, addresses or CIDRs (comma separated) that fetching may reach although private or loopback", func(c *Config) any { return &c.FetchAllow }},
	{"HOIBAO_FEEDS", "", Plain, "RSS/Atom feeds (comma separated) polled for new articles", func(c *Config) any { return &c.Feeds }},
	{"HOIBAO_FEED_INTERVAL", "15m0s", Plain, "how often feeds are polled (at least 1m)", func(c *Config) any { return &c.FeedInterval }},
	{"HOIBAO_DATA_DIR", "data", Plain, "the embedded store's folder (also keeps the Zalo OA tokens without Redis)", func(c *Config) any { return &c.DataDir }},
	{"HOIBAO_REDIS_URL", "", URL, "Redis for articles and shared chat state, e.g. `redis://127.0.0.1:6379/0`; unset: the embedded store", func(c *Config) any { return &c.RedisURL }},
	{"HOIBAO_REDIS_PREFIX", "hoibao:", Plain, "prefix of every Redis key", func(c *Config) any { return &c.RedisPrefix }},
	{"HOIBAO_REDIS_FALLBACK", "false", Plain, "use the embedded store when Redis does not answer at start-up", func(c *Config) any { return &c.RedisFallback }},
	{"HOIBAO_HTTP_ADDR", ":8080", Plain, "the one HTTP listener: every webhook, `/healthz`, the HTTP API", func(c *Config) any { return &c.HTTPAddr }},
	{"HOIBAO_ADMIN_TOKEN", "", Secret, "bearer token of the HTTP admin endpoints", func(c *Config) any { return &c.AdminToken }},
	{"HOIBAO_WEB_ORIGINS", "", Plain, "sites (origins such as `https://baoangiang.com.vn`, comma separated) that may embed the widget and call the API", func(c *Config) any { return &c.WebOrigins }},
	{"HOIBAO_WEB_RATE_LIMIT_PER_MINUTE", "60", Plain, "questions per client address per minute on the web page and API (0: no limit)", func(c *Config) any { return &c.WebRateLimit }},
	{"HOIBAO_WIDGET_RATE_LIMIT_PER_MINUTE", "30", Plain, "the same, through the embedded widget", func(c *Config) any { return &c.WidgetRateLimit }},
	{"HOIBAO_RATE_LIMIT_PER_MINUTE", "20", Plain, "questions per user per minute, every channel (0: no limit)", func(c *Config) any { return &c.RateLimitPerMin }},
	{"HOIBAO_SHUTDOWN_TIMEOUT", "20s", Plain, "how long answers in flight may finish after SIGTERM", func(c *Config) any { return &c.ShutdownTimeout }},
	{"HOIBAO_TELEGRAM_TOKEN", "", Secret, "enables the Telegram channel (from @BotFather)", func(c *Config) any { return &c.TelegramToken }},
	{"HOIBAO_TELEGRAM_ADMINS", "", Plain, "Telegram user ids allowed admin commands (comma separated)", func(c *Config) any { return &c.TelegramAdmins }},
	{"HOIBAO_TELEGRAM_API_ENDPOINT", "https://api.telegram.org/bot%s/%s", Plain, "Bot API endpoint format (token, method)", func(c *Config) any { return &c.TelegramEndpoint }},
	{"HOIBAO_TELEGRAM_WEBHOOK_URL", "", URL, "public https URL of the Telegram webhook; unset: long polling", func(c *Config) any { return &c.TelegramWebhook }},
	{"HOIBAO_TELEGRAM_WEBHOOK_SECRET", "", Secret, "the Telegram webhook's secret token (required with the URL)", func(c *Config) any { return &c.TelegramSecret }},
	{"HOIBAO_ZALO_TOKEN", "", Secret, "enables the Zalo Bot Platform channel", func(c *Config) any { return &c.ZaloToken }},
	{"HOIBAO_ZALO_ADMINS", "", Plain, "Zalo Bot user ids allowed admin commands (comma separated)", func(c *Config) any { return &c.ZaloAdmins }},
	{"HOIBAO_ZALO_API_BASE", "https://bot-api.zaloplatforms.com", URL, "Zalo Bot API base; calls go to `{base}/bot{token}/{method}`", func(c *Config) any { return &c.ZaloAPIBase }},
	{"HOIBAO_ZALO_WEBHOOK_URL", "", URL, "public https URL of the Zalo Bot webhook; unset: long polling", func(c *Config) any { return &c.ZaloWebhook }},
	{"HOIBAO_ZALO_WEBHOOK_SECRET", "", Secret, "the Zalo Bot webhook's secret token, 8–256 characters (required with the URL)", func(c *Config) any { return &c.ZaloSecret }},
	{"HOIBAO_ZALO_OA_APP_ID", "", Plain, "enables the Zalo Official Account channel: the OA's app id", func(c *Config) any { return &c.ZaloOAAppID }},
	{"HOIBAO_ZALO_OA_SECRET_KEY", "", Secret, "the OA app's secret key (signs events, refreshes tokens)", func(c *Config) any { return &c.ZaloOASecretKey }},
	{"HOIBAO_ZALO_OA_ACCESS_TOKEN", "", Secret, "first access token; only seeds the store, which keeps refreshed ones", func(c *Config) any { return &c.ZaloOAAccessToken }},
	{"HOIBAO_ZALO_OA_REFRESH_TOKEN", "", Secret, "first refresh token; seeds the store (a new one here replaces the stored pair)", func(c *Config) any { return &c.ZaloOARefreshToken }},
	{"HOIBAO_ZALO_OA_ADMINS", "", Plain, "OA follower ids allowed admin commands (comma separated)", func(c *Config) any { return &c.ZaloOAAdmins }},
	{"HOIBAO_ZALO_OA_API_BASE", "https://openapi.zalo.me", URL, "OA API host", func(c *Config) any { return &c.ZaloOAAPIBase }},
	{"HOIBAO_ZALO_OA_OAUTH_BASE", "https://oauth.zaloapp.com", URL, "OA OAuth host (token refresh)", func(c *Config) any { return &c.ZaloOAOAuthBase }},
	{"HOIBAO_ZALO_OA_WEBHOOK_PATH", "/zalo/oa", Plain, "path of the OA webhook on the HTTP listener", func(c *Config) any { return &c.ZaloOAWebhookPath }},
	{"HOIBAO_LLM_BASE_URL", "", URL, "an OpenAI-compatible API root, with `/v1`; unset: the offline answerer", func(c *Config) any { return &c.LLMBaseURL }},
	{"HOIBAO_LLM_API_KEY", "", Secret, "its API key (`Authorization: Bearer`); unset for local servers", func(c *Config) any { return &c.LLMAPIKey }},
	{"HOIBAO_LLM_MODEL", "", Plain, "chat model name (required with a base URL)", func(c *Config) any { return &c.LLMModel }},
	{"HOIBAO_LLM_TIMEOUT", "30s", Plain, "time limit of one answer, retries included", func(c *Config) any { return &c.LLMTimeout }},
	{"HOIBAO_LLM_CONTEXT_TOKENS", "4096", Plain, "the model's context size (≥ 256)", func(c *Config) any { return &c.LLMContextTokens }},
	{"HOIBAO_EMBED_MODEL", "", Plain, "embeddings model on the same endpoint; unset: word search only", func(c *Config) any { return &c.EmbedModel }},
	{"HOIBAO_EMBED_BASE_URL", "", URL, "a separate embeddings endpoint (OpenAI-compatible, with `/v1`); unset: the chat model's", func(c *Config) any { return &c.EmbedBaseURL }},
	{"HOIBAO_EMBED_API_KEY", "", Secret, "the embeddings endpoint's API key; unset: the chat model's key only when the endpoint is the chat model's", func(c *Config) any { return &c.EmbedAPIKey }},
	{"HOIBAO_LOG_LEVEL", "info", Plain, "`debug`, `info`, `warn` or `error`", func(c *Config) any { return &c.LogLevel }},
	{"HOIBAO_LOG_FORMAT", "text", Plain, "`text` or `json`", func(c *Config) any { return &c.LogFormat }},
}

// Default returns the settings used where nothing is configured.
func Default() Config {
	var c Config
	for _, k := range Keys {
		if k.Default != "" {
			if err := k.parse(&c, k.Default); err != nil {
				panic(fmt.Sprintf("config: bad default of %s: %v", k.Name, err))
			}
		}
	}
	return c
}

// Load reads the configuration: defaults, then the file named by
// HOIBAO_CONFIG (KEY=value lines) if any, then the environment.
func Load(getenv func(string) string) (Config, error) {
	values := map[string]string{}
	if path := getenv("HOIBAO_CONFIG"); path != "" {
		file, err := readFile(path)
		if err != nil {
			return Config{}, err
		}
		values = file
	}
	for _, k := range Keys {
		if v := getenv(k.Name); v != "" {
			values[k.Name] = v
		}
	}
	return FromMap(values)
}

// FromMap builds a Config from variable names and values over the defaults.
func FromMap(values map[string]string) (Config, error) {
	c := Default()
	var errs []error
	for _, k := range Keys {
		v, ok := values[k.Name]
		if !ok || strings.TrimSpace(v) == "" {
			continue
		}
		if err := k.parse(&c, strings.TrimSpace(v)); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", k.Name, err))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return Config{}, err
	}
	return c, c.Validate()
}

// parse sets the key's field from v.
func (k Key) parse(c *Config, v string) (err error) {
	switch p := k.field(c).(type) {
	case *string:
		*p = v
	case *[]string:
		*p = splitList(v)
	case *bool:
		*p, err = strconv.ParseBool(v)
	case *int:
		*p, err = strconv.Atoi(v)
	case *time.Duration:
		*p, err = time.ParseDuration(v)
	case *[]int64:
		*p = nil
		for _, s := range splitList(v) {
			id, perr := strconv.ParseInt(s, 10, 64)
			if perr != nil {
				return fmt.Errorf("%q is not a numeric user id", s)
			}
			*p = append(*p, id)
		}
	default:
		return fmt.Errorf("config: unsupported field type %T", p)
	}
	return err
}

// Value returns the key's value in c as text, unmasked.
func (k Key) Value(c Config) string {
	switch p := k.field(&c).(type) {
	case *string:
		return *p
	case *[]string:
		return strings.Join(*p, ",")
	case *bool:
		return strconv.FormatBool(*p)
	case *int:
		return strconv.Itoa(*p)
	case *time.Duration:
		return p.String()
	case *[]int64:
		s := make([]string, len(*p))
		for i, id := range *p {
			s[i] = strconv.FormatInt(id, 10)
		}
		return strings.Join(s, ",")
	}
	return ""
}

// Shown returns the key's value in c as Dump shows it, secrets masked.
func (k Key) Shown(c Config) string {
	v := k.Value(c)
	switch k.Kind {
	case Secret:
		return Mask(v)
	case URL:
		return MaskURL(v)
	}
	return v
}

// Validate checks values that parsed but make no sense together.
func (c Config) Validate() error {
	var errs []error
	bad := func(key, msg string) { errs = append(errs, fmt.Errorf("%s: %s", key, msg)) }
	if c.RedisURL != "" {
		if _, err := url.Parse(c.RedisURL); err != nil || !strings.Contains(c.RedisURL, "://") {
			bad("HOIBAO_REDIS_URL", "want redis://host:port/db")
		}
	}
	if c.LLMBaseURL != "" && c.LLMModel == "" {
		bad("HOIBAO_LLM_MODEL", "required when HOIBAO_LLM_BASE_URL is set")
	}
	if c.TelegramWebhook != "" && c.TelegramSecret == "" {
		bad("HOIBAO_TELEGRAM_WEBHOOK_SECRET", "required in webhook mode")
	}
	if strings.Count(c.TelegramEndpoint, "%s") != 2 {
		bad("HOIBAO_TELEGRAM_API_ENDPOINT", "want a format with two %s, e.g. https://api.telegram.org/bot%s/%s")
	}
	for key, u := range map[string]string{"HOIBAO_TELEGRAM_WEBHOOK_URL": c.TelegramWebhook, "HOIBAO_ZALO_WEBHOOK_URL": c.ZaloWebhook,
		"HOIBAO_ZALO_API_BASE": c.ZaloAPIBase, "HOIBAO_ZALO_OA_API_BASE": c.ZaloOAAPIBase, "HOIBAO_ZALO_OA_OAUTH_BASE": c.ZaloOAOAuthBase} {
		if p, err := url.Parse(u); u != "" && (err != nil || p.Scheme != "https" && p.Scheme != "http" || p.Host == "") {
			bad(key, "want an http(s):// URL")
		}
	}
	if c.ZaloWebhook != "" && (len(c.ZaloSecret) < 8 || len(c.ZaloSecret) > 256) {
		bad("HOIBAO_ZALO_WEBHOOK_SECRET", "required in webhook mode, 8 to 256 characters")
	}
	if c.ZaloOAAppID != "" && c.ZaloOASecretKey == "" {
		bad("HOIBAO_ZALO_OA_SECRET_KEY", "required with HOIBAO_ZALO_OA_APP_ID")
	}
	if !strings.HasPrefix(c.ZaloOAWebhookPath, "/") {
		bad("HOIBAO_ZALO_OA_WEBHOOK_PATH", "want a path such as /zalo/oa")
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		bad("HOIBAO_LOG_LEVEL", fmt.Sprintf("%q is not debug, info, warn or error", c.LogLevel))
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		bad("HOIBAO_LOG_FORMAT", fmt.Sprintf("%q is not text or json", c.LogFormat))
	}
	if c.EmbedBaseURL != "" && c.EmbedModel == "" {
		bad("HOIBAO_EMBED_MODEL", "required when HOIBAO_EMBED_BASE_URL is set")
	}
	for _, o := range c.WebOrigins {
		if u, err := url.Parse(o); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.Path != "" && u.Path != "/" {
			bad("HOIBAO_WEB_ORIGINS", fmt.Sprintf("%q is not an origin such as https://example.vn", o))
		}
	}
	if c.WebRateLimit < 0 || c.WidgetRateLimit < 0 {
		bad("HOIBAO_WEB_RATE_LIMIT_PER_MINUTE", "the web and widget limits must be ≥ 0")
	}
	if c.FeedInterval < time.Minute {
		bad("HOIBAO_FEED_INTERVAL", "must be at least 1m")
	}
	if c.RateLimitPerMin < 0 {
		bad("HOIBAO_RATE_LIMIT_PER_MINUTE", "must be ≥ 0")
	}
	if c.LLMContextTokens < 256 {
		bad("HOIBAO_LLM_CONTEXT_TOKENS", "must be ≥ 256")
	}
	return errors.Join(errs...)
}

// Dump lists every setting as KEY=value lines, secrets masked.
func (c Config) Dump() string {
	lines := make([]string, len(Keys))
	for i, k := range Keys {
		lines[i] = k.Name + "=" + k.Shown(c)
	}
	return strings.Join(lines, "\n")
}

// Mask hides a secret, saying only whether it is set.
func Mask(secret string) string {
	if secret == "" {
		return ""
	}
	return "***"
}

// MaskURL hides a URL's password and every query-string value (keys such
// as ?key= or ?api-version= travel there).
func MaskURL(raw string) string {
	if raw == "" {
		return ""
	}
	u, err := url.Parse(raw)
	if err != nil {
		return Mask(raw)
	}
	if u.User != nil {
		if _, ok := u.User.Password(); ok {
			u.User = url.UserPassword(u.User.Username(), maskMark)
		}
	}
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			q[k] = []string{maskMark}
		}
		u.RawQuery = q.Encode()
	}
	u.Fragment = ""
	return strings.ReplaceAll(u.String(), maskMark, "***")
}

func splitList(v string) []string {
	var out []string
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

func readFile(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("config file: %w", err)
	}
	defer f.Close()
	values := map[string]string{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			return nil, fmt.Errorf("config file %s:%d: want KEY=value", path, n)
		}
		values[strings.TrimSpace(k)] = strings.Trim(strings.TrimSpace(v), `"'`)
	}
	return values, sc.Err()
}

// maskMark stands in for a hidden value until the URL is printed.
const maskMark = "HOIBAOMASKED"
