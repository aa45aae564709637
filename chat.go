package main

import (
	"context"
	"flag"
	"log/slog"

	"github.com/hoibao/hoibao/bot/console"
	"github.com/hoibao/hoibao/config"
)

func runChat(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var paths pathList
	fs.Var(&paths, "articles", "load articles from this file or folder (repeatable)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	svc, closeSvc, err := openService(ctx, cfg, log, paths)
	if err != nil {
		return err
	}
	defer closeSvc()
	return console.Run(ctx, svc, env.Stdin, env.Stdout)
}
