package knowledge

import (
	"strconv"
	"strings"
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
// capital letter, a digit or an opening quote follow, or, in text typed
// without a space after the full stop ("lớp.Ban cán sự"), when a word of
// lower-case letters ends right before it and a capitalised word starts
// right after. Numbers such as "1.000", codes such as "05-CT/TW",
// abbreviations such as "TP.", "TS.", "PGS.TS." and initials ("Nguyễn V.
// Hùng") do not end a sentence.
func Sentences(text string) []Span {
	var spans []Span
	start := 0
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		dot := i
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
		if r == '.' && end == i && (abbreviationBefore(text, dot) || itemNumberBefore(text, dot)) {
			continue
		}
		if insideQuote(text, end) {
			continue // a quotation of several sentences stays one
		}
		c, n := utf8.DecodeRuneInString(text[end:])
		if !unicode.IsSpace(c) {
			if r == '.' && end == i && joinedSentence(text, dot, end) {
				spans = appendSpan(spans, text, start, end)
				start, i = end, end
			}
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

// insideQuote reports whether the byte at i stands inside “…” that closes
// later in the text.
func insideQuote(text string, i int) bool {
	open := strings.LastIndex(text[:i], "“")
	return open >= 0 && !strings.Contains(text[open:i], "”") && strings.Contains(text[i:], "”")
}

// abbreviations are the words that a full stop follows without ending a
// sentence, folded: titles ("TS.", "PGS.TS.", "ThS.", "BS."), places ("TP.",
// "Q.", "P.", "St.") and forms of address ("Mr.").
var abbreviations = map[string]bool{
	"tp": true, "ts": true, "ths": true, "pgs": true, "gs": true, "bs": true, "ks": true, "cn": true,
	"ls": true, "ds": true, "nxb": true, "tx": true, "tt": true, "q": true, "p": true, "st": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "no": true, "vs": true, "tr": true,
	"bsck": true, "ckii": true, "cki": true, "thbs": true, "nsut": true, "nsnd": true, "gd": true,
	"bscki": true, "bsckii": true, "bsnt": true, "ttut": true, "ttnd": true, "kts": true, "ncs": true,
}

// abbreviationBefore reports whether the word ending at the full stop at
// dot is an abbreviation or an initial (one capital letter), after which a
// sentence goes on.
func abbreviationBefore(text string, dot int) bool {
	start := dot
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !unicode.IsLetter(r) {
			break
		}
		start -= n
	}
	word := text[start:dot]
	if word == "" {
		return false
	}
	if first, n := utf8.DecodeRuneInString(word); n == len(word) && unicode.IsUpper(first) {
		return true // an initial: "Nguyễn V. Hùng"
	}
	return unicode.IsUpper([]rune(word)[0]) && abbreviations[Fold(word)] && !degreeNamed(text[:start])
}

// itemNumberBefore reports whether the full stop at dot follows the number
// of an item of a numbered list, at the start of the text or after the
// item before it ("…; 4. Tỉnh đoàn …"): the item goes on after it.
func itemNumberBefore(text string, dot int) bool {
	start := dot
	for start > 0 && start > dot-2 && text[start-1] >= '0' && text[start-1] <= '9' {
		start--
	}
	if start == dot || start > 0 && text[start-1] >= '0' && text[start-1] <= '9' {
		return false
	}
	before := strings.TrimRight(text[:start], " ")
	return before == "" || strings.HasSuffix(before, ";") || strings.HasSuffix(before, ":")
}

// degreeNamed reports whether text ends with a word that names a degree
// held, not a title before a name: "có trình độ ThS. Hội nghị …" ends a
// sentence after the degree.
func degreeNamed(before string) bool {
	fields := strings.Fields(before)
	return len(fields) > 0 && degreeNouns[strings.ToLower(fields[len(fields)-1])]
}

// degreeNouns are the words after which "TS.", "ThS." name a degree:
// "trình độ", "học vị".
var degreeNouns = map[string]bool{"độ": true, "vị": true}

// joinedSentence reports whether a full stop with no space after it ends a
// sentence: a lower-case word of two letters or more before it, and a
// capital followed by a lower-case letter after it ("lớp.Ban"), which a
// web address ("gm.uit.edu.vn") or an abbreviation ("TP.HCM") is not.
func joinedSentence(text string, dot, after int) bool {
	before := []rune(text[max(0, dot-8):dot])
	if len(before) < 2 || !unicode.IsLower(before[len(before)-1]) || !unicode.IsLower(before[len(before)-2]) {
		return false
	}
	next := []rune(text[after:min(len(text), after+8)])
	return len(next) >= 2 && unicode.IsUpper(next[0]) && unicode.IsLower(next[1])
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
