// Package metrics counts what hoibao does, in Prometheus' format: questions
// by channel and outcome, answer time, model calls, index size, reloads and
// rejected webhook deliveries. Label values come from fixed sets (channel
// names, outcomes, results), never from what users type.
package metrics

import (
	"context"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// Metrics holds hoibao's collectors in a registry of its own.
type Metrics struct {
	reg             *prometheus.Registry
	questions       *prometheus.CounterVec
	answerSeconds   prometheus.Histogram
	llmCalls        *prometheus.CounterVec
	reloads         *prometheus.CounterVec
	webhookRejected *prometheus.CounterVec
}

// New returns the collectors, registered with the Go runtime's and the
// process's.
func New() *Metrics {
	m := &Metrics{
		reg: prometheus.NewRegistry(),
		questions: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoibao_questions_total", Help: "Questions handled, by channel and outcome.",
		}, []string{"channel", "outcome"}),
		answerSeconds: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "hoibao_answer_seconds", Help: "Time from a question to its reply.",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30},
		}),
		llmCalls: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoibao_llm_calls_total", Help: "Calls to the language model, by result (ok, error).",
		}, []string{"result"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoibao_reloads_total", Help: "Reloads of all content, by result (ok, error).",
		}, []string{"result"}),
		webhookRejected: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "hoibao_webhook_rejected_total", Help: "Webhook deliveries refused (bad secret or signature), by channel.",
		}, []string{"channel"}),
	}
	for _, r := range []string{"ok", "error"} { // shown at 0 before the first
		m.llmCalls.WithLabelValues(r)
		m.reloads.WithLabelValues(r)
	}
	m.reg.MustRegister(m.questions, m.answerSeconds, m.llmCalls, m.reloads, m.webhookRejected,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// WatchIndex reports the size of the index that index returns, read at
// each scrape, as hoibao_index_articles and hoibao_index_chunks.
func (m *Metrics) WatchIndex(index func() *knowledge.Index) {
	{
		size := func(chunks bool) func() float64 {
			return func() float64 {
				ix := index()
				if ix == nil {
					return 0
				}
				a, c := ix.Len()
				if chunks {
					return float64(c)
				}
				return float64(a)
			}
		}
		m.reg.MustRegister(
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "hoibao_index_articles", Help: "Articles being served."}, size(false)),
			prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "hoibao_index_chunks", Help: "Chunks in the serving index."}, size(true)),
		)
	}
}

// Handler serves the metrics for /metrics.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// Registry is where the collectors live, for tests and extra collectors.
func (m *Metrics) Registry() *prometheus.Registry { return m.reg }

// Question counts one handled question and the time its reply took.
func (m *Metrics) Question(channel string, o bot.Outcome, elapsed time.Duration) {
	_, label := o.Status()
	m.questions.WithLabelValues(channel, label).Inc()
	m.answerSeconds.Observe(elapsed.Seconds())
}

// Rejected counts a question a channel turned away before the conversation
// core saw it (a per-address limit, a body too large or unreadable).
func (m *Metrics) Rejected(channel string, o bot.Outcome) {
	_, label := o.Status()
	m.questions.WithLabelValues(channel, label).Inc()
}

// Reloaded counts a reload of all content that ended with err.
func (m *Metrics) Reloaded(err error) { m.reloads.WithLabelValues(result(err)).Inc() }

// WebhookRejected counts a refused webhook delivery of a channel.
func (m *Metrics) WebhookRejected(channel string) { m.webhookRejected.WithLabelValues(channel).Inc() }

func result(err error) string {
	if err != nil {
		return "error"
	}
	return "ok"
}

// Handler answers chat messages; *bot.Bot is one.
type Handler = bot.Replier

// Bot wraps a conversation core so that every question it handles (plain
// text or /ask, not other commands or feedback) is counted.
func (m *Metrics) Bot(h Handler) Handler { return &countingBot{next: h, m: m} }

type countingBot struct {
	next Handler
	m    *Metrics
}

var _ Handler = (*countingBot)(nil)

func (c *countingBot) Handle(ctx context.Context, msg bot.Message) bot.Reply {
	start := time.Now()
	r := c.next.Handle(ctx, msg)
	if cmd, _, isCmd := bot.ParseCommand(msg.Text); msg.Feedback == "" && !r.Empty() && (!isCmd || cmd == "ask") {
		c.m.Question(msg.Channel, r.Outcome, time.Since(start))
	}
	return r
}

// Webhook wraps a channel's webhook handler so that each delivery it
// refuses (401 or 403) is counted for that channel.
func (m *Metrics) Webhook(channel string, h http.Handler) http.Handler {
	m.webhookRejected.WithLabelValues(channel)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		h.ServeHTTP(rec, r)
		if rec.status == http.StatusUnauthorized || rec.status == http.StatusForbidden {
			m.WebhookRejected(channel)
		}
	})
}

type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (s *statusRecorder) WriteHeader(code int)        { s.status = code; s.ResponseWriter.WriteHeader(code) }
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }
