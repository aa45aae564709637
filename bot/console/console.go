// Package console is the terminal chat channel: a readline prompt when
// standard input is a terminal, plain lines otherwise.
package console

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/chzyer/readline"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

const (
	prompt  = "hỏi> "
	welcome = "hoibao — hỏi về các bài báo đã nạp. Gõ câu hỏi rồi Enter; /quit để thoát.\n"
)

// Run chats with the user on in/out until EOF, /quit or ctx ends. Each answer
// is followed by its numbered sources; recent turns give follow-ups context.
func Run(ctx context.Context, asker bot.Asker, in io.Reader, out io.Writer) error {
	next, closeInput, err := lineReader(in, out)
	if err != nil {
		return err
	}
	defer closeInput()
	fmt.Fprint(out, welcome)
	var history []knowledge.Turn
	for ctx.Err() == nil {
		line, err := next()
		if errors.Is(err, io.EOF) || errors.Is(err, readline.ErrInterrupt) {
			return nil
		}
		if err != nil {
			return err
		}
		line = strings.TrimSpace(line)
		switch line {
		case "":
			continue
		case "/quit", "/exit", "/thoat":
			return nil
		}
		ans, err := ask(ctx, asker, knowledge.Query{Text: line, History: history}, out) // stream.go
		if err != nil {
			fmt.Fprintf(out, "Lỗi: %v\n\n", err)
			continue
		}
		history = bot.Remember(history, line, ans)
	}
	return nil
}

// lineReader reads lines with editing and history on a terminal, plainly
// from anything else (a pipe, a test).
func lineReader(in io.Reader, out io.Writer) (func() (string, error), func(), error) {
	if f, ok := in.(*os.File); ok && readline.IsTerminal(int(f.Fd())) {
		rl, err := readline.NewEx(&readline.Config{Prompt: prompt, Stdin: f, Stdout: out})
		if err != nil {
			return nil, nil, err
		}
		return rl.Readline, func() { rl.Close() }, nil
	}
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	return func() (string, error) {
		fmt.Fprint(out, prompt)
		if sc.Scan() {
			return sc.Text(), nil
		}
		if err := sc.Err(); err != nil {
			return "", err
		}
		return "", io.EOF
	}, func() {}, nil
}
