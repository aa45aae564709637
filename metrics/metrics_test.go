package metrics_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/prometheus/client_golang/prometheus/testutil"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/metrics"
)

type fixedBot struct{ r bot.Reply }

func (f fixedBot) Handle(context.Context, bot.Message) bot.Reply { return f.r }

func TestBotCountsQuestionsOnly(t *testing.T) {
	m := metrics.New()
	answered := m.Bot(fixedBot{bot.Reply{Outcome: bot.OutcomeAnswered, Answer: &knowledge.Answer{Text: "x"}}})
	ctx := context.Background()
	answered.Handle(ctx, bot.Message{Channel: "telegram", Text: "Bí thư là ai?"})
	answered.Handle(ctx, bot.Message{Channel: "telegram", Text: "/ask Bí thư là ai?"})
	answered.Handle(ctx, bot.Message{Channel: "telegram", Text: "/help"})
	answered.Handle(ctx, bot.Message{Channel: "telegram", Feedback: "up", AnswerID: "a"})
	m.Bot(fixedBot{bot.Reply{Outcome: "surprise", Text: "x"}}).Handle(ctx, bot.Message{Channel: "zalo", Text: "hỏi"})
	want := `
# HELP hoibao_questions_total Questions handled, by channel and outcome.
# TYPE hoibao_questions_total counter
hoibao_questions_total{channel="telegram",outcome="answered"} 2
hoibao_questions_total{channel="zalo",outcome="internal"} 1
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), "hoibao_questions_total"); err != nil {
		t.Error(err)
	}
}

func TestWebhookRejections(t *testing.T) {
	m := metrics.New()
	h := m.Webhook("zalo", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Secret") != "ok" {
			http.Error(w, "unauthorized", http.StatusUnauthorized)
		}
	}))
	for _, secret := range []string{"ok", "bad", "", "ok"} {
		req := httptest.NewRequest("POST", "/hook", nil)
		req.Header.Set("X-Secret", secret)
		h.ServeHTTP(httptest.NewRecorder(), req)
	}
	want := `
# HELP hoibao_webhook_rejected_total Webhook deliveries refused (bad secret or signature), by channel.
# TYPE hoibao_webhook_rejected_total counter
hoibao_webhook_rejected_total{channel="zalo"} 2
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), "hoibao_webhook_rejected_total"); err != nil {
		t.Error(err)
	}
}

type failingModel struct{}

func (failingModel) Answer(context.Context, knowledge.Query, []knowledge.Passage) (knowledge.Answer, error) {
	return knowledge.Answer{}, errors.New("model down")
}
func (failingModel) AnswerStream(context.Context, knowledge.Query, []knowledge.Passage, func(string)) (knowledge.Answer, error) {
	return knowledge.Answer{}, errors.New("model down")
}
func (failingModel) Rewrite(context.Context, knowledge.Query) (string, error) { return "q", nil }

func TestLLMCountsResults(t *testing.T) {
	m := metrics.New()
	model := m.LLM(failingModel{})
	ctx := context.Background()
	passages := []knowledge.Passage{{}}
	model.Answer(ctx, knowledge.Query{}, passages)
	model.AnswerStream(ctx, knowledge.Query{}, passages, nil)
	model.Rewrite(ctx, knowledge.Query{})
	model.Answer(ctx, knowledge.Query{}, nil) // no passages: no call
	want := `
# HELP hoibao_llm_calls_total Calls to the language model, by result (ok, error).
# TYPE hoibao_llm_calls_total counter
hoibao_llm_calls_total{result="error"} 2
hoibao_llm_calls_total{result="ok"} 1
`
	if err := testutil.GatherAndCompare(m.Registry(), strings.NewReader(want), "hoibao_llm_calls_total"); err != nil {
		t.Error(err)
	}
}
