// Package config reads hoibao's settings from the environment (and an
// optional file of KEY=value lines), fills in defaults, validates them and
// prints them with secrets masked. It builds no clients.
package config

import (
	"bufio"
	"errors"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"
)

// Config is every setting of hoibao; comments name the environment variables.
type Config struct {
	RedisURL         string        // HOIBAO_REDIS_URL
	RedisPrefix      string        // HOIBAO_REDIS_PREFIX
	RedisFallback    bool          // HOIBAO_REDIS_FALLBACK: use the embedded store when Redis is unreachable at start-up
	DataDir          string        // HOIBAO_DATA_DIR
	Articles         []string      // HOIBAO_ARTICLES
	TelegramToken    string        // HOIBAO_TELEGRAM_TOKEN
	TelegramEndpoint string        // HOIBAO_TELEGRAM_API_ENDPOINT
	TelegramWebhook  string        // HOIBAO_TELEGRAM_WEBHOOK_URL
	TelegramSecret   string        // HOIBAO_TELEGRAM_WEBHOOK_SECRET
	TelegramAdmins   []int64       // HOIBAO_TELEGRAM_ADMINS
	ZaloToken        string        // HOIBAO_ZALO_TOKEN
	ZaloAPIBase      string        // HOIBAO_ZALO_API_BASE
	ZaloAdmins       []string      // HOIBAO_ZALO_ADMINS
	ZaloSecret       string        // HOIBAO_ZALO_WEBHOOK_SECRET
	HTTPAddr         string        // HOIBAO_HTTP_ADDR
	AdminToken       string        // HOIBAO_ADMIN_TOKEN
	WebOrigins       []string      // HOIBAO_WEB_ORIGINS: sites that may embed the widget and call the API
	WebRateLimit     int           // HOIBAO_WEB_RATE_LIMIT_PER_MINUTE: questions per client address
	WidgetRateLimit  int           // HOIBAO_WIDGET_RATE_LIMIT_PER_MINUTE: the same, through the widget
	LLMBaseURL       string        // HOIBAO_LLM_BASE_URL
	LLMAPIKey        string        // HOIBAO_LLM_API_KEY
	LLMModel         string        // HOIBAO_LLM_MODEL
	LLMTimeout       time.Duration // HOIBAO_LLM_TIMEOUT
	LLMContextTokens int           // HOIBAO_LLM_CONTEXT_TOKENS
	EmbedModel       string        // HOIBAO_EMBED_MODEL
	RateLimitPerMin  int           // HOIBAO_RATE_LIMIT_PER_MINUTE
	ShutdownTimeout  time.Duration // HOIBAO_SHUTDOWN_TIMEOUT
	LogLevel         string        // HOIBAO_LOG_LEVEL
	LogFormat        string        // HOIBAO_LOG_FORMAT
}

// Default returns the settings used where nothing is configured.
func Default() Config {
	return Config{
		RedisPrefix:      "hoibao:",
		DataDir:          "data",
		TelegramEndpoint: "https://api.telegram.org/bot%s/%s",
		ZaloAPIBase:      "https://bot-api.zaloplatforms.com",
		HTTPAddr:         ":8080",
		LLMTimeout:       30 * time.Second,
		LLMContextTokens: 4096,
		RateLimitPerMin:  20,
		WebRateLimit:     60,
		WidgetRateLimit:  30,
		ShutdownTimeout:  20 * time.Second,
		LogLevel:         "info",
		LogFormat:        "text",
	}
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
	for _, key := range keys() {
		if v := getenv(key); v != "" {
			values[key] = v
		}
	}
	return FromMap(values)
}

