package openai

import (
	"context"
	"errors"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	goopenai "github.com/sashabaranov/go-openai"

	"github.com/hoibao/hoibao/knowledge"
)

// holdRunes is how far the shown text of a stream trails the text
// received: enough to tell whether a line repeats the instructions before
// any of it is shown. The final answer has it all.
const holdRunes = 40

// holdBack returns s without its last n runes.
func holdBack(s string, n int) string {
	i := len(s)
	for ; n > 0 && i > 0; n-- {
		_, size := utf8.DecodeLastRuneInString(s[:i])
		i -= size
	}
	return s[:i]
}

// rewriteTokens bounds the reply of a rewrite: one question.
const rewriteTokens = 128

func (c *Client) request(msgs []goopenai.ChatCompletionMessage, maxTokens int, stream bool) goopenai.ChatCompletionRequest {
	return goopenai.ChatCompletionRequest{
		Model: c.model, Messages: msgs, MaxTokens: maxTokens, Temperature: c.temperature, Stream: stream,
	}
}

// complete runs one chat completion and returns the reply's text.
func (c *Client) complete(ctx context.Context, op string, msgs []goopenai.ChatCompletionMessage, maxTokens int) (string, error) {
	var text string
	err := c.call(ctx, op, func(ctx context.Context) (bool, error) {
		resp, err := c.api.CreateChatCompletion(ctx, c.request(msgs, maxTokens, false))
		if err != nil {
			return true, err
		}
		if len(resp.Choices) == 0 {
			return false, errors.New("the reply has no choices")
		}
		text = resp.Choices[0].Message.Content
		return false, nil
	})
	return text, err
}

// Answer implements knowledge.LLM: the model writes the answer from the
// passages, and the reply is checked before it is returned.
func (c *Client) Answer(ctx context.Context, q knowledge.Query, passages []knowledge.Passage) (knowledge.Answer, error) {
	if len(passages) == 0 {
		return refusal(q), nil
	}
	msgs, sent := c.answerMessages(q, passages)
	reply, err := c.complete(ctx, "chat", msgs, c.answerTokens)
	if err != nil {
		return knowledge.Answer{}, err
	}
	return c.finish(ctx, q, reply, sent, passages)
}

// AnswerStream implements knowledge.StreamLLM: onText gets the checked text
// written so far each time it grows (trailing the model by a few words, see
// holdRunes). A stream that fails before any text
// was shown is retried like any call.
func (c *Client) AnswerStream(ctx context.Context, q knowledge.Query, passages []knowledge.Passage, onText func(partial string)) (knowledge.Answer, error) {
	if len(passages) == 0 {
		return refusal(q), nil
	}
	msgs, sent := c.answerMessages(q, passages)
	var reply string
	err := c.call(ctx, "stream", func(ctx context.Context) (bool, error) {
		stream, err := c.api.CreateChatCompletionStream(ctx, c.request(msgs, c.answerTokens, true))
		if err != nil {
			return true, err
		}
		defer stream.Close()
		var b strings.Builder
		shown, leaked := "", false
		for {
			resp, err := stream.Recv()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				return shown == "", err
			}
			if len(resp.Choices) == 0 {
				continue
			}
			b.WriteString(resp.Choices[0].Delta.Content)
			if leaked = leaked || leaksPrompt(b.String()); leaked || onText == nil {
				continue
			}
			if v := visible(holdBack(b.String(), holdRunes), len(sent)); v != shown && v != "" {
				shown = v
				onText(v)
			}
		}
		reply = b.String()
		return false, nil
	})
	if err != nil {
		return knowledge.Answer{}, err
	}
	return c.finish(ctx, q, reply, sent, passages)
}

// finish checks the reply (check.go). When nothing in it holds up against
// the passages, the extractive answer from all passages is given, with a
// note saying so.
func (c *Client) finish(ctx context.Context, q knowledge.Query, reply string, sent, passages []knowledge.Passage) (knowledge.Answer, error) {
	ans, check, why := finish(q, reply, sent)
	for _, s := range check.Sentences {
		switch {
		case s.Dropped():
			c.log.Info("model sentence dropped: a fact is in no passage", "sentence", s.Text, "missing", factTexts(s.Missing))
		case s.Moved():
			c.log.Info("model citation moved to the passage that holds the facts", "sentence", s.Text, "cited", s.Cited, "now", s.Final)
		}
	}
	switch why {
	case "":
		return ans, nil
	case whyUnsupported:
		c.log.Warn("nothing the model wrote holds up; answering extractively")
		ans, err := knowledge.Extractive{}.Answer(ctx, q, passages)
		if err != nil {
			return knowledge.Answer{}, err
		}
		ans.Note = knowledge.NoteUnsupported
		return ans, nil
	default:
		c.log.Info("model reply turned into a refusal", "why", why)
		return ans, nil
	}
}

func factTexts(fs []knowledge.Fact) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = string(f.Kind) + " " + f.Text
	}
	return out
}

// Rewrite implements knowledge.Rewriter: the model makes a follow-up
// question standalone using the chat history.
func (c *Client) Rewrite(ctx context.Context, q knowledge.Query) (string, error) {
	if len(q.History) == 0 {
		return q.Text, nil
	}
	reply, err := c.complete(ctx, "rewrite", rewriteMessages(q), rewriteTokens)
	if err != nil {
		return "", err
	}
	out := cleanRewrite(reply)
	if out == "" || leaksPrompt(out) {
		return "", &Error{Op: "rewrite", msg: "the model gave no question back", causes: []error{knowledge.ErrUnavailable}}
	}
	return out, nil
}

// Embedder embeds texts with a model on the client's endpoint. It has its
// own circuit breaker, so a failing embeddings model does not stop answers.
type Embedder struct {
	c     Client
	model string
}

var _ knowledge.Embedder = (*Embedder)(nil)

// NewEmbedder returns an embedder for model on an endpoint of its own,
// e.g. a text-embeddings server beside a llama.cpp chat server. Options
// are New's.
func NewEmbedder(baseURL, apiKey, model string, opts ...Option) (*Embedder, error) {
	c, err := New(baseURL, apiKey, model, opts...)
	if err != nil {
		return nil, err
	}
	return c.Embedder(model), nil
}

// Embedder returns an embedder for model on the same endpoint and key.
func (c *Client) Embedder(model string) *Embedder {
	e := &Embedder{c: *c, model: model}
	e.c.breaker = newBreaker(c.breaker.threshold, c.breaker.pause)
	return e
}

// Model returns the embeddings model's name.
func (e *Embedder) Model() string { return e.model }

// Embed implements knowledge.Embedder on /v1/embeddings.
func (e *Embedder) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	if len(texts) == 0 {
		return nil, nil
	}
	var out [][]float32
	err := e.c.call(ctx, "embeddings", func(ctx context.Context) (bool, error) {
		resp, err := e.c.api.CreateEmbeddings(ctx, goopenai.EmbeddingRequestStrings{
			Input: texts, Model: goopenai.EmbeddingModel(e.model), EncodingFormat: goopenai.EmbeddingEncodingFormatFloat,
		})
		if err != nil {
			return true, err
		}
		if len(resp.Data) != len(texts) {
			return false, errors.New("the reply has a different number of vectors than texts sent")
		}
		data := resp.Data
		sort.SliceStable(data, func(i, j int) bool { return data[i].Index < data[j].Index })
		out = make([][]float32, len(texts))
		for i, d := range data {
			if len(d.Embedding) == 0 {
				return false, errors.New("the reply has an empty vector")
			}
			out[i] = d.Embedding
		}
		return false, nil
	})
	return out, err
}
