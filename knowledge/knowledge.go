// Package knowledge is hoibao's domain: articles, their chunks, retrieval over
// Vietnamese text, and answers that cite the passages they rest on.
//
// Nothing here knows about chats or about a particular store or model; those
// live behind the small interfaces declared in this file and are implemented
// by subpackages (redisstore, filestore, llm/openai).
package knowledge

import (
	"context"
	"errors"
	"time"
)

// Sentinel errors of the domain. Adapters wrap their own errors with these.
var (
	ErrNotFound        = errors.New("không tìm thấy")
	ErrInvalidArticle  = errors.New("bài viết không hợp lệ")
	ErrInvalidQuestion = errors.New("câu hỏi không hợp lệ")
	ErrUnavailable     = errors.New("dịch vụ tạm thời không khả dụng")
)

// Article is one news article as loaded from a file, a URL or a chat.
type Article struct {
	ID        string    `json:"id"`
	Title     string    `json:"title"`
	URL       string    `json:"url,omitempty"`
	Published time.Time `json:"published,omitzero"`
	Author    string    `json:"author,omitempty"`
	Source    string    `json:"source,omitempty"` // file path or URL it came from
	// Paragraphs are the body paragraphs, without title, date line or byline.
	Paragraphs []string `json:"paragraphs"`
	// Hash is the content hash (hex SHA-256 of the canonical content).
	Hash string `json:"hash"`
}

// Chunk is a retrievable piece of an article: whole sentences from one
// paragraph, with the exact span they occupy in it.
type Chunk struct {
	ID        string `json:"id"` // "<article id>#<paragraph>.<part>"
	ArticleID string `json:"article_id"`
	Paragraph int    `json:"paragraph"` // index into Article.Paragraphs; -1 for the metadata chunk
	Start     int    `json:"start"`     // byte offset in the paragraph
	End       int    `json:"end"`
	Text      string `json:"text"`
}

// Passage is a chunk found for a question, with its article and score.
type Passage struct {
	Chunk   Chunk
	Article *Article
	Score   float64
}

// Citation points an answer's [N] marker at the text it rests on.
type Citation struct {
	N         int       `json:"n"`
	ArticleID string    `json:"article_id"`
	ChunkID   string    `json:"chunk_id,omitempty"`
	Title     string    `json:"title"`
	URL       string    `json:"url"`
	Published time.Time `json:"-"`
	Quote     string    `json:"quote"`
	// Support says how a generated answer's citation was checked against
	// the passage (SupportVerified, SupportMoved, SupportUnchecked; see
	// CheckClaims); empty for the extractive answer, which quotes it.
	Support string `json:"support,omitempty"`
}

// Answer is what hoibao says to a question.
type Answer struct {
	Text      string     `json:"answer"`
	Citations []Citation `json:"citations"`
	// Refused is true when the articles do not hold the answer.
	Refused bool `json:"refused"`
	// Note is a short remark for the user, e.g. that the model was unavailable.
	Note string `json:"note,omitempty"`
}

// Turn is one question and answer of a conversation, oldest first in a history.
type Turn struct {
	Question string `json:"q"`
	Answer   string `json:"a"`
}

// Query is a question as the answerer sees it.
type Query struct {
	Text    string
	History []Turn
	// Weights gives the question's content terms (folded syllables, and
	// folded two-syllable words that the corpus uses as words) their weight:
	// rarer is heavier. The service fills it from the index.
	Weights map[string]float64
	// Unseen holds the question's content syllables (folded) that no
	// article has (as typed: with its diacritics when it has them). The
	// service fills it from the index.
	Unseen map[string]bool
	// Context is the earlier question a follow-up leans on ("còn Kết luận
	// 21 thì sao?"): its words help find and rank passages, at a lower
	// weight, and are not required of the answer.
	Context string
	// Asker says who asks (a chat): when questions wait for a turn, askers
	// take turns. Empty is one shared line.
	Asker string
}

// LLM writes an answer to a question from the passages retrieval found.
// The extractive answerer is the default; llm/openai is a generative one.
type LLM interface {
	Answer(ctx context.Context, q Query, passages []Passage) (Answer, error)
}

// StreamLLM is an LLM that can also hand over its answer while writing it.
// onText receives the whole text written so far, each time it grows.
type StreamLLM interface {
	LLM
	AnswerStream(ctx context.Context, q Query, passages []Passage, onText func(partial string)) (Answer, error)
}

// Store keeps articles durably. Implementations: filestore (embedded, the
// default), redisstore. The index is rebuilt from Articles at start-up.
type Store interface {
	// Articles returns every stored article.
	Articles(ctx context.Context) ([]Article, error)
	// Put adds or replaces an article by ID.
	Put(ctx context.Context, a Article) error
	// Delete removes an article; ErrNotFound when there is none.
	Delete(ctx context.Context, id string) error
	// ReplaceAll swaps the whole content for articles, atomically.
	ReplaceAll(ctx context.Context, articles []Article) error
}
