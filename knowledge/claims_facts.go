package knowledge

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file finds the facts a sentence states, so claims.go can look for
// them in passages: numbers (with their scale and unit), dates, times,
// capitalised names, offices, acronyms and quoted phrases. Everything is
// compared folded (no marks, đ as d, lower case) and format-tolerant:
// "3,2" and "3.2", "09/01/2024" and "9/1/2024", "30%" and "30 phần trăm".

// FactKind says what kind of fact a sentence states.
type FactKind string

// Kinds of fact.
const (
	FactNumber  FactKind = "number"
	FactDate    FactKind = "date"
	FactTime    FactKind = "time"
	FactName    FactKind = "name"
	FactOffice  FactKind = "office"
	FactAcronym FactKind = "acronym"
	FactQuote   FactKind = "quote"
)

// Fact is one checkable statement of a sentence.
type Fact struct {
	Kind FactKind `json:"kind"`
	Text string   `json:"text"` // as the sentence writes it

	values []float64 // numbers: every reading of the figure, scale applied
	unit   string    // numbers: canonical unit, "" when none
	approx byte      // numbers: '>' after "hơn", "over"; '~' after "khoảng", "about"
	dates  []ymd     // dates and times: every reading
	alts   []string  // names, offices, acronyms, quotes: folded forms, any one will do
	with   []string  // offices: the people the sentence gives the office, held in the same passage
	person string    // names: the person's folded name, when the name is a person's
	also   []Fact    // facts the same passage must hold too (a date's time)
}

// evidence is what one passage offers to check facts against.
type evidence struct {
	article  string // the passage's article: facts are not patched together across articles
	folded   string // " " + folded syllables joined by single spaces + " "
	initials string // first letters of the folded syllables, for acronyms
	offices  map[string]bool
	numbers  []quantity
	dates    []ymd
}

// offices are the folded names of offices; longer ones first where one
// holds another. English ones name the Vietnamese offices they translate.
var offices = []struct{ phrase, vi string }{
	{"tong bi thu", "tong bi thu"}, {"pho bi thu", "pho bi thu"}, {"bi thu", "bi thu"},
	{"pho chu tich", "pho chu tich"}, {"chu tich", "chu tich"}, {"pho thu tuong", "pho thu tuong"},
	{"thu tuong", "thu tuong"}, {"thu truong", "thu truong"}, {"bo truong", "bo truong"},
	{"tong giam doc", "tong giam doc"}, {"pho giam doc", "pho giam doc"}, {"giam doc", "giam doc"},
	{"chanh an", "chanh an"}, {"vien truong", "vien truong"}, {"chanh van phong", "chanh van phong"},
	{"pho truong ban", "pho truong ban"}, {"truong ban", "truong ban"}, {"pho chu nhiem", "pho chu nhiem"},
	{"chu nhiem", "chu nhiem"}, {"hieu truong", "hieu truong"}, {"truong phong", "truong phong"},
	{"general secretary", "tong bi thu"}, {"deputy secretary", "pho bi thu"}, {"secretary", "bi thu"},
	{"vice chairman", "pho chu tich"}, {"vice chairwoman", "pho chu tich"}, {"vice president", "pho chu tich"},
	{"chairman", "chu tich"}, {"chairwoman", "chu tich"}, {"chairperson", "chu tich"}, {"president", "chu tich"},
	{"deputy prime minister", "pho thu tuong"}, {"prime minister", "thu tuong"}, {"deputy minister", "thu truong"},
	{"minister", "bo truong"}, {"general director", "tong giam doc"}, {"deputy director", "pho giam doc"},
	{"director", "giam doc"}, {"principal", "hieu truong"},
}

// leadWords may open a sentence with a capital without being part of the
// name that follows ("Ông Lê Phước Dũng", "Theo Bí thư …").
var leadWords = map[string]bool{
	"ong": true, "ba": true, "anh": true, "chi": true, "theo": true, "tai": true, "trong": true, "nam": true,
	"ngay": true, "khi": true, "sau": true, "the": true, "in": true, "on": true, "at": true, "mr": true,
	"mrs": true, "ms": true, "dr": true, "dong": true, "chu": true, "ban": true, "tu": true, "o": true,
}

// monthNames are English months, which an English answer capitalises.
var monthNames = map[string]bool{
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
}

// titles come before a person's name.
var titles = map[string]bool{"ong": true, "ba": true, "mr": true, "mrs": true, "ms": true, "dr": true}

