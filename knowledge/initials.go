package knowledge

import (
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Abbreviations the chat table does not know ("bhyt", "ptdt", "ntm") are
// read from the articles found for the rest of the question: a run of
// syllables there whose initials spell the abbreviation ("bảo hiểm y tế")
// is what it stands for.

// onsets are the consonants a Vietnamese syllable may open with, folded,
// longest first.
var onsets = []string{"ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr",
	"b", "c", "d", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x"}

// abbreviation reports whether a folded syllable cannot be Vietnamese and
// may be an abbreviation: letters only, two to six of them, and no vowel
// right after the consonants it opens with ("bhyt", "ptdt", "ld").
func abbreviation(fold string) bool {
	if len(fold) < 2 || len(fold) > 6 {
		return false
	}
	for _, c := range fold {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	rest := fold
	for _, o := range onsets {
		if strings.HasPrefix(fold, o) {
			rest = fold[len(o):]
			break
		}
	}
	return rest == "" || !strings.ContainsRune("aeiouy", rune(rest[0]))
}

// spelledOut returns the words in passages that an abbreviation stands
// for, as written there: those followed by the question's next word when
// there are such, else the most frequent, first found; "" when none.
// The syllables stand together ("và", "&" or "-" may join them, as in
// "Nông nghiệp và Phát triển nông thôn").
func spelledOut(abbr, next string, passages []Passage) string {
	counts := map[string]int{}
	best := ""
	for _, p := range passages {
		text := p.Chunk.Text
		toks := Tokenize(text)
		joined := func(a, b Token) bool {
			gap := strings.TrimSpace(text[a.End:b.Start])
			return b.Start > a.End && (gap == "" || gap == "&" || gap == "-")
		}
		for i := range toks {
			j, k := i, 0
			for ; j < len(toks) && k < len(abbr); j++ {
				t := toks[j]
				if j > i && !joined(toks[j-1], t) {
					break
				}
				if t.Fold == "va" && k > 0 {
					continue
				}
				if t.Number || t.Fold[0] != abbr[k] {
					break
				}
				k++
			}
			if k < len(abbr) {
				continue
			}
			words := text[toks[i].Start:toks[j-1].End]
			counts[words]++
			for j < len(toks) && toks[j].Fold == "va" {
				j++
			}
			if next != "" && j < len(toks) && toks[j].Fold == next {
				counts[words] += len(passages) + 1 // followed as in the question: "nn&ptnt", "Nông nghiệp và Phát triển"
			}
			if best == "" || counts[words] > counts[best] {
				best = words
			}
		}
	}
	return best
}

// spellOutAbbreviations rewrites the question's unseen abbreviations into
// the words the passages found for it spell them with, and reports whether
// it changed anything.
func spellOutAbbreviations(q *Query, passages []Passage) bool {
	changed := false
	toks := Tokenize(q.Text)
	for i := len(toks) - 1; i >= 0; i-- {
		t := toks[i]
		if !q.Unseen[t.Fold] || !abbreviation(t.Fold) {
			continue
		}
		next := ""
		if i+1 < len(toks) && toks[i+1].Start-t.End <= 3 {
			next = toks[i+1].Fold
		}
		words := spelledOut(t.Fold, next, passages)
		if words == "" {
			continue
		}
		if !t.Marked && Fold(q.Text) == q.Text {
			words = Fold(words) // a question typed plain reads as one
		}
		q.Text = q.Text[:t.Start] + words + q.Text[t.End:]
		changed = true
	}
	return changed
}

// abbreviationsIn returns the abbreviations written in passages for names
// of three words or more ("GD&ĐT", "NN&PTNT", "LĐ-TB&XH", "UBND"), by their
// folded letters ("gddt"), with how often each is written. Words in lower
// case, most of the text, are passed over without a copy.
func abbreviationsIn(passages []Passage) (written map[string]string, times map[string]int) {
	written, times = map[string]string{}, map[string]int{}
	for _, p := range passages {
		text := p.Chunk.Text
		for start := 0; start < len(text); {
			end, letters, upper := start, 0, true
			for end < len(text) {
				r, size := utf8.DecodeRuneInString(text[end:])
				if !unicode.IsLetter(r) && r != '&' && r != '-' {
					break
				}
				if unicode.IsLetter(r) {
					letters++
					upper = upper && unicode.IsUpper(r)
				}
				end += size
			}
			if end == start {
				_, size := utf8.DecodeRuneInString(text[start:])
				start += size
				continue
			}
			if upper && letters >= 3 {
				field := strings.Trim(text[start:end], "&-")
				key := Fold(strings.ToLower(joiners.Replace(field)))
				written[key] = field
				times[key]++
			}
			start = end
		}
	}
	return written, times
}

// joiners stand between an abbreviation's letters: "GD&ĐT", "LĐ-TB&XH".
var joiners = strings.NewReplacer("&", "", "-", "")

// mixedName reports whether a question holds a name written as the
// departments' are, capitalised but for some words, not as its first
// word: "Sở Giáo dục và Đào tạo".
func mixedName(toks []Token) bool {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i].Upper && !toks[i].Number && !toks[i+1].Upper && !toks[i+1].Number && toks[i].End+1 == toks[i+1].Start {
			return true
		}
	}
	return false
}

// abbreviateNames rewrites a name the question spells out into the
// abbreviation the passages found write for it, when they write it so
// more often than spelled out: "Sở Giáo dục và Đào tạo" asked, "Sở GD&ĐT"
// written. Only a name is: its first word is capitalised, and not as the
// question's first. It reports whether it changed the question; one name
// is rewritten at most.
func abbreviateNames(q *Query, passages []Passage) bool {
	toks := Tokenize(q.Text)
	if !mixedName(toks) {
		return false // a person's name is capitalised throughout: no department's
	}
	abbreviations, times := abbreviationsIn(passages)
	if len(abbreviations) == 0 {
		return false
	}
	written := ""
	spelled := func(words []string) int {
		if written == "" {
			for _, p := range passages {
				written += foldedText(Tokenize(p.Chunk.Text))
			}
		}
		return strings.Count(written, " "+strings.Join(words, " ")+" ")
	}
	for i := len(toks) - 1; i >= 0; i-- {
		if !toks[i].Upper {
			continue
		}
		var letters []byte
		var words []string
		named := i > 0 // a name; the question's first word opens one only if a capital follows ("Mặt trận Tổ quốc", not "Điểm trung bình tích lũy")
		for j := i; j < len(toks) && !toks[j].Number; j++ {
			if j > i && strings.Trim(q.Text[toks[j-1].End:toks[j].Start], " ,-&") != "" {
				break
			}
			named = named || j > i && toks[j].Upper
			words = append(words, toks[j].Fold)
			if toks[j].Fold == "va" && len(letters) > 0 {
				continue
			}
			if IsStopword(toks[j]) {
				break // "công điện của" is no CDC
			}
			letters = append(letters, toks[j].Fold[0])
			abbr, ok := abbreviations[string(letters)]
			if !ok || !named || len(letters) < 3 || spelled(words) >= times[string(letters)] {
				continue
			}
			q.Text = q.Text[:toks[i].Start] + abbr + q.Text[toks[j].End:]
			return true
		}
	}
	return false
}

// romanNumbered are the words, folded, that papers number in Roman
// numerals: "quý I", "khóa XV", "lần thứ XIX".
var romanNumbered = map[string]bool{"quy": true, "khoa": true, "thu": true}

// toRoman writes 1 to 39 in Roman numerals.
func toRoman(n int) string {
	tens := []string{"", "X", "XX", "XXX"}
	ones := []string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"}
	return tens[n/10] + ones[n%10]
}

// writeRoman rewrites a figure the question gives after such a word ("quy
// 1") into the Roman numeral the passages found write there ("quý I"), when
// they write it so more often than with the figure. It reports whether it changed the question.
func writeRoman(q *Query, passages []Passage) bool {
	toks := Tokenize(q.Text)
	changed := false
	for i := len(toks) - 1; i > 0; i-- {
		t, word := toks[i], toks[i-1].Fold
		n, err := strconv.Atoi(t.Exact)
		if !t.Number || err != nil || n < 1 || n > 39 || !romanNumbered[word] || t.Start-toks[i-1].End != 1 {
			continue
		}
		roman := toRoman(n)
		written, figure := 0, 0
		for _, p := range passages {
			syllables := Tokenize(p.Chunk.Text)
			for j := 1; j < len(syllables); j++ {
				if syllables[j-1].Fold != word {
					continue
				}
				if syllables[j].Fold == strings.ToLower(roman) && syllables[j].Upper {
					written++
				}
				if syllables[j].Exact == t.Exact {
					figure++
				}
			}
		}
		if written > figure {
			q.Text = q.Text[:t.Start] + roman + q.Text[t.End:]
			changed = true
		}
	}
	return changed
}

// policeUnits are departments of a provincial police, spelled out as
// questions ask for them, folded as Tokenize folds ("lý" as "li"), with
// the codes papers name them by
// ("Thượng tá Vũ Ngọc Lâm, Trưởng phòng PC02 Công an tỉnh").
var policeUnits = map[string]string{
	"canh sat hinh su": "PC02", "canh sat kinh te": "PC03", "canh sat dieu tra toi pham ve ma tuy": "PC04",
	"canh sat quan li hanh chinh ve trat tu xa hoi": "PC06", "canh sat phong chay chua chay": "PC07",
	"canh sat giao thong": "PC08", "an ninh mang": "PA05", "an ninh dieu tra": "PA09",
}

// writeUnitCodes rewrites a police department the question spells out into
// the code the passages found name it by, when they write the code more
// often than the name: "Trưởng phòng Cảnh sát hình sự …" asked,
// "Trưởng phòng PC02" written. It reports whether it changed the question.
func writeUnitCodes(q *Query, passages []Passage) bool {
	if lower := strings.ToLower(Fold(q.Text)); !strings.Contains(lower, "canh sat") && !strings.Contains(lower, "an ninh") {
		return false // no department named: nothing to read
	}
	toks := Tokenize(q.Text)
	asked := foldedText(toks)
	written := ""
	for _, name := range slices.Sorted(maps.Keys(policeUnits)) {
		if !strings.Contains(asked, " "+name+" ") {
			continue
		}
		if written == "" {
			for _, p := range passages {
				written += foldedText(Tokenize(p.Chunk.Text))
			}
		}
		code := policeUnits[name]
		if strings.Count(written, " "+strings.ToLower(code[:2])+" "+code[2:]+" ") <= strings.Count(written, " "+name+" ") {
			continue
		}
		words := strings.Fields(name)
		for i := 0; i+len(words) <= len(toks); i++ {
			if foldedText(toks[i:i+len(words)]) == " "+name+" " {
				q.Text = q.Text[:toks[i].Start] + code + q.Text[toks[i+len(words)-1].End:]
				return true
			}
		}
	}
	return false
}
