package knowledge

import (
	"bytes"
	"encoding/json"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// Stores keep an article as the JSON of an Article. Start-up decodes every
// one of them (a whole archive is tens of thousands), and encoding/json
// spends most of that time checking and unquoting text that is plain: a
// stored article's strings rarely hold an escape. UnmarshalArticle reads
// that shape directly and leaves anything else to encoding/json.

// UnmarshalArticle decodes an article stored as JSON into a, as
// json.Unmarshal does (a is replaced, not merged into). An object of the
// Article's fields, in any order, whose values are strings (and an array
// of strings for the paragraphs) is read directly, escaped strings through
// encoding/json one at a time; anything else — other keys, keys in other
// cases, null, other values, invalid JSON — goes to json.Unmarshal whole.
func UnmarshalArticle(data []byte, a *Article) error {
	d := articleDecoder{data: data}
	if out, ok := d.article(); ok {
		*a = out
		return nil
	}
	*a = Article{}
	return json.Unmarshal(data, a)
}

// articleDecoder reads one article object from data.
type articleDecoder struct {
	data []byte
	pos  int
}

// article reads the whole of data as an article; ok is false when it is
// not in the shape read directly.
func (d *articleDecoder) article() (a Article, ok bool) {
	if !d.next('{') {
		return a, false
	}
	if d.next('}') {
		return a, d.end()
	}
	for {
		key, ok := d.str()
		if !ok || !d.next(':') {
			return a, false
		}
		var field *string
		switch key {
		case "id":
			field = &a.ID
		case "title":
			field = &a.Title
		case "url":
			field = &a.URL
		case "author":
			field = &a.Author
		case "source":
			field = &a.Source
		case "hash":
			field = &a.Hash
		case "published":
			d.space()
			start := d.pos
			if _, ok := d.str(); !ok {
				return a, false
			}
			if a.Published.UnmarshalJSON(d.data[start:d.pos]) != nil {
				return a, false
			}
		case "paragraphs":
			if a.Paragraphs, ok = d.strings(); !ok {
				return a, false
			}
		default:
			return a, false
		}
		if field != nil {
			if *field, ok = d.str(); !ok {
				return a, false
			}
		}
		if d.next('}') {
			return a, d.end()
		}
		if !d.next(',') {
			return a, false
		}
	}
}

// strings reads an array of strings.
func (d *articleDecoder) strings() ([]string, bool) {
	if !d.next('[') {
		return nil, false
	}
	out := []string{}
	if d.next(']') {
		return out, true
	}
	for {
		s, ok := d.str()
		if !ok {
			return nil, false
		}
		out = append(out, s)
		if d.next(']') {
			return out, true
		}
		if !d.next(',') {
			return nil, false
		}
	}
}

// str reads a string. One with bytes that are not UTF-8 (which
// encoding/json replaces) or with escapes unescape does not know is
// unquoted by encoding/json.
func (d *articleDecoder) str() (string, bool) {
	d.space()
	if d.pos >= len(d.data) || d.data[d.pos] != '"' {
		return "", false
	}
	start, i, escaped := d.pos, d.pos+1, false
	for {
		if i > len(d.data) {
			return "", false
		}
		q := bytes.IndexByte(d.data[i:], '"')
		if q < 0 {
			return "", false
		}
		b := bytes.IndexByte(d.data[i:i+q], '\\')
		if b < 0 {
			i += q
			break
		}
		escaped = true
		i += b + 2 // the backslash and the byte it escapes
	}
	d.pos = i + 1
	body := d.data[start+1 : i]
	if plainJSON(body) {
		if !escaped {
			return string(body), true
		}
		if s, ok := unescape(body); ok {
			return s, true
		}
	}
	var s string
	if json.Unmarshal(d.data[start:i+1], &s) != nil {
		return "", false
	}
	return s, true
}

// unescape unquotes the body of a string literal whose escapes are the
// one-letter ones or \u of a character that is no surrogate (what
// json.Marshal writes: quotes, backslashes, <, >, &, line breaks);
// ok is false for any other.
func unescape(body []byte) (string, bool) {
	out := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		b := bytes.IndexByte(body[i:], '\\')
		if b < 0 {
			out = append(out, body[i:]...)
			break
		}
		out = append(out, body[i:i+b]...)
		i += b
		if i+1 >= len(body) {
			return "", false
		}
		switch c := body[i+1]; c {
		case '"', '\\', '/':
			out = append(out, c)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			if i+6 > len(body) {
				return "", false
			}
			r, err := strconv.ParseUint(string(body[i+2:i+6]), 16, 16)
			if err != nil || utf16.IsSurrogate(rune(r)) {
				return "", false
			}
			out = utf8.AppendRune(out, rune(r))
			i += 4
		default:
			return "", false
		}
		i += 2
	}
	return string(out), true
}

// plainJSON reports whether the body of a string literal without escapes
// is what it says: UTF-8 without control characters (which JSON forbids).
func plainJSON(body []byte) bool {
	for _, c := range body {
		if c < 0x20 {
			return false
		}
	}
	return utf8.Valid(body)
}

// next skips white space and reads c, if it is next.
func (d *articleDecoder) next(c byte) bool {
	d.space()
	if d.pos < len(d.data) && d.data[d.pos] == c {
		d.pos++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (d *articleDecoder) end() bool {
	d.space()
	return d.pos == len(d.data)
}

// space skips JSON white space.
func (d *articleDecoder) space() {
	for d.pos < len(d.data) {
		switch d.data[d.pos] {
		case ' ', '\t', '\n', '\r':
			d.pos++
		default:
			return
		}
	}
}