// commonAcronyms are abbreviations an English answer may use that a
// Vietnamese passage spells otherwise; they are not checked.
var commonAcronyms = map[string]bool{
	"usd": true, "vnd": true, "gdp": true, "ceo": true, "un": true, "us": true, "usa": true, "uk": true,
	"eu": true, "ai": true, "tv": true, "ok": true, "am": true, "pm": true, "km": true, "kg": true, "ha": true,
	"hcmc": true, "vn": true, "q": true,
}

// vnSyllableRE matches a folded syllable Vietnamese could spell: onset,
// one to three vowels, coda. English words rarely fit ("party",
// "secretary", "district" do not), so a capitalised English word is not
// taken for a Vietnamese name.
var vnSyllableRE = regexp.MustCompile(`^(ngh|ng|gh|gi|ch|kh|nh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?$`)

func vietnameseSyllable(fold string) bool { return vnSyllableRE.MatchString(fold) }

// foldedWords returns text folded, as syllables joined by single spaces
// with a space at each end, so " x y " finds whole words.
// Punctuation between syllables becomes "|", so no phrase is found across
// it ("thành phố. Giám đốc" holds no "phó giám đốc").
func foldedWords(text string) string {
	text = NFC(text)
	var b strings.Builder
	b.WriteByte(' ')
	prev := 0
	for _, t := range Tokenize(text) {
		if prev > 0 && strings.ContainsAny(text[prev:t.Start], ".,;:!?()“”\"«»") {
			b.WriteString("| ")
		}
		prev = t.End
		b.WriteString(t.Fold)
		b.WriteByte(' ')
	}
	return b.String()
}

