package config

import (
	"strings"
	"testing"
)

func TestSeparateEmbeddingsEndpoint(t *testing.T) {
	c, err := FromMap(map[string]string{
		"HOIBAO_EMBED_BASE_URL": "http://127.0.0.1:8081/v1", "HOIBAO_EMBED_API_KEY": "emb-secret-123",
		"HOIBAO_EMBED_MODEL": "bge-m3",
	})
	if err != nil {
		t.Fatal(err)
	}
	if c.EmbedBaseURL != "http://127.0.0.1:8081/v1" || c.EmbedAPIKey != "emb-secret-123" || c.EmbedModel != "bge-m3" {
		t.Errorf("got %+v", c)
	}
	dump := c.Dump()
	if strings.Contains(dump, "emb-secret-123") || !strings.Contains(dump, "HOIBAO_EMBED_API_KEY=***") ||
		!strings.Contains(dump, "HOIBAO_EMBED_BASE_URL=http://127.0.0.1:8081/v1") {
		t.Errorf("dump:\n%s", dump)
	}
	if _, err := FromMap(map[string]string{"HOIBAO_EMBED_BASE_URL": "http://127.0.0.1:8081/v1"}); err == nil ||
		!strings.Contains(err.Error(), "HOIBAO_EMBED_MODEL") {
		t.Errorf("an embeddings endpoint without a model: got %v, want an error naming HOIBAO_EMBED_MODEL", err)
	}
	got := false
	for _, k := range Keys {
		got = got || k.Name == "HOIBAO_EMBED_API_KEY"
	}
	if !got {
		t.Error("HOIBAO_EMBED_API_KEY is not read from the environment")
	}
}
