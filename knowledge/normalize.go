package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Vietnamese spelling varies in ways a reader ignores: NFC or NFD code points,
// the old and new tone-mark placement ("hoà"/"hòa", "uỷ"/"ủy"), capitals,
// and, on phones, no diacritics at all. Retrieval works on two keys per
// syllable that absorb these differences:
//
//   - the exact key: lower case, the tone taken off the vowel and written as a
//     digit after the syllable ("hòa" and "hoà" are both "hoa2"), so where the
//     mark sits no longer matters while "ma" and "mã" stay apart;
//   - the folded key: every mark removed and đ written d ("hoa"), which is
//     what a question typed without diacritics matches.

// Tone digits in exact keys.
const (
	toneNone = iota
	toneGrave
	toneAcute
	toneHook
	toneTilde
	toneDot
)

// letter is what one precomposed rune contributes to a syllable's keys.
type letter struct {
	base rune // lower case, tone removed, other marks kept ("ấ" -> "â")
	fold rune // lower case, every mark removed, đ -> d
	tone uint8
}

// letters maps every Latin rune with marks (and capitals) to its parts.
var letters = buildLetters()

func buildLetters() map[rune]letter {
	m := make(map[rune]letter, 512)
	add := func(r rune) {
		lower := unicode.ToLower(r)
		var base, fold []rune
		var tone uint8
		for _, c := range norm.NFD.String(string(lower)) {
			switch c {
			case '\u0300':
				tone = toneGrave
			case '\u0301':
				tone = toneAcute
			case '\u0309':
				tone = toneHook
			case '\u0303':
				tone = toneTilde
			case '\u0323':
				tone = toneDot
			default:
				base = append(base, c)
				if !unicode.Is(unicode.Mn, c) {
					fold = append(fold, c)
				}
			}
		}
		if len(fold) != 1 {
			return
		}
		b := []rune(norm.NFC.String(string(base)))
		if len(b) != 1 {
			return
		}
		f := fold[0]
		if f == 'đ' {
			f = 'd'
		}
		if r == lower && b[0] == r && f == r && tone == toneNone {
			return // plain lower-case letter: handled without the table
		}
		m[r] = letter{base: b[0], fold: f, tone: tone}
	}
	for r := rune('A'); r <= 'Z'; r++ {
		add(r)
	}
	for r := rune(0xC0); r <= 0x24F; r++ {
		add(r)
	}
	for r := rune(0x1E00); r <= 0x1EFF; r++ {
		add(r)
	}
	m['đ'] = letter{base: 'đ', fold: 'd'}
	m['Đ'] = letter{base: 'đ', fold: 'd'}
	return m
}

// NFC returns s in Unicode normal form C, the form hoibao stores and quotes.
func NFC(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// Token is one syllable of a text: its keys and where it stands.
type Token struct {
	Exact string // "hoa2"
	Fold  string // "hoa"
	Start int    // byte offsets in the text
	End   int
	// Upper is true when the syllable starts with a capital letter.
	Upper bool
	// Marked is true when the syllable carries any diacritic.
	Marked bool
	// Number is true when the syllable is made of digits.
	Number bool
}

// Tokenize splits NFC text into syllables. A syllable is a run of letters
// and digits; digits joined by '.' or ',' ("1.000", "2,5") stay one token.
func Tokenize(text string) []Token {
	return tokenizeInto(make([]Token, 0, len(text)/5), text)
}

// tokenizeInto appends the syllables of text to tokens.
func tokenizeInto(tokens []Token, text string) []Token {
	sc := new(scanner) // a *scanner, so package initialisation sees that Tokenize uses the letter tables
	for sc.reset(text); sc.next(); {
		tok := sc.tok
		tok.Exact = string(sc.exact)
		if tok.Marked {
			tok.Fold = string(sc.fold)
		} else {
			tok.Fold = tok.Exact
		}
		tokens = append(tokens, tok)
	}
	return tokens
}

// scanner walks the syllables of a text without allocating: after each
// successful next, tok holds the syllable's position and flags (Exact and
// Fold left empty) and exact and fold its keys, valid until the next call.
// Tokenize and the index both read text through it, so they agree.
type scanner struct {
	text        string
	i           int
	tok         Token
	exact, fold []byte
}

func (sc *scanner) reset(text string) {
	sc.text, sc.i = text, 0
	sc.exact, sc.fold = sc.exact[:0], sc.fold[:0]
}

// next advances to the next syllable; false at the end of the text.
func (sc *scanner) next() bool {
	text, i := sc.text, sc.i
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if isWordRune(r) {
			break
		}
		i += size
	}
	if i >= len(text) {
		sc.i = i
		return false
	}
	first, _ := utf8.DecodeRuneInString(text[i:])
	exact, fold := sc.exact[:0], sc.fold[:0]
	var tone uint8
	tok := Token{Start: i, Upper: isUpper(first), Number: true}
	for i < len(text) {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if r < utf8.RuneSelf {
			switch {
			case r >= '0' && r <= '9':
				if codeHead(tok, fold) {
					goto done // "ĐH26" is "ĐH.26": a road's letters, then its number
				}
				exact = append(exact, byte(r))
				fold = append(fold, byte(r))
				i++
				continue
			case r >= 'a' && r <= 'z':
			case r >= 'A' && r <= 'Z':
				r += 'a' - 'A'
			default:
				if (r == '.' || r == ',') && tok.Number && len(exact) > 0 && i+size < len(text) {
					if next := text[i+size]; next >= '0' && next <= '9' {
						i += size
						continue
					}
				}
				goto done
			}
			i++
			tok.Number = false
			exact = append(exact, byte(r))
			fold = append(fold, byte(r))
			continue
		}
		if l, ok := letterOf(r); ok {
			i += size
			tok.Number = false
			exact = utf8.AppendRune(exact, l.base)
			fold = utf8.AppendRune(fold, l.fold)
			if l.tone != toneNone {
				tone = l.tone
			}
			if l.base != l.fold || l.tone != toneNone {
				tok.Marked = true
			}
			continue
		}
		if !isWordRune(r) {
			break
		}
		i += size
		tok.Number = false
		if unicode.Is(unicode.Mn, r) {
			continue // a stray combining mark in text that was not NFC
		}
		r = unicode.ToLower(r)
		exact = utf8.AppendRune(exact, r)
		fold = utf8.AppendRune(fold, r)
	}
done:
	spellFinalI(exact, fold)
	if tone != toneNone {
		exact = append(exact, '0'+tone)
	}
	tok.End = i
	sc.i, sc.tok, sc.exact, sc.fold = i, tok, exact, fold
	return true
}

