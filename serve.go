package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/telegram"
	"github.com/hoibao/hoibao/bot/web"
	"github.com/hoibao/hoibao/bot/zalo"
	"github.com/hoibao/hoibao/bot/zalooa"
	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/metrics"
)

// channel is a chat channel serve runs: Run takes messages until ctx ends,
// then lets those taken be answered and returns.
type channel struct {
	name string
	run  func(ctx context.Context) error
}

// runServe runs the web page and API and every configured chat channel
// (any of Telegram, Zalo Bot and Zalo OA, or none) under one HTTP listener
// on HOIBAO_HTTP_ADDR that carries the page, the API, every webhook,
// /healthz, /readyz and /metrics, until ctx ends (SIGTERM or Ctrl-C).
// Then every channel stops taking messages and lets those taken be
// answered within HOIBAO_SHUTDOWN_TIMEOUT, and the listener closes last.
func runServe(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	if err := fs.Parse(args); err != nil || fs.NArg() > 0 {
		return errUsage
	}
	m := metrics.New()
	svc, be, closeSvc, err := openServiceBackend(ctx, cfg, log, nil, m)
	if err != nil {
		return err
	}
	defer closeSvc()
	svc.StartEmbedding(ctx) // vectors build in the background; questions are searched by words meanwhile
	m.WatchIndex(svc.Index)

	tgAdmins := make([]string, len(cfg.TelegramAdmins))
	for i, id := range cfg.TelegramAdmins {
		tgAdmins[i] = strconv.FormatInt(id, 10)
	}
	opts := []bot.Option{
		bot.WithLogger(log), bot.WithSources(cfg.Articles), bot.WithState(be.state),
		bot.WithRateLimit(cfg.RateLimitPerMin, time.Minute),
		bot.WithAdmins(telegram.Channel, tgAdmins...),
		bot.WithAdmins(zalo.Channel, cfg.ZaloAdmins...),
		bot.WithAdmins(zalooa.Channel, cfg.ZaloOAAdmins...),
		bot.WithAdmins(web.Channel, web.AdminUser), // the HTTP admin endpoints, behind HOIBAO_ADMIN_TOKEN
	}
	feeds, stopFeeds, err := startFeeds(ctx, cfg, log, svc) // readers.go
	if err != nil {
		return err
	}
	defer stopFeeds()
	opts = append(opts, bot.WithFeeds(feeds))
	core := bot.New(svc, opts...)
	counted := m.Bot(core)
	mux := http.NewServeMux()
	mountWeb(mux, cfg, log, svc, counted, core, m) // web.go

	channels, err := openChannels(ctx, cfg, log, be, counted, mux, m)
	if err != nil {
		return err
	}
	stopHTTP, err := listenHTTP(cfg, log, mux) // web.go
	if err != nil {
		return err
	}
	names := make([]string, len(channels))
	for i, ch := range channels {
		names[i] = ch.name
	}
	log.Info("serving", "channels", strings.Join(append([]string{web.Channel}, names...), ","))

	// One channel failing to start (a webhook refused) stops them all.
	runCtx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	errs := make([]error, len(channels))
	var wg sync.WaitGroup
	for i, ch := range channels {
		wg.Go(func() {
			errs[i] = ch.run(runCtx)
			if errs[i] != nil && runCtx.Err() == nil {
				stop(errs[i])
			}
		})
	}
	<-runCtx.Done()
	wg.Wait() // every channel has answered what it took
	stopHTTP()
	log.Info("stopped")
	return errors.Join(errs...)
}

// openChannels connects the configured chat channels and mounts their
// webhooks on mux. Their errors never hold a token.
// Webhook deliveries refused (a wrong secret or signature) are counted by m.
func openChannels(ctx context.Context, cfg config.Config, log *slog.Logger, be backend, core metrics.Handler, mux *http.ServeMux, m *metrics.Metrics) ([]channel, error) {
	var channels []channel
	paths := map[string]string{}
	mount := func(name, key, rawURL, path string, h http.Handler) error {
		if rawURL != "" {
			u, err := url.Parse(rawURL)
			if err != nil || u.Scheme != "https" && u.Scheme != "http" {
				return fmt.Errorf("%s: want an https:// URL", key)
			}
			if path = u.Path; path == "" {
				path = "/"
			}
		}
		if other, ok := paths[path]; ok {
			return fmt.Errorf("%s: the path %s is %s's already", key, path, other)
		}
		paths[path] = key
		mux.Handle("POST "+path, m.Webhook(name, h))
		log.Info("webhook mounted", "channel", key, "path", path)
		return nil
	}
	if cfg.TelegramToken != "" {
		opts := []telegram.Option{telegram.WithLogger(log), telegram.WithDeduper(be.state), telegram.WithShutdownTimeout(cfg.ShutdownTimeout)}
		if cfg.TelegramWebhook != "" {
			opts = append(opts, telegram.WithWebhook(cfg.TelegramWebhook, cfg.TelegramSecret))
		}
		tg, err := telegram.New(cfg.TelegramToken, cfg.TelegramEndpoint, core, opts...)
		if err != nil {
			return nil, err
		}
		if cfg.TelegramWebhook != "" {
			if err := mount(telegram.Channel, "HOIBAO_TELEGRAM_WEBHOOK_URL", cfg.TelegramWebhook, "", tg); err != nil {
				return nil, err
			}
		}
		channels = append(channels, channel{telegram.Channel, tg.Run})
	}
	if cfg.ZaloToken != "" {
		opts := []zalo.Option{zalo.WithLogger(log), zalo.WithDeduper(be.state), zalo.WithShutdownTimeout(cfg.ShutdownTimeout)}
		if cfg.ZaloWebhook != "" {
			opts = append(opts, zalo.WithWebhook(cfg.ZaloWebhook, cfg.ZaloSecret))
		}
		z, err := zalo.New(ctx, cfg.ZaloToken, cfg.ZaloAPIBase, core, opts...)
		if err != nil {
			return nil, err
		}
		if cfg.ZaloWebhook != "" {
			if err := mount(zalo.Channel, "HOIBAO_ZALO_WEBHOOK_URL", cfg.ZaloWebhook, "", z); err != nil {
				return nil, err
			}
		}
		channels = append(channels, channel{zalo.Channel, z.Run})
	}
	if cfg.ZaloOAAppID != "" {
		oa, err := zalooa.New(ctx, cfg.ZaloOAAppID, cfg.ZaloOASecretKey, be.tokens, core,
			zalooa.WithLogger(log), zalooa.WithDeduper(be.state), zalooa.WithShutdownTimeout(cfg.ShutdownTimeout),
			zalooa.WithHosts(cfg.ZaloOAAPIBase, cfg.ZaloOAOAuthBase),
			zalooa.WithSeedTokens(cfg.ZaloOAAccessToken, cfg.ZaloOARefreshToken))
		if err != nil {
			return nil, err
		}
		if err := mount(zalooa.Channel, "HOIBAO_ZALO_OA_WEBHOOK_PATH", "", cfg.ZaloOAWebhookPath, oa); err != nil {
			return nil, err
		}
		channels = append(channels, channel{zalooa.Channel, oa.Run})
	}
	return channels, nil
}
