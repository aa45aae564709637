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
	// A command run from the shell answers with vectors when embeddings are
	// configured (cached after the first run); serve embeds in the background.
	if err := svc.EmbedArticles(ctx); err != nil {
		log.Warn("embedding the articles failed; answering by words alone", "err", err)
	}
	return console.Run(ctx, svc, env.Stdin, env.Stdout)
}
