// Package bot is hoibao's channel-agnostic conversation core: messages in,
// replies out, commands, admin rights, rate limits and per-chat memory.
// Channel adapters (telegram/, console/ …) translate their wire formats to
// and from these types; nothing here knows a platform or a store's keys.
package bot

import (
	"context"

	"github.com/hoibao/hoibao/knowledge"
)

// Asker answers a question; *knowledge.Service is one.
type Asker interface {
	Ask(ctx context.Context, q knowledge.Query) (knowledge.Answer, error)
}

// MaxHistory is how many recent turns of a chat a follow-up question sees.
const MaxHistory = 3

// Remember appends a turn to a chat's history, keeping the last MaxHistory.
func Remember(history []knowledge.Turn, question string, a knowledge.Answer) []knowledge.Turn {
	if a.Refused {
		return history
	}
	history = append(history, knowledge.Turn{Question: question, Answer: a.Text})
	if len(history) > MaxHistory {
		history = history[len(history)-MaxHistory:]
	}
	return history
}
