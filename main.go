// Command hoibao answers questions about news articles, with citations, in
// chat channels and on the command line.
//
//	hoibao ask [--json] [--articles PATH]... [QUESTION]   answer questions
//	hoibao chat [--articles PATH]...                      chat in the terminal
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
	"syscall"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
)

const usage = `hoibao answers questions about news articles, citing the passages it uses.

Usage:
  hoibao ask [--json] [--articles PATH]... [QUESTION]   answer one question, or one per line of stdin
  hoibao chat [--articles PATH]...                      chat in the terminal
  hoibao serve                                          run the configured chat channels
  hoibao config                                         print the configuration, secrets masked

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

// openService builds the knowledge service a command answers from: the
// articles named on the command line (nothing written anywhere), else the
// configured articles, else the bundled sample.
func openService(ctx context.Context, cfg config.Config, log *slog.Logger, paths []string) (*knowledge.Service, func(), error) {
	if len(paths) > 0 {
		articles, err := knowledge.LoadPaths(paths)
		if err != nil {
			return nil, nil, err
		}
		if len(articles) == 0 {
			return nil, nil, fmt.Errorf("no articles (.txt, .md, .json) found in %v", paths)
		}
		return knowledge.NewService(articles, knowledge.WithLogger(log)), func() {}, nil
	}
	articles := knowledge.Sample()
	if len(cfg.Articles) > 0 {
		loaded, err := knowledge.LoadPaths(cfg.Articles)
		if err != nil {
			return nil, nil, fmt.Errorf("HOIBAO_ARTICLES: %w", err)
		}
		articles = loaded
	}
	return knowledge.NewService(articles, knowledge.WithLogger(log)), func() {}, nil
}
