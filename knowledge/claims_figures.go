package knowledge

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Figures, dates and times of claims: read format-tolerant ("3,2" and
// "3.2", "09/01/2024" and "9/1/2024", "30%" and "30 phần trăm") with their
// scale and unit, so claims_facts.go can compare them.

// ymd is a date (or, for times, hour and minute in m and d with y = -1);
// zero parts are unknown.
type ymd struct{ y, m, d int }

type quantity struct {
	value float64
	unit  string
}

var (
	isoDateRE   = regexp.MustCompile(`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`)
	slashDateRE = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})(?:/(\d{4}))?\b`)
	wordDateRE  = regexp.MustCompile(`\bngay (\d{1,2}) thang (\d{1,2})(?:,? nam (\d{4}))?\b`)
	monthYearRE = regexp.MustCompile(`\bthang (\d{1,2})(?:/| nam )(\d{4})\b`)
	enDateRE    = regexp.MustCompile(`\b(?:(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]{3,9})\.?,? (\d{4})?|([a-z]{3,9})\.? (\d{1,2})(?:st|nd|rd|th)?(?:,? (\d{4}))?)\b`)
	enMonthYrRE = regexp.MustCompile(`\b([a-z]{3,9}) (\d{4})\b`)
	timeRE      = regexp.MustCompile(`\b(\d{1,2})(?::|h| gio )(\d{2})\b`)
	hourRE      = regexp.MustCompile(`\b(\d{1,2})(?:h| gio)\b`)
	numberRE    = regexp.MustCompile(`\d+(?:[.,]\d+)*`)
	quoteRE     = regexp.MustCompile(`“([^”]{2,200})”|"([^"]{2,200})"|«([^»]{2,200})»`)
)

