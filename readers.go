package main

import (
	"log/slog"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/extract"
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
