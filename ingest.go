package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/extract"
)

// ingestReport counts what an ingest did.
type ingestReport struct {
	Added, Replaced, Unchanged, Duplicate int
}

// hasher is a store that lists its articles' content hashes cheaply.
type hasher interface {
	Hashes(ctx context.Context) (map[string]string, error)
}

// putManyer is a store that writes many articles faster than one by one.
type putManyer interface {
	PutMany(ctx context.Context, articles []knowledge.Article) error
}

// runIngest loads articles from files, folders and web pages into the
// configured store. It is idempotent by content hash: an article stored
// already is left alone, one whose content changed replaces the old one
// (and its chunks), and the same content under another ID is stored once.
// Running replicas serve the new content within a second.
func runIngest(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs := flag.NewFlagSet("ingest", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprintln(env.Stderr, "usage: hoibao ingest PATH|URL...") }
	if err := fs.Parse(args); err != nil || fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	var articles []knowledge.Article
	fetcher := extract.New(&http.Client{Timeout: extract.DefaultTimeout})
	for _, src := range fs.Args() {
		if strings.HasPrefix(src, "http://") || strings.HasPrefix(src, "https://") {
			a, err := fetcher.Fetch(ctx, src)
			if err != nil {
				return fmt.Errorf("%s: %w", src, err)
			}
			articles = append(articles, a)
			continue
		}
		as, err := knowledge.LoadPath(src)
		if err != nil {
			return err
		}
		if len(as) == 0 {
			return fmt.Errorf("%s: no articles (.txt, .md, .json) found", src)
		}
		articles = append(articles, as...)
	}
	store, closeStore, err := openStore(ctx, cfg, log)
	if err != nil {
		return err
	}
	defer closeStore()
	var seed []knowledge.Article
	if len(cfg.Articles) > 0 {
		// A replica serving HOIBAO_ARTICLES from an empty store keeps
		// serving them once the store holds articles.
		if seed, err = knowledge.LoadPaths(cfg.Articles); err != nil {
			return fmt.Errorf("HOIBAO_ARTICLES: %w", err)
		}
	}
	start := time.Now()
	rep, err := ingest(ctx, store, articles, seed)
	if err != nil {
		return fmt.Errorf("ingest stopped after %d new and %d replaced articles: %w", rep.Added, rep.Replaced, err)
	}
	fmt.Fprintf(env.Stdout, "Đã nạp %d bài: %d bài mới, %d bài thay bản cũ, %d bài không đổi, %d bài trùng nội dung (%.1fs).\n",
		len(articles), rep.Added, rep.Replaced, rep.Unchanged, rep.Duplicate, time.Since(start).Seconds())
	return nil
}

// ingest writes articles into store, skipping those it holds already (same
// ID and hash) and those whose content it holds under another ID. When the
// store is empty, seed is stored first (articles win over it by ID).
func ingest(ctx context.Context, store knowledge.Store, articles, seed []knowledge.Article) (ingestReport, error) {
	var rep ingestReport
	hashes, err := storedHashes(ctx, store)
	if err != nil {
		return rep, err
	}
	if len(hashes) == 0 && len(seed) > 0 {
		articles = append(append([]knowledge.Article(nil), seed...), articles...)
	}
	byHash := make(map[string]string, len(hashes))
	for id, h := range hashes {
		byHash[h] = id
	}
	var puts []knowledge.Article
	for _, a := range knowledge.Dedupe(articles) {
		switch old, ok := hashes[a.ID]; {
		case ok && old == a.Hash:
			rep.Unchanged++
			continue
		case byHash[a.Hash] != "" && byHash[a.Hash] != a.ID:
			rep.Duplicate++
			continue
		case ok:
			rep.Replaced++
		default:
			rep.Added++
		}
		byHash[a.Hash] = a.ID
		puts = append(puts, a)
	}
	if pm, ok := store.(putManyer); ok {
		if err := pm.PutMany(ctx, puts); err != nil {
			return ingestReport{}, err
		}
		return rep, nil
	}
	for _, a := range puts {
		if err := store.Put(ctx, a); err != nil {
			return rep, err
		}
	}
	return rep, nil
}

func storedHashes(ctx context.Context, store knowledge.Store) (map[string]string, error) {
	if h, ok := store.(hasher); ok {
		return h.Hashes(ctx)
	}
	all, err := store.Articles(ctx)
	if err != nil {
		return nil, err
	}
	m := make(map[string]string, len(all))
	for _, a := range all {
		m[a.ID] = a.Hash
	}
	return m, nil
}
