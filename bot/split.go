package bot

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// SplitText cuts plain text into parts of at most max characters (runes)
// for channels with a message limit: after a paragraph when it can, else
// after a line, else after a sentence, else at a space; never inside a
// word unless a word is longer than max. Parts are trimmed and non-empty.
func SplitText(s string, max int) []string {
	s = strings.TrimSpace(s)
	if max <= 0 {
		return []string{s}
	}
	var parts []string
	for utf8.RuneCountInString(s) > max {
		window := s[:runeOffset(s, max)]
		cut := bestCut(window)
		part := strings.TrimSpace(s[:cut])
		if part != "" {
			parts = append(parts, part)
		}
		s = strings.TrimSpace(s[cut:])
	}
	if s != "" {
		parts = append(parts, s)
	}
	return parts
}

// bestCut returns the byte offset at which to end the part window begins.
func bestCut(window string) int {
	half := len(window) / 2
	if i := strings.LastIndex(window, "\n\n"); i > half {
		return i
	}
	if i := strings.LastIndex(window, "\n"); i > half {
		return i
	}
	if i := lastSentenceEnd(window); i > half/2 {
		return i
	}
	if i := strings.LastIndexAny(window, " \t"); i > 0 {
		return i
	}
	return len(window)
}

// lastSentenceEnd is the offset just after the last ".", "?", "!" or "…"
// that a space and a capital letter, a digit or a quote follow.
func lastSentenceEnd(s string) int {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] != ' ' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		if strings.ContainsRune(".?!…", prev) && (unicode.IsUpper(next) || unicode.IsDigit(next) || next == '“' || next == '"') {
			return i
		}
	}
	return -1
}

func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}
