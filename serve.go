package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/telegram"
	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge/extract"
)

// runServe runs the configured chat channels until ctx ends (SIGTERM or
// Ctrl-C), then stops taking messages, lets in-flight answers finish within
// HOIBAO_SHUTDOWN_TIMEOUT and returns nil.
func runServe(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	if cfg.TelegramToken == "" {
		return errors.New("no chat channel configured: set HOIBAO_TELEGRAM_TOKEN")
	}
	svc, closeSvc, err := openService(ctx, cfg, log, nil)
	if err != nil {
		return err
	}
	defer closeSvc()
	svc.StartEmbedding(ctx) // vectors build in the background; questions are searched by words meanwhile

	admins := make([]string, len(cfg.TelegramAdmins))
	for i, id := range cfg.TelegramAdmins {
		admins[i] = strconv.FormatInt(id, 10)
	}
	opts := []bot.Option{
		bot.WithLogger(log), bot.WithSources(cfg.Articles),
		bot.WithRateLimit(cfg.RateLimitPerMin, time.Minute),
		bot.WithAdmins(telegram.Channel, admins...),
	}
	if f := articleFetcher(); f != nil {
		opts = append(opts, bot.WithFetcher(f))
	}
	core := bot.New(svc, opts...)

	tgOpts := []telegram.Option{
		telegram.WithLogger(log), telegram.WithDeduper(core.Deduper()),
		telegram.WithShutdownTimeout(cfg.ShutdownTimeout),
	}
	if cfg.TelegramWebhook != "" {
		tgOpts = append(tgOpts, telegram.WithWebhook(cfg.TelegramWebhook, cfg.TelegramSecret))
	}
	tg, err := telegram.New(cfg.TelegramToken, cfg.TelegramEndpoint, core, tgOpts...)
	if err != nil {
		return err // the adapter's errors never hold the token
	}

	stopHTTP := func() {}
	if cfg.TelegramWebhook != "" {
		if stopHTTP, err = serveWebhook(cfg, log, tg); err != nil {
			return err
		}
	}
	log.Info("serving", "channels", "telegram", "webhook", cfg.TelegramWebhook != "", "admins", len(admins))
	err = tg.Run(ctx)
	stopHTTP()
	log.Info("stopped")
	return err
}

// serveWebhook listens on HOIBAO_HTTP_ADDR for Telegram's deliveries, at the
// path of HOIBAO_TELEGRAM_WEBHOOK_URL, with /healthz beside it.
func serveWebhook(cfg config.Config, log *slog.Logger, tg *telegram.Adapter) (stop func(), err error) {
	u, err := url.Parse(cfg.TelegramWebhook)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return nil, fmt.Errorf("HOIBAO_TELEGRAM_WEBHOOK_URL: want an https:// URL")
	}
	path := u.Path
	if path == "" {
		path = "/"
	}
	mux := http.NewServeMux()
	mux.Handle("POST "+path, tg)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("HOIBAO_HTTP_ADDR: %w", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("webhook server failed", "err", err)
		}
	}()
	log.Info("webhook server listening", "addr", ln.Addr().String(), "path", path)
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}

// articleFetcher returns the reader of web pages for /add <url>.
func articleFetcher() bot.Fetcher { return extract.New(nil) }
