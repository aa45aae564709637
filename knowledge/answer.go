package knowledge

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxAnswerRunes bounds an extractive answer: one sentence or less.
const MaxAnswerRunes = 280

// Refusal sentences, in the asker's language.
const (
	RefusalVI = "Các bài báo hiện có không nói về điều này."
	RefusalEN = "The loaded articles do not say."
)

// Extractive is the answerer that needs no model: it picks the sentence of
// the best passages that answers the question, trims it to the clause that
// carries the answer, and cites it. It refuses when the question's content
// words are not in the passages.
type Extractive struct{}

var _ LLM = Extractive{}

// passagesRead is how many of the best passages the answerer reads.
const passagesRead = 4

// Answer implements LLM.
func (Extractive) Answer(_ context.Context, q Query, passages []Passage) (Answer, error) {
	kind := Classify(q.Text)
	english := IsEnglish(q.Text)
	content := contentTokens(Tokenize(q.Text), kind)
	if len(passages) > passagesRead {
		passages = passages[:passagesRead]
	}
	if len(passages) == 0 {
		return refuse(english, content), nil
	}
	if missing := missingTerms(q, content, passages); len(missing) > 0 {
		return refuse(english, missing), nil
	}
	if kind.isMeta() {
		return metaAnswer(kind, passages[0].Article, english), nil
	}
	best, ok := bestSentence(q, kind, content, passages)
	if !ok {
		return refuse(english, content), nil
	}
	return best.answer(english), nil
}

// metaWords are the words of a question about the article itself ("tác giả",
// "tiêu đề"), which the article's text need not contain.
var metaWords = map[string]bool{
	"tac": true, "gia": true, "tieu": true, "de": true, "xuat": true, "ban": true, "phat": true,
	"hanh": true, "dang": true, "author": true, "title": true, "published": true, "wrote": true,
	"written": true, "publish": true, "article": true, "date": true, "headline": true, "thoi": true,
	"gian": true, "diem": true, "luc": true, "gio": true, "phong": true, "vien": true, "but": true, "danh": true,
}

// contentTokens drops the stopwords (and, for questions about the article
// itself, the words naming its metadata).
func contentTokens(tokens []Token, kind Kind) []Token {
	out := tokens[:0:0]
	for _, t := range tokens {
		if IsStopword(t) || kind.isMeta() && metaWords[t.Fold] {
			continue
		}
		out = append(out, t)
	}
	return out
}

// weight is a content term's weight from the query, 1 when unknown.
func (q Query) weight(key string) float64 {
	if w, ok := q.Weights[key]; ok {
		return w
	}
	if q.Weights == nil {
		return 1
	}
	return 0
}

// missingTerms returns the question's content words that the best passages
// (and their titles) do not hold, when they are enough to say the articles
// do not answer: the rarest word is absent, or too much of the weight is.
func missingTerms(q Query, content []Token, passages []Passage) []Token {
	if len(content) == 0 {
		return nil
	}
	have := map[string]bool{}
	haveExact := map[string]bool{}
	top := passages[0].Article.ID
	addText := func(text string) {
		toks := Tokenize(text)
		for i, t := range toks {
			have[t.Fold] = true
			haveExact[t.Exact] = true
			if i > 0 {
				have[toks[i-1].Fold+" "+t.Fold] = true
			}
		}
	}
	titles := map[string]bool{}
	for _, p := range passages {
		if p.Article.ID != top && p.Score < passages[0].Score/2 {
			continue
		}
		addText(p.Chunk.Text)
		if !titles[p.Article.ID] {
			titles[p.Article.ID] = true
			addText(p.Article.Title)
		}
	}
	var missing []Token
	var total, lost, rarest float64
	rarestMissing := false
	for i, t := range content {
		w := q.weight(t.Fold)
		ok := have[t.Fold]
		if ok && t.Marked && !haveExact[t.Exact] {
			w /= 2 // present only without its diacritics ("mã" asked, "ma" found)
			lost += w
		}
		total += w
		if !ok {
			lost += w
			missing = append(missing, t)
		}
		if w > rarest {
			rarest, rarestMissing = w, !ok
		}
		// A two-syllable word of the corpus that the passages lack.
		if i > 0 && content[i-1].End+1 >= t.Start {
			key := content[i-1].Fold + " " + t.Fold
			if bw := q.weight(key); q.Weights != nil && bw > 0 {
				total += bw
				if !have[key] {
					lost += bw
					missing = append(missing, content[i-1], t)
				}
			}
		}
	}
	if total == 0 || (!rarestMissing && lost/total <= 0.4) {
		return nil
	}
	return dedupeTokens(missing)
}

func dedupeTokens(toks []Token) []Token {
	seen := map[int]bool{}
	out := toks[:0:0]
	for _, t := range toks {
		if !seen[t.Start] {
			seen[t.Start] = true
			out = append(out, t)
		}
	}
	return out
}

func refuse(english bool, _ []Token) Answer {
	if english {
		return Answer{Text: RefusalEN, Refused: true, Citations: []Citation{}}
	}
	return Answer{Text: RefusalVI, Refused: true, Citations: []Citation{}}
}

// metaAnswer answers from an article's metadata.
func metaAnswer(kind Kind, a *Article, english bool) Answer {
	cite := Citation{N: 1, ArticleID: a.ID, ChunkID: a.ID + "#t", Title: a.Title, URL: a.URL, Published: a.Published, Quote: a.Title}
	var text string
	switch kind {
	case KindPublished:
		if a.Published.IsZero() {
			return refuse(english, nil)
		}
		when := a.Published.Format("02/01/2006")
		if h, m, _ := a.Published.Clock(); h != 0 || m != 0 {
			when += " - " + a.Published.Format("15:04")
		}
		cite.Quote = a.Title + "\n" + when
		text = fmt.Sprintf("Bài “%s” đăng ngày %s [1].", a.Title, when)
		if english {
			text = fmt.Sprintf("“%s” was published on %s [1].", a.Title, a.Published.Format("2 January 2006"))
		}
	case KindAuthor:
		if a.Author == "" {
			return refuse(english, nil)
		}
		cite.Quote = a.Author
		text = fmt.Sprintf("Bài “%s” do %s viết [1].", a.Title, a.Author)
		if english {
			text = fmt.Sprintf("“%s” was written by %s [1].", a.Title, a.Author)
		}
	default:
		text = fmt.Sprintf("Bài có tiêu đề “%s” [1].", a.Title)
		if english {
			text = fmt.Sprintf("The article is titled “%s” [1].", a.Title)
		}
	}
	return Answer{Text: text, Citations: []Citation{cite}}
}

// candidate is a sentence that may answer, with the clause chosen from it.
type candidate struct {
	passage  *Passage
	sentence string // the whole sentence, quoted in the citation
	clause   string // the part that answers
	score    float64
}

func (c candidate) answer(english bool) Answer {
	text := strings.TrimSpace(c.clause)
	text = strings.TrimRight(text, ".;:, ")
	text = upperFirst(text)
	text += " [1]."
	if english {
		text = "According to the article: " + text
	}
	a := c.passage.Article
	return Answer{Text: text, Citations: []Citation{{
		N: 1, ArticleID: a.ID, ChunkID: c.passage.Chunk.ID, Title: a.Title, URL: a.URL,
		Published: a.Published, Quote: c.sentence,
	}}}
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
