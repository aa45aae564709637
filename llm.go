package main

import (
	"log/slog"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/metrics"
)

// modelOptions returns the service options for the configured model: none
// when HOIBAO_LLM_BASE_URL is unset (the extractive answerer, offline), else
// the OpenAI-compatible client as answerer, and its embedder when
// HOIBAO_EMBED_MODEL is set. m, when not nil, counts the model's calls.
func modelOptions(cfg config.Config, log *slog.Logger, m *metrics.Metrics) ([]knowledge.Option, error) {
	if cfg.LLMBaseURL == "" {
		return nil, nil
	}
	client, err := openai.New(cfg.LLMBaseURL, cfg.LLMAPIKey, cfg.LLMModel,
		openai.WithTimeout(cfg.LLMTimeout), openai.WithContextTokens(cfg.LLMContextTokens), openai.WithLogger(log))
	if err != nil {
		return nil, err
	}
	var model metrics.Model = client
	if m != nil {
		model = m.LLM(client) // counted; offers the same as the client
	}
	opts := []knowledge.Option{knowledge.WithLLM(model)}
	if cfg.EmbedModel != "" {
		opts = append(opts, knowledge.WithEmbedder(client.Embedder(cfg.EmbedModel), cfg.EmbedModel))
	}
	log.Debug("answering through a model", "model", cfg.LLMModel, "embeddings", cfg.EmbedModel)
	return opts, nil
}
