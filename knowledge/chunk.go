package knowledge

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// MaxChunkRunes is the size a chunk grows to before a new one starts. A
// sentence longer than this is a chunk of its own: sentences stay whole.
const MaxChunkRunes = 600

// Span is a byte range [Start, End) of a text.
type Span struct{ Start, End int }

// Sentences splits a paragraph into sentence spans. A sentence ends at '.',
// '!', '?' or '…' (and any closing quotes after it) when a space and a
// capital letter, a digit or an opening quote follow. Numbers such as
// "1.000" and codes such as "05-CT/TW" do not end a sentence.
func Sentences(text string) []Span {
	var spans []Span
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		end := i
		for end < len(text) {
			c, n := utf8.DecodeRuneInString(text[end:])
			if c != '"' && c != '”' && c != '\'' && c != ')' && c != '’' && c != '.' {
				break
			}
			end += n
		}
		if end >= len(text) {
			break
		}
		c, n := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(c) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[end+n:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '“' && next != '"' && next != '(' && next != '-' {
			continue
		}
		spans = appendSpan(spans, text, start, end)
		start = end + n
		i = start
	}
	return appendSpan(spans, text, start, len(text))
}

func appendSpan(spans []Span, text string, start, end int) []Span {
	for start < end && text[start] == ' ' {
		start++
	}
	for end > start && text[end-1] == ' ' {
		end--
	}
	if start < end {
		spans = append(spans, Span{start, end})
	}
	return spans
}

// ChunkArticle cuts an article into chunks: one for the title, then runs of
// whole sentences of one paragraph up to MaxChunkRunes.
func ChunkArticle(a *Article) []Chunk {
	var chunks []Chunk
	chunkSpans(a, func(p, part, start, end int) {
		chunks = append(chunks, spanChunk(a, p, part, start, end))
	})
	return chunks
}

// chunkSpans calls fn with the paragraph (-1 for the title), part number
// and span of every chunk of a, in order, without building them.
func chunkSpans(a *Article, fn func(paragraph, part, start, end int)) {
	fn(-1, 0, 0, len(a.Title))
	for p, text := range a.Paragraphs {
		part := 0
		start, runes := -1, 0
		emit := func(end int) {
			fn(p, part, start, end)
			part++
		}
		prevEnd := 0
		for _, s := range Sentences(text) {
			n := utf8.RuneCountInString(text[s.Start:s.End])
			if start >= 0 && runes+n > MaxChunkRunes {
				emit(prevEnd)
				start, runes = -1, 0
			}
			if start < 0 {
				start = s.Start
			}
			runes += n
			prevEnd = s.End
		}
		if start >= 0 {
			emit(prevEnd)
		}
	}
}

// spanChunk is the chunk of a at a span chunkSpans gave.
func spanChunk(a *Article, paragraph, part, start, end int) Chunk {
	if paragraph < 0 {
		return Chunk{ID: a.ID + "#t", ArticleID: a.ID, Paragraph: -1, Start: 0, End: len(a.Title), Text: a.Title}
	}
	return Chunk{
		ID:        chunkID(a.ID, paragraph, part),
		ArticleID: a.ID, Paragraph: paragraph, Start: start, End: end, Text: a.Paragraphs[paragraph][start:end],
	}
}

// chunkID is "<article id>#<paragraph>.<part>".
func chunkID(article string, paragraph, part int) string {
	b := make([]byte, 0, len(article)+8)
	b = append(b, article...)
	b = append(b, '#')
	b = strconv.AppendInt(b, int64(paragraph), 10)
	b = append(b, '.')
	b = strconv.AppendInt(b, int64(part), 10)
	return string(b)
}
