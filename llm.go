package main

import (
	"log/slog"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/metrics"
)

// modelOptions returns the service options for the configured models: the
// OpenAI-compatible chat model as answerer when HOIBAO_LLM_BASE_URL is set
// (else the extractive answerer, offline), and an embedder when
// HOIBAO_EMBED_MODEL is set: on HOIBAO_EMBED_BASE_URL with
// HOIBAO_EMBED_API_KEY when that is set (chat and embeddings often run on
// different servers), else on the chat model's endpoint, with
// HOIBAO_EMBED_API_KEY or the chat model's key. The chat key is never sent
// to a separate embeddings endpoint. m, when not nil, counts the model's calls.
func modelOptions(cfg config.Config, log *slog.Logger, m *metrics.Metrics) ([]knowledge.Option, error) {
	common := []openai.Option{openai.WithTimeout(cfg.LLMTimeout), openai.WithLogger(log)}
	var opts []knowledge.Option
	var client *openai.Client
	if cfg.LLMBaseURL != "" {
		var err error
		client, err = openai.New(cfg.LLMBaseURL, cfg.LLMAPIKey, cfg.LLMModel,
			append(common, openai.WithContextTokens(cfg.LLMContextTokens))...)
		if err != nil {
			return nil, err
		}
		var model metrics.Model = client
		if m != nil {
			model = m.LLM(client) // counted; offers the same as the client
		}
		opts = append(opts, knowledge.WithLLM(model))
	}
	if cfg.EmbedModel != "" {
		var embedder *openai.Embedder
		var err error
		switch {
		case cfg.EmbedBaseURL != "":
			embedder, err = openai.NewEmbedder(cfg.EmbedBaseURL, cfg.EmbedAPIKey, cfg.EmbedModel, common...)
		case client != nil && cfg.EmbedAPIKey != "":
			embedder, err = openai.NewEmbedder(cfg.LLMBaseURL, cfg.EmbedAPIKey, cfg.EmbedModel, common...)
		case client != nil:
			embedder = client.Embedder(cfg.EmbedModel)
		default:
			log.Warn("HOIBAO_EMBED_MODEL is set but neither HOIBAO_EMBED_BASE_URL nor HOIBAO_LLM_BASE_URL: searching by words only")
		}
		if err != nil {
			return nil, err
		}
		if embedder != nil {
			opts = append(opts, knowledge.WithEmbedder(embedder, cfg.EmbedModel))
		}
	}
	log.Debug("models", "chat", cfg.LLMModel, "embeddings", cfg.EmbedModel, "separate_embeddings_endpoint", cfg.EmbedBaseURL != "")
	return opts, nil
}