// FromMap builds a Config from variable names and values over the defaults.
func FromMap(values map[string]string) (Config, error) {
	c := Default()
	var errs []error
	set := func(key string, apply func(string) error) {
		if v, ok := values[key]; ok && strings.TrimSpace(v) != "" {
			if err := apply(strings.TrimSpace(v)); err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", key, err))
			}
		}
	}
	str := func(dst *string) func(string) error { return func(v string) error { *dst = v; return nil } }
	set("HOIBAO_REDIS_URL", str(&c.RedisURL))
	set("HOIBAO_REDIS_PREFIX", str(&c.RedisPrefix))
	set("HOIBAO_REDIS_FALLBACK", func(v string) (err error) { c.RedisFallback, err = strconv.ParseBool(v); return })
	set("HOIBAO_DATA_DIR", str(&c.DataDir))
	set("HOIBAO_ARTICLES", func(v string) error { c.Articles = splitList(v); return nil })
	set("HOIBAO_TELEGRAM_TOKEN", str(&c.TelegramToken))
	set("HOIBAO_TELEGRAM_API_ENDPOINT", str(&c.TelegramEndpoint))
	set("HOIBAO_TELEGRAM_WEBHOOK_URL", str(&c.TelegramWebhook))
	set("HOIBAO_TELEGRAM_WEBHOOK_SECRET", str(&c.TelegramSecret))
	set("HOIBAO_TELEGRAM_ADMINS", func(v string) error {
		for _, s := range splitList(v) {
			id, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return fmt.Errorf("%q is not a Telegram user id", s)
			}
			c.TelegramAdmins = append(c.TelegramAdmins, id)
		}
		return nil
	})
	set("HOIBAO_ZALO_TOKEN", str(&c.ZaloToken))
	set("HOIBAO_ZALO_API_BASE", str(&c.ZaloAPIBase))
	set("HOIBAO_ZALO_ADMINS", func(v string) error { c.ZaloAdmins = splitList(v); return nil })
	set("HOIBAO_ZALO_WEBHOOK_SECRET", str(&c.ZaloSecret))
	set("HOIBAO_HTTP_ADDR", str(&c.HTTPAddr))
	set("HOIBAO_ADMIN_TOKEN", str(&c.AdminToken))
	set("HOIBAO_WEB_ORIGINS", func(v string) error { c.WebOrigins = splitList(v); return nil })
	set("HOIBAO_WEB_RATE_LIMIT_PER_MINUTE", func(v string) (err error) { c.WebRateLimit, err = strconv.Atoi(v); return })
	set("HOIBAO_WIDGET_RATE_LIMIT_PER_MINUTE", func(v string) (err error) { c.WidgetRateLimit, err = strconv.Atoi(v); return })
	set("HOIBAO_LLM_BASE_URL", str(&c.LLMBaseURL))
	set("HOIBAO_LLM_API_KEY", str(&c.LLMAPIKey))
	set("HOIBAO_LLM_MODEL", str(&c.LLMModel))
	set("HOIBAO_LLM_TIMEOUT", func(v string) (err error) { c.LLMTimeout, err = time.ParseDuration(v); return })
	set("HOIBAO_LLM_CONTEXT_TOKENS", func(v string) (err error) { c.LLMContextTokens, err = strconv.Atoi(v); return })
	set("HOIBAO_EMBED_MODEL", str(&c.EmbedModel))
	set("HOIBAO_RATE_LIMIT_PER_MINUTE", func(v string) (err error) { c.RateLimitPerMin, err = strconv.Atoi(v); return })
	set("HOIBAO_SHUTDOWN_TIMEOUT", func(v string) (err error) { c.ShutdownTimeout, err = time.ParseDuration(v); return })
	set("HOIBAO_LOG_LEVEL", str(&c.LogLevel))
	set("HOIBAO_LOG_FORMAT", str(&c.LogFormat))
	if err := errors.Join(errs...); err != nil {
		return Config{}, err
	}
	return c, c.Validate()
}

// Validate checks values that parsed but make no sense together.
func (c Config) Validate() error {
	var errs []error
	if c.RedisURL != "" {
		if _, err := url.Parse(c.RedisURL); err != nil || !strings.Contains(c.RedisURL, "://") {
			errs = append(errs, errors.New("HOIBAO_REDIS_URL: want redis://host:port/db"))
		}
	}
	if c.LLMBaseURL != "" && c.LLMModel == "" {
		errs = append(errs, errors.New("HOIBAO_LLM_MODEL: required when HOIBAO_LLM_BASE_URL is set"))
	}
	if c.TelegramWebhook != "" && c.TelegramSecret == "" {
		errs = append(errs, errors.New("HOIBAO_TELEGRAM_WEBHOOK_SECRET: required in webhook mode"))
	}
	if strings.Count(c.TelegramEndpoint, "%s") != 2 {
		errs = append(errs, errors.New("HOIBAO_TELEGRAM_API_ENDPOINT: want a format with two %s, e.g. https://api.telegram.org/bot%s/%s"))
	}
	switch c.LogLevel {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("HOIBAO_LOG_LEVEL: %q is not debug, info, warn or error", c.LogLevel))
	}
	switch c.LogFormat {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("HOIBAO_LOG_FORMAT: %q is not text or json", c.LogFormat))
	}
	for _, o := range c.WebOrigins {
		if u, err := url.Parse(o); err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.Path != "" && u.Path != "/" {
			errs = append(errs, fmt.Errorf("HOIBAO_WEB_ORIGINS: %q is not an origin such as https://example.vn", o))
		}
	}
	if c.WebRateLimit < 0 || c.WidgetRateLimit < 0 {
		errs = append(errs, errors.New("HOIBAO_WEB_RATE_LIMIT_PER_MINUTE and HOIBAO_WIDGET_RATE_LIMIT_PER_MINUTE must be ≥ 0"))
	}
	if c.RateLimitPerMin < 0 || c.LLMContextTokens < 256 {
		errs = append(errs, errors.New("HOIBAO_RATE_LIMIT_PER_MINUTE must be ≥ 0 and HOIBAO_LLM_CONTEXT_TOKENS ≥ 256"))
	}
	return errors.Join(errs...)
}