var months = map[string]int{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

// scales are words that multiply the figure before them.
var scales = map[string]float64{
	"nghin": 1e3, "ngan": 1e3, "thousand": 1e3, "trieu": 1e6, "million": 1e6, "millions": 1e6,
	"ty": 1e9, "ti": 1e9, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
}

// units maps the folded words of a unit, in either language, to one name.
var units = map[string]string{
	"%": "%", "phan tram": "%", "percent": "%", "per cent": "%",
	"dong": "vnd", "vnd": "vnd", "d": "vnd", "usd": "usd", "do la": "usd", "dollar": "usd", "dollars": "usd",
	"km": "km", "kilomet": "km", "kilometer": "km", "kilometers": "km", "kilometres": "km",
	"m": "m", "met": "m", "meter": "m", "meters": "m", "metres": "m", "metre": "m",
	"ha": "ha", "hecta": "ha", "hec ta": "ha", "hectare": "ha", "hectares": "ha",
	"tan": "tan", "ton": "tan", "tons": "tan", "tonnes": "tan", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
	"nguoi": "nguoi", "people": "nguoi", "persons": "nguoi", "ho": "ho", "households": "ho",
	"nam": "nam", "years": "nam", "year": "nam", "thang": "thang", "months": "thang",
	"ngay": "ngay", "days": "ngay", "xa": "xa", "communes": "xa",
}

// unitBase relates units of one quantity: "km" is 1000 "m".
var unitBase = map[string]struct {
	name   string
	factor float64
}{"km": {"m", 1000}, "m": {"m", 1}, "tan": {"kg", 1000}, "kg": {"kg", 1}}

// spelledNumbers are figures a passage may spell out, by exact key (with
// their marks: "bà" is no three, "Nam" no five).
var spelledNumbers = func() map[string]float64 {
	m := map[string]float64{}
	for i, w := range []string{"một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"} {
		m[Tokenize(w)[0].Exact] = float64(i + 1)
	}
	for i, w := range []string{"one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"} {
		m[w] = float64(i + 1)
	}
	return m
}()

// findDates returns the dates and times in folded text f, and f with them
// blanked so their digits are not read again as figures. Answers may write
// a date month first (an English habit); passages are read day first.
func findDates(f string, answer bool) ([][]ymd, string) {
	var out [][]ymd
	blank := func(re *regexp.Regexp, fn func(m []string) []ymd) {
		var b strings.Builder
		last := 0
		for _, loc := range re.FindAllStringSubmatchIndex(f, -1) {
			m := make([]string, len(loc)/2)
			for g := range m {
				if loc[2*g] >= 0 {
					m[g] = f[loc[2*g]:loc[2*g+1]]
				}
			}
			got := fn(m)
			if len(got) == 0 {
				continue
			}
			out = append(out, got)
			b.WriteString(f[last:loc[0]])
			b.WriteString(strings.Repeat(" ", loc[1]-loc[0]))
			last = loc[1]
		}
		b.WriteString(f[last:])
		f = b.String()
	}
	blank(isoDateRE, func(m []string) []ymd { return dayMonth(atoi(m[3]), atoi(m[2]), atoi(m[1]), false) })
	blank(wordDateRE, func(m []string) []ymd { return dayMonth(atoi(m[1]), atoi(m[2]), atoi(m[3]), false) })
	blank(monthYearRE, func(m []string) []ymd { return dayMonth(0, atoi(m[1]), atoi(m[2]), false) })
	blank(slashDateRE, func(m []string) []ymd { return dayMonth(atoi(m[1]), atoi(m[2]), atoi(m[3]), answer) })
	blank(timeRE, func(m []string) []ymd {
		h, mi := atoi(m[1]), atoi(m[2])
		if h > 23 || mi > 59 {
			return nil
		}
		return []ymd{{-1, h, mi}}
	})
	blank(hourRE, func(m []string) []ymd { // "16h", "16 giờ": the minutes unknown
		if h := atoi(m[1]); h >= 1 && h <= 23 {
			return []ymd{{-1, h, 0}}
		}
		return nil
	})
	if answer {
		blank(enDateRE, func(m []string) []ymd {
			if mo, ok := months[m[2]]; ok && m[1] != "" {
				return dayMonth(atoi(m[1]), mo, atoi(m[3]), false)
			}
			if mo, ok := months[m[4]]; ok && m[5] != "" {
				return dayMonth(atoi(m[5]), mo, atoi(m[6]), false)
			}
			return nil
		})
		blank(enMonthYrRE, func(m []string) []ymd {
			if mo, ok := months[m[1]]; ok {
				return []ymd{{atoi(m[2]), mo, 0}}
			}
			return nil
		})
	}
	return out, f
}

// dayMonth returns the valid readings of a day, month and year (0 when
// absent), swapping day and month too when both is true.
func dayMonth(d, m, y int, both bool) []ymd {
	var out []ymd
	if m >= 1 && m <= 12 && d >= 0 && d <= 31 {
		out = append(out, ymd{y, m, d})
	}
	if both && d != m && d >= 1 && d <= 12 && m >= 1 && m <= 31 {
		out = append(out, ymd{y, d, m})
	}
	return out
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

type figure struct {
	text   string
	values []float64
	unit   string
	approx byte
}

// hedges are the words before a figure that make it a bound or an estimate.
var hedges = map[string]byte{
	"hon": '>', "tren": '>', "more than": '>', "over": '>', "at least": '>',
	"khoang": '~', "gan": '~', "chung": '~', "xap xi": '~', "about": '~', "nearly": '~', "almost": '~',
	"around": '~', "roughly": '~', "approximately": '~', "some": '~',
}

// findNumbers returns the figures of folded text f with their scale and
// unit. A passage is read the Vietnamese way ("1.250" is a thousand two
// hundred and fifty, "3,2" three point two); an answer may be written
// either way, so it keeps every reading.
func findNumbers(f string, answer bool) []figure {
	var out []figure
	for _, loc := range numberRE.FindAllStringIndex(f, -1) {
		s, e := loc[0], loc[1]
		if s > 0 && isLetterBefore(f[:s]) || e < len(f) && isLetterAfter(f[e:]) && !unitAfter(f[e:]) {
			continue // part of a code such as "H5N1" or "ST25" (claims_facts.go checks those)
		}
		vals := readings(f[s:e], answer)
		rest := strings.Fields(strings.NewReplacer(",", " ", ".", " ").Replace(f[e:min(len(f), e+40)]))
		if strings.HasPrefix(f[e:], "%") {
			rest = append([]string{"%"}, rest...)
			if len(rest) > 1 && strings.HasPrefix(rest[1], "%") {
				rest = rest[1:]
			}
		}
		for len(rest) > 0 {
			k, ok := scales[rest[0]]
			if !ok {
				break
			}
			for i := range vals {
				vals[i] *= k
			}
			rest = rest[1:]
		}
		unit := ""
		if len(rest) >= 2 {
			unit = units[rest[0]+" "+rest[1]]
		}
		if unit == "" && len(rest) >= 1 {
			unit = units[rest[0]]
		}
		fig := figure{text: f[s:e], values: vals, unit: unit}
		if answer {
			before := strings.Fields(f[max(0, s-20):s])
			if n := len(before); n >= 2 {
				fig.approx = hedges[before[n-2]+" "+before[n-1]]
			}
			if n := len(before); n >= 1 && fig.approx == 0 {
				fig.approx = hedges[before[n-1]]
			}
		}
		out = append(out, fig)
	}
	return out
}

// unitAfter reports whether s opens with a unit written against its
// figure: "57km", "5ha", "3,2m".
func unitAfter(s string) bool {
	i := 0
	for i < len(s) && s[i] >= 'a' && s[i] <= 'z' {
		i++
	}
	return i > 0 && (i == len(s) || !isLetterAfter(s[i:])) && (units[s[:i]] != "" || scales[s[:i]] != 0)
}

func isLetterBefore(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsLetter(r)
}

func isLetterAfter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// readings returns the values a figure may mean.
func readings(s string, answer bool) []float64 {
	if !strings.ContainsAny(s, ".,") {
		v, _ := strconv.ParseFloat(s, 64)
		return []float64{v}
	}
	parse := func(thousands, decimal string) (float64, bool) {
		t := strings.ReplaceAll(s, thousands, "")
		if decimal != "" {
			t = strings.ReplaceAll(t, decimal, ".")
		}
		groups := strings.Split(s, thousands)
		for _, g := range groups[1:] {
			g, _, _ = strings.Cut(g, decimal)
			if len(g) != 3 && strings.Contains(s, thousands) {
				return 0, false
			}
		}
		if strings.Count(t, ".") > 1 {
			return 0, false
		}
		if i := strings.LastIndex(s, decimal); i >= 0 && s[i+1:] == "000" {
			return 0, false // "207.000" and "217,000" are thousands, never a decimal
		}
		v, err := strconv.ParseFloat(t, 64)
		return v, err == nil
	}
	var out []float64
	add := func(v float64, ok bool) {
		if ok && !containsValue(out, v) {
			out = append(out, v)
		}
	}
	add(parse(".", ",")) // Vietnamese: 1.250,5
	if answer || len(out) == 0 {
		add(parse(",", ".")) // English: 1,250.5
	}
	if len(out) == 0 {
		v, err := strconv.ParseFloat(strings.ReplaceAll(s, ",", "."), 64)
		add(v, err == nil)
	}
	return out
}

func containsValue(vs []float64, v float64) bool {
	for _, w := range vs {
		if math.Abs(w-v) <= 1e-9*math.Max(1, math.Abs(v)) {
			return true
		}
	}
	return false
}

func (d ymd) String() string {
	if d.y == -1 {
		return strconv.Itoa(d.m) + ":" + strconv.Itoa(d.d)
	}
	t := time.Date(max(d.y, 1), time.Month(d.m), max(d.d, 1), 0, 0, 0, 0, time.UTC)
	return t.Format("2006-01-02")
}

// matches reports whether a passage's figure v is what the fact states:
// the same value, or for a hedged figure ("hơn 2 triệu", "about 30") a
// value it fairly describes.
func (f Fact) matches(v float64) bool {
	if containsValue(f.values, v) {
		return true
	}
	for _, w := range f.values {
		switch f.approx {
		case '>':
			if v > w && v <= 1.25*w {
				return true
			}
		case '~':
			if math.Abs(v-w) <= 0.05*math.Abs(w) {
				return true
			}
		}
	}
	return false
}

// sameDate matches a date of an answer with one of a passage; a part one
// side leaves out matches anything.
func sameDate(want, have ymd) bool {
	if (want.y == -1) != (have.y == -1) {
		return false
	}
	eq := func(a, b int) bool { return a == 0 || b == 0 || a == b }
	if want.y == -1 { // a time: the hour must match; minutes left out ("16h") match any
		return want.m == have.m && eq(want.d, have.d)
	}
	return eq(want.y, have.y) && eq(want.m, have.m) && eq(want.d, have.d)
}
