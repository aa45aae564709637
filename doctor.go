package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	neturl "net/url"
	"strings"
	"time"

	"github.com/hoibao/hoibao/config"
	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
)

// doctorTimeout bounds each check of `hoibao doctor`.
const doctorTimeout = 15 * time.Second

// errDoctor says some check failed; the report says which.
var errDoctor = errors.New("some checks failed (see above)")

// runDoctor checks the configuration end to end — the store, the model and
// embeddings endpoints, the chat platforms' getMe, the HTTP address — and
// prints what works and what to fix. It fails when any check fails.
func runDoctor(ctx context.Context, cfg config.Config, log *slog.Logger, env Env, args []string) error {
	if len(args) > 0 {
		return errUsage
	}
	quiet := slog.New(slog.DiscardHandler) // the report says it all; details would repeat it
	failed := 0
	report := func(name string, err error, ok, fix string) {
		if err != nil {
			failed++
			fmt.Fprintf(env.Stdout, "✗ %s: %v\n  → %s\n", name, err, fix)
			return
		}
		fmt.Fprintf(env.Stdout, "✓ %s: %s\n", name, ok)
	}
	check := func(name string, fn func(ctx context.Context) (string, error), fix string) {
		cctx, cancel := context.WithTimeout(ctx, doctorTimeout)
		defer cancel()
		ok, err := fn(cctx)
		report(name, err, ok, fix)
	}
	skip := func(name, why string) { fmt.Fprintf(env.Stdout, "- %s: %s\n", name, why) }

	check("store", func(ctx context.Context) (string, error) {
		store, closeStore, err := openStore(ctx, cfg, quiet)
		if err != nil {
			return "", err
		}
		defer closeStore()
		arts, err := store.Articles(ctx)
		if err != nil {
			return "", err
		}
		where := "embedded store in " + cfg.DataDir
		if cfg.RedisURL != "" {
			where = "Redis " + hostOf(cfg.RedisURL)
		}
		if len(arts) == 0 {
			return where + " answers; it holds no articles yet (serving HOIBAO_ARTICLES or the sample)", nil
		}
		return fmt.Sprintf("%s answers, %d articles", where, len(arts)), nil
	}, "check HOIBAO_REDIS_URL (is Redis running and reachable?) or HOIBAO_DATA_DIR (does the folder exist and can hoibao write it?)")

	if len(cfg.Articles) > 0 {
		check("articles", func(ctx context.Context) (string, error) {
			arts, err := knowledge.LoadPaths(cfg.Articles)
			if err == nil && len(arts) == 0 {
				err = errors.New("no .txt, .md or .json articles found")
			}
			if err != nil {
				return "", err
			}
			return fmt.Sprintf("%d articles readable from %s", len(arts), strings.Join(cfg.Articles, ", ")), nil
		}, "fix the paths in HOIBAO_ARTICLES")
	} else {
		skip("articles", "HOIBAO_ARTICLES not set (an empty store serves the bundled sample)")
	}

	if cfg.LLMBaseURL == "" {
		skip("model", "HOIBAO_LLM_BASE_URL not set: the offline extractive answerer answers")
	} else {
		client, err := openai.New(cfg.LLMBaseURL, cfg.LLMAPIKey, cfg.LLMModel, openai.WithTimeout(doctorTimeout),
			openai.WithRetries(0, 0), openai.WithLogger(quiet))
		if err != nil {
			report("model", err, "", "check HOIBAO_LLM_BASE_URL and HOIBAO_LLM_MODEL")
		} else {
			check("model", func(ctx context.Context) (string, error) {
				svc := knowledge.NewService(knowledge.Sample())
				passages := svc.Index().Search("Bí thư Huyện ủy Châu Thành", 3)
				if _, err := client.Answer(ctx, knowledge.Query{Text: "Bí thư Huyện ủy Châu Thành là ai?"}, passages); err != nil {
					return "", err
				}
				return fmt.Sprintf("%s answers with model %s", hostOf(cfg.LLMBaseURL), cfg.LLMModel), nil
			}, "check HOIBAO_LLM_BASE_URL, HOIBAO_LLM_API_KEY and HOIBAO_LLM_MODEL (hoibao falls back to the extractive answerer meanwhile)")
			if cfg.EmbedModel != "" {
				check("embeddings", func(ctx context.Context) (string, error) {
					vecs, err := client.Embedder(cfg.EmbedModel).Embed(ctx, []string{"kiểm tra"})
					if err != nil {
						return "", err
					}
					if len(vecs) != 1 || len(vecs[0]) == 0 {
						return "", errors.New("the endpoint returned no vector")
					}
					return fmt.Sprintf("model %s returns %d-dimensional vectors", cfg.EmbedModel, len(vecs[0])), nil
				}, "check HOIBAO_EMBED_MODEL (unset it to search by words alone)")
			}
		}
	}

	if cfg.TelegramToken == "" {
		skip("telegram", "HOIBAO_TELEGRAM_TOKEN not set")
	} else {
		check("telegram", func(ctx context.Context) (string, error) {
			var me struct {
				OK          bool   `json:"ok"`
				Description string `json:"description"`
				Result      struct {
					Username string `json:"username"`
				} `json:"result"`
			}
			u := fmt.Sprintf(cfg.TelegramEndpoint, cfg.TelegramToken, "getMe")
			if err := getJSON(ctx, http.MethodGet, u, nil, cfg.TelegramToken, &me); err != nil {
				return "", err
			}
			if !me.OK {
				return "", fmt.Errorf("getMe refused: %s", me.Description)
			}
			return "getMe: @" + me.Result.Username, nil
		}, "check HOIBAO_TELEGRAM_TOKEN (from @BotFather) and that api.telegram.org is reachable")
	}

	if cfg.ZaloToken == "" {
		skip("zalo", "HOIBAO_ZALO_TOKEN not set")
	} else {
		check("zalo", func(ctx context.Context) (string, error) {
			var me struct {
				OK          bool   `json:"ok"`
				Description string `json:"description"`
				Result      struct {
					AccountName string `json:"account_name"`
					DisplayName string `json:"display_name"`
				} `json:"result"`
			}
			u := strings.TrimRight(cfg.ZaloAPIBase, "/") + "/bot" + cfg.ZaloToken + "/getMe"
			if err := getJSON(ctx, http.MethodPost, u, strings.NewReader("{}"), cfg.ZaloToken, &me); err != nil {
				return "", err
			}
			if !me.OK {
				return "", fmt.Errorf("getMe refused: %s", me.Description)
			}
			return "getMe: " + me.Result.DisplayName + me.Result.AccountName, nil
		}, "check HOIBAO_ZALO_TOKEN and HOIBAO_ZALO_API_BASE")
	}

	check("http", func(ctx context.Context) (string, error) {
		ln, err := net.Listen("tcp", cfg.HTTPAddr)
		if err != nil {
			return "", err
		}
		ln.Close()
		return cfg.HTTPAddr + " is free for the web page, API, /healthz, /readyz and /metrics", nil
	}, "set HOIBAO_HTTP_ADDR to a free address (or stop what is listening there, e.g. a running hoibao serve)")

	switch {
	case cfg.AdminToken == "":
		skip("admin API", "HOIBAO_ADMIN_TOKEN not set: the HTTP admin endpoints answer 403")
	case len(cfg.AdminToken) < 16:
		report("admin API", errors.New("HOIBAO_ADMIN_TOKEN is shorter than 16 characters"), "",
			"use a long random token, e.g. the output of: openssl rand -hex 24")
	default:
		report("admin API", nil, "bearer token set", "")
	}
	if len(cfg.WebOrigins) == 0 {
		skip("widget", "HOIBAO_WEB_ORIGINS not set: only this site may frame the chat")
	} else {
		report("widget", nil, "may be embedded on "+strings.Join(cfg.WebOrigins, ", "), "")
	}

	if failed > 0 {
		fmt.Fprintf(env.Stdout, "\n%d check(s) failed.\n", failed)
		return errDoctor
	}
	fmt.Fprintln(env.Stdout, "\nEverything configured works.")
	return nil
}

// getJSON calls a platform API and decodes its JSON answer (also on 4xx,
// where the platforms explain the error). secret is removed from errors,
// which may quote the URL.
func getJSON(ctx context.Context, method, url string, body io.Reader, secret string, v any) error {
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return errors.New("bad endpoint URL")
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := (&http.Client{Timeout: doctorTimeout}).Do(req)
	if err != nil {
		return errors.New(strings.ReplaceAll(err.Error(), secret, "***"))
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(io.LimitReader(resp.Body, 1<<20)).Decode(v); err != nil {
		return fmt.Errorf("HTTP %d, not a JSON answer", resp.StatusCode)
	}
	return nil
}

// hostOf is a URL as the report shows it: scheme and host, no credentials.
func hostOf(raw string) string {
	u, err := neturl.Parse(raw)
	if err != nil || u.Host == "" {
		return "(unreadable URL)"
	}
	return u.Scheme + "://" + u.Host
}