// Dump lists the settings as KEY=value lines, secrets masked.
func (c Config) Dump() string {
	lines := []string{
		"HOIBAO_REDIS_URL=" + maskURL(c.RedisURL),
		"HOIBAO_REDIS_PREFIX=" + c.RedisPrefix,
		"HOIBAO_REDIS_FALLBACK=" + strconv.FormatBool(c.RedisFallback),
		"HOIBAO_DATA_DIR=" + c.DataDir,
		"HOIBAO_ARTICLES=" + strings.Join(c.Articles, ","),
		"HOIBAO_TELEGRAM_TOKEN=" + Mask(c.TelegramToken),
		"HOIBAO_TELEGRAM_WEBHOOK_URL=" + c.TelegramWebhook,
		"HOIBAO_TELEGRAM_WEBHOOK_SECRET=" + Mask(c.TelegramSecret),
		"HOIBAO_ZALO_TOKEN=" + Mask(c.ZaloToken),
		"HOIBAO_ZALO_API_BASE=" + c.ZaloAPIBase,
		"HOIBAO_HTTP_ADDR=" + c.HTTPAddr,
		"HOIBAO_ADMIN_TOKEN=" + Mask(c.AdminToken),
		"HOIBAO_WEB_ORIGINS=" + strings.Join(c.WebOrigins, ","),
		"HOIBAO_LLM_BASE_URL=" + maskURL(c.LLMBaseURL),
		"HOIBAO_LLM_API_KEY=" + Mask(c.LLMAPIKey),
		"HOIBAO_LLM_MODEL=" + c.LLMModel,
		"HOIBAO_EMBED_MODEL=" + c.EmbedModel,
		"HOIBAO_LOG_LEVEL=" + c.LogLevel,
		"HOIBAO_LOG_FORMAT=" + c.LogFormat,
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

// maskURL hides a password in a URL.
func maskURL(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "***")
	}
	return u.String()
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

// keys lists the environment variables Config reads.
func keys() []string {
	ks := []string{
		"HOIBAO_REDIS_URL", "HOIBAO_REDIS_PREFIX", "HOIBAO_REDIS_FALLBACK", "HOIBAO_DATA_DIR", "HOIBAO_ARTICLES",
		"HOIBAO_TELEGRAM_TOKEN", "HOIBAO_TELEGRAM_API_ENDPOINT", "HOIBAO_TELEGRAM_WEBHOOK_URL",
		"HOIBAO_TELEGRAM_WEBHOOK_SECRET", "HOIBAO_TELEGRAM_ADMINS", "HOIBAO_ZALO_TOKEN", "HOIBAO_ZALO_API_BASE",
		"HOIBAO_ZALO_ADMINS", "HOIBAO_ZALO_WEBHOOK_SECRET", "HOIBAO_HTTP_ADDR", "HOIBAO_ADMIN_TOKEN",
		"HOIBAO_WEB_ORIGINS", "HOIBAO_WEB_RATE_LIMIT_PER_MINUTE", "HOIBAO_WIDGET_RATE_LIMIT_PER_MINUTE",
		"HOIBAO_LLM_BASE_URL", "HOIBAO_LLM_API_KEY", "HOIBAO_LLM_MODEL", "HOIBAO_LLM_TIMEOUT",
		"HOIBAO_LLM_CONTEXT_TOKENS", "HOIBAO_EMBED_MODEL", "HOIBAO_RATE_LIMIT_PER_MINUTE",
		"HOIBAO_SHUTDOWN_TIMEOUT", "HOIBAO_LOG_LEVEL", "HOIBAO_LOG_FORMAT",
	}
	sort.Strings(ks)
	return ks
}
