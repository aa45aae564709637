// Command fakezalo serves zalotest's fake Zalo Bot Platform API, for
// trying hoibao's Zalo channel by hand without Zalo:
//
//	fakezalo -token 123:abc            # prints the base URL for HOIBAO_ZALO_API_BASE
//
// Each line typed on standard input becomes a text message from user
// "local" in chat "local" (delivered through getUpdates); every message
// the bot sends is printed. It stops on SIGINT/SIGTERM.
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/hoibao/hoibao/bot/zalo/zalotest"
)

func main() {
	token := flag.String("token", "123:fake-token", "the bot token the fake accepts")
	flag.Parse()
	srv := zalotest.New(*token)
	defer srv.Close()
	fmt.Println(srv.Base())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			srv.Push(zalotest.Text("local", "local", sc.Text()))
		}
	}()
	shown := 0
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			sent := srv.Sent("")
			for _, m := range sent[shown:] {
				fmt.Printf("→ %s:\n%s\n\n", m.Chat, m.Text)
			}
			shown = len(sent)
		}
	}
}
