package knowledge

import (
	"slices"
	"strings"
)

// Kind is what a question asks for, read from its question words.
type Kind int

// Question kinds.
const (
	KindWhat      Kind = iota // anything else: the best clause
	KindWho                   // "ai": a person's name
	KindNumber                // "bao nhiêu", "mấy": a number
	KindWhen                  // "khi nào", "năm nào": a date or year
	KindWhere                 // "ở đâu": a place
	KindList                  // "những … nào": several items
	KindPublished             // when the article was published
	KindAuthor                // who wrote the article
	KindTitle                 // the article's title
	KindQuote                 // "nhấn mạnh gì", "cho biết gì": what someone said
)

// Cue phrases of each kind, written with diacritics. A question typed with
// diacritics is matched against them as written, so "máy" is not "mấy"; one
// typed without is matched against their folded forms.
var (
	cuePublishVerb = cues("đăng", "xuất bản", "phát hành", "published", "posted")
	cueDate        = cues("ngày", "mấy giờ", "giờ nào", "khi nào", "lúc nào", "bao giờ", "năm nào", "thời gian", "tháng nào", "hôm nào", "when", "date", "what day")
	cueArticle     = cues("bài", "bài báo", "bài viết", "tin", "article", "story")
	cueAuthor      = cues("ai viết", "ai là tác giả", "tác giả", "người viết", "bút danh", "phóng viên nào", "nhà báo nào", "ai đưa tin", "who wrote", "author", "byline")
	cueOfWhom      = cues("của ai") // "bài … của ai"
	cueTitle       = cues("tiêu đề", "tên bài", "title", "headline", "bài báo nói về gì", "bài viết nói về gì", "bài này nói về gì", "bài báo nói về chủ đề gì", "what is the article about")
	cueWho         = cues("ai", "tên gì", "tên là gì", "who", "whom")
	cueNumber      = cues("bao nhiêu", "bao lâu", "mấy", "how many", "how much", "số lượng")
	cueWhen        = cues("mấy giờ", "giờ nào", "khi nào", "lúc nào", "bao giờ", "năm nào", "ngày nào", "tháng nào", "giai đoạn nào", "thời gian nào", "thời điểm nào", "when", "what year")
	cueWhere       = cues("ở đâu", "tại đâu", "nơi nào", "chỗ nào", "địa phương nào", "tỉnh nào", "huyện nào", "xã nào",
		"thành phố nào", "nước nào", "quốc gia nào", "where")
	cueWork = cues("nghị quyết", "quyết định", "chỉ thị", "kết luận", "luật", "nghị định", "thông tư", "đề án",
		"dự án", "sách", "tác phẩm", "bài hát", "bài thơ", "ca khúc", "công trình", "phát minh", "book", "law")
	cueClock      = cues("mấy giờ", "giờ nào", "ngày mấy", "tháng mấy", "năm mấy", "mấy h")
	cueTimeOfDay  = cues("mấy giờ", "giờ nào", "mấy h", "mấy g")
	cueYear       = cues("năm nào", "năm mấy", "what year")
	cueExactDate  = cues("ngày nào", "năm nào", "tháng nào", "mấy giờ", "giờ nào", "ngày mấy", "năm mấy", "what year", "what date")
	cueDay        = cues("ngày nào", "ngày mấy", "hôm nào", "what date")
	cueQuote      = quoteCues()
	cueQuoteVerbs = cues(sayingVerbs...)
	cueSayEnglish = cues("what did", "say") // in English only: "say" typed plain is also "sấy"
	cueList       = cues("những", "các", "gồm những", "kể tên", "liệt kê", "which")
	cueListEnd    = cues("nào", "gì")
)

// quoteCues ask what someone said: a verb of saying followed by "gì",
// "điều gì" or "những gì" ("kiến nghị điều gì").
func quoteCues() cueSet {
	var phrases []string
	for _, verb := range sayingVerbs {
		for _, what := range []string{"gì", "điều gì", "những gì", "những điều gì"} {
			phrases = append(phrases, verb+" "+what)
		}
	}
	return cues(phrases...)
}