// codeHead reports whether the letters read so far are the short head of
// a code written with its number ("dh" of "dh26", "ql" of "QL1A"): they
// make a syllable of their own, as in "ĐH.26", so both spellings match.
func codeHead(tok Token, fold []byte) bool {
	if tok.Number || len(fold) < 2 || len(fold) > 3 {
		return false // "m2", "m3" are units
	}
	if f := string(fold); f == "km" || f == "cm" || f == "mm" || f == "dm" {
		return false
	}
	for _, c := range fold {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

// spellFinalI writes a syllable of consonants and a final y with i, in
// place: "ký/kí", "lý/lí", "Mỹ/Mĩ", "tỷ/tỉ" are one word spelt two ways.
// "quý", "tuy", "ay" and "y" keep their y: there it is no plain i.
func spellFinalI(exact, fold []byte) {
	n := len(exact)
	if n < 2 || exact[n-1] != 'y' || len(fold) != n {
		return
	}
	for _, c := range exact[:n-1] {
		if !strings.ContainsRune("bcdghklmnprstvx", rune(c)) {
			return
		}
	}
	exact[n-1], fold[n-1] = 'i', 'i'
}

// letterTab holds letters for the runes below letterTabEnd and
// letterExt those of Latin Extended Additional, where Vietnamese's
// toned vowels live; a zero base means no entry.
const (
	letterTabEnd   = 0x250
	letterExtStart = 0x1E00
	letterExtEnd   = 0x1F00
)

var letterTab, letterExt = func() (tab []letter, ext []letter) {
	tab, ext = make([]letter, letterTabEnd), make([]letter, letterExtEnd-letterExtStart)
	for r, l := range letters {
		switch {
		case r < letterTabEnd:
			tab[r] = l
		case r >= letterExtStart && r < letterExtEnd:
			ext[r-letterExtStart] = l
		default:
			panic("knowledge: letter outside the tables")
		}
	}
	return tab, ext
}()

// letterOf is letters[r] without a map lookup.
func letterOf(r rune) (letter, bool) {
	var l letter
	switch {
	case r < letterTabEnd:
		l = letterTab[r]
	case r >= letterExtStart && r < letterExtEnd:
		l = letterExt[r-letterExtStart]
	}
	return l, l.base != 0
}

// isUpper is unicode.IsUpper with a fast path for ASCII.
func isUpper(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'A' && r <= 'Z'
	}
	return unicode.IsUpper(r)
}

func isWordRune(r rune) bool {
	if r < 0x80 {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	if _, ok := letterOf(r); ok {
		return true // every rune of the tables is a letter
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// Fold returns text lower-cased with every diacritic removed and đ as d:
// "Bí thư Huyện ủy" -> "bi thu huyen uy".
func Fold(text string) string {
	text = NFC(text)
	var b strings.Builder
	b.Grow(len(text))
	for _, r := range text {
		if l, ok := letterOf(r); ok {
			b.WriteRune(l.fold)
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
