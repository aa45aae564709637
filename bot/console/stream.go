package console

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// streamAsker is an Asker that hands over the answer while it is written;
// *knowledge.Service is one.
type streamAsker interface {
	AskStream(ctx context.Context, q knowledge.Query, onText func(partial string)) (knowledge.Answer, error)
}

// ask answers q and prints the answer with its sources. When the asker
// streams, the text is printed as it comes; what the final, checked answer
// adds is printed after it, and if the checks changed what was already
// shown (a refusal, the fallback answer), the final answer is printed whole.
func ask(ctx context.Context, asker bot.Asker, q knowledge.Query, out io.Writer) (knowledge.Answer, error) {
	sa, ok := asker.(streamAsker)
	if !ok {
		ans, err := asker.Ask(ctx, q)
		if err == nil {
			fmt.Fprintf(out, "%s\n\n", bot.FormatPlain(ans))
		}
		return ans, err
	}
	printed := ""
	ans, err := sa.AskStream(ctx, q, func(partial string) {
		if strings.HasPrefix(partial, printed) {
			fmt.Fprint(out, partial[len(printed):])
			printed = partial
		}
	})
	if err != nil {
		if printed != "" {
			fmt.Fprintln(out)
		}
		return ans, err
	}
	full := bot.FormatPlain(ans)
	switch {
	case printed == "":
		fmt.Fprintf(out, "%s\n\n", full)
	case strings.HasPrefix(full, printed):
		fmt.Fprintf(out, "%s\n\n", full[len(printed):])
	default:
		fmt.Fprintf(out, "\n\n%s\n\n", full)
	}
	return ans, nil
}
