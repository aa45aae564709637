package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/web"
	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
	"github.com/hoibao/hoibao/metrics"
)

// mountWeb registers the web channel (page, API, passage pages, widget),
// /healthz, /readyz and /metrics on mux. h is the conversation core as the
// channels see it (counted by m); core gives the example questions.
func mountWeb(mux *http.ServeMux, cfg config.Config, log *slog.Logger, svc *knowledge.Service, h web.Handler, core *bot.Bot, m *metrics.Metrics) {
	opts := []web.Option{
		web.WithLogger(log.With("channel", web.Channel)), web.WithExamples(core.Examples),
		web.WithSources(cfg.Articles), web.WithAdminToken(cfg.AdminToken),
		web.WithAllowedOrigins(cfg.WebOrigins...),
		web.WithRateLimits(cfg.WebRateLimit, cfg.WidgetRateLimit, time.Minute),
		web.WithReloadObserver(m.Reloaded), web.WithRejectObserver(m.Rejected),
	}
	if store := svc.Store(); store != nil {
		opts = append(opts, web.WithCheck("store", storeCheck(store)))
		if rs, ok := store.(*redisstore.Store); ok { // replicas share the per-address windows
			opts = append(opts, web.WithLimiter(rs))
		}
	}
	web.New(h, svc, opts...).Mount(mux)
	mux.Handle("GET /metrics", m.Handler())
}

// storeCheck tells whether the store answers: a version read for Redis,
// else a listing.
func storeCheck(store knowledge.Store) web.Check {
	if rs, ok := store.(*redisstore.Store); ok {
		return func(ctx context.Context) error { _, err := rs.Version(ctx); return err }
	}
	return func(ctx context.Context) error { _, err := store.Articles(ctx); return err }
}

// listenHTTP serves mux on HOIBAO_HTTP_ADDR until the returned stop is called.
func listenHTTP(cfg config.Config, log *slog.Logger, mux *http.ServeMux) (stop func(), err error) {
	ln, err := net.Listen("tcp", cfg.HTTPAddr)
	if err != nil {
		return nil, fmt.Errorf("HOIBAO_HTTP_ADDR: %w", err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 2 * time.Minute, IdleTimeout: 2 * time.Minute,
		ErrorLog: slog.NewLogLogger(log.Handler(), slog.LevelWarn)}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("HTTP server failed", "err", err)
		}
	}()
	log.Info("HTTP listening", "addr", ln.Addr().String(), "page", "http://"+ln.Addr().String()+"/")
	return func() {
		ctx, cancel := context.WithTimeout(context.Background(), cfg.ShutdownTimeout)
		defer cancel()
		_ = srv.Shutdown(ctx)
	}, nil
}