// foldPunct folds text and puts a space around punctuation, keeping ":",
// "/", "%", "-" and the separators of figures, so the date and number
// expressions above can read it.
func foldPunct(text string) string {
	f := Fold(text)
	var b strings.Builder
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(":/%.,-", r):
			b.WriteRune(r)
		default:
			b.WriteByte(' ')
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// newEvidence reads a passage, and its article's title, date and author as
// the model saw them.
func newEvidence(p Passage) evidence {
	var text strings.Builder
	if p.Article != nil {
		text.WriteString(p.Article.Title + ". " + p.Article.Author + ". ")
	}
	text.WriteString(p.Chunk.Text)
	raw := text.String()
	toks := Tokenize(NFC(raw))
	var ini strings.Builder
	for _, t := range toks {
		ini.WriteString(t.Fold[:1])
	}
	ev := evidence{folded: foldedWords(raw), initials: ini.String(), offices: map[string]bool{}}
	if p.Article != nil {
		ev.article = p.Article.ID
	}
	for _, o := range findOffices(ev.folded) {
		ev.offices[o] = true
	}
	f := foldPunct(raw)
	dates, rest := findDates(f, false)
	for _, d := range dates {
		ev.dates = append(ev.dates, d...)
		if d[0].y > 0 { // "9/1/2022" also says "năm 2022"
			ev.numbers = append(ev.numbers, quantity{value: float64(d[0].y)})
		}
	}
	if p.Article != nil && !p.Article.Published.IsZero() {
		pub := p.Article.Published
		ev.dates = append(ev.dates, ymd{pub.Year(), int(pub.Month()), pub.Day()})
		if pub.Hour() != 0 || pub.Minute() != 0 { // a date without a time is no "0:00"
			ev.dates = append(ev.dates, ymd{-1, pub.Hour(), pub.Minute()})
		}
		ev.numbers = append(ev.numbers, quantity{value: float64(pub.Year())})
	}
	for _, q := range findNumbers(rest, false) {
		for _, v := range q.values {
			ev.numbers = append(ev.numbers, quantity{v, q.unit})
		}
	}
	for _, t := range toks {
		if v, ok := spelledNumbers[t.Exact]; ok {
			ev.numbers = append(ev.numbers, quantity{value: v})
		}
	}
	return ev
}

// Facts returns the facts sentence states, for checking against passages.
func Facts(sentence string) []Fact {
	sentence = NFC(sentence)
	var facts []Fact
	f := foldPunct(sentence)
	dates, rest := findDates(f, true)
	var times []Fact
	for _, d := range dates { // one date read two ways is one fact with two readings
		if d[0].y == -1 {
			times = append(times, Fact{Kind: FactTime, Text: d[0].String(), dates: d})
		} else {
			facts = append(facts, Fact{Kind: FactDate, Text: d[0].String(), dates: d})
		}
	}
	if len(times) == 1 && len(facts) == 1 {
		facts[0].also = times // "lúc 8:00 ngày 9/1/2024" is one moment, in one passage
	} else {
		facts = append(facts, times...)
	}
	for _, n := range findNumbers(rest, true) {
		facts = append(facts, Fact{Kind: FactNumber, Text: n.text, values: n.values, unit: n.unit, approx: n.approx})
	}
	facts = append(facts, nameFacts(sentence)...)
	var people []string
	for _, f := range facts {
		if f.person != "" {
			people = append(people, f.person)
		}
	}
	for _, o := range findOffices(foldedWords(sentence)) {
		facts = append(facts, Fact{Kind: FactOffice, Text: o, alts: []string{o}, with: people})
	}
	for _, m := range quoteRE.FindAllStringSubmatch(sentence, -1) {
		q := m[1] + m[2] + m[3]
		if vietnameseShare(q) >= 0.8 {
			facts = append(facts, Fact{Kind: FactQuote, Text: q, alts: []string{strings.TrimSpace(foldedWords(q))}})
		}
	}
	return facts
}

// paddedOffices are the offices' phrases with a space each side.
var paddedOffices = func() []string {
	out := make([]string, len(offices))
	for i, o := range offices {
		out[i] = " " + o.phrase + " "
	}
	return out
}()

// findOffices returns the offices folded text names, each by its
// Vietnamese name, taking the longest name at each place ("phó chủ tịch"
// is not "chủ tịch").
func findOffices(folded string) []string {
	var out []string
	for i := 0; i < len(folded); {
		matched := false
		for k, o := range offices {
			if strings.HasPrefix(folded[i:], paddedOffices[k]) {
				out = append(out, o.vi)
				i += len(o.phrase) + 1
				matched = true
				break
			}
		}
		if !matched {
			i++
			for i < len(folded) && folded[i] != ' ' {
				i++
			}
		}
	}
	return out
}

// surnames are the commonest Vietnamese family names, folded: a run of
// three or more capitalised syllables that starts with one is a person.
var surnames = map[string]bool{
	"nguyen": true, "tran": true, "le": true, "pham": true, "hoang": true, "huynh": true, "phan": true,
	"vu": true, "vo": true, "dang": true, "bui": true, "do": true, "ho": true, "ngo": true, "duong": true,
	"li": true, "ly": true, "dinh": true, "mai": true, "truong": true, "lam": true, "dao": true, "cao": true,
	"ha": true, "ta": true, "luong": true, "doan": true, "trinh": true, "thai": true, "chau": true, "quach": true,
	"kieu": true, "ton": true, "tong": true, "luu": true, "la": true, "lai": true, "to": true, "trieu": true, "khuong": true, "giap": true, "diep": true, "banh": true,
	"nong": true, "luc": true, "phung": true, "nghiem": true, "khuat": true, "thach": true, "dam": true, "lo": true, "lu": true, "sung": true, "chu": true,
}

// vietnameseShare is the share of text's syllables that Vietnamese could
// spell.
func vietnameseShare(text string) float64 {
	toks := Tokenize(text)
	if len(toks) == 0 {
		return 0
	}
	n := 0
	for _, t := range toks {
		if t.Marked || t.Number || vietnameseSyllable(t.Fold) {
			n++
		}
	}
	return float64(n) / float64(len(toks))
}

// nameFacts returns the names of a sentence: runs of capitalised syllables
// that Vietnamese could spell ("Lê Phước Dũng", "Chau Thanh"), without a
// sentence-opening word, and acronyms ("UBND", "MTTQ").
func nameFacts(sentence string) []Fact {
	toks := Tokenize(sentence)
	var facts []Fact
	var run []Token
	flush := func() {
		defer func() { run = nil }()
		first := len(run) > 0 && run[0].Start == toks[0].Start
		titled := false // after "ông", "bà", "Mr" …
		if first && (len(run) == 1 || leadWords[run[0].Fold]) {
			run, first, titled = run[1:], false, len(run) > 1
		}
		if len(run) == 0 {
			return
		}
		var keys []string
		for _, t := range run {
			keys = append(keys, t.Fold)
		}
		f := Fact{Kind: FactName, Text: sentence[run[0].Start:run[len(run)-1].End], alts: []string{strings.Join(keys, " ")}}
		if first && len(keys) > 1 {
			// A sentence capitalises its first word: "Huyện Châu Thành …"
			// may name "Châu Thành".
			f.alts = append(f.alts, strings.Join(keys[1:], " "))
		}
		if start := run[0].Start; !titled && start > 0 {
			before := strings.Fields(Fold(sentence[max(0, start-6):start]))
			titled = len(before) > 0 && titles[before[len(before)-1]]
		}
		if len(keys) == 1 && !titled {
			return // "Thành phố", "Nhân dân", "Đảng": capitalised nouns; "ông Dũng" is checked
		}
		switch n := len(keys); {
		case n >= 3 && surnames[keys[n-3]]:
			f.person = strings.Join(keys[n-3:], " ")
		case titled && n >= 2:
			f.person = strings.Join(keys, " ")
		}
		facts = append(facts, f)
	}
	for i, t := range toks {
		word := sentence[t.Start:t.End]
		acronym := utf8.RuneCountInString(word) >= 2 && strings.ToUpper(word) == word && !strings.ContainsAny(word, "0123456789")
		joined := i > 0 && strings.TrimSpace(sentence[toks[i-1].End:t.Start]) == ""
		if !joined {
			flush()
		}
		switch {
		case isCode(word):
			flush()
			facts = append(facts, Fact{Kind: FactAcronym, Text: word, alts: []string{t.Fold}})
		case acronym:
			flush()
			if !commonAcronyms[t.Fold] {
				facts = append(facts, Fact{Kind: FactAcronym, Text: word, alts: []string{t.Fold}})
			}
		case !t.Marked && monthNames[t.Fold]:
			flush() // "In May": a month, not a name
		case t.Upper && !t.Number && utf8.RuneCountInString(word) > 1 && (t.Marked || vietnameseSyllable(t.Fold)):
			run = append(run, t)
		default:
			flush()
		}
	}
	flush()
	return facts
}

// codeRE matches what is read as a figure or a time although written
// against letters: "57km", "16h", "13h40".
var notCodeRE = regexp.MustCompile(`^\d+([.,]\d+)*(km|m|kg|ha|cm|mm|t|h|h\d\d|g)?$`)

// isCode reports whether word is a code of letters and digits such as
// "ST25", "H5N1" or "9in1": checked as written.
func isCode(word string) bool {
	if len(word) < 3 || !strings.ContainsAny(word, "0123456789") || notCodeRE.MatchString(strings.ToLower(word)) {
		return false
	}
	return strings.IndexFunc(word, unicode.IsLetter) >= 0
}

// holds reports whether the passage states fact (and the facts that go
// with it).
func (ev evidence) holds(f Fact) bool {
	for _, g := range f.also {
		if !ev.holds(g) {
			return false
		}
	}
	return ev.holdsOne(f)
}

func (ev evidence) holdsOne(f Fact) bool {
	switch f.Kind {
	case FactNumber:
		for _, q := range ev.numbers {
			switch {
			case f.unit == "" || q.unit == "" || q.unit == f.unit:
				if f.matches(q.value) {
					return true
				}
			case unitBase[f.unit].name != "" && unitBase[f.unit].name == unitBase[q.unit].name:
				// "3,2 km" is "3.200 m"
				if f.matches(q.value * unitBase[q.unit].factor / unitBase[f.unit].factor) {
					return true
				}
			}
		}
	case FactDate, FactTime:
		for _, want := range f.dates {
			for _, d := range ev.dates {
				if sameDate(want, d) {
					return true
				}
			}
		}
	case FactOffice:
		if !ev.offices[f.alts[0]] {
			return false
		}
		for _, p := range f.with {
			if !strings.Contains(ev.folded, " "+p+" ") {
				return false
			}
		}
		return true
	case FactAcronym:
		a := f.alts[0]
		return strings.Contains(ev.folded, " "+a+" ") || strings.Contains(ev.initials, a)
	default:
		for _, a := range f.alts {
			if a != "" && strings.Contains(ev.folded, " "+a+" ") {
				return true
			}
		}
		if f.Kind == FactName {
			// "Thành phố Hồ Chí Minh" is "TP.HCM"
			if ini := initials(f.alts[0]); len(ini) >= 3 && strings.Contains(ev.folded, ini+" ") {
				return true
			}
		}
	}
	return false
}

// initials returns the first letters of folded words.
func initials(words string) string {
	var b strings.Builder
	for _, w := range strings.Fields(words) {
		b.WriteByte(w[0])
	}
	return b.String()
}