// sayingVerbs are the verbs of saying a question asks what was said by.
var sayingVerbs = []string{"nhấn mạnh", "cho biết", "nói", "phát biểu", "khẳng định", "chia sẻ", "đề nghị", "yêu cầu",
	"nhận định", "cam kết", "khuyến cáo", "kêu gọi", "đề xuất", "kiến nghị", "chỉ đạo", "dặn dò", "nhắn nhủ", "bày tỏ", "lưu ý", "mong muốn", "gửi gắm"}

// saysWhat reports whether a question's words (lower case, folded when it
// is typed plain) ask what was said of something: a two-syllable verb of
// saying, then "gì" within five words ("dặn dò tân binh gì", "yêu cầu các
// xã làm gì").
func saysWhat(words []string, marked bool) bool {
	what := "gì"
	if !marked {
		what = "gi"
	}
	for i := 0; i+1 < len(words); i++ {
		if verb := words[i] + " " + words[i+1]; !slices.Contains(cueQuoteVerbs.exact, " "+verb+" ") && !(!marked && slices.Contains(cueQuoteVerbs.folded, " "+verb+" ")) {
			continue
		}
		if slices.Contains(words[i+2:min(i+7, len(words))], what) {
			return true
		}
	}
	return false
}

// cueSet holds phrases as written and folded.
type cueSet struct{ exact, folded []string }

func cues(phrases ...string) cueSet {
	var c cueSet
	for _, p := range phrases {
		c.exact = append(c.exact, " "+p+" ")
		c.folded = append(c.folded, " "+Fold(p)+" ")
	}
	return c
}

// in reports whether the normalised question holds one of the phrases.
func (c cueSet) in(q string, marked bool) bool {
	list := c.exact
	if !marked {
		list = c.folded
	}
	for _, p := range list {
		if strings.Contains(q, p) {
			return true
		}
	}
	return false
}

// Classify reads what kind of answer a question wants.
func Classify(question string) Kind {
	toks := Tokenize(NFC(question))
	words := make([]string, 0, len(toks))
	marked := false
	for _, t := range toks {
		marked = marked || t.Marked
	}
	lower := strings.ToLower(NFC(question))
	for i, t := range toks {
		w := lower[t.Start:t.End]
		if !marked {
			w = t.Fold
		}
		if w == "may" && !plainHowMany(toks, i) {
			w = "máy" // "nha may": a factory, not "mấy"
		}
		if !marked && w == "ai" && plainPlaceName(question, toks, i) {
			w = "ái" // "o trieu ai" is in Triệu Ái, it asks no "who"
		}
		words = append(words, w)
	}
	q := " " + strings.Join(words, " ") + " "
	has := func(c cueSet) bool { return c.in(q, marked) }
	switch {
	case (has(cueAuthor) || has(cueArticle) && has(cueOfWhom)) && !has(cueWork):
		return KindAuthor
	case has(cuePublishVerb) && has(cueDate) && has(cueArticle):
		return KindPublished
	case has(cueTitle):
		return KindTitle
	case has(cueWhy):
		return KindWhat // "vì sao mấy đứa này tham gia": a cause, not a number
	case has(cueWho):
		return KindWho
	case has(cueQuote) || saysWhat(words, marked) || has(cueSayEnglish) && IsEnglish(question):
		return KindQuote
	case has(cueClock):
		return KindWhen // "mấy giờ" asks a time, not a number
	case has(cueNumber):
		return KindNumber
	case has(cueWhen):
		return KindWhen
	case has(cueWhere):
		return KindWhere
	case has(cueList) && has(cueListEnd):
		return KindList
	}
	return KindWhat
}

// cueWhy asks why, whatever else the question asks about.
var cueWhy = cues("vì sao", "tại sao")

// machineWords follow "máy" in the words for machines: "máy bay", "máy gặt".
var machineWords = map[string]bool{"moc": true, "bay": true, "tinh": true, "cay": true, "gat": true, "bom": true, "phat": true,
	"chu": true, "anh": true, "lanh": true, "xuc": true, "chup": true, "thu": true, "in": true, "may": true, "xay": true}

