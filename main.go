// Command hoibao answers questions about news articles, with citations, in
// chat channels and on the command line.
//
//	hoibao ask [--json] [--articles PATH]... [QUESTION]   answer questions
//	hoibao chat [--articles PATH]...                      chat in the terminal
//	hoibao ingest PATH|URL...                             load articles into the configured store
//	hoibao serve                                          run the web page, API and configured channels
//	hoibao doctor                                         check the configuration end to end
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

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/zalooa"
	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/filestore"
	"github.com/hoibao/hoibao/knowledge/redisstore"
	"github.com/hoibao/hoibao/metrics"
)

const usage = `hoibao answers questions about news articles, citing the passages it uses.

Usage:
  hoibao ask [--json] [--articles PATH]... [QUESTION]   answer one question, or one per line of stdin
  hoibao chat [--articles PATH]...                      chat in the terminal
  hoibao ingest PATH|URL...                             load articles into the configured store
  hoibao serve                                          run the web chat and API, and the configured chat channels
  hoibao config                                         print the configuration, secrets masked
  hoibao doctor                                         check the configuration end to end
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
	if isHelp(args) && printUsage(env, cmd) { // usage.go
		return nil
	}
	switch cmd {
	case "ask":
		return runAsk(ctx, cfg, log, env, args)
	case "chat":
		return runChat(ctx, cfg, log, env, args)
	case "serve":
		return runServe(ctx, cfg, log, env, args)
	case "ingest":
		return runIngest(ctx, cfg, log, env, args)
	case "doctor":
		return runDoctor(ctx, cfg, log, env, args) // doctor.go
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
	svc, _, closeSvc, err := openServiceBackend(ctx, cfg, log, paths, nil)
	return svc, closeSvc, err
}

// backend is what the configured store gives the chat channels beside the
// articles: chat state (history, dedupe, rate limits, audit, counters) and
// the Zalo OA's rotating tokens with a lock, shared by every replica when
// the store is Redis, one replica's otherwise. Wired here, never discovered.
type backend struct {
	state  bot.State
	tokens zalooa.TokenStore
}

// openServiceBackend is openService that also returns the backend of the
// configured store (one in memory with --articles), with the model's calls
// counted by m (nil counts nothing).
func openServiceBackend(ctx context.Context, cfg config.Config, log *slog.Logger, paths []string, m *metrics.Metrics) (*knowledge.Service, backend, func(), error) {
	be := backend{state: bot.NewMemState(), tokens: zalooa.NewMemTokens()}
	opts, err := modelOptions(cfg, log, m) // llm.go
	if err != nil {
		return nil, be, nil, err
	}
	content, err := contentOptions(cfg, log) // readers.go
	if err != nil {
		return nil, be, nil, err
	}
	opts = append(append(opts, content...), knowledge.WithLogger(log))
	if len(paths) > 0 {
		svc := knowledge.NewService(nil, opts...)
		rep, err := svc.Ingest(ctx, knowledge.Sources(paths...)...)
		if err != nil {
			return nil, be, nil, err
		}
		if n, _ := svc.Index().Len(); n == 0 {
			return nil, be, nil, fmt.Errorf("không đọc được bài nào từ %v: %s", paths, rep)
		}
		return svc, be, func() {}, nil
	}
	store, be, closeStore, err := openStoreBackend(ctx, cfg, log)
	if err != nil {
		return nil, be, nil, err
	}
	// The index built at start-up is kept (next to the articles in Redis,
	// else in the data folder) to be read instead of built at the next
	// start-up over the same content.
	var snapshots knowledge.Snapshots = knowledge.SnapshotDir(filepath.Join(cfg.DataDir, "index"))
	if rs, ok := store.(*redisstore.Store); ok {
		snapshots = rs.Snapshots()
	}
	svc := knowledge.NewService(nil, append(opts, knowledge.WithStore(store), knowledge.WithSnapshots(snapshots))...)
	// While the store is empty, HOIBAO_ARTICLES (or the sample) serves;
	// files it cannot read are skipped and logged, the rest serve.
	seed := knowledge.Sample()
	if len(cfg.Articles) > 0 {
		seed, _ = svc.LoadSources(ctx, knowledge.Sources(cfg.Articles...)...)
	}
	if err := svc.Load(ctx, seed); err != nil {
		closeStore()
		return nil, be, nil, fmt.Errorf("loading the articles from the store: %w", err)
	}
	syncCtx, stopSync := context.WithCancel(context.WithoutCancel(ctx))
	synced := make(chan struct{})
	go func() {
		defer close(synced)
		if err := svc.Sync(syncCtx); err != nil {
			log.Warn("following other replicas' changes stopped", "err", err)
		}
	}()
	return svc, be, func() { stopSync(); <-synced; closeStore() }, nil
}

// openStore opens the configured store: Redis when HOIBAO_REDIS_URL is set
// (failing fast when it does not answer, unless HOIBAO_REDIS_FALLBACK asks
// for the embedded store then), else the embedded store in HOIBAO_DATA_DIR.
// Opening the embedded store writes nothing.
func openStore(ctx context.Context, cfg config.Config, log *slog.Logger) (knowledge.Store, func(), error) {
	store, _, closeStore, err := openStoreBackend(ctx, cfg, log)
	return store, closeStore, err
}

// openStoreBackend is openStore that also returns the store's backend:
// Redis keeps chat state and the OA tokens for every replica; beside the
// embedded store, chat state is in memory and the OA tokens in a file.
func openStoreBackend(ctx context.Context, cfg config.Config, log *slog.Logger) (knowledge.Store, backend, func(), error) {
	if cfg.RedisURL != "" {
		redisstore.SetLogger(log)
		rs, err := redisstore.Open(ctx, cfg.RedisURL, cfg.RedisPrefix, redisstore.WithLogger(log))
		if err == nil {
			log.Debug("store: redis", "prefix", cfg.RedisPrefix)
			return rs, backend{state: rs, tokens: rs}, func() { rs.Close() }, nil
		}
		if !cfg.RedisFallback {
			return nil, backend{}, nil, err
		}
		log.Warn("Redis is unreachable; using the embedded store as HOIBAO_REDIS_FALLBACK asks", "err", err, "dir", cfg.DataDir)
	}
	fs, err := filestore.New(cfg.DataDir, filestore.WithLogger(log))
	if err != nil {
		return nil, backend{}, nil, fmt.Errorf("HOIBAO_DATA_DIR: %w", err)
	}
	log.Debug("store: embedded", "dir", cfg.DataDir)
	return fs, backend{state: bot.NewMemState(), tokens: zalooa.NewFileTokens(cfg.DataDir)}, func() {}, nil
}
