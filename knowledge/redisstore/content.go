package redisstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
)

// putScript stores one article with its hash and chunks, bumps the content
// version and announces it, unless the same content is stored already.
// KEYS: articles hashes chunks version; ARGV: id hash article chunks channel writer.
var putScript = redis.NewScript(`
if redis.call('HGET', KEYS[2], ARGV[1]) == ARGV[2] and redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then
  return 0
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
redis.call('HSET', KEYS[3], ARGV[1], ARGV[4])
local v = redis.call('INCR', KEYS[4])
redis.call('PUBLISH', ARGV[5], ARGV[6] .. ' ' .. v)
return v
`)

// deleteScript removes one article; 0 when there was none.
// KEYS: articles hashes chunks version; ARGV: id channel writer.
var deleteScript = redis.NewScript(`
if redis.call('HDEL', KEYS[1], ARGV[1]) == 0 then
  return 0
end
redis.call('HDEL', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
local v = redis.call('INCR', KEYS[4])
redis.call('PUBLISH', ARGV[2], ARGV[3] .. ' ' .. v)
return v
`)

// chunkSpan is a chunk without its text: the text is the article's.
type chunkSpan struct {
	P int `json:"p"`
	S int `json:"s"`
	E int `json:"e"`
}

func (s *Store) contentKeys() []string {
	return []string{s.k.articles, s.k.hashes, s.k.chunks, s.k.version}
}

// encode returns the article's JSON, its content hash and its chunk spans.
func encode(a knowledge.Article) (article, hash, chunks string, err error) {
	if strings.TrimSpace(a.ID) == "" {
		return "", "", "", fmt.Errorf("%w: bài không có mã (ID)", knowledge.ErrInvalidArticle)
	}
	data, err := json.Marshal(a)
	if err != nil {
		return "", "", "", fmt.Errorf("%w: %v", knowledge.ErrInvalidArticle, err)
	}
	hash = a.Hash
	if hash == "" {
		sum := sha256.Sum256(data)
		hash = hex.EncodeToString(sum[:])
	}
	spans := []chunkSpan{}
	for _, c := range knowledge.ChunkArticle(&a) {
		spans = append(spans, chunkSpan{c.Paragraph, c.Start, c.End})
	}
	cs, _ := json.Marshal(spans)
	return string(data), hash, string(cs), nil
}

