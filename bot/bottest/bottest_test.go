package bottest_test

import (
	"context"
	"testing"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/bot/bottest"
	"github.com/hoibao/hoibao/knowledge"
)

// The scenario holds when handled in order by the core alone.
func TestOrderingInSequence(t *testing.T) {
	core := bot.New(knowledge.NewService(knowledge.Sample()), bot.WithAdmins("test", "1"))
	var replies []string
	for _, text := range bottest.Ordering {
		r := core.Handle(context.Background(), bot.Message{Channel: "test", ChatID: "1", UserID: "1", Text: text})
		s := r.Text
		if r.Answer != nil {
			s = bot.FormatPlain(*r.Answer)
		}
		replies = append(replies, s)
	}
	t.Logf("%q", replies)
	bottest.CheckOrdering(t, replies)
}
