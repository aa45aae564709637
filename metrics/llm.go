package metrics

import (
	"context"

	"github.com/hoibao/hoibao/knowledge"
)

// Model is what a language model client offers the knowledge service:
// answers, streamed answers and follow-up rewriting. The OpenAI-compatible
// client is one. The counting decorator offers exactly the same, so
// wrapping a model switches nothing off.
type Model interface {
	knowledge.StreamLLM
	knowledge.Rewriter
}

// LLM wraps a model so each call is counted by result.
func (m *Metrics) LLM(model Model) Model { return &countingLLM{next: model, m: m} }

type countingLLM struct {
	next Model
	m    *Metrics
}

var _ Model = (*countingLLM)(nil)

func (c *countingLLM) count(err error) { c.m.llmCalls.WithLabelValues(result(err)).Inc() }

// Answer and AnswerStream with no passages refuse without asking the
// model, so they are not counted.

func (c *countingLLM) Answer(ctx context.Context, q knowledge.Query, p []knowledge.Passage) (knowledge.Answer, error) {
	a, err := c.next.Answer(ctx, q, p)
	if len(p) > 0 {
		c.count(err)
	}
	return a, err
}

func (c *countingLLM) AnswerStream(ctx context.Context, q knowledge.Query, p []knowledge.Passage, onText func(string)) (knowledge.Answer, error) {
	a, err := c.next.AnswerStream(ctx, q, p, onText)
	if len(p) > 0 {
		c.count(err)
	}
	return a, err
}

func (c *countingLLM) Rewrite(ctx context.Context, q knowledge.Query) (string, error) {
	s, err := c.next.Rewrite(ctx, q)
	c.count(err)
	return s, err
}