// Articles returns every stored article, sorted by ID.
func (s *Store) Articles(ctx context.Context) ([]knowledge.Article, error) {
	ctx, cancel := s.ctx(ctx, true)
	defer cancel()
	all, err := s.rdb.HGetAll(ctx, s.k.articles).Result()
	if err != nil {
		return nil, fail("articles", err)
	}
	// Decoded on every core: a whole archive is tens of thousands of
	// entries, and start-up waits for them.
	ids := make([]string, 0, len(all))
	for id := range all {
		ids = append(ids, id)
	}
	decoded := make([]knowledge.Article, len(ids))
	errs := make([]error, len(ids))
	if err := knowledge.Parallel(ctx, len(ids), func(i int) {
		a := &decoded[i]
		err := knowledge.UnmarshalArticle([]byte(all[ids[i]]), a)
		if err == nil && (a.ID == "" || a.Title == "" || len(a.Paragraphs) == 0) {
			err = errors.New("no ID, title or paragraphs")
		}
		errs[i] = err
	}); err != nil {
		return nil, fail("articles", err)
	}
	out := make([]knowledge.Article, 0, len(all))
	var skipped []knowledge.Skipped
	for i, id := range ids {
		if err := errs[i]; err != nil {
			// One corrupt entry must not stop the rest from serving.
			skipped = append(skipped, knowledge.Skipped{Source: "redis:" + id,
				Reason: "bài đã lưu bị hỏng, không đọc được", Err: fmt.Errorf("redis: article %q is corrupt: %w", id, err)})
			continue
		}
		out = append(out, decoded[i])
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	sort.Slice(skipped, func(i, j int) bool { return skipped[i].Source < skipped[j].Source })
	if len(skipped) > 0 {
		return out, &knowledge.SkippedError{Skipped: skipped}
	}
	return out, nil
}

// Hashes returns the content hash of every stored article by ID, without
// reading the articles.
func (s *Store) Hashes(ctx context.Context) (map[string]string, error) {
	ctx, cancel := s.ctx(ctx, true)
	defer cancel()
	m, err := s.rdb.HGetAll(ctx, s.k.hashes).Result()
	return m, fail("hashes", err)
}

// Chunks returns the chunks of a stored article as they were cut when it
// was stored; ErrNotFound when there is no such article.
func (s *Store) Chunks(ctx context.Context, id string) ([]knowledge.Chunk, error) {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	vals, err := s.rdb.HMGet(ctx, s.k.articles, id).Result()
	if err != nil {
		return nil, fail("chunks", err)
	}
	data, _ := vals[0].(string)
	if data == "" {
		return nil, fmt.Errorf("bài %q: %w", id, knowledge.ErrNotFound)
	}
	raw, err := s.rdb.HGet(ctx, s.k.chunks, id).Result()
	if err != nil {
		return nil, fail("chunks", err)
	}
	var a knowledge.Article
	var spans []chunkSpan
	if err := errors.Join(json.Unmarshal([]byte(data), &a), json.Unmarshal([]byte(raw), &spans)); err != nil {
		return nil, fmt.Errorf("redis: article %q is corrupt: %w", id, err)
	}
	out := make([]knowledge.Chunk, 0, len(spans))
	part := map[int]int{}
	for _, sp := range spans {
		c := knowledge.Chunk{ArticleID: id, Paragraph: sp.P, Start: sp.S, End: sp.E}
		switch {
		case sp.P < 0:
			c.ID, c.Text = id+"#t", a.Title
		case sp.P < len(a.Paragraphs) && sp.S <= sp.E && sp.E <= len(a.Paragraphs[sp.P]):
			c.ID = fmt.Sprintf("%s#%d.%d", id, sp.P, part[sp.P])
			c.Text = a.Paragraphs[sp.P][sp.S:sp.E]
			part[sp.P]++
		default:
			return nil, fmt.Errorf("redis: chunks of %q do not fit the article", id)
		}
		out = append(out, c)
	}
	return out, nil
}

// Put adds or replaces an article and announces the change. Storing the
// same content again changes nothing and announces nothing.
func (s *Store) Put(ctx context.Context, a knowledge.Article) error {
	data, hash, chunks, err := encode(a)
	if err != nil {
		return err
	}
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	err = putScript.Run(ctx, s.rdb, s.contentKeys(), a.ID, hash, data, chunks, s.k.channel, s.writer).Err()
	return fail("put", err)
}

// Delete removes an article and announces it; ErrNotFound when there is none.
func (s *Store) Delete(ctx context.Context, id string) error {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	v, err := deleteScript.Run(ctx, s.rdb, s.contentKeys(), id, s.k.channel, s.writer).Int64()
	if err != nil {
		return fail("delete", err)
	}
	if v == 0 {
		return fmt.Errorf("bài %q: %w", id, knowledge.ErrNotFound)
	}
	return nil
}

// replaceBatch is how many hash fields one HSET of ReplaceAll carries.
const replaceBatch = 256

// ReplaceAll swaps the whole content for articles in one MULTI/EXEC: other
// replicas see the old content or the new, never a mix.
func (s *Store) ReplaceAll(ctx context.Context, articles []knowledge.Article) error {
	articles = knowledge.Dedupe(articles)
	type enc struct{ id, data, hash, chunks string }
	encs := make([]enc, 0, len(articles))
	for _, a := range articles {
		data, hash, chunks, err := encode(a)
		if err != nil {
			return err
		}
		encs = append(encs, enc{a.ID, data, hash, chunks})
	}
	ctx, cancel := s.ctx(ctx, true)
	defer cancel()
	var incr *redis.IntCmd
	_, err := s.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Del(ctx, s.k.articles, s.k.hashes, s.k.chunks)
		for i := 0; i < len(encs); i += replaceBatch {
			batch := encs[i:min(i+replaceBatch, len(encs))]
			art, hs, ch := make([]any, 0, 2*len(batch)), make([]any, 0, 2*len(batch)), make([]any, 0, 2*len(batch))
			for _, e := range batch {
				art, hs, ch = append(art, e.id, e.data), append(hs, e.id, e.hash), append(ch, e.id, e.chunks)
			}
			p.HSet(ctx, s.k.articles, art...)
			p.HSet(ctx, s.k.hashes, hs...)
			p.HSet(ctx, s.k.chunks, ch...)
		}
		incr = p.Incr(ctx, s.k.version)
		return nil
	})
	if err != nil {
		return fail("replace", err)
	}
	s.announce(ctx, incr.Val())
	return nil
}

// announce tells the other replicas about a change already stored. A lost
// announcement only delays them until their next version check.
func (s *Store) announce(ctx context.Context, version int64) {
	msg := s.writer + " " + strconv.FormatInt(version, 10)
	if err := s.rdb.Publish(ctx, s.k.channel, msg).Err(); err != nil {
		s.log.Warn("announcing a change failed; replicas will notice it at their next check", "err", err)
	}
}

// Version returns the content version: it grows with every change; 0 for
// content never written.
func (s *Store) Version(ctx context.Context) (int64, error) {
	ctx, cancel := s.ctx(ctx, false)
	defer cancel()
	v, err := s.rdb.Get(ctx, s.k.version).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	return v, fail("version", err)
}

// putBatch is how many articles one pipeline of PutMany carries.
const putBatch = 128

// PutMany stores articles like Put, pipelined: much faster for an import.
// Each article is stored (and announced) on its own, so a failure part way
// leaves the articles before it stored.
func (s *Store) PutMany(ctx context.Context, articles []knowledge.Article) error {
	ctx, cancel := s.ctx(ctx, true)
	defer cancel()
	if err := putScript.Load(ctx, s.rdb).Err(); err != nil {
		return fail("put", err)
	}
	for i := 0; i < len(articles); i += putBatch {
		batch := articles[i:min(i+putBatch, len(articles))]
		args := make([][]any, len(batch))
		for j, a := range batch {
			data, hash, chunks, err := encode(a)
			if err != nil {
				return err
			}
			args[j] = []any{a.ID, hash, data, chunks, s.k.channel, s.writer}
		}
		_, err := s.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			for _, a := range args {
				putScript.EvalSha(ctx, p, s.contentKeys(), a...)
			}
			return nil
		})
		if err != nil {
			return fail("put", err)
		}
	}
	return nil
}
