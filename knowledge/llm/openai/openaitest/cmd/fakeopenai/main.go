// Command fakeopenai serves openaitest's fake OpenAI-compatible API on an
// address, for trying hoibao's model settings by hand without a model:
//
//	fakeopenai -addr 127.0.0.1:11434 -flavor ollama -reply "Ông Lê Phước Dũng [1]."
//
// It logs every request's model, Authorization header (masked) and the
// number of embedded texts, and stops on SIGINT/SIGTERM.
package main

import (
	"context"
	"flag"
	"fmt"
	"log"
	"os"
	"os/signal"
	"syscall"

	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "address to listen on")
	flavor := flag.String("flavor", "", `extra reply fields: "", "ollama" or "llama.cpp"`)
	reply := flag.String("reply", "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1].", "the reply to every chat")
	status := flag.Int("status", 0, "answer every chat with this HTTP error status instead")
	flag.Parse()
	srv, err := openaitest.NewAt(*addr, *reply)
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()
	srv.Flavor = *flavor
	if *status != 0 {
		srv.SetChat(openaitest.Status(*status, "fake failure"))
	}
	srv.SetLog(log.Printf)
	fmt.Println(srv.BaseURL())
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	n, _ := srv.EmbedCalls()
	log.Printf("served %d chats and %d embeddings calls", len(srv.Chats()), n)
}
