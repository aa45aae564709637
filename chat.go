package main

import (
	"context"
	"log/slog"

	"github.com/hoibao/hoibao/bot/console"
	"github.com/hoibao/hoibao/config"
)

func runChat(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs, paths := commandFlags("chat", env)
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	svc, closeSvc, err := openService(ctx, cfg, log, *paths)
	if err != nil {
		return err
	}
	defer closeSvc()
	return console.Run(ctx, svc, env.Stdin, env.Stdout)
}
