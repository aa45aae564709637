package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
)

// maxLineBytes bounds one question line read from stdin; the rest of a longer
// line is skipped and the question gets an error.
const maxLineBytes = 1 << 20

// pathList is a repeatable --articles flag.
type pathList []string

func (p *pathList) String() string     { return strings.Join(*p, ",") }
func (p *pathList) Set(v string) error { *p = append(*p, v); return nil }

// commandFlags returns the flags of a command that answers questions, with
// its repeatable --articles.
func commandFlags(name string, env Env) (*flag.FlagSet, *pathList) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	fs.Usage = func() { fmt.Fprint(fs.Output(), commandUsage[name]) } // usage.go
	paths := new(pathList)
	fs.Var(paths, "articles", "load articles from this file or folder instead of the store (repeatable)")
	return fs, paths
}

func runAsk(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	fs, paths := commandFlags("ask", env)
	asJSON := fs.Bool("json", false, "print one JSON object per question")
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

	out := bufio.NewWriter(env.Stdout)
	defer out.Flush()
	var failed atomic.Bool
	answer := func(question string, readErr error) string {
		var ans knowledge.Answer
		err := readErr
		if err == nil {
			ans, err = svc.Ask(ctx, knowledge.Query{Text: question})
		}
		res := knowledge.NewResult(question, ans)
		if err != nil {
			res = knowledge.ErrorResult(shortQuestion(question), userError(err))
			failed.Store(true)
		}
		var b strings.Builder
		switch {
		case *asJSON:
			line, _ := json.Marshal(res)
			b.Write(line)
			b.WriteByte('\n')
		case res.Error != "":
			fmt.Fprintf(&b, "Lỗi: %s\n\n", res.Error)
		default:
			fmt.Fprintf(&b, "%s\n\n", bot.FormatPlain(ans))
		}
		return b.String()
	}

	if fs.NArg() > 0 {
		out.WriteString(answer(strings.Join(fs.Args(), " "), nil))
		if failed.Load() {
			return errInvalidQuestion
		}
		return nil
	}
	if isTerminal(env.Stdin) { // usage.go
		fmt.Fprintln(env.Stderr, "Gõ câu hỏi rồi nhấn Enter, mỗi dòng một câu; Ctrl-D để kết thúc. Hoặc hỏi một câu: hoibao ask \"Câu hỏi?\"")
	}
	return answerInOrder(env.Stdin, out, runtime.GOMAXPROCS(0), answer)
}

// answerInOrder answers the lines of r on up to workers goroutines at once
// and writes the answers to w in the order of the lines, each as soon as
// it and those before it are done.
func answerInOrder(r io.Reader, w *bufio.Writer, workers int, answer func(line string, err error) string) error {
	slots := make(chan chan string, 2*workers) // answers in line order; bounds the lines read ahead
	busy := make(chan struct{}, workers)
	written := make(chan struct{})
	go func() {
		defer close(written)
		for slot := range slots {
			w.WriteString(<-slot)
			w.Flush()
		}
	}()
	err := eachLine(r, func(line string, err error) {
		slot := make(chan string, 1)
		slots <- slot
		busy <- struct{}{}
		go func() {
			defer func() { <-busy }()
			slot <- answer(line, err)
		}()
	})
	close(slots)
	<-written
	return err
}

// eachLine calls fn for every line of r; a line over maxLineBytes is passed
// with an error instead of its text.
func eachLine(r io.Reader, fn func(line string, err error)) error {
	br := bufio.NewReaderSize(r, 64<<10)
	for {
		var line []byte
		tooLong := false
		for {
			part, isPrefix, err := br.ReadLine()
			if err == io.EOF {
				if len(line) > 0 || tooLong {
					break
				}
				return nil
			}
			if err != nil {
				return err
			}
			if len(line)+len(part) > maxLineBytes {
				tooLong = true
			} else {
				line = append(line, part...)
			}
			if !isPrefix {
				break
			}
		}
		if tooLong {
			fn(string(line[:min(len(line), 80)]), fmt.Errorf("%w: dòng dài hơn %d byte", knowledge.ErrInvalidQuestion, maxLineBytes))
			continue
		}
		fn(strings.TrimSuffix(string(line), "\r"), nil)
	}
}

// errInvalidQuestion ends `ask QUESTION` with a failure when the question
// was refused as invalid; the reason is already printed.
var errInvalidQuestion = fmt.Errorf("%w", errUsage)

// userError is the sentence a user sees for an error.
func userError(err error) string {
	if errors.Is(err, knowledge.ErrInvalidQuestion) {
		return err.Error()
	}
	return "Xin lỗi, hoibao gặp sự cố khi trả lời câu hỏi này."
}

// shortQuestion keeps an error line readable when the question is huge.
func shortQuestion(q string) string {
	q = strings.ToValidUTF8(q, "\uFFFD")
	if r := []rune(q); len(r) > 200 {
		return string(r[:200]) + "…"
	}
	return q
}
