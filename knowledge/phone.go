package knowledge

import (
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// chatSpellings are the abbreviations and chat spellings people type on
// phones, by folded syllable, with what they stand for. Office titles
// ("bt" bí thư, "pct" phó chủ tịch) come from common usage in Vietnamese
// administration; question and function words ("j" gì, "dc" được, "ko"
// không, "bn" bao nhiêu) from chat.
var chatSpellings = map[string]string{
	"bt": "bí thư", "pbt": "phó bí thư", "ct": "chủ tịch", "pct": "phó chủ tịch", "cti": "công ty",
	"btv": "ban thường vụ", "ubkt": "ủy ban kiểm tra", "bch": "ban chấp hành",
	"qd": "quyết định", "nq": "nghị quyết", "tb": "trung bình", "hsg": "học sinh giỏi",
	"j": "gì", "ji": "gì", "dc": "được", "ko": "không", "k": "không", "hok": "không", "hong": "không",
	"bn": "bao nhiêu", "bnhieu": "bao nhiêu", "bnhiu": "bao nhiêu", "z": "vậy", "ng": "người", "ntn": "như thế nào",
	"trc": "trước", "ns": "nói", "nhiu": "nhiêu", "bgio": "bao giờ", "bjo": "bao giờ", "ntnao": "như thế nào", "lm": "làm",
	"kq": "kết quả", "cx": "cũng", "ms": "mới", "dag": "đang", "nhg": "nhưng", "bik": "biết", "sl": "số lượng",
	"gd": "giám đốc", "pgd": "phó giám đốc", "sgd": "sở giáo dục", "sx": "sản xuất", "dn": "doanh nghiệp",
	"bv": "bệnh viện", "bs": "bác sĩ", "gv": "giáo viên", "hs": "học sinh", "sv": "sinh viên",
	"xd": "xây dựng", "ccn": "cụm công nghiệp", "kcn": "khu công nghiệp", "vs": "với", "mn": "mọi người", "tgian": "thời gian", "ptnt": "phát triển nông thôn", "xk": "xuất khẩu",
	"tgd": "tổng giám đốc", "ptgd": "phó tổng giám đốc", "qg": "quốc gia", "vn": "việt nam", "chqs": "chỉ huy quân sự", "bchqs": "ban chỉ huy quân sự",
	"sp": "sản phẩm", "cnc": "công nghệ cao", "sdt": "số điện thoại", "bdbp": "bộ đội biên phòng",
}

// wordsWith are the chat spellings that, typed plain after these
// syllables, are rather the second syllable of a word: "hư hỏng", "hoa
// hồng", "màu hồng".
var wordsWith = map[string]map[string]bool{"hong": {"hu": true, "hoa": true, "mau": true}}

// namesFirm are the folded words a firm's name follows: "cty", "công ty", "HTX".
var namesFirm = map[string]bool{"cti": true, "ti": true, "htx": true}

// deputyAfter are the offices, folded, whose deputy is named by "phó" after
// their first syllable, with the head's title: "hiệu phó" is the phó hiệu
// trưởng, "hạt phó" the phó hạt trưởng, as the papers write them.
var deputyAfter = map[string]string{"hieu": "hiệu trưởng", "hat": "hạt trưởng", "doi": "đội trưởng", "to": "tổ trưởng",
	"tram": "trạm trưởng", "vien": "viện trưởng", "cuc": "cục trưởng", "vu": "vụ trưởng", "don": "đồn trưởng"}

// everydayWords are words people say where the papers write another, by
// the word as typed: "cầu bao giờ xong" asks when it "hoàn thành".
var everydayWords = map[string]string{"xong": "hoàn thành", "mổ": "phẫu thuật"}

// partyCommittees are "hu" (huyện ủy) and "tu" (tỉnh ủy), read so only
// where a title of a party committee comes before them ("bt hu", "BTV TU")
// or they are typed in capitals: elsewhere "tu" is a word ("tu sửa").
var partyCommittees = map[string]string{"hu": "huyện ủy", "tu": "tỉnh ủy"}

// educationOffices are the folded words after which "gd" is giáo dục, as
// the papers write it ("Sở GD&ĐT", "phòng GD"), not giám đốc.
var educationOffices = map[string]bool{"so": true, "phong": true, "bo": true, "nganh": true}

// departments are the district and provincial departments, by their first
// two syllables folded: before them "tp" is trưởng phòng, not thành phố
// ("tp kinh te ha tang").
var departments = map[string]bool{"kinh te": true, "tai chinh": true, "tai nguyen": true, "noi vu": true, "tu phap": true,
	"y te": true, "giao duc": true, "van hoa": true, "lao dong": true, "nong nghiep": true, "quan li": true, "gd": true}

// committeeTitles are the folded words that a party committee follows.
var committeeTitles = map[string]bool{"bt": true, "pbt": true, "btv": true, "ubkt": true, "thu": true, "vu": true, "uy": true}

// unshout writes a question typed in capitals ("BAO NHIÊU HỘ BỊ NGẬP?") in
// lower case, as most questions are typed: in capitals every word looks
// like a name. Words with digits or a slash ("05-CT/TW", "B00") keep
// their case.
func unshout(question string) string {
	toks := Tokenize(question)
	shouted := 0
	for _, t := range toks {
		if w := question[t.Start:t.End]; !t.Number && utf8.RuneCountInString(w) > 1 && strings.ToUpper(w) == w {
			shouted++
		}
	}
	if shouted < 3 || shouted*2 <= len(toks) {
		return question
	}
	words := strings.Fields(question)
	for i, w := range words {
		if !strings.ContainsAny(w, "0123456789/") {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// spelledUnits are units as people spell them out, with the symbol the
// papers write: "bao nhiêu héc-ta" is answered by "14,7 ha".
var spelledUnits = []struct {
	re     *regexp.Regexp
	symbol string
}{
	{regexp.MustCompile(`(?i)(^|[^\pL])(h[ée]c[- ]?ta)($|[^\pL])`), "ha"},
	{regexp.MustCompile(`(?i)(^|[^\pL])(ki[- ]?l[ôo][- ]?m[ée]t|c[âa]y s[ốo])($|[^\pL])`), "km"},
	{regexp.MustCompile(`(?i)(^|[^\pL])(ki[- ]?l[ôo][- ]?gam)($|[^\pL])`), "kg"},
	{regexp.MustCompile(`(?i)(^|[^\pL])(m[ée]t vu[ôo]ng)($|[^\pL])`), "m2"},
	{regexp.MustCompile(`(?i)(^|[^\pL])(m[ée]t kh[ốo]i)($|[^\pL])`), "m3"},
}

// writeUnits writes the units a question spells out as their symbols.
func writeUnits(question string) string {
	folded := strings.ToLower(Fold(question))
	if !strings.Contains(folded, "hec") && !strings.Contains(folded, "met") && !strings.Contains(folded, "gam") && !strings.Contains(folded, "cay so") {
		return question // no unit spelled out: the expressions need not run
	}
	for _, u := range spelledUnits {
		question = u.re.ReplaceAllString(question, "${1}"+u.symbol+"${3}")
	}
	return question
}

// reShortSpan finds a span of two years typed short: "23-24".
var reShortSpan = regexp.MustCompile(`(^|[^\d/.,-])(\d{2}) ?- ?(\d{2})($|[^\d/.,-])`)

// writeYears writes a span of consecutive years typed short as the papers
// do: "nien vu 23-24" is niên vụ 2023-2024.
func writeYears(question string) string {
	return reShortSpan.ReplaceAllStringFunc(question, func(m string) string {
		g := reShortSpan.FindStringSubmatch(m)
		a, _ := strconv.Atoi(g[2])
		b, _ := strconv.Atoi(g[3])
		if b != a+1 || a < 10 {
			return m
		}
		return g[1] + "20" + g[2] + "-20" + g[3] + g[4]
	})
}

// ExpandChat rewrites a question typed as on a phone into the words the
// articles use: "bt hu chau thanh la ai" -> "bí thư huyện ủy chau thanh la
// ai". Syllables that are part of a code ("05-CT/TW") and those typed with
// diacritics are kept.
func ExpandChat(question string) string {
	question = writeYears(writeUnits(unshout(question)))
	toks := Tokenize(question)
	plain := true // typed without any diacritic: the expansions are written so too
	for _, t := range toks {
		plain = plain && !t.Marked
	}
	var b strings.Builder
	last := 0
	prev := ""
	typedDepartment := -1 // the end of a department typed by its initials, kept as typed ("so nn&ptnt"): departments.go reads it
	for i, t := range toks {
		word := question[t.Start:t.End]
		if d, ok := departmentAt(question, toks, i, true); ok {
			typedDepartment = d.end
		}
		if i < typedDepartment {
			prev = t.Fold
			continue
		}
		inCode := t.Start > 0 && strings.ContainsRune("-/.", rune(question[t.Start-1])) ||
			t.End < len(question) && strings.ContainsRune("-/", rune(question[t.End]))
		repl, ok := everydayWords[strings.ToLower(word)]
		if t.Fold == "tp" && i+1 < len(toks) && (departments[toks[i+1].Fold] || i+2 < len(toks) && departments[toks[i+1].Fold+" "+toks[i+2].Fold]) {
			repl, ok = "trưởng phòng", true
		}
		if word == "v" && i == len(toks)-1 && i > 1 {
			repl, ok = "vậy", true // "sao cao v": a "v" that ends a question is "vậy"
		}
		if word == "r" && i > 0 && (t.End == len(question) || question[t.End] == ' ' || question[t.End] == '?') {
			repl, ok = "rồi", true // "dc bao nhieu r", not the "R" of "Đắk R'lấp"
		}
		if t.Fold == "h" && prev == "may" {
			repl, ok = "giờ", true // "luc may h": at what time
		}
		if t.Fold == "ca" && !t.Marked && prev == "truong" {
			repl, ok = "công an", true // "truong ca huyen" heads the police; "ca tinh" is rather "cả tỉnh"
		}
		if head, deputy := deputyAfter[prev]; deputy && t.Fold == "pho" && last <= toks[i-1].Start {
			repl = "phó " + head
			if plain {
				repl = Fold(repl)
			}
			b.WriteString(question[last:toks[i-1].Start])
			b.WriteString(repl)
			last, prev = t.End, t.Fold
			continue // "hiệu phó" is the phó hiệu trưởng
		}
		if t.Fold == "gd" && educationOffices[prev] {
			prev = t.Fold
			continue // kept as typed: the papers write "Sở GD&ĐT"
		}
		inName := (prev == "thi" || prev == "van") && i > 1 && surnames[toks[i-2].Fold] // "nguyen thi hong nhung" is Hồng
		inWord := wordsWith[t.Fold][prev]                                               // "hu hong" is hư hỏng
		if !ok && !inCode && !inName && !inWord && (!t.Marked || t.Fold == "dc" || t.Fold == "gd" || t.Fold == "pgd" || t.Fold == "sdt") && !((placeNouns[prev] || prev == "uy" || namesFirm[prev]) && strings.ContainsAny(t.Fold, "aeiou")) {
			// After a place's noun (or "huyện ủy", or a firm's) a syllable opens its name: "huyen hong dan" is Hồng Dân, "cty hong phat" Hồng Phát.
			repl, ok = chatSpellings[t.Fold]
			if !ok && (committeeTitles[prev] || strings.ToUpper(word) == word && len(word) == 2) {
				repl, ok = partyCommittees[t.Fold]
			}
		}
		prev = t.Fold
		if !ok {
			continue
		}
		if plain {
			repl = Fold(repl)
		}
		b.WriteString(question[last:t.Start])
		b.WriteString(repl)
		last = t.End
	}
	if last == 0 {
		return question
	}
	b.WriteString(question[last:])
	return b.String()
}