// plainHowMany reports whether the syllable "may" at toks[i], typed without
// diacritics, is "mấy" (how many) rather than "máy" (a machine): not after
// "nhà" or "cái", nor before a machine's word or "bao giờ".
func plainHowMany(toks []Token, i int) bool {
	if i > 0 && (toks[i-1].Fold == "nha" || toks[i-1].Fold == "cai" || toks[i-1].Fold == "chiec") {
		return false
	}
	if i+2 < len(toks) && whenPairs[toks[i+1].Fold+" "+toks[i+2].Fold] {
		return false // "ho suoi may bao gio khoi cong": "Mây" of a name, and "bao giờ" asks
	}
	return i+1 >= len(toks) || !machineWords[toks[i+1].Fold]
}

// whenPairs ask when, folded: no "mấy" stands right before them.
var whenPairs = map[string]bool{"bao gio": true, "khi nao": true, "luc nao": true}

// plainPlaceName reports whether the syllable "ai" at toks[i], typed
// without diacritics, ends a place's name rather than asking who: "xa
// Trieu Ai", "o trieu ai", after a place noun or "ở"/"tại" and one syllable.
func plainPlaceName(question string, toks []Token, i int) bool {
	if i < 2 || toks[i-1].Number || IsStopword(toks[i-1]) {
		return false // "tinh la ai", "huyen nay ai"
	}
	before := toks[i-2].Fold
	return placeNouns[before] || before == "o" || before == "tai" || toks[i-1].Upper && question[toks[i].Start:toks[i].End] == "Ai"
}

// strongNumberCue reports whether a question surely asks for a number:
// typed without diacritics, "may" can be "máy" (machine) as well as "mấy".
func strongNumberCue(question string) bool {
	var words []string
	for _, t := range Tokenize(question) {
		words = append(words, t.Fold)
	}
	q := " " + strings.Join(words, " ") + " "
	for _, c := range cueNumber.folded {
		if c != " may " && strings.Contains(q, c) {
			return true
		}
	}
	for _, t := range Tokenize(question) {
		if t.Exact == "mây2" { // "mấy"
			return true
		}
	}
	return false
}

// isMeta reports whether a kind is answered from article metadata.
func (k Kind) isMeta() bool { return k == KindPublished || k == KindAuthor || k == KindTitle }

// englishWords mark a question asked in English.
var englishWords = map[string]bool{
	"what": true, "who": true, "when": true, "where": true, "which": true, "how": true,
	"is": true, "the": true, "did": true, "does": true, "was": true, "are": true, "of": true,
}

// IsEnglish guesses whether a question is in English: no Vietnamese marks,
// at least two common English words, and more words English could spell
// than Vietnamese ("tau spectrum of the seas cap cang luc nao" is
// Vietnamese typed plain, naming a ship).
func IsEnglish(question string) bool {
	common, english, vietnamese := 0, 0, 0
	for _, t := range Tokenize(question) {
		switch {
		case t.Marked:
			return false
		case englishWords[t.Exact]:
			common++
		case vietnameseSyllable(t.Fold):
			vietnamese++
		default:
			english++
		}
	}
	return common >= 2 && common+english > vietnamese
}

// asksExactDate reports whether a question wants a date or a time, not a
// circumstance ("khi nào" also means "in which case").
func asksExactDate(question string) bool {
	return asks(question, cueExactDate)
}

// asksClock reports whether a question asks the time of day: "mấy giờ",
// "lúc mấy h".
func asksClock(question string) bool {
	return asks(question, cueTimeOfDay)
}

// asks reports whether a question holds one of the cue phrases, matched as
// Classify matches them.
func asks(question string, c cueSet) bool {
	toks := Tokenize(NFC(question))
	marked := false
	for _, t := range toks {
		marked = marked || t.Marked
	}
	lower := strings.ToLower(NFC(question))
	words := make([]string, 0, len(toks))
	for _, t := range toks {
		if marked {
			words = append(words, lower[t.Start:t.End])
		} else {
			words = append(words, t.Fold)
		}
	}
	return c.in(" "+strings.Join(words, " ")+" ", marked)
}
