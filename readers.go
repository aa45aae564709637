package main

import (
	"context"
	"log/slog"
	"path/filepath"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/extract"
	"github.com/hoibao/hoibao/knowledge/feed"
	"github.com/hoibao/hoibao/knowledge/fetch"
	"github.com/hoibao/hoibao/knowledge/pdf"
)

// contentOptions gives the knowledge service its readers (web pages, PDF;
// text, Markdown, JSON and DOCX are built in) and the safe fetcher, which
// reaches internal addresses only where HOIBAO_FETCH_ALLOW says so.
func contentOptions(cfg config.Config, log *slog.Logger) ([]knowledge.Option, error) {
	f, err := fetch.New(cfg.FetchAllow)
	if err != nil {
		return nil, err
	}
	if len(cfg.FetchAllow) > 0 {
		log.Info("fetching may reach these internal addresses", "allow", cfg.FetchAllow)
	}
	return []knowledge.Option{
		knowledge.WithFetcher(f),
		knowledge.WithReader(".html", extract.Reader{}),
		knowledge.WithReader(".htm", extract.Reader{}),
		knowledge.WithReader(".pdf", pdf.Reader{}),
	}, nil
}

// startFeeds polls HOIBAO_FEEDS and the feeds admins add (kept in
// HOIBAO_DATA_DIR/feeds.json) until the returned stop is called.
func startFeeds(ctx context.Context, cfg config.Config, log *slog.Logger, svc *knowledge.Service) (*feed.Poller, func(), error) {
	f, err := fetch.New(cfg.FetchAllow, fetch.WithAccept("application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"))
	if err != nil {
		return nil, nil, err
	}
	p, err := feed.New(svc, f, cfg.Feeds, feed.WithInterval(cfg.FeedInterval), feed.WithLogger(log),
		feed.WithStateFile(filepath.Join(cfg.DataDir, "feeds.json")))
	if err != nil {
		return nil, nil, err
	}
	ctx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		_ = p.Run(ctx)
	}()
	return p, func() { cancel(); <-done }, nil
}
