// Command hoibao answers questions about news articles, with citations, in
// chat channels and on the command line.
//
//	hoibao ask [--json] [--articles PATH]... [QUESTION]   answer questions
//	hoibao chat [--articles PATH]...                      chat in the terminal
//	hoibao ingest PATH|URL...                             load articles into the configured store
//	hoibao serve                                          run the configured channels
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/filestore"
	"github.com/hoibao/hoibao/knowledge/redisstore"
)

const usage = `hoibao answers questions about news articles, citing the passages it uses.

Usage:
  hoibao ask [--json] [--articles PATH]... [QUESTION]   answer one question, or one per line of stdin
  hoibao chat [--articles PATH]...                      chat in the terminal
  hoibao ingest PATH|URL...                             load articles into the configured store
  hoibao serve                                          run the configured chat channels
  hoibao config                                         print the configuration, secrets masked
  hoibao bench --articles PATH [--questions FILE]       measure what an archive costs (one JSON object)
  hoibao corpus --from PATH --count N --out DIR         write a scale corpus made from PATH

Without --articles, hoibao answers from the configured store, or from the
bundled sample article on a fresh machine. Settings come from HOIBAO_*
environment variables (see README.md).
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	env := Env{Args: os.Args[1:], Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr, Getenv: os.Getenv}
	if err := run(ctx, env); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "hoibao:", err)
		}
		os.Exit(1)
	}
}

// Env is what a run of hoibao sees of its process, so tests can run it whole.
type Env struct {
	Args           []string
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
}

var errUsage = errors.New("usage")

func run(ctx context.Context, env Env) error {
	if len(env.Args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return errUsage
	}
	cfg, err := config.Load(env.Getenv)
	if err != nil {
		return fmt.Errorf("configuration: %w", err)
	}
	log := newLogger(cfg, env.Stderr)
	cmd, args := env.Args[0], env.Args[1:]
	switch cmd {
	case "ask":
		return runAsk(ctx, cfg, log, env, args)
	case "chat":
		return runChat(ctx, cfg, log, env, args)
	case "serve":
		return runServe(ctx, cfg, log, env, args)
	case "ingest":
		return runIngest(ctx, cfg, log, env, args)
	case "bench":
		return runBench(ctx, cfg, log, env, args)
	case "corpus":
		return runCorpus(ctx, env, args)
	case "config":
		fmt.Fprintln(env.Stdout, cfg.Dump())
		return nil
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return nil
	}
	fmt.Fprintf(env.Stderr, "hoibao: unknown command %q\n\n%s", cmd, usage)
	return errUsage
}

func newLogger(cfg config.Config, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(cfg.LogLevel))
	opts := &slog.HandlerOptions{Level: level}
	if cfg.LogFormat == "json" {
		return slog.New(slog.NewJSONHandler(w, opts))
	}
	return slog.New(slog.NewTextHandler(w, opts))
}

// openService builds the knowledge service a command answers from. With
// paths (--articles), it serves those articles and writes nothing anywhere.
// Otherwise it serves the configured store (Redis, else the embedded store
// in HOIBAO_DATA_DIR); while the store is empty it serves HOIBAO_ARTICLES or
// the bundled sample without writing them, so answering on a fresh machine
// writes nothing, and the first admin change stores them along. The service
// follows changes other replicas make until the returned close is called.
func openService(ctx context.Context, cfg config.Config, log *slog.Logger, paths []string) (*knowledge.Service, func(), error) {
	opts, err := modelOptions(cfg, log) // llm.go
	if err != nil {
		return nil, nil, err
	}
	opts = append(opts, knowledge.WithLogger(log))
	if len(paths) > 0 {
		articles, err := knowledge.LoadPaths(paths)
		if err != nil {
			return nil, nil, err
		}
		if len(articles) == 0 {
			return nil, nil, fmt.Errorf("no articles (.txt, .md, .json) found in %v", paths)
		}
		return knowledge.NewService(articles, opts...), func() {}, nil
	}
	seed := knowledge.Sample()
	if len(cfg.Articles) > 0 {
		loaded, err := knowledge.LoadPaths(cfg.Articles)
		if err != nil {
			return nil, nil, fmt.Errorf("HOIBAO_ARTICLES: %w", err)
		}
		seed = loaded
	}
	store, closeStore, err := openStore(ctx, cfg, log)
	if err != nil {
		return nil, nil, err
	}
	// The index built at start-up is kept (next to the articles in Redis,
	// else in the data folder) to be read instead of built at the next
	// start-up over the same content.
	var snapshots knowledge.Snapshots = knowledge.SnapshotDir(filepath.Join(cfg.DataDir, "index"))
	if rs, ok := store.(*redisstore.Store); ok {
		snapshots = rs.Snapshots()
	}
	svc := knowledge.NewService(nil, append(opts, knowledge.WithStore(store), knowledge.WithSnapshots(snapshots))...)
	if err := svc.Load(ctx, seed); err != nil {
		closeStore()
		return nil, nil, fmt.Errorf("loading the articles from the store: %w", err)
	}
	syncCtx, stopSync := context.WithCancel(context.WithoutCancel(ctx))
	synced := make(chan struct{})
	go func() {
		defer close(synced)
		if err := svc.Sync(syncCtx); err != nil {
			log.Warn("following other replicas' changes stopped", "err", err)
		}
	}()
	return svc, func() { stopSync(); <-synced; closeStore() }, nil
}

// openStore opens the configured store: Redis when HOIBAO_REDIS_URL is set
// (failing fast when it does not answer, unless HOIBAO_REDIS_FALLBACK asks
// for the embedded store then), else the embedded store in HOIBAO_DATA_DIR.
// Opening the embedded store writes nothing.
func openStore(ctx context.Context, cfg config.Config, log *slog.Logger) (knowledge.Store, func(), error) {
	if cfg.RedisURL != "" {
		redisstore.SetLogger(log)
		rs, err := redisstore.Open(ctx, cfg.RedisURL, cfg.RedisPrefix, redisstore.WithLogger(log))
		if err == nil {
			log.Debug("store: redis", "prefix", cfg.RedisPrefix)
			return rs, func() { rs.Close() }, nil
		}
		if !cfg.RedisFallback {
			return nil, nil, err
		}
		log.Warn("Redis is unreachable; using the embedded store as HOIBAO_REDIS_FALLBACK asks", "err", err, "dir", cfg.DataDir)
	}
	fs, err := filestore.New(cfg.DataDir, filestore.WithLogger(log))
	if err != nil {
		return nil, nil, fmt.Errorf("HOIBAO_DATA_DIR: %w", err)
	}
	log.Debug("store: embedded", "dir", cfg.DataDir)
	return fs, func() {}, nil
}
