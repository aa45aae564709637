package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/telegram"
	"github.com/hoibao/hoibao/bot/web"
	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge/extract"
	"github.com/hoibao/hoibao/metrics"
)

// runServe runs the web page and API, and the configured chat channels,
// until ctx ends (SIGTERM or
// Ctrl-C), then stops taking messages, lets in-flight answers finish within
// HOIBAO_SHUTDOWN_TIMEOUT and returns nil.
func runServe(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	m := metrics.New()
	svc, closeSvc, err := openServiceMetered(ctx, cfg, log, nil, m)
	if err != nil {
		return err
	}
	defer closeSvc()
	m.WatchIndex(svc.Index)

	admins := make([]string, len(cfg.TelegramAdmins))
	for i, id := range cfg.TelegramAdmins {
		admins[i] = strconv.FormatInt(id, 10)
	}
	opts := []bot.Option{
		bot.WithLogger(log), bot.WithSources(cfg.Articles),
		bot.WithRateLimit(cfg.RateLimitPerMin, time.Minute),
		bot.WithAdmins(telegram.Channel, admins...),
		bot.WithAdmins(web.Channel, web.AdminUser), // the HTTP admin endpoints, behind HOIBAO_ADMIN_TOKEN
	}
	if f := articleFetcher(); f != nil {
		opts = append(opts, bot.WithFetcher(f))
	}
	core := bot.New(svc, opts...)
	counted := m.Bot(core)
	mux := http.NewServeMux()
	mountWeb(mux, cfg, log, svc, counted, core, m) // web.go

	var tg *telegram.Adapter
	if cfg.TelegramToken != "" {
		tgOpts := []telegram.Option{
			telegram.WithLogger(log), telegram.WithDeduper(core.Deduper()),
			telegram.WithShutdownTimeout(cfg.ShutdownTimeout),
		}
		if cfg.TelegramWebhook != "" {
			tgOpts = append(tgOpts, telegram.WithWebhook(cfg.TelegramWebhook, cfg.TelegramSecret))
		}
		if tg, err = telegram.New(cfg.TelegramToken, cfg.TelegramEndpoint, counted, tgOpts...); err != nil {
			return err // the adapter's errors never hold the token
		}
		if cfg.TelegramWebhook != "" {
			path, err := webhookPath(cfg.TelegramWebhook)
			if err != nil {
				return err
			}
			mux.Handle("POST "+path, m.Webhook(telegram.Channel, tg))
		}
	}
	stopHTTP, err := listenHTTP(cfg, log, mux) // web.go
	if err != nil {
		return err
	}
	channels := "web"
	if tg != nil {
		channels = "web,telegram"
	}
	log.Info("serving", "channels", channels, "webhook", cfg.TelegramWebhook != "", "admins", len(admins))
	if tg != nil {
		err = tg.Run(ctx)
	} else {
		<-ctx.Done()
	}
	stopHTTP()
	log.Info("stopped")
	return err
}

// webhookPath is the path of HOIBAO_TELEGRAM_WEBHOOK_URL, where Telegram's
// deliveries arrive.
func webhookPath(webhook string) (string, error) {
	u, err := url.Parse(webhook)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" {
		return "", fmt.Errorf("HOIBAO_TELEGRAM_WEBHOOK_URL: want an https:// URL")
	}
	if u.Path == "" {
		return "/", nil
	}
	return u.Path, nil
}

// articleFetcher returns the reader of web pages for /add <url>.
func articleFetcher() bot.Fetcher { return extract.New(nil) }
