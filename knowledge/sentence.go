package knowledge

import (
	"cmp"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// Scoring of sentences within the best passages (GUIDE §4b).
const (
	foldMatch     = 0.75           // a syllable matched only without diacritics
	titleMatch    = 0.3            // a syllable the sentence lacks and its article's title holds
	bigramBonus   = 0.5            // share of a pair's weight when the pair stands together
	kindBonus     = 0.3            // share of the question's weight for holding the wanted kind of answer
	rankDecay     = 0.05           // share of weight lost per passage rank
	clauseRunes   = MaxAnswerRunes // a sentence longer than this is trimmed to clauses
	clauseKeepMin = 0.85           // a trimmed clause keeps at least this share of the sentence's evidence
)

var (
	reDate  = regexp.MustCompile(`\b\d{1,2}/\d{1,2}(/\d{2,4})?\b|\b(19|20)\d\d\b|(?i)\b(ngày|tháng|năm|giai đoạn|quý)\s+\d|\b\d{1,2}(:\d\d| giờ|[hg]\d\d\b|[hg]\b)`)
	reDay   = regexp.MustCompile(`\b\d{1,2}/\d{1,2}\b|(?i)\b(ngày|mùng|mồng)\s+\d`)
	reClock = regexp.MustCompile(`\b([01]?\d|2[0-4])(:\d\d| giờ|[hg]\d\d\b|[hg]\b)`) // an hour of the day: "7:45", "8 giờ", "13h40", not "72 giờ"
	reDigit = regexp.MustCompile(`\d`)
	rePlace = regexp.MustCompile(`(^|\s|\()([Tt]ại|[Ởở]|[Xx]ã|[Hh]uyện|[Tt]ỉnh|[Tt]hành phố|[Tt]hị trấn|[Ấấ]p|[Pp]hường|[Qq]uận|[Nn]ước)\s+\p{Lu}`)
	reCode  = regexp.MustCompile(`\d+-[\p{Lu}]+(/[\p{Lu}]+)?`)
)

// Sentence scoring: BM25 at the level of the sentence, within the best
// passages of one article.
const (
	sentenceK1 = 1.2
	sentenceB  = 0.5
)

// asked is a question analysed once for sentenceCandidates: what every
// sentence of every article read is measured against.
type asked struct {
	q             Query // with the frame words' weights lowered
	kind          Kind
	own, content  []Token // the question's content words; with a follow-up's context's
	context       []Token
	total         float64 // content's weight before the frames are lowered
	frames        map[int]bool
	scope         string       // the level a whole of is asked: "tinh" of "toàn tỉnh", or ""
	seat          bool         // where a body has its seat is asked: "trụ sở ở đâu", "địa chỉ ở đâu"
	phone         bool         // a number to call is asked: "số điện thoại đường dây nóng"
	origin        bool         // where someone is from is asked: "quê ở đâu"
	born          bool         // a birth's year or day is asked: "sinh năm nào"
	prize         string       // the rank of a prize asked, folded: "ba" of "Giải Ba"
	country       bool         // a country is asked: "khách nước nào", "quốc gia nào"
	post          bool         // someone's office is asked: "giữ chức vụ gì"
	code          bool         // a code names what is asked: "tàu cá mang số hiệu gì"
	courtSentence bool         // a court's sentence is asked: "bị cáo Luân bị xử thế nào"
	singles       []Token      // of a "bao nhiêu", the capitalised words standing alone: "môn Toán"
	moment        bool         // "lúc nào", "thời điểm nào": a time or a date answers
	doing         []Token      // what "ai" does: "chủ trì" of "ai chủ trì hội nghị", or none
	yesNo         []Token      // of a question asked "có … không", the words of what it asks is so: "bị thương"
	docAsked      documentType // the kind of document "… nào" asks which: "nghị định nào"
	roles         [][2]string  // the roles a question names someone in, with the name's last syllable, folded: {"bi cao", "tai"}
	ownCore       []Token      // own words, but those typed plain that may be stopwords ("con" for "còn")
	ownTotal      float64
	question      []Token
	ranks         ranksAsked
	names         [][2]Token
	source        [][2]Token // the names of whom the question says it is "theo"
	markers       []string
	speechVerb    string   // the verb of saying asked: "khuyến cáo bà con điều gì" is answered by "… khuyến cáo bà con không đốt rơm rạ"
	codeMarks     []string // the markers that are codes: "a00" of "khối A00", "st 24" of "ST24"
	office        string
	places        []string            // the places the question names ("huyện Lai Vung"), folded
	placeKinds    map[string]bool     // the kinds of those places ("huyen")
	years         []string            // the years the question names
	months        []string            // the months it names ("tháng 2")
	periods       []string            // the spans of the year it asks of ("6 thang", "ca nam")
	counts        [][2]string         // the numbers it gives with what they count ("3", "sao" of "đạt 3 sao")
	days          []string            // the days it names ("12/10")
	bodyLevels    map[string][]string // the levels of the bodies it names ("mttq": "huyen" of "ủy ban mttq huyện")
	exactDate     bool
	yearAsked     bool // "năm nào", "năm mấy": a year is wanted
	day           bool // asks the day ("ngày nào"), which a year does not give
	cause         bool // asks why ("nguyên nhân", "vì sao")
	clock         bool // asks the time of day
	span          bool // asks when something ran from and to: "từ ngày nào đến ngày nào"
	number        numberWanted
	subject       []Token              // what a "bao nhiêu" question measures ("năng suất"), or none
	subjectAbbr   []string             // the initials of the words it opens ("bch" of "ban chấp hành đảng bộ"), folded
	entities      [][2]string          // the places and names it asks about, folded
	read          map[string]readChunk // the chunks read, by text: a chunk is read again with the whole article
	codes         []*regexp.Regexp     // the documents' codes it names ("112/KH-SGDĐT"), as their numbers
	dated         []*regexp.Regexp     // the same, dated: "112/KH-SGDĐT ngày 5/8"
	opposites     [][2]string          // words asked with their opposites ("nhẹ", "nặng")
	levels        []string             // the school levels it names ("thcs"), folded
	name          bool                 // asks a person's name ("chủ nhà tên gì")
	role          string               // the role a who-question asks about ("luat su"), folded, or ""
	holder        bool                 // asks only who holds an office (asksHolder)
	spans         []yearSpan           // the spans of years it names ("2023-2024")
	firm          string               // the two syllables that open the name of a firm it asks about ("hoang luc"), folded, or ""
	priced        []Token              // what a "Giá … bao nhiêu" asks the price of ("cao su"), or none
	course        string               // the school subject a question names ("vat ly" of "môn vật lý", "chuyên lý"), folded, or ""
	agent         string               // the head of the body a question opens with as the one that acts ("so" of "Sở Y tế hỗ trợ …"), folded, or ""
	event         string               // the event whose date it asks ("thanh lap"), folded, or ""
	past          bool                 // asks the figure of the period before ("năm ngoái"), not how one compares with it
	firmFrame     bool                 // its frame asks for a firm: "công ty nào", "đơn vị nào"
	milestone     int                  // the step of a work whose date it asks (milestones), or -1
	oneCase       bool                 // asks of one case ("vụ tai nạn", "vụ cháy"), not of a tally of cases
	body          string               // the party body whose members a number question counts ("ban chap hanh"), or ""
}

func analyse(q Query, kind Kind, own, context []Token) *asked {
	a := &asked{kind: kind, own: own, context: context, content: append(own[:len(own):len(own)], context...)}
	for _, t := range a.content {
		a.total += q.weight(t.Fold)
	}
	a.frames = frameTokens(q.Text, a.content)
	a.q = discountFrames(q, a.content, a.frames)
	for _, t := range own {
		if t.Marked || !foldedStop[t.Fold] {
			a.ownCore = append(a.ownCore, t)
			a.ownTotal += a.q.weight(t.Fold)
		}
	}
	a.question = Tokenize(q.Text)
	a.ranks = askRanks(a.question)
	a.names = namePairs(q.Text)
	if kind == KindNumber {
		a.singles = slices.DeleteFunc(singleNames(q.Text, a.question), func(n Token) bool {
			i := slices.IndexFunc(a.question, func(t Token) bool { return t.Start == n.Start })
			return i+1 < len(a.question) && a.question[i+1].Start == n.End+1 && !IsStopword(a.question[i+1]) ||
				strings.ContainsAny(q.Text[max(n.Start-4, 0):min(n.End+4, len(q.Text))], "-–")
		}) // "môn Toán của tỉnh", not "Công ty", "Bắc – Nam" nor a name spelled out
	}
	a.markers = distinguishing(a.question)
	a.codeMarks = slices.DeleteFunc(slices.Clone(a.markers), func(m string) bool { return !typedAsCode(a.question, m) })
	a.office = officeAsked(a.question)
	a.places = placePairs(q, a.question)
	a.scope = scopeAsked(a.question)
	folded := foldedText(a.question)
	a.seat = kind == KindWhere && namesSeat(folded)
	a.origin = kind == KindWhere && strings.Contains(folded, " que ")
	if !slices.ContainsFunc(a.question, func(t Token) bool { return t.Upper }) {
		a.names = append(a.names, placeNames(a.question, a.places)...)
		a.names = append(a.names, peopleTypedPlain(a.question)...)
		a.names = append(a.names, countriesTypedPlain(a.question)...)
	}
	a.names = slices.DeleteFunc(a.names, func(n [2]Token) bool { return locates(a.question, n) })
	if end := sourceEnd(q.Text, a.question); end > 0 {
		// "Theo ông Đặng Văn Chiến, mỗi héc-ta lúa lãi bao nhiêu?": who
		// says it need only be named in the paragraph that answers.
		for _, n := range a.names {
			if n[1].End <= end {
				a.source = append(a.source, n)
			}
		}
		a.names = slices.DeleteFunc(a.names, func(n [2]Token) bool { return n[1].End <= end })
	}
	a.doing = doneBy(a.question)
	a.placeKinds = kindsOfPlaces(a.question, a.places)
	for i, t := range a.question {
		if t.Number && isYearNumber(t.Fold) && !comparedWith(a.question, i) {
			a.years = append(a.years, t.Fold) // a year compared with is asked as such
		}
	}
	a.months = monthsIn(a.question)
	a.periods = periodsIn(a.question)
	a.counts = countsIn(a.question)
	a.days = daysIn(q.Text)
	a.bodyLevels = levelsOfBodies(a.question)
	a.exactDate = asksExactDate(q.Text)
	a.yearAsked = asks(q.Text, cueYear)
	a.day = asks(q.Text, cueDay)
	a.cause = asks(q.Text, cueReason)
	a.phone = asks(q.Text, cuePhone)
	a.code = kind == KindWhat && asksCodeName(Fold(spaced(q.Text)))
	a.courtSentence = asksSentence(a.question)
	a.clock = asksClock(q.Text)
	a.span = reSpanAsked.MatchString(folded)
	a.moment = asks(q.Text, cueMoment)
	a.prize = prizeIn(a.question)
	a.country = strings.Contains(folded, " nuoc nao ") || strings.Contains(folded, " quoc gia nao ")
	a.post = reAsksPost.MatchString(folded)
	a.born = reBornAsked.MatchString(pupils.Replace(folded)) // "sinh năm nào", "sinh năm bao nhiêu", not "học sinh năm học"
	a.number = wantsNumber(q.Text)
	a.oneCase = asksOneCase(a.question, a.number.unit)
	if kind == KindNumber {
		a.body = partyBodyAsked(a.question)
		a.priced = pricedOf(a.question)
	}
	a.subject = measured(q, own)
	if len(a.subject) == 2 {
		a.subjectAbbr = openingInitials(own, a.subject[0])
	}
	a.opposites = oppositesAsked(a.question)
	a.levels = levelsIn(a.question)
	a.role = roleAsked(a.question)
	if a.role == "" {
		a.role = roleAfter(a.question)
	}
	a.spans = yearSpans(q.Text)
	a.speechVerb = speechVerbIn(Fold(spaced(q.Text)))
	a.firm = firmAsked(a.question)
	if kind == KindNumber {
		a.agent = agentAt(a.question, 0, true)
	}
	a.course = courseAsked(a.question)
	a.firmFrame = asksFirm(a.content, a.frames)
	if a.firmFrame && len(a.doing) == 0 {
		a.doing = doneAfter(a.question, "nao") // "đơn vị nào thi công cầu" is answered where a firm "thi công"
	}
	a.milestone = milestoneAsked(a.question)
	a.past = givesPast(a.question, 0) && !strings.Contains(folded, " so voi ")
	if kind == KindWhen {
		a.event = eventAsked(a.question)
	}
	a.holder = kind == KindWho && a.office != "" && asksHolder(q)
	a.name = slices.ContainsFunc(a.question, func(t Token) bool { return personNouns[t.Exact] }) &&
		(asks(q.Text, cueName) || len(a.question) > 2 && a.question[0].Fold == "ten" && slices.ContainsFunc(a.question, func(t Token) bool { return t.Fold == "gi" || t.Fold == "ai" })) // "tên 2 công nhân bị bỏng là gì"

	for _, pair := range a.places {
		first, second, _ := strings.Cut(pair, " ")
		a.entities = append(a.entities, [2]string{first, second})
	}
	for _, n := range a.names {
		a.entities = append(a.entities, [2]string{n[0].Fold, n[1].Fold})
	}
	a.roles = rolesNamed(a.question)
	a.docAsked = documentAsked(folded)
	if kind == KindWhat {
		a.yesNo = yesNoAsked(a.question)
	}
	a.codes = codesOf(q.Text)
	for _, code := range a.codes {
		if reInForce.MatchString(folded) {
			break // "Nghị định 168/2024/NĐ-CP có hiệu lực từ ngày nào": "Từ ngày 1/1/2025, Nghị định … có hiệu lực"
		}
		a.dated = append(a.dated, regexp.MustCompile(code.String()+`\S*\s+(\pL+\s+)?(ngày\s+)?\d{1,2}/\d{1,2}`))
	}
	return a
}

// reInForce finds, folded, a question on when a document takes effect,
// which the papers say before its code, not as the day it was signed.
var reInForce = regexp.MustCompile(` (hieu luc|ap dung) `)

// levels below a province and a district, folded: what "toàn tỉnh" and
// "toàn huyện" are not.
var belowLevel = map[string][]string{
	"tinh":  {"huyen", "xa", "thi xa", "thanh pho", "tp", "thi tran", "phuong", "quan"},
	"huyen": {"xa", "thi tran", "phuong", "ap", "thon", "ban"},
}

// scopeAsked returns the level a question asks a whole of, folded:
// "tinh" of "năng suất bình quân toàn tỉnh", "huyen" of "cả huyện", or "".
func scopeAsked(toks []Token) string {
	for i := 1; i < len(toks); i++ {
		if w := toks[i-1].Fold; (w == "toan" || w == "ca") && belowLevel[toks[i].Fold] != nil {
			return toks[i].Fold
		}
	}
	if len(toks) > 3 && belowLevel[toks[0].Fold] != nil && toks[1].Upper && toks[2].Upper && toks[3].Fold == "co" {
		return toks[0].Fold // "Huyện Yên Thế có tổng cộng bao nhiêu …" asks the district's
	}
	return ""
}

// narrower reports whether a sentence gives a part's figure where the
// whole of scope is asked: "toàn huyện", "cả xã", "trên địa bàn xã", or
// opening "Tại huyện Tân Châu, …", unless it names the whole too.
func narrower(toks []Token, scope string) bool {
	text := foldedText(toks)
	if strings.Contains(text, " toan "+scope+" ") || strings.Contains(text, " ca "+scope+" ") {
		return false
	}
	for _, level := range belowLevel[scope] {
		if strings.Contains(text, " toan "+level+" ") || strings.Contains(text, " ca "+level+" ") ||
			strings.HasPrefix(text, " tai "+level+" ") || strings.HasPrefix(text, " o "+level+" ") || strings.Contains(text, " dia ban "+level+" ") {
			return true
		}
	}
	return false
}

// peopleTypedPlain returns the last two syllables of the people a
// question typed without diacritics names: a surname, "văn" or "thị" and
// the syllable after ("cu tri hoang thi lan o trung kien" names Hoàng Thị
// Lan).
func peopleTypedPlain(toks []Token) [][2]Token {
	if slices.ContainsFunc(toks, func(t Token) bool { return t.Marked }) {
		return nil // with diacritics "hộ thì sao" is no Hồ Thị Sao
	}
	var out [][2]Token
	for i := 0; i+2 < len(toks); i++ {
		if !surnames[toks[i].Fold] || toks[i+1].Fold != "van" && toks[i+1].Fold != "thi" || toks[i+2].Number {
			continue
		}
		if toks[i+1].Fold == "thi" && (followUpWords[toks[i+2].Fold] || thenVerbs[toks[i+2].Fold]) || i > 0 && placeNoun(toks[i-1]) || i > 1 && placeNoun(toks[i-2]) {
			continue // "huyen tan chau thi sao": a place, then "thì sao"; "lam xong duong thi di …" is "đường thì đi"
		}
		out = append(out, [2]Token{toks[i+1], toks[i+2]}) // "Thị Lan" of Hoàng Thị Lan, "Thị Minh" of Trần Thị Minh Hằng
	}
	return out
}

// thenVerbs, folded, go on after "thì" and name nobody: "xong đường thì
// đi mất bao lâu" names no Dương Thị Đi.
var thenVerbs = foldedSet([]string{"đi", "có", "là", "phải", "mất", "được", "sẽ", "bị", "cần", "nên", "không", "đã", "đang", "làm", "từ", "về", "đến", "còn"})

// countriesTypedPlain returns the countries of two syllables a question
// typed without capitals names ("khach an do", "xk sang nhat ban"): names
// the answer must hold.
func countriesTypedPlain(toks []Token) [][2]Token {
	var out [][2]Token
	for i := 1; i < len(toks); i++ {
		if countries[toks[i-1].Fold+" "+toks[i].Fold] && toks[i-1].End+1 == toks[i].Start {
			out = append(out, [2]Token{toks[i-1], toks[i]})
		}
	}
	return out
}

// locates reports whether a place's name in a question follows a wider
// place's noun after a narrower one's: "xã Bình Tân, huyện Phú Riềng" asks
// of the commune, the district only locates it.
func locates(question []Token, name [2]Token) bool {
	for i := 1; i+1 < len(question); i++ {
		if question[i].Start != name[0].Start || !placeNoun(question[i-1]) {
			continue
		}
		wider := belowLevel[question[i-1].Fold]
		return slices.ContainsFunc(question[:i-1], func(t Token) bool { return placeNoun(t) && slices.Contains(wider, t.Fold) })
	}
	return false
}

// placeNames returns the places below a province that a question typed
// without capitals names after their nouns, with diacritics ("huyện phù
// yên", "XÃ BÌNH CHÁNH" unshouted), as the name pairs its capitals would
// have made: a sentence about another place does not answer. Typed plain
// a pair is too often no place ("huyen uy nghi loc"), and a province is
// most often the article's own.
func placeNames(toks []Token, places []string) [][2]Token {
	var pairs [][2]Token
	plain := !slices.ContainsFunc(toks, func(t Token) bool { return t.Marked }) // typed without diacritics: "huyen chu se"
	for i := 2; i < len(toks); i++ {
		a, b, noun := toks[i-1], toks[i], toks[i-2]
		if (a.Marked || b.Marked || plain) && placeNoun(noun) && noun.Fold != "tinh" && slices.Contains(places, a.Fold+" "+b.Fold) {
			pairs = append(pairs, [2]Token{a, b})
		}
	}
	return pairs
}

// placesTypedPlain returns the pairs of a question typed without capitals
// that the passages write as a place's name ("huyen go dau" for "huyện Gò
// Dầu"), but for provinces and places that only locate another.
func placesTypedPlain(a *asked, written map[[2]string]string) [][2]Token {
	if slices.ContainsFunc(a.question, func(t Token) bool { return t.Upper }) {
		return nil
	}
	var out [][2]Token
	for i := 1; i < len(a.question); i++ {
		x, y := a.question[i-1], a.question[i]
		key := [2]string{x.Fold, y.Fold}
		if _, ok := written[key]; !ok || x.End+1 != y.Start || provinces[x.Fold+" "+y.Fold] || locates(a.question, [2]Token{x, y}) ||
			slices.ContainsFunc(a.names, func(n [2]Token) bool { return n[0].Fold == x.Fold && n[1].Fold == y.Fold }) {
			continue
		}
		out = append(out, [2]Token{x, y})
	}
	return out
}

// wordBefore returns the question's syllable before t, if any.
func wordBefore(question []Token, t Token) (Token, bool) {
	if i := slices.IndexFunc(question, func(u Token) bool { return u.Start == t.Start }); i > 0 {
		return question[i-1], true
	}
	return Token{}, false
}

// placesWritten returns the names sentences write after a place's noun or
// "địa bàn" ("huyện Hướng Hóa", "trên địa bàn Cù Lao Dung"), as folded pairs.
func placesWritten(sentences [][]Token) map[[2]string]string {
	written := map[[2]string]string{}
	for _, toks := range sentences {
		for j := 2; j < len(toks); j++ {
			if (placeNoun(toks[j-2]) || j > 2 && toks[j-3].Fold == "dia" && toks[j-2].Fold == "ban") && toks[j-1].Upper && toks[j].Upper && !toks[j-1].Number && !toks[j].Number {
				noun := toks[j-2].Fold
				if !placeNoun(toks[j-2]) || written[[2]string{toks[j-1].Fold, toks[j].Fold}] != "" {
					noun = written[[2]string{toks[j-1].Fold, toks[j].Fold}] // "địa bàn" says no level
				}
				written[[2]string{toks[j-1].Fold, toks[j].Fold}] = noun
				for k := j + 1; k < len(toks) && toks[k].Upper && !toks[k].Number && toks[k-1].End+1 == toks[k].Start; k++ {
					written[[2]string{toks[k-1].Fold, toks[k].Fold}] = noun // "huyện Cù Lao Dung"
				}
			}
		}
	}
	return written
}

// figuresOfOtherPlaces reports whether every figure of a sentence follows
// another place of the level asked (a district for a district) than the
// ones asked, named after its noun nearest before it: "Đầm Dơi … lớn nhất
// tỉnh, kế đến là huyện Cái Nước với 760 ha" gives Cái Nước's figure, not
// Đầm Dơi's; "Ngoài Vĩnh Linh, bờ biển xã Trung Giang, huyện Gio Linh …
// sạt lở 1,2 km" is not Vĩnh Linh's. A place in parentheses locates the
// one before it, as does a wider one ("xã Ân Hảo Tây, huyện Hoài Ân").
// Years and dates are no figures.
func figuresOfOtherPlaces(text string, toks []Token, asked map[[2]string]string) bool {
	levels := map[string]bool{} // "" is no level: only "địa bàn" wrote the place
	for _, level := range asked {
		levels[level] = true
	}
	if strings.Contains(Fold(text), "lan luot") {
		return false // "Xã An Thủy và xã Tân Xuân … lần lượt có 640 hộ và 485 hộ"
	}
	figures := 0
	owned, ownedByAsked := false, false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if _, ok := asked[[2]string{toks[max(i-1, 0)].Fold, t.Fold}]; ok && i > 0 {
			owned, ownedByAsked = true, true
			continue
		}
		if placeNoun(t) && levels[t.Fold] && i+2 < len(toks) && toks[i+1].Upper && toks[i+2].Upper && !toks[i+1].Number && !toks[i+2].Number &&
			strings.Count(text[:t.Start], "(") <= strings.Count(text[:t.Start], ")") && !(surnames[toks[i+1].Fold] && i+3 < len(toks) && toks[i+3].Upper) { // not "Chủ tịch UBND xã Nguyễn Thị Mai Anh"
			if _, ok := asked[[2]string{toks[i+1].Fold, toks[i+2].Fold}]; !ok {
				owned, ownedByAsked = true, false
			}
			continue
		}
		if !t.Number || isYearNumber(t.Fold) && !strings.ContainsAny(text[t.Start:t.End], ".,") || i > 0 && toks[i-1].Number && strings.TrimSpace(text[toks[i-1].End:t.Start]) == "/" ||
			i+1 < len(toks) && toks[i+1].Number && strings.TrimSpace(text[t.End:toks[i+1].Start]) == "/" {
			continue
		}
		figures++
		if !owned || ownedByAsked {
			return false
		}
	}
	return figures > 0
}

// readChunk is a chunk's sentences and their syllables: sentence i's are
// all[bounds[i]:bounds[i+1]], with offsets in the sentence.
type readChunk struct {
	spans  []Span
	toks   [][]Token
	all    []Token
	bounds []int
}

// window returns the syllables of sentence i with its neighbours', without
// copying them.
func (r readChunk) window(i int) []Token {
	start, end := r.bounds[max(i-1, 0)], r.bounds[min(i+2, len(r.spans))]
	return r.all[start:end:end]
}

// sentencesOf returns a chunk's sentences and their syllables, split once
// (readCache).
func (a *asked) sentencesOf(c Chunk) ([]Span, [][]Token) {
	if r, ok := a.read[c.Text]; ok {
		return r.spans, r.toks
	}
	r := readText(c.Text)
	if a.read == nil {
		a.read = map[string]readChunk{}
	}
	a.read[c.Text] = r
	return r.spans, r.toks
}

// readText returns a text read into sentences and syllables, from
// readCache when it was read before.
func readText(text string) readChunk {
	r, ok := readCache.get(text)
	if !ok {
		r = readSentences(text)
		readCache.put(text, r)
	}
	return r
}

// textTokens returns the syllables of a short text, such as a title, read
// once for all questions (readText). The caller must not change them.
func textTokens(text string) []Token {
	r := readText(text)
	if len(r.spans) == 1 {
		return r.toks[0]
	}
	return Tokenize(text)
}

// firstSentenceTokens returns the syllables of a paragraph's first
// sentence, read once for all questions (readText).
func firstSentenceTokens(paragraph string) []Token {
	if r := readText(paragraph); len(r.toks) > 0 {
		return r.toks[0]
	}
	return Tokenize(paragraph)
}

// readCache keeps the chunks questions were answered from, read: the same
// chunks answer many questions, and reading them is much of an answer's
// cost. Readers only read what it holds. It is emptied when full.
var readCache = chunkCache{read: map[string]readChunk{}}

type chunkCache struct {
	sync.Mutex
	read map[string]readChunk
}

const readCacheSize = 4096

func (c *chunkCache) get(text string) (readChunk, bool) {
	c.Lock()
	defer c.Unlock()
	r, ok := c.read[text]
	return r, ok
}

func (c *chunkCache) put(text string, r readChunk) {
	c.Lock()
	defer c.Unlock()
	if len(c.read) >= readCacheSize {
		clear(c.read)
	}
	c.read[text] = r
}

// readSentences splits a chunk into its sentences and their syllables.
func readSentences(text string) readChunk {
	r := readChunk{spans: Sentences(text)}
	r.all = make([]Token, 0, len(text)/4)
	r.bounds = make([]int, 1, len(r.spans)+1)
	for _, sp := range r.spans {
		r.all = tokenizeInto(r.all, text[sp.Start:sp.End])
		r.bounds = append(r.bounds, len(r.all))
	}
	r.toks = make([][]Token, len(r.spans))
	for i := range r.spans {
		r.toks[i] = r.all[r.bounds[i]:r.bounds[i+1]:r.bounds[i+1]]
	}
	return r
}

// matchesAll reports whether text matches every pattern.
func matchesAll(text string, patterns []*regexp.Regexp) bool {
	for _, re := range patterns {
		if !re.MatchString(text) {
			return false
		}
	}
	return true
}

// sentenceCandidates scores the sentences of one article's best passages
// that may answer: each gets its features (features.go); the article's
// coverage and the score are set by the caller, which compares articles.
//
// A sentence is no candidate when it lacks a name the question holds whole,
// names another rank or office, lacks the date a "ngày nào" or the number a
// "bao nhiêu" wants, or, in a follow-up, lacks the question's own words.
func (a *asked) sentenceCandidates(passages []Passage) []candidate {
	if a.total == 0 {
		return nil
	}
	q, kind, content, context := a.q, a.kind, a.content, a.context
	if want := wordsOf(a.number.qualifier); kind == KindNumber && len(a.number.qualifier) > 0 && !a.passagesHold(passages, want) && !qualifies(passages[0].Article, want) {
		return nil // "bao nhiêu ca tử vong" asked, the article counts only "ca sốt phát ban"
	}
	if a.firm != "" && !qualifies(passages[0].Article, words{fold: map[string]bool{a.firm: true}}) {
		return nil // "cty Hitomo Precision" asked, the article speaks of other firms
	}
	titleToks := textTokens(passages[0].Article.Title)
	title := newBag(titleToks, true)
	type scored struct {
		p         *Passage
		whole     string // the sentence
		text      string // the sentence, or one item of the list it is
		before    string
		after     string
		toks      []Token
		window    []Token // the sentence's with its neighbours'
		prior     []Token // the sentence's before it, if any
		wholeToks []Token
		item      bool // one item of a bulleted list, scored beside the list
	}
	var all []scored
	for n := range passages {
		p := &passages[n]
		if p.Chunk.Paragraph < 0 {
			continue // a title is no answer
		}
		spans, toks := a.sentencesOf(p.Chunk)
		for i, sp := range spans {
			whole := p.Chunk.Text[sp.Start:sp.End]
			window := a.read[p.Chunk.Text].window(i)
			// For a who-question, the items of a list ("ông A, Chủ tịch …;
			// bà B, Phó Chủ tịch …") are scored one by one; the citation
			// quotes the sentence.
			items := []string{whole}
			if kind == KindWho {
				items = listItems(whole)
			} else if kind != KindList && bulleted(whole) {
				items = append(items, listItems(whole)...)
			}
			for _, item := range items {
				sc := scored{p: p, whole: whole, text: item, toks: toks[i], window: window, wholeToks: toks[i]}
				if i > 0 {
					sc.before, sc.prior = p.Chunk.Text[spans[i-1].Start:spans[i-1].End], toks[i-1]
				}
				if i+1 < len(spans) {
					sc.after = p.Chunk.Text[spans[i+1].Start:spans[i+1].End]
				}
				if item != whole {
					sc.toks = Tokenize(item)
					if kind != KindWho {
						sc.wholeToks, sc.item = sc.toks, true // a bulleted item is a sentence of its own
					}
				}
				if a.cause && opensWithCause(sc.text, sc.toks) {
					// "Nguyên nhân chậm chủ yếu do …" gives the cause of
					// what the sentence before it in its paragraph says:
					// scored with it.
					before := Tokenize(causedBefore(p, whole, !namesEffect(sc.toks)))
					sc.toks = append(before[:len(before):len(before)], sc.toks...)
				}
				if kind == KindQuote || kind == KindWhat || kind == KindList {
					// "Các xã phải tổ chức trực 24/24 giờ …" goes on with
					// what "Ông Khải yêu cầu: “…" opened: scored with who
					// says it.
					if speaker := quotedBy(p.Chunk.Text, spans, i); speaker != "" {
						sc.toks = append(Tokenize(speaker), sc.toks...)
					}
				}
				if refersToTopic(sc.toks, title) {
					// "Công trình do liên danh … thi công" speaks of what
					// the title names: scored with it.
					sc.toks = append(titleToks[:len(titleToks):len(titleToks)], sc.toks...)
				}
				if kind == KindQuote && i > 0 && opensWithPronoun(sc.text) {
					// "Bà nhấn mạnh: …" is scored with whom "Bà" is.
					sc.toks = append(toks[i-1][:len(toks[i-1]):len(toks[i-1])], sc.toks...)
					if person := lastPerson(paragraphOf(p), whole); !namedIn(newBag(toks[i-1], true), lastPair(person)) {
						sc.toks = append(person[:len(person):len(person)], sc.toks...) // named further back
					}
					sc.whole = sc.before + " " + sc.whole
				}
				all = append(all, sc)
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	// A bulleted item is scored beside its list, but counted once: the
	// list's words weigh as they did.
	counted := 0
	sentences := make([][]Token, 0, len(all))
	for _, sc := range all {
		if !sc.item {
			sentences = append(sentences, sc.toks)
			counted += len(sc.toks)
		}
	}
	avg := float64(counted) / float64(len(sentences))
	local := Query{Text: q.Text, Weights: localWeights(q, content, sentences)}
	var focus []Token // the question's words the title lacks
	for _, t := range content {
		if title.fold[t.Fold] == 0 {
			focus = append(focus, t)
		}
	}
	// "Bí thư Huyện ủy … nhấn mạnh gì?", "Phó chủ tịch tỉnh yêu cầu gì?":
	// the article names the holder of the office in one place and speaks
	// of him by name in another.
	var speaker [2]string
	var holder []Token // the words that give the holder the office
	if kind != KindWho && a.office != "" {
		for _, sc := range all {
			if speaker, holder = holderName(sc.whole, a.office, a.question, content); speaker[0] != "" {
				break
			}
		}
		if person := personNamed(a.names); speaker[0] != "" && person[0] != "" {
			speaker = person // "Phó Chủ tịch UBND tỉnh Phan Đình Khôi nhấn mạnh gì?" says who spoke
		}
	}
	// A place asked about that the article writes as the opening of a
	// longer name is a person's ("tỉnh Rah Lan Hiếu" typed plain), but for
	// a province ("Thái Bình Dương" beside "tỉnh Thái Bình").
	places := slices.DeleteFunc(slices.Clone(a.places), func(pair string) bool {
		if provinces[pair] {
			return false
		}
		first, second, _ := strings.Cut(pair, " ")
		key := [2]string{first, second}
		next := afterPair(a.question, pair) // "Gia Lâm Hạ" asked is the commune the article writes so
		return slices.ContainsFunc(all, func(sc scored) bool { return opensName(sc.toks, pair, next) }) ||
			slices.ContainsFunc(all, func(sc scored) bool { return names(sc.toks, pair) }) && !slices.ContainsFunc(all, func(sc scored) bool { return writesName(sc.toks, key) })
	})
	// What a "bao nhiêu" question measures must be in the sentence that
	// answers, unless it names the article's topic ("Bến Tre", "Châu Phú").
	measures := len(a.subject) == 2 && !a.subject[1].Upper && !title.pairs[[2]string{a.subject[0].Fold, a.subject[1].Fold}] &&
		title.fold[a.subject[0].Fold]+title.fold[a.subject[1].Fold] < 2 &&
		!(surnames[a.subject[0].Fold] && !isAbbreviation(a.subject[1].Fold) && slices.ContainsFunc(all, func(sc scored) bool { return writesName(sc.toks, [2]string{a.subject[0].Fold, a.subject[1].Fold}) })) // "ho sy luc nop …" typed plain opens with a man
	// A subject that is the lead's place ("an duong co bao nhieu truong",
	// the lead says "huyện An Dương") says where: a sentence on the whole
	// of it ("Hiện toàn huyện có 52/56 trường …") names it too.
	var lead []Token // read only where a rule below needs it
	if len(passages[0].Article.Paragraphs) > 0 && (measures || kind == KindNumber || len(a.names) > 0 || kind == KindWho && a.office != "") {
		lead = firstSentenceTokens(passages[0].Article.Paragraphs[0])
	}
	// The names of the title and the lead are the article's topic: "Dự án
	// có tổng vốn đầu tư 86,4 triệu USD" speaks of the firm the lead names.
	// A place is not: "xã Quan Lạn" in the lead does not make the
	// province's figure the commune's. unnamed are the names asked that
	// a sentence must hold itself.
	unnamed := a.names
	if len(a.names) > 0 {
		leadPairs := newBag(lead, true).pairs
		unnamed = slices.DeleteFunc(slices.Clone(a.names), func(n [2]Token) bool {
			pair := n[0].Fold + " " + n[1].Fold
			return leadPairs[[2]string{n[0].Fold, n[1].Fold}] && !placedIn(lead, pair) && !placedIn(titleToks, pair) && !slices.Contains(a.places, pair)
		})
	}
	var written map[[2]string]string // read only where a name asked or typed plain may be a place
	if len(a.names) > 0 || !slices.ContainsFunc(a.question, func(t Token) bool { return t.Upper }) {
		written = placesWritten(sentences)
	}
	typed := placesTypedPlain(a, written)
	askedPlaces := map[[2]string]string{} // the places a figure is asked of, as folded pairs, with their level's noun
	for _, n := range append(slices.Clone(a.names), typed...) {
		key := [2]string{n[0].Fold, n[1].Fold}
		if level, ok := written[key]; kind == KindNumber && (ok || slices.Contains(a.places, key[0]+" "+key[1])) {
			if before, ok := wordBefore(a.question, n[0]); ok && placeNoun(before) {
				level = before.Fold
			}
			askedPlaces[key] = level
		}
	}
	// A place typed plain after its noun ("truong cong an huyen go dau")
	// must be named by the sentence, beside it or earlier in its paragraph,
	// unless the title or the lead names it: then it is the article's own.
	// After any other word the name may be a firm's, a school's or a man's
	// ("htx hòa tiến", "ông bình"), or where what is asked about took
	// place, which the answer need not repeat ("ai bị thương trong vụ sạt
	// lở ở nam đàn").
	if len(typed) > 0 && len(passages[0].Article.Paragraphs) > 0 {
		opening := newBag(firstSentenceTokens(passages[0].Article.Paragraphs[0]), true)
		typed = slices.DeleteFunc(typed, func(n [2]Token) bool {
			key := [2]string{n[0].Fold, n[1].Fold}
			before, ok := wordBefore(a.question, n[0])
			return title.pairs[key] || opening.pairs[key] || ok && !placeNoun(before)
		})
	}
	var subjectLevel string
	if measures {
		subjectLevel = levelOf(lead, a.subject[0].Fold+" "+a.subject[1].Fold)
	}
	// A place asked of below a province ("cháy ở Đôn Phong", where the
	// lead says "xã Đôn Phong") is not answered by the whole of a wider
	// one ("toàn tỉnh xảy ra 6 vụ cháy rừng") that does not name it.
	asked := slices.Clone(a.places)
	for _, n := range a.names {
		asked = append(asked, n[0].Fold+" "+n[1].Fold)
	}
	var wider []string
	for _, pair := range asked {
		if kind != KindNumber || provinces[pair] {
			continue // "TP. Hưng Yên" is the seat of tỉnh Hưng Yên
		}
		level := levelOf(a.question, pair)
		if level == "" {
			level = levelOf(lead, pair)
		}
		for scope, below := range belowLevel {
			if level != "" && slices.Contains(below, level) && !slices.Contains(wider, scope) {
				wider = append(wider, scope)
			}
		}
	}
	// The article's own place, the one its title or lead names, need not
	// be repeated where an office of it is asked about; another place
	// asked about must be named in the sentence or the one before it, or
	// the figure is the article's place's.
	var ownPlaces, otherPlaces []string
	if article := passages[0].Article; len(places) > 0 && len(article.Paragraphs) > 0 {
		// The lead's places are the article's own, but for one of several
		// ("các xã A, B và C").
		leadSentence := firstSentence(article.Paragraphs[0])
		lead := newBag(firstSentenceTokens(article.Paragraphs[0]), true)
		titled := false // the title names a province: the lead's others are compared with it
		for key := range title.pairs {
			titled = titled || provinces[key[0]+" "+key[1]]
		}
		for _, pair := range places {
			first, second, _ := strings.Cut(pair, " ")
			switch key := [2]string{first, second}; {
			case title.pairs[key] || lead.pairs[key] && !(titled && provinces[pair]) && !sharedBy(leadSentence, [][2]string{key}), provinces[pair] && onlyProvince(article, pair):
				ownPlaces = append(ownPlaces, pair)
			case slices.ContainsFunc(all, func(sc scored) bool { return writesName(sc.toks, key) }), // not "bình quân vụ hè" typed plain
				!slices.ContainsFunc(all, func(sc scored) bool { return names(sc.toks, pair) }) && qualifies(article, words{fold: map[string]bool{pair: true}}): // named where the passages read are not
				otherPlaces = append(otherPlaces, pair)
			}
		}
	}
	// A name the lead gives a place ("TX. Chơn Thành") is the article's
	// place, asked without its noun ("vụ cháy ở Chơn Thành").
	for _, n := range a.names {
		if pair := n[0].Fold + " " + n[1].Fold; !slices.Contains(places, pair) && placedIn(lead, pair) {
			ownPlaces = append(ownPlaces, pair)
		}
	}
	askedLevel, _ := officeSeat(a.question, a.office)
	// An article whose title names another year than the one asked speaks
	// of that year where its sentences name none: "Bội chi ngân sách năm
	// 2024" is not answered from the article on 2025's budget.
	titleYears := otherYears(titleToks, a.years)
	titlePeriods := otherPeriods(titleToks, a.periods) // so does a title on "9 tháng" for "6 tháng đầu năm"
	// So does an article published in another year, whose title names
	// none asked: the sentence must name the year asked, not to compare.
	published := passages[0].Article.Published
	comparesYear := false // "còn so với cùng kỳ năm 2023 thì sao" asks of the year compared with
	for i, t := range a.question {
		comparesYear = comparesYear || slices.Contains(a.years, t.Fold) && comparing(a.question, i)
	}
	otherYear := len(a.years) > 0 && !titleYears && !namesYearAsked(titleToks, a.years, true) && !published.IsZero() && !slices.Contains(a.years, strconv.Itoa(published.Year()))
	entity, anyPlace := entityFrame(content, a.frames)
	// A code asked among others of its kind ("ST24" where the article
	// has ST25 too) must be named near the answer; a code the article
	// names alone, in its title or lead, is its topic ("QL24"); one it
	// names in passing ("tuyến đường T2") is not.
	codes := slices.DeleteFunc(slices.Clone(a.codeMarks), func(m string) bool {
		word, number, pair := strings.Cut(m, " ")
		if !pair {
			return !otherCodes(passages[0].Article, m) && namesTopic(passages[0].Article, m)
		}
		_, other := numbersAfter(passages[0].Article, word, number)
		return !other
	})
	// A person's given name ("cơ sở của Hùng") is not a name the answer
	// must repeat: the papers go on with "cơ sở", "bị can", "ông".
	singles := slices.DeleteFunc(slices.Clone(a.singles), func(n Token) bool {
		return slices.ContainsFunc(all, func(sc scored) bool { return givenNameIn(sc.toks, n) })
	})
	askedVerb := a.speechVerb
	var out []candidate
	// marks says of each of out's sentences whether it names itself (or the
	// sentence before names) what a "bao nhiêu" measures, whether it gives a
	// figure aimed at, whether it opens by taking something out of its
	// figure, whether it does what "ai" is asked to have done, as the
	// question words it, and whether its figures are all compared with.
	type mark struct{ measuring, goal, excepting, doing, compared bool }
	var marks []mark
	// A deed asked of "ai" ("ai thiết kế …"), not a second question ("… là
	// ai, sinh năm nào", "… là ai và …").
	deed := len(a.doing) > 0 && !IsStopword(a.doing[0]) && !foldedStop[a.doing[0].Fold] && a.doing[0].Fold != "sinh" &&
		a.doing[0].Start <= len(q.Text) && !strings.ContainsAny(q.Text[:a.doing[0].Start], ",;")
	plainFigure := kind == KindNumber && !a.number.ordinal && len(a.years) == 0 && !comparesFigures(q.Text)
	for _, sc := range all {
		if speaker[0] != "" {
			if kind == KindQuote && !quotesSpeech(sc.text) && (askedVerb == "" || !strings.Contains(Fold(spaced(sc.text)), " "+askedVerb+" ")) {
				continue // what the office's holder said
			}
			if !strings.Contains(officeText(sc.toks), " "+a.office+" ") {
				switch {
				case namedIn(newBag(sc.toks, true), speaker),
					opensWithPronoun(sc.text) && namedIn(newBag(lastPerson(paragraphOf(sc.p), sc.whole), true), speaker): // "Ông đề nghị …"
					sc.toks = append(holder[:len(holder):len(holder)], sc.toks...) // scored with who the holder is
				case kind == KindQuote:
					continue // said by someone else
				}
			}
		}
		if a.body != "" && countsOtherBody(sc.toks, a.body) {
			continue // "Ban Chấp hành … gồm mấy đồng chí" is not answered by "… đã bầu Ban Thường vụ Huyện ủy gồm 11 đồng chí"
		}
		if a.oneCase && talliesCases(sc.toks) {
			continue // "vụ tai nạn làm bao nhiêu người chết" is not answered by "toàn tỉnh xảy ra 18 vụ tai nạn, làm chết 11 người"
		}
		if a.courtSentence && !givesSentence(sc.text) {
			continue // "bị cáo Luân bị xử thế nào" is answered by the years in prison, not by who he is
		}
		if a.code && !reDocNumber.MatchString(sc.text) && !reCodeName.MatchString(sc.text) {
			continue // "số hiệu gì" is answered by a code: "tàu cá QNg 96789 TS"
		}
		if a.phone && !rePhone.MatchString(sc.whole) {
			continue // "số điện thoại đường dây nóng" is answered by a number to call
		}
		if a.scope != "" && narrower(sc.toks, a.scope) {
			continue // "năng suất bình quân toàn tỉnh" is not answered by a district's, "toàn huyện đạt 34,2 tấn/ha"
		}
		said := sc.toks // a title inside a quotation is not the speaker's: "… trước Chủ tịch UBND tỉnh", ông Võ Minh Châu nhấn mạnh
		if strings.ContainsAny(sc.text, "\"“”") {
			prior := sc.toks[:max(0, len(sc.toks)-len(Tokenize(sc.text)))] // who says it, where the quotation began before
			said = append(slices.Clone(prior), Tokenize(outsideQuotes(sc.text))...)
		}
		if a.ranks.mismatch(said) || (len(strings.Fields(a.office)) > 2 || kind == KindWho && a.office != "") && (onlyDeputy(officeText(said), a.office, a.ranks) || kind == KindWho && a.ranks.asked["pho2"] && onlyPlain(officeText(said), a.office)) {
			continue // "Phó Chủ tịch" asked, "Chủ tịch" found, or the other way round
		}
		if (kind == KindWho || kind == KindQuote && speaker[0] == "") && a.office != "" && !strings.Contains(officeText(sc.toks), " "+a.office+" ") {
			continue // "Bí thư Tỉnh ủy" asked, only "Bí thư Huyện ủy" found; what the Chủ tịch UBND tỉnh said, the city's said
		}
		if kind == KindWho && a.office != "" && strings.ContainsAny(sc.text, "\"“”") && !strings.Contains(officeText(Tokenize(outsideQuotes(sc.text))), " "+a.office+" ") {
			continue // "“Đề nghị Giám đốc Sở Nông nghiệp và PTNT cho biết …”, đại biểu Hoàng Văn Lực chất vấn" names who asked, not who holds the office
		}
		if kind == KindWho && a.office != "" && otherDepartment(a.question, sc.toks, a.office) &&
			!(officeBare(sc.toks, a.office) && (namesDepartment(a.question, sc.window, a.office) || namesDepartment(a.question, titleToks, a.office) || namesDepartment(a.question, lead, a.office))) {
			continue // "Trưởng phòng Tài chính" asked, "Trưởng phòng Tài nguyên" found
		}
		if kind == KindWho && askedLevel != "" && otherLevel(sc.toks, a.office, askedLevel) {
			continue // "Chủ tịch UBND thị xã" asked, "Chủ tịch UBND tỉnh" found
		}
		if (kind == KindWho && a.office != "" || a.name) && !hasPersonName(sc.text, content) {
			continue // "Chủ tịch UBND tỉnh tặng Bằng khen …" names nobody
		}
		if kind == KindWho && len(a.places) > 0 && !slices.Contains(a.places, officePlace(sc.toks, a.office)) && officePlace(sc.toks, a.office) != "" {
			continue // "Chủ tịch UBND huyện Lai Vung" asked, "Chủ tịch UBND huyện Lấp Vò" found
		}
		if len(places) > 0 && (kind != KindWho || officePlace(sc.toks, a.office) == "") && namesOtherPlace(sc.toks, a.placeKinds, places) {
			continue // "mực nước tại trạm Long Xuyên" asked, "tại trạm Châu Đốc" found
		}
		if len(otherPlaces) > 0 && (kind != KindWho || officePlace(sc.toks, a.office) == "") && !namesPlaces(otherPlaces, sc.toks, unlessScoped(sc.toks, a.placeKinds, sc.before)) {
			continue // "tỷ lệ hộ nghèo huyện Văn Lâm" asked, the province's rate found
		}
		if kind == KindWhen && a.event != "" && !titled(title, a.event) && !strings.Contains(foldedText(sc.window), " "+a.event+" ") {
			continue // "HTX thành lập năm nào" is answered where the founding is, beside it, or in an article on it
		}
		if kind == KindWhen && a.milestone >= 0 && otherMilestone(a.milestone, sc.toks) {
			continue // "khởi công khi nào" is not answered by the day it was opened
		}
		if kind == KindWhen && a.exactDate && !reDate.MatchString(sc.text) {
			continue // "ngày nào" is answered by a date
		}
		if kind == KindWhen && a.yearAsked && !givesYear(sc.wholeToks) {
			continue // "xây dựng năm nào" is answered by a year, not by "Từ 7h30, …"
		}
		if kind == KindWhen && a.day && !reDay.MatchString(sc.text) {
			continue // "ngày nào" is answered by a day, not by a year ("SN 1989")
		}
		if len(a.codes) > 0 && !matchesAll(sc.before+" "+sc.whole+" "+sc.after, a.codes) {
			continue // "Kế hoạch 145/KH-UBND" asked, the sentence is about something else
		}
		if kind == KindNumber && a.number.code && !namesBodies(a.markers, sc.toks) {
			continue // "UBND tỉnh ban hành kế hoạch số mấy" is not answered by the police's plan
		}
		if kind == KindWhen && len(a.dated) > 0 && !matchesAll(sc.whole, a.dated) {
			continue // "… ban hành ngày nào" is answered by the date the code is given with
		}
		if otherYears(sc.toks, a.years) {
			continue // "năm 2019" asked, the sentence speaks of 2020 and 2015
		}
		if titleYears && !namesYearAsked(sc.window, a.years, comparesYear) && !slices.Contains(a.years, yearBefore(sc.p.Chunk.Text, sc.whole)) {
			continue // "năm 2024" asked, the article is on 2025 and the sentence says no year
		}
		if otherYear && !namesYearAsked(sc.window, a.years, comparesYear) && !slices.Contains(a.years, yearBefore(sc.p.Chunk.Text, sc.whole)) &&
			!slices.Contains(a.years, relativeYear(sc.toks, published)) {
			continue // "tỷ lệ tốt nghiệp năm 2023" asked of 2024's news, the sentence says no year
		}
		if kind == KindWho && a.role != "" && !names(sc.window, a.role) {
			continue // "luật sư bảo vệ … là ai" is not answered by a Phó Chủ tịch
		}
		if len(a.spans) > 0 && otherSpans(spansNotCompared(sc.text), a.spans) {
			continue // "năm học 2023-2024" asked, "năm học 2024-2025" found
		}
		if !holdsMarkers(codes, sc.wholeToks) && !(kind == KindQuote && holdsMarkers(codes, sc.window)) {
			continue // "lúa ST24" asked, the sentence speaks of ST25 or of no variety; a quotation may name it in its sentence before
		}
		if numbersOther(sc.toks, a.markers) {
			continue // "bão số 6" asked, "So với bão số 9 năm 2020, …" found
		}
		if titleNumbersOther(sc.p.Article, a.markers, sc.toks) {
			continue // "Hội thao lần thứ IV" asked of the article on the fifth: only a sentence naming the fourth speaks of it
		}
		if otherMonths(sc.toks, a.months) {
			continue // "tháng 2/2025" asked, the sentence gives January's figure
		}
		if len(wider) > 0 && (slices.ContainsFunc(wider, func(scope string) bool { return wholeOf(sc.toks, scope) || namesLevel(sc.toks, scope) }) || strings.Contains(foldedText(sc.toks), " cac dia phuong ")) &&
			!slices.ContainsFunc(asked, func(pair string) bool { return names(sc.toks, pair) }) {
			continue // "cháy ở Đôn Phong" asked, "toàn tỉnh xảy ra 6 vụ cháy", "các địa phương đã phát dọn 56 km" or "7,2 ha tại các huyện Bạch Thông, …" found
		}
		if kind == KindNumber && len(a.days) > 0 && otherDays(daysIn(sc.text), a.days) {
			continue // "mực nước lúc 7h ngày 12/10" asked, "lúc 7h ngày 11/10" found
		}
		if kind == KindNumber && otherBodyLevel(sc.toks, a.bodyLevels) {
			continue // "ủy ban mttq huyện hỗ trợ bao nhiêu" asked, "Ủy ban MTTQ tỉnh trao 500 triệu đồng" found
		}
		if otherCounts(sc.toks, a.counts) {
			continue // "đạt 3 sao từ năm nào" asked, "nâng hạng lên 4 sao" found
		}
		if otherPeriods(sc.toks, a.periods) || titlePeriods && len(periodsIn(sc.window)) == 0 {
			continue // "6 tháng đầu năm" asked, "9 tháng năm 2024" or "cả năm 2024" found, or said by the title
		}
		if saysOpposite(sc.toks, a.opposites) {
			continue // "người bị thương nhẹ" asked, "người bị thương nặng" found
		}
		if len(a.levels) > 0 && otherLevels(sc.toks, a.levels) {
			continue // "sĩ số bậc THCS" asked, "bậc tiểu học là 42,5 học sinh/lớp" found
		}
		if kind == KindQuote && len(a.names) > 0 && !reportsSpeech(sc.text) {
			continue // "ông Lâm phát biểu gì?" is answered by what someone said
		}
		if a.cause && (!givesCause(sc.toks) && !givesCauseAfter(sc.after, content) || causeUnknown(sc.wholeToks) || causesOther(sc.toks, content)) { // its own words: the sentence before may name an agent ("do anh X điều khiển")
			continue // "nguyên nhân vụ cháy" is not answered by when it broke out, unless the cause follows
		}
		if a.country && !namesCountry(sc.window) {
			continue // "khách nước nào đông nhất" is answered by "Hàn Quốc …"
		}
		if a.post && !namesOffice(sc.toks) {
			continue // "bà Lan Anh giữ chức vụ gì" is answered by her office, not by her votes
		}
		if a.prize != "" && otherPrize(sc.toks, a.prize) {
			continue // "Giải Ba thuộc về ai" is not answered by who won the Giải Nhất
		}
		if a.born && !reBirth.MatchString(sc.before+" "+sc.whole) {
			continue // "ông Hưng sinh năm nào" is answered by "(SN 1968)" or "sinh năm 1968", not by what he did
		}
		if a.origin && !namesHome(foldedText(sc.window)) {
			continue // "bị cáo Khởi quê ở đâu" is not answered by where he worked
		}
		if a.seat && !namesSeat(foldedText(sc.window)) {
			continue // "công ty X có trụ sở ở đâu" is not answered by where it works
		}
		if kind == KindWhen && a.moment && !statesClock(sc.text) && !reDate.MatchString(reDuration.ReplaceAllString(sc.text, "")) && !reDay.MatchString(sc.text) && !namesYear(sc.toks) &&
			!slices.ContainsFunc(sc.toks, func(t Token) bool { return t.Exact == momentWord }) { // not "lực lượng"
			continue // "xảy ra vào lúc nào" is not answered by "xảy ra vào ban đêm"; "vào lúc nộp hồ sơ" answers
		}
		if kind == KindWhen && !a.moment && !statesClock(sc.text) && !reDate.MatchString(sc.text) && !reDay.MatchString(sc.text) && !namesYear(sc.toks) && !namesTime(sc.toks) {
			continue // "Khi nào phát bồn chứa nước" is not answered by how many were given
		}
		if len(a.yesNo) > 0 && !holdsMost(sc.toks, a.yesNo) {
			continue // "tài xế … có bị thương không" is answered where "bị thương" is said
		}
		if a.docAsked.words != "" && !namesDocument(sc.text, sc.toks, a.docAsked) {
			continue // "Nghị định nào quy định …" is answered by a sentence naming one, "Nghị định 36/2020/NĐ-CP"
		}
		if kind == KindWho && deed && !slices.ContainsFunc(sc.window, func(t Token) bool { return t.Fold == a.doing[0].Fold }) {
			continue // "ai thiết kế mô hình" is answered where someone "thiết kế" it, not by who won a prize
		}
		if otherInRole(sc.toks, a.roles) {
			continue // "bào chữa cho bị cáo Tài" asked, "… bào chữa cho bị cáo Duyên" found
		}
		if a.span && !reSpan.MatchString(sc.text) {
			continue // "từ ngày nào đến ngày nào" is answered by both ends: "từ ngày 4/7 đến ngày 30/9/2024"
		}
		if kind == KindWhen && a.clock && !statesClock(sc.text) {
			continue // "mấy giờ" is answered by a time of day
		}
		if kind == KindNumber && a.past && !givesPast(sc.toks, published.Year()) {
			continue // "vụ trước xuống giống bao nhiêu ha" is not answered by this season's figure
		}
		if kind == KindNumber && len(a.spans) == 0 && comparedOnly(sc.toks, a.years) {
			continue // "năm 2022" asked, the figure is of 2023 "so với năm 2022" (a span asked is read as one, above)
		}
		if kind == KindNumber && len(a.number.qualifier) > 0 && (measureWords[a.number.unit] || a.number.unit == "luot" || a.number.unit == "khach") && !holdsWords(a.number.qualifier, sc.window, title) {
			continue // "bao nhiêu ha mắc ca" is not answered by "diện tích cà phê là 620 ha"
		}
		if len(a.priced) > 0 && !holdsWords(a.priced, sc.window, title) {
			continue // "giá cao su ở Sa Thầy" is not answered by the price of cassava
		}
		if a.course != "" && !namesCourse(sc.wholeToks, a.course) {
			continue // "điểm tb môn vật lý" is not answered by "điểm trung bình môn Toán"
		}
		if a.agent != "" && otherAgent(sc.wholeToks, a.agent) {
			continue // "Sở Y tế hỗ trợ bao nhiêu" is not answered by what "UBND huyện … đã cấp"
		}
		if kind == KindNumber && !a.number.in(sc.text, sc.wholeToks, content) {
			continue // "bao nhiêu" is answered by a number ("bao nhiêu xã" by "12 xã")
		}
		if kind == KindNumber && locatesOnly(sc.text, places) {
			continue // "xã Pả Vi (huyện Mèo Vạc) … toàn xã có 412 trẻ" is the commune's figure
		}
		if kind == KindNumber && len(a.places) > 0 && bodysFigure(sc.toks, a.question) {
			continue // "xã Phù Lưu có bao nhiêu ha cam" is not answered by "Tại xã Phù Lưu, Hợp tác xã Cam sành Phù Lưu … 96 ha"
		}
		if kind == KindNumber && a.number.dimension != "" && givesOtherDimension(sc.toks, a.number.dimension) {
			continue // "cầu dài bao nhiêu m" is not answered by "… với bề rộng 14,5 m"
		}
		if kind == KindNumber && len(askedPlaces) > 0 && figuresOfOtherPlaces(sc.text, sc.toks, askedPlaces) {
			continue // "dam doi co bao nhieu ha tom" is not answered by "…, kế đến là huyện Cái Nước với 760 ha"
		}
		if kind == KindNumber && listedWithoutFigure(sc.text, a.entities) {
			continue // "huyện Bình Đại 1.915 hộ, số còn lại ở các huyện Giồng Trôm và Mỏ Cày Nam"
		}
		if kind == KindWho && len(a.doing) > 0 && !holdsAnyOf(sc.toks, a.doing) ||
			kind != KindWho && a.firmFrame && len(a.doing) > 0 && !statesDeed(sc.window, a.doing) { // "đơn vị nào thi công": "thi công" itself, here or beside
			continue // "ai chủ trì hội nghị" is answered by a sentence saying who did, not one beside it
		}
		if entity.Fold != "" && (companies[entity.Fold] || !namesAfter(sc.window, entity, content)) && !namesFrame(sc.window, content, a.frames) && !listsAfter(sc.text, entity) && // a firm by its name, below
			!(anyPlace && namesPlace(sc.window)) && !(companies[entity.Fold] && namesCompany(sc.window, content)) {
			continue // "doanh nghiệp nào", "xã nào" is answered by a name after the word
		}
		if !holdsWords(singles, sc.toks, title) {
			continue // "điểm trung bình môn Toán" asked, the sentence gives Tiếng Anh's
		}
		words := newBag(sc.toks, true)
		if measures && !namesSubject(words, a.subject) && !newBag(sc.window, true).pairs[[2]string{a.subject[0].Fold, a.subject[1].Fold}] &&
			!measuredBy(sc.text, sc.toks, a.subject) && !slices.ContainsFunc(a.subjectAbbr, func(abbr string) bool { return words.fold[abbr] > 0 }) &&
			!perUnit(sc.text, sc.toks, a.subject) && !(subjectLevel != "" && wholeOf(sc.toks, subjectLevel)) {
			continue // "Năng suất lúa … đạt bao nhiêu?" is answered where the yield is, or right beside it
		}
		if !holdsNames(unnamed, words, title) && !calledBy(a.names, words) && !calledByGivenName(a.names, sc.toks) && !namesAround(a.names, ownPlaces, words, sc.window) &&
			!(placeOpens(sc.toks, a.placeKinds) && namesPlaces(places, nil, sc.before) && namesAround(a.names, places, words, sc.window)) &&
			!(opensWithPronoun(sc.text) && holdsNames(a.names, newBag(append(lastPerson(paragraphOf(sc.p), sc.whole), sc.toks...), true), title)) && // "Đồng chí đề nghị …" after her name
			!(speaksOfSomeone(sc.text) && holdsNames(a.names, newBag(sc.window, true), title)) && // "Gia đình ông Bảy ở xã Hà Mòn … vườn của ông cho thu hoạch …"
			!(callsPlaceBare(sc.toks, a.placeKinds) && holdsNames(a.names, newBag(Tokenize(placeOpening(paragraphOf(sc.p))), true), title)) && // "Tại huyện Sa Thầy, … Tính đến 17 giờ, huyện đã di dời 158 hộ"
			!((kind == KindWho && a.office != "" && officeBare(sc.toks, a.office) || namesBodyBare(sc.toks, a.question)) && holdsNames(a.names, newBag(Tokenize(upTo(paragraphOf(sc.p), sc.whole)), true), title)) { // "… HTX Nhân Thịnh … Ông Hưng, Giám đốc HTX cho biết", "tỷ lệ quả loại 1 của HTX đạt 65%"
			continue // the names asked about are elsewhere
		}
		if len(a.source) > 0 && !holdsNames(a.source, newBag(Tokenize(paragraphOf(sc.p)), true), title) {
			continue // what "ông Vinh" says is told in the paragraph that names him
		}
		if len(typed) > 0 && !holdsNames(typed, newBag(sc.window, true), bag{}) && !holdsNames(typed, newBag(Tokenize(upTo(paragraphOf(sc.p), sc.whole)), true), bag{}) {
			continue // "truong cong an huyen go dau" is not answered by "Trưởng Công an huyện Bến Cầu"
		}
		if sc.text != sc.whole && len(a.names) > 0 && !holdsNames(a.names, words, bag{}) && holdsNames(a.names, newBag(sc.wholeToks, true), bag{}) &&
			!holdsNames(a.names, newBag(Tokenize(listHeader(sc.whole)), true), bag{}) {
			continue // the list names them in another item, not in the words that open it ("Về phía huyện Đức Thọ có ông …; bà …")
		}
		bm25 := sentenceScore(q, content, words, avg, title)
		if bm25 <= 0 {
			continue
		}
		if len(context) > 0 && a.ownTotal > 0 && matchScore(q, a.ownCore, sc.toks) < a.ownTotal/2 {
			continue // a follow-up's own words decide ("còn Kết luận 21 thì sao?"); borrowed ones only help
		}
		c := candidate{passage: sc.p, sentence: sc.whole, clause: sc.text, before: sc.before, after: sc.after}
		f := &c.features
		f[fBM25] = bm25 / a.total
		f[fSentence] = share(q, content, words)
		f[fWindow] = windowShare(q, content, sc.window)
		f[fPairs] = pairShare(q, content, words)
		f[fKind] = indicator(hasKind(kind, sc.text, content))
		if kind == KindNumber && a.number.code {
			f[fKind] = indicator(reDocNumber.MatchString(sc.text)) // "số mấy" of a document is answered by its code
		}

		f[fMarkers] = indicator(len(a.markers) > 0 && holdsMarkers(a.markers, sc.toks))                                    // "Quyết định 1204" asked and found, not "Quyết định 2104"
		f[fFrame] = indicator(namesFrame(sc.toks, content, a.frames) && !frameAway(sc.toks, a.frames, content, a.names) || // "tỉnh nào" answered by "tỉnh An Giang"
			a.firmFrame && namesCompany(sc.toks, content)) // "đơn vị nào thi công" by "Công ty CP …"
		f[fLong] = indicator(utf8.RuneCountInString(sc.text) > MaxAnswerRunes)
		f[fAllWords] = allWords(a.question, words)
		f[fOrder] = inOrder(content, sc.toks)
		f[fNew] = beyond(content, sc.toks)
		f[fLocal] = share(local, content, words)
		if a.cause {
			f[fKind] = indicator(statesCause(sc.toks) && f[fLocal] >= 0.3) // "vì sao" is answered by "nguyên nhân là do …" about what is asked
		}
		f[fPhrase] = phrase(local.Weights, content, sc.toks)
		f[fFocus] = f[fSentence]
		if len(focus) > 0 {
			f[fFocus] = share(q, focus, words)
		}
		f[fBack] = f[fSentence]
		if sc.before != "" && refersBack(sc.toks) {
			f[fBack] = share(q, content, newBag(append(Tokenize(sc.before), sc.toks...), false))
		}
		out = append(out, c)
		marks = append(marks, mark{
			measuring: measures && (namesSubject(words, a.subject) || newBag(sc.prior, true).pairs[[2]string{a.subject[0].Fold, a.subject[1].Fold}] || subjectLevel != "" && wholeOf(sc.toks, subjectLevel)),
			goal:      kind == KindNumber && statesGoal(sc.wholeToks),
			excepting: kind == KindNumber && excepts(sc.toks[:min(len(sc.toks), 4)]), // opens with it: not "(không tính điểm ưu tiên)"
			compared:  plainFigure && figuresCompared(sc.text),
			doing:     kind == KindWho && len(a.doing) == 2 && strings.Contains(foldedText(sc.toks), " "+a.doing[0].Fold+" "+a.doing[1].Fold+" ") && namesPerson(sc.toks),
		})
	}
	// keep keeps the candidates whose marks hold, when some do.
	keep := func(holds func(mark) bool) {
		if !slices.ContainsFunc(marks, holds) {
			return
		}
		kept, keptMarks := out[:0], marks[:0]
		for i, c := range out {
			if holds(marks[i]) {
				kept, keptMarks = append(kept, c), append(keptMarks, marks[i])
			}
		}
		out, marks = kept, keptMarks
	}
	// What is measured is named beside the figure: "Tổng thiệt hại … ước
	// tính khoảng 87,6 tỷ đồng", not the sentence before it.
	keep(func(m mark) bool { return m.measuring })
	// "Ai chủ trì hội nghị" is answered where someone "chủ trì", not by
	// the lead that says who held it and holds "Trị" of "Quảng Trị", where
	// a sentence names the one who did.
	keep(func(m mark) bool { return m.doing })
	if kind == KindNumber && !asksGoal(a.question) {
		// A figure asked plainly is what is, where the article says it, not
		// what is aimed at: "phấn đấu đạt 4.500 ha" is a goal.
		keep(func(m mark) bool { return !m.goal })
	}
	if plainFigure {
		// A figure asked plainly is today's, not the one compared with
		// ("So với Hội thao lần thứ IV năm 2022 (610 VĐV …), số VĐV năm nay
		// tăng 132 người"), where a sentence gives today's.
		keep(func(m mark) bool { return !m.compared })
	}
	if kind == KindNumber && !excepts(a.question) {
		// A figure asked plainly is not the one left when something is
		// taken out: "Nếu loại trừ tiền sử dụng đất …, thu nội địa đạt …"
		// gives neither the land's money nor the whole.
		keep(func(m mark) bool { return !m.excepting })
	}
	if kind == KindNumber && len(a.years) == 0 && !published.IsZero() && !a.past && !strings.Contains(Fold(spaced(q.Text)), " truoc ") { // "trước khi có cầu" asks the past
		// A figure asked without a year is the news's, where the article
		// has one: "Năm 2023, buổi diễn tập chỉ có 41 tàu cá" is the past.
		past := func(c candidate) bool { return opensInPast(c.sentence, published) }
		if slices.ContainsFunc(out, func(c candidate) bool { return !past(c) }) {
			out = slices.DeleteFunc(out, past)
		}
	}
	if kind == KindQuote && slices.ContainsFunc(out, func(c candidate) bool { return c.features[fKind] > 0 }) {
		// What someone stressed is their quotation, where the article has
		// one; a sentence that reports it with the very verb asked ("Đại
		// biểu Trương Thị Hoa … đề nghị UBND tỉnh …") says it too.
		out = slices.DeleteFunc(out, func(c candidate) bool {
			return c.features[fKind] == 0 && (askedVerb == "" || !strings.Contains(Fold(spaced(c.clause)), " "+askedVerb+" "))
		})
	}
	return out
}

// finish cuts the chosen sentence to what answers: the clause that holds
// the question's words and the answer, the whole sentence when it fits; a
// consequence gets its cause, and a clause that ends at ':' what follows.
func finish(q Query, kind Kind, own, context []Token, best candidate) candidate {
	content := append(own[:len(own):len(own)], context...)
	q = discountFrames(q, content, frameTokens(q.Text, content))
	core := content
	if matchScore(q, own, Tokenize(best.clause)) > 0 {
		core = own
	}
	best.clause = trimClause(q, kind, core, content, best.clause)
	if kind == KindWho {
		best.clause = whoClause(best.clause, content)
		if !namesPerson(Tokenize(best.clause)) {
			best.clause = fromNameBefore(best.sentence, best.clause) // "Trưởng Ban Chỉ huy …, đã chủ trì" was cut from the name before it
		}
	}
	switch {
	case (kind == KindQuote || kind == KindWhat) && closesQuotation(best.sentence):
		// "“… là trên hết. Tuyệt đối …”, ông Tâm nhấn mạnh." is answered
		// with the whole quotation, from where it opens.
		if whole := openingOf(paragraphOf(best.passage), best.sentence); whole != "" {
			best.sentence = whole
			best.clause = shorten(whole, MaxAnswerRunes)
		}
	case (kind == KindQuote || kind == KindWhat && personNamed(namePairs(q.Text))[0] != "") && best.after != "" &&
		opensQuotation(best.clause) && quotationGoesOn(best.clause, best.after) != "":
		// "… đề nghị: “Xét xử lưu động … ma túy." goes on in the next
		// sentence, which is what was asked for too. Who said it is
		// asked only where the question does not name them.
		best.clause = quotationGoesOn(best.clause, best.after)
		best.sentence += " " + best.after
	case best.before != "" && asksCause(q.Text) && startsWithConsequence(best.sentence):
		// "Từ đó, …" answers with what came before it.
		best.sentence = best.before + " " + best.sentence
		best.clause = shorten(best.sentence, MaxAnswerRunes)
	case best.after != "" && asks(q.Text, cueReason) && !statesCause(Tokenize(best.sentence)) && statesCause(Tokenize(best.after)) && !causeUnknown(Tokenize(best.after)):
		// "… chỉ đạt 86,7%." is followed by why: "Nguyên nhân … là do …".
		best.sentence += " " + best.after
		best.clause = strings.TrimSpace(best.clause) + " " + strings.TrimSpace(best.after)
		if utf8.RuneCountInString(best.clause) > MaxAnswerRunes {
			best.clause = shorten(best.after, MaxAnswerRunes)
		}
	case strings.HasSuffix(strings.TrimSpace(best.clause), ":"):
		// "… theo quy định sau:" is answered by what follows: the rest of
		// the sentence, or the next one.
		head := strings.TrimSpace(best.clause)
		if i := strings.Index(best.sentence, head); i >= 0 && i+len(head) < len(best.sentence) {
			best.clause = shorten(best.sentence[i:], MaxAnswerRunes)
		} else if next := cmp.Or(best.after, nextParagraph(best)); next != "" { // "… 3 khâu đột phá, gồm:" may end its paragraph; the list follows
			best.sentence += " " + next
			best.clause = shorten(head+" "+strings.ReplaceAll(next, "; - ", "; "), MaxAnswerRunes)
		}
	}
	return best
}

// nextParagraph returns the paragraph after the one a candidate's sentence
// ends, or "" when the sentence does not end its paragraph.
func nextParagraph(c candidate) string {
	p := c.passage
	if p.Article == nil || !strings.HasSuffix(strings.TrimSpace(paragraphOf(p)), strings.TrimSpace(c.sentence)) {
		return ""
	}
	if i := p.Chunk.Paragraph + 1; i > 0 && i < len(p.Article.Paragraphs) {
		return p.Article.Paragraphs[i]
	}
	return ""
}

// closesQuotation reports whether a sentence ends a quotation it does not
// open: "… chưa dứt”, ông Tâm nhấn mạnh."
// quotationGoesOn returns a quotation that opens in clause and goes on in
// the next sentence, whole, when it fits an answer: with what introduces
// it, or from where it opens; else "".
func quotationGoesOn(clause, next string) string {
	whole := strings.TrimSpace(clause) + " " + strings.TrimSpace(next)
	if utf8.RuneCountInString(whole) <= MaxAnswerRunes {
		return whole
	}
	if i := strings.IndexAny(whole, "“\""); i > 0 && utf8.RuneCountInString(whole[i:]) <= MaxAnswerRunes {
		return whole[i:]
	}
	return ""
}

// outsideQuotes returns a sentence without what it quotes. A quotation
// may run over from the sentence before ("… giờ đầu. Người đứng đầu …",
// ông X nhấn mạnh) or on to the next.
func outsideQuotes(sentence string) string {
	// A quotation the sentence closes but does not open ran over from the
	// sentence before.
	in := !opensQuotation(sentence) && (strings.Count(sentence, "\"")%2 == 1 || strings.Count(sentence, "“") < strings.Count(sentence, "”"))
	var b strings.Builder
	for _, r := range sentence {
		switch r {
		case '"':
			in = !in
		case '“':
			in = true
		case '”':
			in = false
		default:
			if !in {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// quotedBy returns, when the sentence at i of a chunk goes on with a
// quotation an earlier sentence opened, the words of that sentence before
// the quotation mark: who says it ("Ông Khải yêu cầu:"), or "".
func quotedBy(text string, spans []Span, i int) string {
	if i == 0 {
		return ""
	}
	before := text[spans[0].Start:spans[i].Start]
	if !opensQuotation(before) {
		return ""
	}
	open := max(strings.LastIndex(before, "“"), strings.LastIndex(before, "\""))
	if open < 0 {
		return ""
	}
	open += spans[0].Start
	for k := i - 1; k >= 0; k-- {
		if spans[k].Start <= open {
			return text[spans[k].Start:open]
		}
	}
	return ""
}

// opensQuotation reports whether text opens a quotation it does not close.
func opensQuotation(text string) bool {
	if strings.Count(text, "“") > strings.Count(text, "”") {
		return true
	}
	last := strings.LastIndex(text, "\"")
	if strings.ContainsAny(text, "“”") || strings.Count(text, "\"")%2 == 0 {
		return false
	}
	next, _ := utf8.DecodeRuneInString(text[last+1:])
	return unicode.IsLetter(next) || unicode.IsDigit(next) // "…: "Xét xử", not "… thực phẩm"." closing what an earlier sentence opened
}

func closesQuotation(sentence string) bool {
	closeAt := strings.Index(sentence, "”")
	if closeAt < 0 {
		if i := strings.Index(sentence, "\","); i >= 0 && strings.Count(sentence[:i], "\"") == 0 {
			return true
		}
		return false
	}
	return !strings.Contains(sentence[:closeAt], "“")
}

// paragraphOf returns the whole paragraph a passage was cut from: a
// quotation may open in the chunk before.
func paragraphOf(p *Passage) string {
	if i := p.Chunk.Paragraph; p.Article != nil && i >= 0 && i < len(p.Article.Paragraphs) {
		return p.Article.Paragraphs[i]
	}
	return p.Chunk.Text
}

// firmHeads open a firm's or cooperative's name, folded.
var firmHeads = []string{"htx", "hop tac xa", "cong ti", "cti", "doanh nghiep"}

// bodysFigure reports whether a sentence's first figure is a firm's or
// cooperative's it names before it ("Tại xã Phù Lưu, Hợp tác xã Cam sành
// Phù Lưu với 32 thành viên, 96 ha cam …"), not a place's the question
// asks about: the question names no firm, the sentence no whole ("toàn
// xã").
func bodysFigure(toks, question []Token) bool {
	asked := foldedText(question)
	if slices.ContainsFunc(firmHeads, func(h string) bool { return strings.Contains(asked, " "+h+" ") }) {
		return false
	}
	first := slices.IndexFunc(toks, func(t Token) bool { return t.Number })
	if first < 0 {
		return false
	}
	before := foldedText(toks[:first])
	if strings.Contains(before, " toan ") || strings.Contains(before, " ca ") {
		return false
	}
	for _, h := range firmHeads {
		n := len(strings.Fields(h))
		for i := 0; i+n < first; i++ {
			if foldedText(toks[i:i+n]) == " "+h+" " && toks[i+n].Upper {
				return true
			}
		}
	}
	return false
}

// comparedWith reports whether the year at question[i] is what a figure
// is compared with: "so với năm 2022", "cao hơn cùng kỳ năm 2023", not
// "giá cà phê cùng kỳ năm 2023 là bao nhiêu".
func comparedWith(question []Token, i int) bool {
	before := foldedText(question[max(0, i-4):i])
	if strings.Contains(before, " so voi ") {
		return true
	}
	wider := foldedText(question[max(0, i-6):i])
	return strings.Contains(before, " cung ki ") && (strings.Contains(wider, " so voi ") || strings.Contains(wider, " hon ") || strings.Contains(wider, " tang ") || strings.Contains(wider, " giam "))
}

// namesSeat reports whether a folded text speaks of where a body sits:
// its "trụ sở" or "địa chỉ".
func namesSeat(text string) bool {
	return strings.Contains(text, " tru so ") || strings.Contains(text, " dia chi ")
}

// reBornAsked finds a question, folded, asking when someone was born;
// reBirth, a sentence saying it.
var (
	// pupils joins "học sinh", "thí sinh" into one word for reBornAsked.
	pupils      = strings.NewReplacer(" hoc sinh ", " hocsinh ", " thi sinh ", " thisinh ")
	reBornAsked = regexp.MustCompile(` (sinh (nam|ngay|thang|khi|vao|luc)|nam sinh) `)
	reBirth     = regexp.MustCompile(`(?i)(sinh (năm|ngày|tháng|vào)|năm sinh|\bSN:? ?\d{4}|\(\d{4}\))`)
)

// goalWords say a figure is aimed at, planned or asked for, folded.
var goalWords = []string{" muc tieu ", " phan dau ", " chi tieu ", " ke hoach ", " du kien ", " du bao ", " dat ra ", " du toan ", " de nghi ", " yeu cau ", " danh "}

// asksGoal reports whether a question asks what is aimed at or planned.
func asksGoal(question []Token) bool {
	text := foldedText(question)
	return slices.ContainsFunc(goalWords, func(w string) bool { return strings.Contains(text, w) })
}

// yesNoAsked returns the words of what a question asks is so when it asks
// "có … không" ("tài xế … có bị thương không": "bị thương"), but its
// stopwords and question words; else nil.
func yesNoAsked(question []Token) []Token {
	n := len(question)
	if n < 3 || !noWords[question[n-1].Fold] {
		return nil
	}
	start := -1
	for i := n - 2; i >= 0; i-- {
		if question[i].Fold == "co" {
			start = i + 1
			break
		}
	}
	if start < 0 {
		return nil
	}
	if !namedSubject(question[:start-1]) {
		return nil // "Sinh viên có … không" asks what the rules say of anyone, in their own words
	}
	if start < n-1 && modals[question[start].Fold] {
		return nil // "sinh viên có được chọn … không" asks what the rules allow, which they say in their own words
	}
	var out []Token
	for _, t := range question[start : n-1] {
		if comparingWords[t.Fold] {
			return nil // "có cao hơn năm 2023 không" is answered by the figures, "thấp hơn" too
		}
		if !IsStopword(t) && !askingWords[t.Fold] && !lightDeeds[t.Fold] {
			out = append(out, t)
		}
	}
	return out
}

// namedSubject reports whether the words before a question's "có" name
// whom or what it asks about: a capitalised name, a party to a case or a
// firm ("tài xế Lê Văn Minh", "bị cáo …", "cty …"); typed plain, any.
func namedSubject(subject []Token) bool {
	if !slices.ContainsFunc(subject, func(t Token) bool { return t.Marked }) {
		return true
	}
	for i, t := range subject {
		if i > 0 && t.Upper || namedParties[t.Fold] || i+1 < len(subject) && namedParties[t.Fold+" "+subject[i+1].Fold] {
			return true
		}
	}
	return false
}

// namedParties, folded, are who a yes-or-no question is asked about by name.
var namedParties = map[string]bool{"bi cao": true, "bi can": true, "tai xe": true, "cong ti": true, "cti": true, "htx": true, "doanh nghiep": true, "nan nhan": true}

// noWords end a question asking whether something is so, folded: "không",
// "ko", "k"; askingWords ask within it ("có tiền án gì không").
var (
	noWords     = map[string]bool{"khong": true, "ko": true, "k": true, "hok": true, "chua": true}
	askingWords = map[string]bool{"gi": true, "j": true, "nao": true, "ai": true}
	// comparingWords make such a question a comparison; lightDeeds say
	// little of their own ("có gây thiệt hại về người không" is answered by
	// "không có thiệt hại về người").
	comparingWords = map[string]bool{"hon": true, "tang": true, "giam": true, "voi": true, "bang": true, "kip": true, "dung": true}
	lightDeeds     = map[string]bool{"gay": true}
	modals         = map[string]bool{"duoc": true, "dc": true, "the": true, "nen": true, "phai": true, "can": true, "bat": true}
)

// holdsMost reports whether syllables hold more than half the words
// wanted, folded: what is asked may be said in other words around them.
func holdsMost(toks, wanted []Token) bool {
	held := 0
	for _, w := range wanted {
		if slices.ContainsFunc(toks, func(t Token) bool { return t.Fold == w.Fold }) {
			held++
		}
	}
	return 2*held > len(wanted)
}

// documentAsked returns the kind of document a question asks which of
// ("Nghị định nào quy định …"), with its code's initials, or none.
func documentAsked(folded string) documentType {
	for _, d := range documentTypes {
		if d.words != "bao cao" && d.words != "de an" && strings.Contains(folded, " "+d.words+" nao ") {
			return d
		}
	}
	return documentType{}
}

// namesDocument reports whether a sentence names a document of a kind: by
// its words and a number ("Nghị định 36/2020/NĐ-CP", "Quyết định số 12"),
// or by a code bearing its initials ("36/2020/NĐ-CP").
func namesDocument(text string, toks []Token, d documentType) bool {
	if d.initials != "" && holdsDocument(text, d.initials) {
		return true
	}
	n := len(strings.Fields(d.words))
	for i := 0; i+n < len(toks); i++ {
		if foldedText(toks[i:i+n]) == " "+d.words+" " && (toks[i+n].Number || toks[i+n].Fold == "so") {
			return true
		}
	}
	return false
}

// rolesNamed returns the roles of a case a question names someone in by a
// capitalised name ("bị cáo Tài"), with the name's last syllable, folded.
func rolesNamed(question []Token) [][2]string {
	var out [][2]string
	for i := 0; i+2 < len(question); i++ {
		if role := question[i].Fold + " " + question[i+1].Fold; caseRoles[role] && question[i+2].Upper && !question[i+1].Upper {
			j := i + 2
			for j+1 < len(question) && question[j+1].Upper && question[j+1].Start == question[j].End+1 {
				j++ // "bị cáo Đỗ Quốc Việt" is called "bị cáo Việt" too
			}
			out = append(out, [2]string{role, question[j].Fold})
		}
	}
	return out
}

// otherInRole reports whether a sentence names someone else in a role a
// question names someone in, and not them: "bị cáo Duyên" for "bị cáo Tài".
func otherInRole(toks []Token, roles [][2]string) bool {
	for _, r := range roles {
		if slices.ContainsFunc(toks, func(t Token) bool { return t.Fold == r[1] }) {
			continue
		}
		for i := 0; i+2 < len(toks); i++ {
			if toks[i].Fold+" "+toks[i+1].Fold == r[0] && toks[i+2].Upper {
				return true
			}
		}
	}
	return false
}

// caseRoles are the roles of a court case or an accident, folded, that
// the papers name people in: "bị cáo Tài", "nạn nhân Lan".
var caseRoles = map[string]bool{"bi cao": true, "bi can": true, "bi hai": true, "nan nhan": true, "doi tuong": true}

// namesTime reports whether syllables say when without a figure: "quý
// IV", "cuối năm", "dịp Tết", "sau khi …", "hôm qua", "mùa khô", "vào cuối
// học kỳ", or on what condition: "nếu …", "trường hợp …".
func namesTime(toks []Token) bool {
	for i, t := range toks {
		if timeWords[t.Exact] || i+1 < len(toks) && timePairs[t.Fold+" "+toks[i+1].Fold] {
			return true
		}
	}
	return false
}

// timeWords, as Tokenize writes them, and timePairs, folded, say when.
var (
	timeWords = exactSet("quý tháng tuần mùa dịp Tết hôm sáng chiều tối đêm trưa năm ngày lúc khi vụ kỳ sau trước nếu cuối đầu hạn thời")
	timePairs = map[string]bool{"hien nay": true, "sap toi": true, "truong hop": true}
)

// statesGoal reports whether a sentence gives only a figure aimed at:
// "phấn đấu đạt 4.500 ha", "mục tiêu đến năm 2025", not "… đạt 40%, trong
// khi hiện nay mới đạt 27,3%" nor "đạt 9,7%, vượt mục tiêu 9%", which say
// what is too.
func statesGoal(toks []Token) bool {
	goal := false
	for i := 1; i < len(toks); i++ {
		switch pair := toks[i-1].Fold + " " + toks[i].Fold; pair {
		case "phan dau", "muc tieu":
			if i > 1 && (toks[i-2].Fold == "vuot" || toks[i-2].Fold == "voi") {
				return false // "đạt 9,7%, vượt mục tiêu 9%" says what is, beside the aim
			}
			goal = true
		case "hien nay", "moi dat", "hien dat":
			return false
		}
	}
	return goal
}

// countries are the countries the papers name most, as capitalised
// syllables folded ("han quoc").
var countries = foldedSet([]string{"Hàn Quốc", "Trung Quốc", "Nhật Bản", "Mỹ", "Hoa Kỳ", "Nga", "Úc", "Ấn Độ", "Thái Lan",
	"Lào", "Campuchia", "Đài Loan", "Singapore", "Malaysia", "Indonesia", "Philippines", "Pháp", "Đức", "Anh", "Canada",
	"Hà Lan", "Ý", "Tây Ban Nha", "Brazil", "Myanmar", "Triều Tiên", "New Zealand", "Israel", "Ả Rập Xê Út", "Hồng Kông"})

// namesCountry reports whether syllables name a country: a whole run of
// capitalised syllables ("Hàn Quốc"; not "Đức" of "Nguyễn Văn Đức").
func namesCountry(toks []Token) bool {
	for i := 0; i < len(toks); {
		if !toks[i].Upper {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].Upper && toks[j].Start == toks[j-1].End+1 {
			j++
		}
		if countries[strings.TrimSpace(foldedText(toks[i:j]))] {
			return true
		}
		i = j
	}
	return false
}

// reAsksPost finds a question, folded, asking someone's office.
var reAsksPost = regexp.MustCompile(` chuc (vu|danh) (gi|nao|la gi) `)

// namesOffice reports whether syllables name an office: "Phó Giám đốc
// Sở Y tế", "Bí thư Huyện ủy".
func namesOffice(toks []Token) bool {
	for i := 1; i < len(toks); i++ {
		if officeTitles[toks[i-1].Fold+" "+toks[i].Fold] {
			return true
		}
	}
	return false
}

// prizeRanks are the ranks of prizes, folded: "Giải Nhất", "giải Khuyến khích".
var prizeRanks = map[string]bool{"nhat": true, "nhi": true, "ba": true, "tu": true, "khuyen": true, "dac": true}

// prizeIn returns the rank of the first prize syllables name, or "".
func prizeIn(toks []Token) string {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Fold == "giai" && prizeRanks[toks[i].Fold] {
			return toks[i].Fold
		}
	}
	return ""
}

// otherPrize reports whether syllables name a prize of another rank than
// the one asked, and not the one asked.
func otherPrize(toks []Token, asked string) bool {
	other := false
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Fold == "giai" && prizeRanks[toks[i].Fold] {
			if toks[i].Fold == asked {
				return false
			}
			other = true
		}
	}
	return other
}

// namesHome reports whether a folded text says where someone is from or
// lives: "quê", "trú", "ngụ", "thường trú", "sinh ra".
func namesHome(text string) bool {
	return slices.ContainsFunc([]string{" que ", " tru ", " ngu ", " sinh ra "}, func(w string) bool { return strings.Contains(text, w) })
}

// statesDeed reports whether syllables say a deed of one or two syllables, the
// second at most three after the first: "thi công", "mở 2 cửa" for "mở
// cửa".
func statesDeed(toks, deed []Token) bool {
	for i, t := range toks {
		if t.Fold != deed[0].Fold {
			continue
		}
		if len(deed) == 1 || slices.ContainsFunc(toks[i+1:min(i+4, len(toks))], func(u Token) bool { return u.Fold == deed[1].Fold }) {
			return true
		}
	}
	return false
}

// levelOf returns the place noun, folded, before a place's name in
// toks ("huyen" of "huyện An Dương"), or "".
func levelOf(toks []Token, pair string) string {
	for i := 2; i < len(toks); i++ {
		if placeNoun(toks[i-2]) && toks[i-1].Fold+" "+toks[i].Fold == pair {
			return toks[i-2].Fold
		}
	}
	return ""
}

// namesLevel reports whether a sentence gives a figure of several places
// of a level: "tại các huyện Bạch Thông, Chợ Mới và Na Rì".
func namesLevel(toks []Token, level string) bool {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i-1].Fold == "cac" && toks[i].Fold == level && toks[i+1].Upper {
			return true
		}
	}
	return false
}

// wholeOf reports whether a sentence speaks of the whole of a place of a
// level: "toàn huyện", "cả huyện", or "của tỉnh" with no name after it
// and no place below it named.
func wholeOf(toks []Token, level string) bool {
	text := foldedText(toks)
	if strings.Contains(text, " toan "+level+" ") || strings.Contains(text, " ca "+level+" ") {
		return true
	}
	of := false // "của tỉnh", where the sentence names no place below it ("huyện đã vận động" follows "quy định của tỉnh")
	for i, t := range toks {
		switch {
		case i > 0 && toks[i-1].Fold == "cua" && t.Fold == level && (i+1 == len(toks) || !toks[i+1].Upper):
			// "theo chuẩn của tỉnh" names whose rule counts, not where
			of = of || !slices.ContainsFunc(toks[max(0, i-4):i-1], func(t Token) bool { return t.Fold == "theo" })
		case placeNouns[t.Fold] && t.Fold != level && t.Fold != "tinh":
			return false
		}
	}
	return of
}

// placedIn reports whether syllables name a place, folded, after its noun:
// "TX. Chơn Thành", "huyện Vũ Thư".
func placedIn(toks []Token, pair string) bool {
	return levelOf(toks, pair) != ""
}

// upTo returns a paragraph up to the end of one of its sentences: what a
// reader has read of the paragraph when reaching its end.
func upTo(paragraph, sentence string) string {
	if i := strings.Index(paragraph, sentence); i >= 0 {
		return paragraph[:i+len(sentence)]
	}
	return sentence
}

// openingOf returns the text of a paragraph from the quotation mark that
// opens the quotation the sentence closes to the sentence's end, or "".
func openingOf(paragraph, sentence string) string {
	end := strings.Index(paragraph, sentence)
	if end < 0 {
		return ""
	}
	head := paragraph[:end]
	open := max(strings.LastIndex(head, "“"), strings.LastIndex(head, "\""))
	if open < 0 {
		return ""
	}
	return strings.TrimSpace(paragraph[open : end+len(sentence)])
}

// sentenceScore is a sentence's BM25 for the question's content syllables
// (exact above folded), plus a bonus for each pair that stands together.
//
// A word of the question that the sentence lacks but its article's title
// holds counts a little: every sentence of an article is about its title
// ("Tổng mức đầu tư là …" in the article on the bridge asked about).
func sentenceScore(q Query, content []Token, b bag, avg float64, title bag) float64 {
	norm := sentenceK1 * (1 - sentenceB + sentenceB*float64(b.n)/avg)
	var score float64
	seen := make(map[string]bool, len(content))
	for i, t := range content {
		if i > 0 && b.pairs[[2]string{content[i-1].Fold, t.Fold}] {
			score += bigramBonus * (q.weight(t.Fold) + q.weight(content[i-1].Fold)) / 2
		}
		if seen[t.Fold] {
			continue
		}
		seen[t.Fold] = true
		w := q.weight(t.Fold)
		tf := float64(b.exact[t.Exact])
		switch {
		case !t.Marked:
			tf = float64(b.fold[t.Fold]) // typed without diacritics: any form matches
		case tf == 0:
			tf = float64(b.fold[t.Fold]) * foldMatch
		}
		if tf == 0 && title.fold[t.Fold] > 0 {
			tf = titleMatch
		}
		if tf > 0 {
			score += w * tf * (sentenceK1 + 1) / (tf + norm)
		}
	}
	return score
}

var (
	cueCause           = cues("điều gì", "nhờ đâu", "nhờ gì", "vì sao", "tại sao", "do đâu", "why", "what made")
	consequenceOpeners = []string{"từ đó", "qua đó", "nhờ đó", "do đó", "vì vậy", "nhờ vậy", "bởi vậy", "vì thế"}
)

// asksCause reports whether a question asks what led to something.
func asksCause(question string) bool {
	q := " " + strings.Join(strings.Fields(strings.ToLower(NFC(question))), " ") + " "
	q = strings.NewReplacer("?", " ", ",", " ").Replace(q)
	return cueCause.in(q, true) || cueCause.in(" "+Fold(q)+" ", false)
}

// startsWithConsequence reports whether a sentence opens with "Từ đó",
// "Qua đó" and the like: its cause is the sentence before.
func startsWithConsequence(sentence string) bool {
	s := strings.ToLower(sentence)
	for _, o := range consequenceOpeners {
		if strings.HasPrefix(s, o) {
			return true
		}
	}
	return false
}

// hasKind reports whether text holds the kind of answer the question wants,
// beyond what the question itself says.
func hasKind(kind Kind, text string, content []Token) bool {
	switch kind {
	case KindWho:
		return hasNewName(text, content)
	case KindNumber:
		return hasQuantity(text, content)
	case KindWhen:
		return reDate.MatchString(text)
	case KindWhere:
		return rePlace.MatchString(text)
	case KindList:
		return reCode.MatchString(text)
	case KindQuote:
		return quotesSpeech(text)
	}
	return false
}

// quotesSpeech reports whether text reports what someone said: a verb of
// saying followed by ':' or an opening quotation mark, or a quotation
// followed by who said it ("“…”, ông Lộc nói"), or a quotation's opening.
func quotesSpeech(text string) bool {
	if strings.HasPrefix(text, "“") || strings.HasPrefix(text, "\"") {
		return true // a quotation, said by whom the sentences after it tell
	}
	lower := strings.ToLower(text)
	for _, v := range speechVerbs {
		if i := strings.Index(lower, v); i >= 0 {
			rest := strings.TrimLeft(lower[i+len(v):], " ")
			if strings.HasPrefix(rest, ":") || strings.HasPrefix(rest, "“") || strings.HasPrefix(rest, "\"") {
				return true
			}
			if before := strings.TrimRight(lower[:i], " "); strings.Contains(before, "”,") || strings.Contains(before, "\",") {
				return true
			}
		}
	}
	return false
}

// pronounOpeners open a sentence whose subject is named in the sentence
// before: "Bà nhấn mạnh: …".
var pronounOpeners = []string{"Ông ", "Bà ", "Anh ", "Chị ", "Ông ấy ", "Bà ấy ", "Đồng chí "}

// sentenceBefore returns the sentence of a paragraph before one of its
// sentences, or "".
func sentenceBefore(paragraph, sentence string) string {
	end := strings.Index(paragraph, sentence)
	if end <= 0 {
		return ""
	}
	spans := Sentences(paragraph[:end])
	if len(spans) == 0 {
		return ""
	}
	last := spans[len(spans)-1]
	return paragraph[last.Start:last.End]
}

// causedBefore returns the sentence before one in its paragraph, or, when
// it opens its paragraph and across is set, the last of the paragraph
// before.
func causedBefore(p *Passage, sentence string, across bool) string {
	if before := sentenceBefore(paragraphOf(p), sentence); before != "" || !across {
		return before
	}
	i := p.Chunk.Paragraph
	if p.Article == nil || i < 1 || i > len(p.Article.Paragraphs) || !strings.HasPrefix(paragraphOf(p), sentence) {
		return ""
	}
	prev := p.Article.Paragraphs[i-1]
	if spans := Sentences(prev); len(spans) > 0 {
		last := spans[len(spans)-1]
		return prev[last.Start:last.End]
	}
	return ""
}

// opensWithCause reports whether a sentence gives a cause of what the
// sentence before says: it opens with "Nguyên nhân …" or "Lý do …", or
// names no effect of its cause (namesEffect).
func opensWithCause(sentence string, toks []Token) bool {
	for _, o := range []string{"Nguyên nhân", "Lý do", "Lí do"} {
		if strings.HasPrefix(sentence, o) {
			return true
		}
	}
	return !namesEffect(toks)
}

// namesEffect reports whether a sentence that may give a cause names what
// it caused, rather than "nguyên nhân là do …" after whom it quotes ("Ông
// Lợi cho biết, kết quả trên có được nguyên nhân là do …"): that effect is
// in the sentence before, even in the paragraph before.
func namesEffect(toks []Token) bool {
	for i := 1; i+1 < len(toks); i++ {
		if toks[i-1].Fold == "nguyen" && toks[i].Fold == "nhan" && causeRest[toks[i+1].Fold] ||
			toks[i-1].Fold == "li" && toks[i].Fold == "do" && toks[i+1].Fold == "la" {
			return false
		}
	}
	return true
}

// causeRest are the words, folded, after "nguyên nhân" that say the cause
// follows, not what it caused: "là", "do", "chủ yếu", "chính".
var causeRest = map[string]bool{"la": true, "do": true, "chu": true, "chinh": true}

// datedEvents are what questions asking when date, folded, as papers say
// them too: "thành lập năm nào" is answered where the founding is told.
var datedEvents = []string{"thanh lap", "khoi cong", "khanh thanh", "thong xe", "ban hanh", "khai truong", "khai mac", "be mac",
	"ki ket", "khoi to", "ra doi", "dong tho", "xac lap", "xet xu", "tuyen an", "truy to", "phe duyet", "cong nhan", "ban giao", "nhap ngu",
	"van hanh", "xa lu", "bat giu", "cong bo", "xuat vien", "nhap vien", "khai thac", "thong qua", "thong tuyen"}

// titled reports whether a title holds two syllables, folded: "khanh
// thanh".
func titled(title bag, pair string) bool {
	first, second, _ := strings.Cut(pair, " ")
	return title.pairs[[2]string{first, second}]
}

// eventAsked returns the event a question asks the date of, or "".
func eventAsked(question []Token) string {
	for i := 1; i < len(question); i++ {
		if pair := question[i-1].Fold + " " + question[i].Fold; slices.Contains(datedEvents, pair) {
			return pair
		}
	}
	return ""
}

// milestones are the steps of a work that questions asking when tell
// apart, folded: its start, and its end, each as papers may say it.
var milestones = [][]string{{"khoi cong", "dong tho"}, {"khanh thanh", "thong xe", "hoan thanh", "dua vao su dung", "ban giao"}}

// milestoneAsked returns which of the milestones a question asks the
// date of, or -1.
func milestoneAsked(question []Token) int {
	asked := foldedText(question)
	return slices.IndexFunc(milestones, func(group []string) bool {
		return slices.ContainsFunc(group, func(m string) bool { return strings.Contains(asked, " "+m+" ") })
	})
}

// otherMilestone reports whether a sentence dates another step of a work
// than the one asked, and not the one asked: "Công trình khởi công ngày …"
// for "khánh thành khi nào", the opening for "khởi công khi nào". A
// sentence naming neither ("buổi lễ diễn ra lúc 8 giờ") may answer.
func otherMilestone(asked int, toks []Token) bool {
	said := foldedText(toks)
	names := func(group []string) bool {
		return slices.ContainsFunc(group, func(m string) bool { return strings.Contains(said, " "+m+" ") })
	}
	return !names(milestones[asked]) && names(milestones[1-asked])
}

// speaksOfSomeone reports whether a sentence speaks of a person named
// before it by "ông", "bà" or "bệnh nhân" alone: "vườn cà phê của ông cho
// thu hoạch …", "bệnh nhân đã được bó bột".
func speaksOfSomeone(text string) bool {
	for _, word := range []string{"ông", "bà", "anh", "chị", "bệnh nhân", "nạn nhân"} {
		for at := 0; ; {
			i := strings.Index(text[at:], word)
			if i < 0 {
				break
			}
			start, end := at+i, at+i+len(word)
			at = end
			before, _ := utf8.DecodeLastRuneInString(text[:start])
			after, size := utf8.DecodeRuneInString(text[end:])
			if start > 0 && before != ' ' || end < len(text) && after != ' ' && !unicode.IsPunct(after) {
				continue // inside a word: "Hoàng Bà …" is no "bà"
			}
			next, _ := utf8.DecodeRuneInString(strings.TrimLeft(text[end+size:], " "))
			if after != ' ' || !unicode.IsUpper(next) {
				return true
			}
		}
	}
	return false
}

// asksCodeName reports whether a question, folded, ends asking a code:
// "tàu mang số hiệu gì", "biển số xe là gì"; not "mã số vùng trồng là ngày
// nào" nor "ví mã số như cái gì".
func asksCodeName(folded string) bool {
	words := strings.Fields(folded)
	if len(words) < 3 || !slices.Contains([]string{"gi", "nao", "j"}, words[len(words)-1]) {
		return false
	}
	for i := len(words) - 2; i >= max(len(words)-7, 1); i-- {
		switch pair := words[i-1] + " " + words[i]; {
		case pair == "so hieu" || pair == "ma so" || pair == "bien so" || pair == "ma hieu":
			return true
		case slices.Contains([]string{"nhu", "ngay", "nam", "thang", "khi", "luc", "cai", "ai"}, words[i]):
			return false
		}
	}
	return false
}

// reCodeName finds a code that names a thing: two capitals and a number,
// "QNg 96789", "BP 31-01-01", "ĐT725", "ST25".
var reCodeName = regexp.MustCompile(`(^|[^\pL])\p{Lu}{2}\pL{0,3}[ -]?\d+`)

// givenNameIn reports whether syllables write a word as the last of a
// person's name: "Hùng" of "Nguyễn Văn Hùng".
func givenNameIn(toks []Token, n Token) bool {
	for i := 2; i < len(toks); i++ {
		if toks[i].Fold == n.Fold && toks[i].Upper && toks[i-1].Upper && toks[i-2].Upper && surnames[toks[i-2].Fold] {
			return true
		}
	}
	return false
}

// holdsWords reports whether each of the question's words stands in the
// syllables given, as typed where it has diacritics ("môn Toán" is not
// "toàn", "mắc ca" not "cà"), or in the title.
func holdsWords(words, toks []Token, title bag) bool {
	for _, w := range words {
		if title.fold[w.Fold] == 0 && !slices.ContainsFunc(toks, func(t Token) bool { return t.Fold == w.Fold && (!w.Marked || t.Exact == w.Exact) }) {
			return false
		}
	}
	return true
}

// opensWithPronoun reports whether a sentence opens with a pronoun, after
// a connective of a few words if any ("Tuy nhiên, ông nhấn mạnh: …").
func opensWithPronoun(sentence string) bool {
	if head, rest, ok := strings.Cut(sentence, ", "); ok && len(strings.Fields(head)) <= 2 {
		sentence = upperFirst(rest)
	}
	for _, p := range pronounOpeners {
		if strings.HasPrefix(sentence, p) {
			return true
		}
	}
	return false
}

// hasNewName reports whether text has a run of two or more capitalised
// syllables, not all of them from the question: a person's or a body's name.
func hasNewName(text string, content []Token) bool {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
	}
	run, fresh := 0, 0
	place := false // in the name after a place's noun: "xã Hang Chú", "bản Suối Lềnh", "(Báo Sơn La)" name no one
	toks := Tokenize(text)
	for i, t := range toks {
		if namedThings[t.Exact] && run == 0 && !(i > 0 && honorifics[toks[i-1].Fold]) { // "ông Hồ Sỹ Nguyên" is a man
			place = true
			continue
		}
		if place && t.Upper {
			continue
		}
		place = false
		if t.Upper && !t.Number {
			run++
			if !asked[t.Fold] {
				fresh++
			}
			if run >= 2 && fresh >= 1 {
				return true
			}
			continue
		}
		run, fresh = 0, 0
	}
	return false
}

// namedThings are the nouns, as written, before the name of a place or a
// paper: what follows them names no person.
var namedThings = exactSet("huyện tỉnh xã quận phường trấn thôn ấp bản xóm sông suối cầu đèo núi hồ đường báo Báo")

// doneBy returns the syllables, one or two, of what a who-question asks
// someone did ("chủ trì" of "ai chủ trì hội nghị", "ký" of "do ai ký"), or
// none: "X là ai" asks who someone is, "do ai làm" no deed of its own.
// Auxiliaries before the deed ("ai đã ký") are passed over.
func doneBy(question []Token) []Token {
	return doneAfter(question, "ai")
}

// doneAfter returns what is asked done by whom a question word stands
// for: "ai", or "nào" after a firm ("đơn vị nào thi công").
func doneAfter(question []Token, asking string) []Token {
	for i, t := range question {
		if t.Fold != asking {
			continue
		}
		j := i + 1
		for j < len(question) && (tenses[question[j].Fold] && (question[j].Marked || question[j].Fold != "cung") || goingVerbs[question[j].Fold] && j+1 < len(question) && !IsStopword(question[j+1])) {
			j++ // "đã", "sẽ"; "cung" typed plain after "nào" is rather "cung cấp" than "cũng"; "đi kiểm tra" is "kiểm tra"
		}
		if j == len(question) {
			return nil
		}
		next := question[j]
		if next.Fold == "lam" && j+2 < len(question) && !endsAsking[question[j+1].Fold] && !endsAsking[question[j+2].Fold] && question[j+1].End+1 == question[j+2].Start {
			return question[j+1 : j+3] // "ai làm chủ tọa": the role taken is the deed
		}
		if next.Number || next.Fold == "la" || particles[next.Fold] || lightVerbs[next.Fold] || IsStopword(next) && next.Marked {
			return nil
		}
		if j+1 < len(question) && next.End+1 == question[j+1].Start && !IsStopword(question[j+1]) && !question[j+1].Number {
			return question[j : j+2]
		}
		return question[j : j+1]
	}
	return nil
}

// lightVerbs say no deed of their own after "ai", folded: "do ai làm",
// "có ai ngoài …", "ai giữ chức / đảm nhiệm …" (who holds it); with them,
// the words that end a question or take its place: "ai ở …", "ai trong
// …", "ai cho …".
var lightVerbs = map[string]bool{"lam": true, "co": true, "ngoai": true, "duoc": true, "o": true, "trong": true, "cho": true,
	"tai": true, "voi": true, "cua": true, "nao": true, "giu": true, "dam": true}

// holdsAnyOf reports whether syllables hold any of those wanted, folded.
func holdsAnyOf(toks, wanted []Token) bool {
	return slices.ContainsFunc(toks, func(t Token) bool {
		return slices.ContainsFunc(wanted, func(w Token) bool { return w.Fold == t.Fold })
	})
}

// tenses are the auxiliaries, folded, that may stand between "ai" and its
// deed: "ai đã ký", "ai sẽ chủ trì".
var tenses = map[string]bool{"da": true, "se": true, "dang": true, "vua": true, "cung": true}

// sourceEnd returns where a question's opening "Theo …," ends ("Theo TS.
// Lương Thị Hạnh, …"), or 0.
func sourceEnd(question string, toks []Token) int {
	if len(toks) < 3 || toks[0].Fold != "theo" {
		return 0
	}
	if comma := strings.IndexByte(question, ','); comma > 0 {
		return comma
	}
	return 0
}

// goingVerbs, folded, go before the deed they lead to: "ai đi kiểm tra",
// "ai đến thăm".
var goingVerbs = map[string]bool{"di": true, "den": true, "toi": true}

// particles end a question typed in chat, folded: "là ai v", "ai vậy".
var particles = map[string]bool{"v": true, "z": true, "vay": true, "the": true, "nhi": true, "nha": true, "ha": true, "a": true,
	"nhe": true, "do": true, "day": true}

// lastPerson returns the name of the last person a passage names before a
// sentence of it ("Nguyễn Thị Minh Tâm"), whom a sentence opening with a
// pronoun speaks of, or nil.
func lastPerson(passage, sentence string) []Token {
	end := strings.Index(passage, sentence)
	if end <= 0 {
		return nil
	}
	toks := Tokenize(passage[:end])
	for i := len(toks) - 2; i >= 0; i-- {
		if !toks[i].Upper || !surnames[toks[i].Fold] || !toks[i+1].Upper || toks[i].End+1 != toks[i+1].Start ||
			i > 0 && toks[i-1].Upper && toks[i-1].End+1 == toks[i].Start {
			continue // not a surname opening a name ("Tây Nguyên Xanh")
		}
		j := i + 1
		for j < len(toks) && toks[j].Upper && toks[j-1].End+1 == toks[j].Start {
			j++
		}
		if j-i >= 3 || i > 0 && honorifics[toks[i-1].Fold] { // not "Tổng Giám đốc"
			return toks[i:j]
		}
	}
	return nil
}

// lastPair returns the last two syllables of a name, folded, as namedIn
// takes them; none for no name.
func lastPair(name []Token) [2]string {
	if len(name) < 2 {
		return [2]string{}
	}
	return [2]string{name[len(name)-2].Fold, name[len(name)-1].Fold}
}

// namesAround reports whether a sentence holds the names a question asks
// about as an article's sentences do: the places given need not be
// repeated ("Chủ tịch UBND tỉnh" in an article about Quảng Ngãi), and of several
// names, one said in the sentence lets the others stand beside it ("Khi
// kiểm tra ở Ba Tri, ông Triệu nhấn mạnh …").
func namesAround(names [][2]Token, places []string, sentence bag, window []Token) bool {
	var around bag
	inSentence := false
	for _, n := range names {
		key := [2]string{n[0].Fold, n[1].Fold}
		switch {
		case sentence.pairs[key]:
			inSentence = true
		case slices.Contains(places, key[0]+" "+key[1]):
		default:
			if around.pairs == nil {
				around = newBag(window, true)
			}
			if !around.pairs[key] {
				return false
			}
		}
	}
	return inSentence || around.pairs == nil
}

// writesName reports whether a sentence writes two syllables, folded, as
// a name: both capitalised, standing together.
func writesName(toks []Token, pair [2]string) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Upper && toks[i].Upper && toks[i-1].Fold == pair[0] && toks[i].Fold == pair[1] {
			return true
		}
	}
	return false
}

// namesPlaces reports whether a sentence, or the one before it, names
// every place given, folded.
func namesPlaces(places []string, toks []Token, before string) bool {
	var prev []Token
	for _, p := range places {
		if names(toks, p) {
			continue
		}
		if prev == nil {
			prev = Tokenize(before)
		}
		if !names(prev, p) {
			return false
		}
	}
	return true
}

// unlessScoped returns the sentence before one, which may name the place
// it speaks of, or "" where the sentence says itself that it speaks of a
// place of another kind than those asked: "Toàn tỉnh có 1.245 ha …"
// after a sentence naming districts.
func unlessScoped(toks []Token, kinds map[string]bool, before string) string {
	for i := 1; i < len(toks); i++ {
		if (toks[i-1].Fold == "toan" || toks[i-1].Fold == "ca") && (placeNouns[toks[i].Fold] || toks[i].Fold == "nuoc") && !kinds[toks[i].Fold] {
			return ""
		}
	}
	return before
}

// names reports whether syllables hold a folded pair standing together.
func names(toks []Token, pair string) bool {
	first, second, _ := strings.Cut(pair, " ")
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Fold == first && toks[i].Fold == second {
			return true
		}
	}
	return false
}

// listHeader returns the words that open a list of people, before its
// first honorific or colon: "Về phía huyện Đức Thọ có" of "Về phía huyện
// Đức Thọ có ông Hoàng Văn Tuấn - Bí thư Huyện ủy; bà …". A list with
// neither opens with its first item ("Đơn vị thi công là …; đơn vị tư vấn
// là …"): no header.
func listHeader(sentence string) string {
	lower := strings.ToLower(sentence)
	end := -1
	for _, h := range []string{" ông ", " bà ", " đồng chí ", ":"} {
		if i := strings.Index(lower, h); i >= 0 && (end < 0 || i < end) {
			end = i
		}
	}
	if end < 0 {
		return ""
	}
	return sentence[:end]
}

// honorifics come before a person's name: "ông Y Kha Niê", "Đại tá Dương
// Hoàng Sơn", "TS. Lê Minh Trí".
var honorifics = map[string]bool{"ong": true, "ba": true, "anh": true, "chi": true, "ta": true, "ts": true, "ths": true, "bs": true, "ks": true, "gs": true, "nsnd": true, "nsut": true}

// calledByGivenName reports whether a sentence calls each person the
// question names in full by the given name alone, as papers do in lists
// ("Phạm Văn Khởi" asked, "Khởi hưởng lợi 1,32 tỷ đồng, Luân 740 triệu
// đồng"): the given name stands apart from other capitalised syllables.
func calledByGivenName(names [][2]Token, toks []Token) bool {
	start := 0 // where the name that ends at i begins
	for i, n := range names {
		if i > 0 && names[i-1][1].Start != n[0].Start {
			start = i
		}
		if i+1 < len(names) && names[i+1][0].Start == n[1].Start {
			continue // the name goes on: its given name is further
		}
		if i == start || !surnames[names[start][0].Fold] {
			return false // two syllables, or no surname: not a person named in full
		}
		if !slices.ContainsFunc(toks, func(t Token) bool { return t.Upper && t.Fold == n[1].Fold && standsApart(toks, t) }) {
			return false
		}
	}
	return len(names) > 0
}

// standsApart reports whether a capitalised syllable is no part of a run
// of them: "Khởi" in ", Khởi hưởng lợi", not "Việt" in "Việt Nam".
func standsApart(toks []Token, t Token) bool {
	i := slices.IndexFunc(toks, func(u Token) bool { return u.Start == t.Start })
	return (i == 0 || !toks[i-1].Upper || toks[i-1].End+1 != t.Start) && (i+1 == len(toks) || !toks[i+1].Upper || t.End+1 != toks[i+1].Start)
}

// referrers, folded, come before a given name to refer again to someone
// named in full: the honorifics, and roles such as "bị cáo", "đối tượng".
var referrers = func() map[string]bool {
	m := map[string]bool{"cao": true, "can": true, "tuong": true, "em": true, "chau": true, "cu": true, "thay": true}
	for h := range honorifics {
		m[h] = true
	}
	return m
}()

// minorityFamilyNames open the names of people of the Central Highlands
// and the northern mountains ("Ksor Thương", "Vi Văn Thông", "Y Kha Niê"),
// folded; they are read so only in a run of capitalised syllables.
var minorityFamilyNames = map[string]bool{"ksor": true, "siu": true, "rmah": true, "ro": true, "nay": true, "kpa": true, "y": true, "h": true,
	"rah": true, "puih": true, "kpui": true, "vi": true, "lo": true, "sung": true, "giang": true, "lau": true, "nong": true,
	"trieu": true, "sam": true, "quang": true, "luc": true, "ma": true, "moong": true, "li": true, "ha": true, "lu": true}

// hasPersonName reports whether text names a person the question does not:
// two or more capitalised syllables that open with a surname or follow a
// title ("ông", "Đại tá"). "Quyết định", "Bằng khen" name nobody.
func hasPersonName(text string, content []Token) bool {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
	}
	toks := Tokenize(text)
	for i := 0; i < len(toks); {
		j, fresh := i, false
		for j < len(toks) && toks[j].Upper && !toks[j].Number && (j == i || toks[j-1].End+1 == toks[j].Start) {
			fresh = fresh || !asked[toks[j].Fold]
			j++
		}
		start := i
		if settlements[toks[i].Exact] {
			start++ // "Xã Lý Bôn" opening a sentence
		}
		if (start > i || i > 0 && settlements[toks[i-1].Exact]) && j-start <= 2 {
			i = max(j, i+1)
			continue // "xã Lý Bôn", "Xã Lý Bôn …", "xóm Khuổi Vin" name places; "huyện Nguyễn Thị Kim Hoa", a person
		}
		if j-i >= 2 && fresh && i > 0 && honorifics[toks[i-1].Fold] || j-i >= 3 && honorifics[toks[i].Fold] {
			return true // "ông Y Kha Niê", and "Ông Tô Hữu Nghĩa" opening a sentence
		}
		for k := i; fresh && k+1 < j; k++ { // "… xã Mỹ Lạc Nguyễn Văn Thành": the name is where a surname, or a "Văn"/"Thị" after one, is
			if surnames[toks[k].Fold] || minorityFamilyNames[toks[k].Fold] || k+2 < j && (toks[k+1].Fold == "van" || toks[k+1].Fold == "thi") {
				return true
			}
		}
		i = max(j, i+1)
	}
	return false
}

// settlements are the nouns, as Tokenize writes them, that come before a
// place's name: "xã", "thị trấn", "xóm", "thôn", "ấp" (not "Trần", "Ban").
var settlements = exactSet("huyện tỉnh xã quận phường trấn trạm tp TP xóm thôn ấp khóm buôn")

// discountFrames lowers the weight of the words that name the kind of
// answer ("làm gì", "tỉnh nào"): a sentence need not repeat them.
func discountFrames(q Query, content []Token, frames map[int]bool) Query {
	if len(frames) == 0 || q.Weights == nil {
		return q
	}
	w := make(map[string]float64, len(q.Weights))
	for k, v := range q.Weights {
		w[k] = v
	}
	for _, t := range content {
		if frames[t.Start] {
			w[t.Fold] *= frameWeight
		}
	}
	q.Weights = w
	return q
}

// holdsNames reports whether a sentence (or its article's title) holds
// every name of the question whole.
func holdsNames(names [][2]Token, sentence, title bag) bool {
	for _, n := range names {
		key := [2]string{n[0].Fold, n[1].Fold}
		if !sentence.pairs[key] && !title.pairs[key] {
			return false
		}
	}
	return true
}

// entityNouns name the kinds of place and body that have names of their
// own, folded: "xã nào", "trường nào". entityPairs do so in two
// syllables, by the last one: "doanh nghiệp nào", "bệnh viện nào". Either
// must be the whole frame, or "hành tinh nào" would ask for a province and
// "sinh viên nào" for a hospital.
var (
	entityNouns = map[string]bool{"huyen": true, "tinh": true, "xa": true, "quan": true, "phuong": true, "truong": true,
		"thon": true, "ap": true, "cti": true}
	entityPairs = map[string]bool{"doanh nghiep": true, "cong ti": true, "tap doan": true, "benh vien": true, "dia phuong": true}
	entityForms = exactSet("huyện tỉnh xã quận phường trường thôn ấp")
)

// entityFrame returns the last syllable of a question's frame when it asks
// for a named place or body ("xã" of "xã nào"), and whether for any place
// of the area ("địa phương nào").
func entityFrame(content []Token, frames map[int]bool) (entity Token, anyPlace bool) {
	var frame []Token
	for _, t := range content {
		if frames[t.Start] {
			frame = append(frame, t)
		}
	}
	n := len(frame)
	switch {
	case n == 0:
		return Token{}, false
	case n >= 2 && entityPairs[frame[n-2].Fold+" "+frame[n-1].Fold]:
		return frame[n-1], frame[n-2].Fold == "dia"
	case entityNouns[frame[n-1].Fold] && (!frame[n-1].Marked || entityForms[frame[n-1].Exact]) && (n == 1 || entityNouns[frame[n-2].Fold]):
		return frame[n-1], false // "xã nào", "phường, xã nào"
	}
	return Token{}, false
}

// listsAfter reports whether a sentence lists names after the noun: "8 xã
// đạt chuẩn gồm: Yên Hợp, Yên Thái, …".
func listsAfter(text string, noun Token) bool {
	for _, t := range Tokenize(text) {
		if t.Fold != noun.Fold {
			continue
		}
		rest := text[t.End:]
		at := strings.Index(rest, "gồm")
		if colon := strings.Index(rest, ":"); colon >= 0 && (at < 0 || colon < at) {
			at = colon
		}
		if at < 0 {
			return false
		}
		after := strings.TrimLeft(rest[at:], "gồm: ")
		first, _ := utf8.DecodeRuneInString(after)
		return unicode.IsUpper(first)
	}
	return false
}

// namesAfter reports whether syllables name something after the noun: a
// capitalised word or a number, as a name the question does not hold
// ("xã Long Phước" for "xã nào ở huyện Long Hồ").
func namesAfter(toks []Token, noun Token, content []Token) bool {
	asked := func(t Token) bool {
		return slices.ContainsFunc(content, func(c Token) bool { return c.Fold == t.Fold })
	}
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Fold != noun.Fold {
			continue
		}
		t := toks[i]
		if !(t.Upper || t.Number) {
			continue
		}
		if !asked(t) {
			return true
		}
		if i+1 < len(toks) && toks[i+1].Upper && !toks[i+1].Number && t.End+1 == toks[i+1].Start && !asksPair(content, t, toks[i+1]) {
			return true
		}
	}
	return false
}

// asksPair reports whether the question's content holds two syllables
// together, folded.
func asksPair(content []Token, a, b Token) bool {
	for i := 1; i < len(content); i++ {
		if content[i-1].Fold == a.Fold && content[i].Fold == b.Fold {
			return true
		}
	}
	return false
}

// companies are the frames' last syllables, folded, that ask for a firm:
// "doanh nghiệp nào" is answered by "Công ty TNHH Hoàng Long".
var companies = foldedSet([]string{"nghiệp", "ty", "đoàn", "cty"})

// namesCompany reports whether syllables name a firm the question does
// not, past the words of its legal form: "Công ty cổ phần Nông sản Hà Nam
// Xanh", "Công ty TNHH MTV Cà phê …".
func namesCompany(toks []Token, content []Token) bool {
	asked := func(t Token) bool {
		return slices.ContainsFunc(content, func(c Token) bool { return c.Fold == t.Fold })
	}
	for i := range toks {
		if !companies[toks[i].Fold] {
			continue
		}
		j := i + 1
		for n := legalForm(toks, j); n > 0; n = legalForm(toks, j) {
			j += n
		}
		if j == len(toks) || !toks[j].Upper || toks[j].Number {
			continue
		}
		end := j + 1 // the firm's name, its trade's words too: "Gỗ nội thất Hưng Phát Đạt"
		for end < min(j+8, len(toks)) && toks[end].Start == toks[end-1].End+1 && !toks[end].Number {
			end++
		}
		if slices.ContainsFunc(namePairsIn(toks[j:end]), func(p [2]Token) bool { return asked(p[0]) && asked(p[1]) }) {
			continue // the firm asked about, named after its trade
		}
		for k := j; k < min(j+4, len(toks)) && (k == j || toks[k].Start == toks[k-1].End+1); k++ {
			if !asked(toks[k]) {
				return true
			}
		}
	}
	return false
}

// asksFirm reports whether a question's frame asks for a firm: "công ty
// nào", "doanh nghiệp nào", "đơn vị nào" (which may be a firm).
func asksFirm(content []Token, frames map[int]bool) bool {
	if entity, _ := entityFrame(content, frames); companies[entity.Fold] {
		return true
	}
	var frame []Token
	for _, t := range content {
		if frames[t.Start] {
			frame = append(frame, t)
		}
	}
	n := len(frame)
	return n >= 2 && frame[n-2].Fold == "don" && frame[n-1].Fold == "vi"
}

// firmAsked returns the two syllables, folded, that open the name of the
// firm ("công ty", "cty", "HTX") a question asks about, past its legal
// form and its trade: "hoang luc" of "cty xay dung hoang luc", "hitomo precision" of "Công ty Hitomo
// Precision"; or "" where it names none ("công ty nào").
func firmAsked(question []Token) string {
	for i := range question {
		if !(i > 0 && question[i-1].Fold == "cong" && question[i].Fold == "ti" || question[i].Fold == "cti" || question[i].Fold == "htx") {
			continue
		}
		j := i + 1
		for j < len(question) {
			if n := legalForm(question, j); n > 0 {
				j += n
			} else if tradeAt(question, j, i+1) {
				j++
			} else {
				break
			}
		}
		if j+1 >= len(question) {
			return ""
		}
		first, second := question[j], question[j+1]
		if IsStopword(first) || IsStopword(second) || asking[first.Fold] || asking[second.Fold] || whoWords[second.Fold] ||
			first.Number || second.Number || first.End+1 != second.Start {
			return ""
		}
		return first.Fold + " " + second.Fold
	}
	return ""
}

// trades are the words, folded, of what a firm does that open its name
// before what tells it from others: "Công ty Xây dựng Hoàng Lực".
var trades = foldedSet([]string{"xây", "dựng", "thương", "mại", "dịch", "vụ", "đầu", "tư", "sản", "xuất", "chế", "biến",
	"công", "nghệ", "phát", "triển", "nhập", "khẩu", "nông", "nghiệp", "thực", "phẩm", "vận", "tải", "du", "lịch", "bất", "động",
	"xăng", "dầu", "điện", "môi", "trường", "kinh", "doanh", "vấn", "thiết", "kế", "giao", "thông", "thủy", "lợi", "cơ", "khí",
	"vật", "liệu", "gỗ", "may", "mặc", "tổng", "hợp", "khai", "thác", "cà", "phê", "chè", "lương"})

// tradeAt reports whether the syllable at j, in a firm's name that opens
// at from, names its trade: one that stands alone ("Gỗ"), or one of two
// that do together ("Chế biến"), not "Biển" of "Biển Xanh".
func tradeAt(question []Token, j, from int) bool {
	if !trades[question[j].Fold] {
		return false
	}
	return soleTrades[question[j].Fold] || j+1 < len(question) && trades[question[j+1].Fold] || j > from && trades[question[j-1].Fold]
}

// courses are the subjects of school, folded, each with its short names
// ("lý" for "vật lý"): what "môn …" and "chuyên …" name.
var courses = func() map[string]string {
	m := map[string]string{}
	for _, names := range [][]string{{"ngữ văn", "văn"}, {"toán"}, {"vật lý", "vật lí", "lý", "lí"}, {"hóa học", "hóa"}, {"sinh học", "sinh"},
		{"lịch sử", "sử"}, {"địa lý", "địa lí", "địa"}, {"tiếng anh", "anh", "ngoại ngữ"}, {"tin học", "tin"}, {"công nghệ"},
		{"giáo dục công dân", "gdcd"}} {
		for _, n := range names {
			m[Fold(n)] = Fold(names[0])
		}
	}
	return m
}()

// courseAt returns the subject of school whose name stands at i, the
// longest, or "".
func courseAt(toks []Token, i int) string {
	for n := min(3, len(toks)-i); n >= 1; n-- {
		if c, ok := courses[strings.TrimSpace(foldedText(toks[i:i+n]))]; ok {
			return c
		}
	}
	return ""
}

// courseAsked returns the subject a question names after "môn" or
// "chuyên", or "".
func courseAsked(question []Token) string {
	for i := 0; i+1 < len(question); i++ {
		if question[i].Fold == "mon" || question[i].Fold == "chuyen" {
			if c := courseAt(question, i+1); c != "" {
				return c
			}
		}
	}
	return ""
}

// namesCourse reports whether a sentence names the subject: after "môn" or
// "chuyên", or capitalised ("Toán") outside a name, not "toàn tỉnh".
func namesCourse(toks []Token, course string) bool {
	for i := range toks {
		after := i > 0 && (toks[i-1].Fold == "mon" || toks[i-1].Fold == "chuyen")
		if courseAt(toks, i) == course && (after || toks[i].Upper && (i == 0 || !toks[i-1].Upper)) { // not "Anh" of "Đỗ Hoàng Anh"
			return true
		}
	}
	return false
}

// agentHeads are the heads, folded, of the bodies that give, send or do
// what a count asks about: "UBND", "Sở", "Công an", "công ty", "HTX".
var agentHeads = map[string]bool{"ubnd": true, "hdnd": true, "mttq": true, "ubmttq": true, "so": true, "cong an": true, "cong ti": true,
	"htx": true, "ldld": true, "bchqs": true, "bo chi": true, "ngan hang": true}

// agentAt returns the head of a body that stands at i, or "". "Sở" must be
// written so, or typed before a department ("so y te"): "số" folds alike.
func agentAt(toks []Token, i int, question bool) string {
	if i+1 < len(toks) && agentHeads[toks[i].Fold+" "+toks[i+1].Fold] {
		return toks[i].Fold + " " + toks[i+1].Fold
	}
	if !agentHeads[toks[i].Fold] {
		return ""
	}
	if toks[i].Fold == "so" {
		named := toks[i].Exact == "sơ3" && (toks[i].Upper || question) // not "trụ sở"
		typed := question && !toks[i].Marked && i+2 < len(toks) && (departments[toks[i+1].Fold+" "+toks[i+2].Fold] || isAbbreviation(toks[i+1].Fold))
		if !named && !typed {
			return ""
		}
	}
	return toks[i].Fold
}

// otherAgent reports whether the first body a sentence names is another
// than the one asked, which it does not name at all.
func otherAgent(toks []Token, asked string) bool {
	for i := range toks {
		if head := agentAt(toks, i, false); head != "" {
			return head != asked && !says(toks, asked)
		}
	}
	return false
}

// legalForm returns how many syllables at j spell a firm's legal form
// ("TNHH", "cổ phần", "một thành viên"), or 0: "Thành" of "Thành Phát"
// spells none.
func legalForm(toks []Token, j int) int {
	for _, form := range legalForms {
		if j+len(form) <= len(toks) && slices.EqualFunc(toks[j:j+len(form)], form, func(t Token, w string) bool { return t.Fold == w }) {
			return len(form)
		}
	}
	return 0
}

// legalForms are the legal forms of firms, folded, syllable by syllable.
var legalForms = [][]string{{"cp"}, {"tnhh"}, {"mtv"}, {"jsc"}, {"co", "phan"}, {"trach", "nhiem", "huu", "han"}, {"mot", "thanh", "vien"}}

// soleTrades name a firm's trade in one syllable, folded.
var soleTrades = foldedSet([]string{"gỗ", "điện", "chè"})

// namePairsIn returns the adjacent capitalised pairs of syllables.
func namePairsIn(toks []Token) [][2]Token {
	var out [][2]Token
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Upper && toks[i].Upper {
			out = append(out, [2]Token{toks[i-1], toks[i]})
		}
	}
	return out
}

// namesPlace reports whether syllables name a place: a place's noun
// before a name ("huyện Phù Mỹ", "TP. Tuy Hòa").
func namesPlace(toks []Token) bool {
	for i := 1; i < len(toks); i++ {
		if placeNouns[toks[i-1].Fold] || toks[i-1].Fold == "tx" {
			if toks[i].Upper && !toks[i].Number {
				return true
			}
		}
	}
	return false
}

// perUnit reports whether a sentence gives a figure per what a "mỗi X"
// question asks it of: "150 triệu đồng/hộ" for "Mỗi hộ được hỗ trợ bao
// nhiêu".
func perUnit(text string, toks, subject []Token) bool {
	if subject[0].Fold != "moi" {
		return false
	}
	for _, t := range toks {
		if t.Fold == subject[1].Fold && t.Start > 0 && t.Start <= len(text) && text[t.Start-1] == '/' {
			return true
		}
	}
	return false
}

// openingInitials returns the initials of the three and four adjacent
// words a question opens with from first, folded: "bch" of "ban chấp hành
// đảng bộ …", as the papers abbreviate what it measures.
func openingInitials(own []Token, first Token) []string {
	at := slices.IndexFunc(own, func(t Token) bool { return t.Start == first.Start })
	var out []string
	letters := ""
	for i := at; at >= 0 && i < len(own) && i < at+4; i++ {
		if i > at && own[i-1].End+1 != own[i].Start {
			break
		}
		r, _ := utf8.DecodeRuneInString(own[i].Fold)
		letters += string(r)
		if i-at >= 2 {
			out = append(out, letters)
		}
	}
	return out
}

// frameAway reports whether a sentence names what the question asks the
// place of ("HTX Nông nghiệp Thành Công thuộc xã nào?") but no frame word
// ("xã") within a few syllables after it: the place it names is another
// thing's ("khảo sát vùng khóm xã Hỏa Tiến và cánh đồng lớn của HTX …").
func frameAway(toks []Token, frames map[int]bool, content []Token, names [][2]Token) bool {
	if len(names) == 0 {
		return false
	}
	var frame string // the frame's first syllable
	for _, t := range content {
		if frames[t.Start] {
			frame = t.Fold
			break
		}
	}
	last := -1 // where the name asked ends in the sentence
	for i := 1; i < len(toks); i++ {
		for _, n := range names {
			if toks[i-1].Fold == n[0].Fold && toks[i].Fold == n[1].Fold {
				last = i
			}
		}
	}
	if frame == "" || last < 0 {
		return false
	}
	for i := last + 1; i < len(toks) && i <= last+6; i++ {
		if toks[i].Fold == frame {
			return false
		}
	}
	return true
}

// namesFrame reports whether a sentence follows a word that names the kind
// of answer wanted ("tỉnh" of "tỉnh nào") with a name or number the
// question does not hold: "(tỉnh An Giang)".
func namesFrame(toks []Token, content []Token, frames map[int]bool) bool {
	var frame []Token // the frame's syllables, in order ("đơn vị")
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
		if frames[t.Start] {
			frame = append(frame, t)
		}
	}
	if len(frame) == 0 {
		return false
	}
	for i := len(frame); i < len(toks); i++ {
		next := toks[i]
		if !(next.Upper || next.Number) || asked[next.Fold] {
			continue
		}
		match := true
		for j, f := range frame {
			t := toks[i-len(frame)+j]
			if t.Fold != f.Fold || f.Marked && t.Exact != f.Exact {
				match = false
				break
			}
		}
		if match {
			return true
		}
	}
	// "3 xã được công nhận … là Hải Ninh (…), Đại Trạch …": the frame,
	// then "là" or "gồm" before the names.
	seen := false
	for i, t := range toks {
		seen = seen || t.Fold == frame[0].Fold && (!frame[0].Marked || t.Exact == frame[0].Exact)
		if seen && (t.Fold == "la" || t.Fold == "gom") && i+1 < len(toks) && toks[i+1].Upper && !toks[i+1].Number && !asked[toks[i+1].Fold] {
			return true
		}
	}
	return false
}

// isYear reports whether a number is a year ("năm 2023", "2023 - 2025").
func isYear(text string, t Token) bool {
	if len(t.Exact) != 4 || !(strings.HasPrefix(t.Exact, "19") || strings.HasPrefix(t.Exact, "20")) {
		return false
	}
	before := strings.ToLower(text[:t.Start])
	return strings.HasSuffix(before, "năm ") || strings.HasSuffix(before, "- ") || strings.HasSuffix(before, "đoạn ") ||
		strings.HasPrefix(text[t.End:], " -") || strings.HasPrefix(text[t.End:], "-")
}

// hasQuantity reports whether text holds a number that the question does
// not, and that is no part of a code such as "05-CT/TW".
func hasQuantity(text string, content []Token) bool {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Exact] = true
	}
	toks := Tokenize(text)
	for i, t := range toks {
		if !t.Number || asked[t.Exact] || isYear(text, t) {
			continue
		}
		counts := i+1 < len(toks) && (timeUnits[toks[i+1].Fold] || measureWords[toks[i+1].Fold] || toks[i+1].Fold == "nguoi")
		if i > 0 && toks[i-1].Upper && !toks[i-1].Number && toks[i-1].End+1 == t.Start && !counts {
			continue // part of a name: "Nghị quyết Trung ương 4", not "bị cáo Nguyễn Văn Hùng 20 năm tù"
		}
		if numberRange(text, t) {
			return true // "63.000-65.000 đồng/kg"
		}
		if t.End < len(text) && strings.ContainsRune("-/", rune(text[t.End])) || t.Start > 0 && strings.ContainsRune("-/", rune(text[t.Start-1])) {
			continue // "12-NQ/TU", "15/4"
		}
		return true
	}
	return false
}

// numberRange reports whether a number opens or closes a range of numbers
// written with a hyphen: "63.000-65.000", "5-7".
func numberRange(text string, t Token) bool {
	digit := func(i int) bool { return i >= 0 && i < len(text) && text[i] >= '0' && text[i] <= '9' }
	return t.End+1 < len(text) && text[t.End] == '-' && digit(t.End+1) || t.Start > 1 && text[t.Start-1] == '-' && digit(t.Start-2)
}

// clause is a run of a sentence between commas (weak) or between ';', ':'
// and the sentence's ends (strong). Commas inside quotes or brackets do
// not split.
type clause struct {
	Span
	strongEnd bool // ends at ';', ':' or the sentence end
}

// betweenDigits reports whether the byte at i stands between two digits:
// a decimal comma ("3,2 mét") or a time ("7:45") is no clause break.
func betweenDigits(s string, i int) bool {
	return i > 0 && i+1 < len(s) && s[i-1] >= '0' && s[i-1] <= '9' && s[i+1] >= '0' && s[i+1] <= '9'
}

func clauses(sentence string) []clause {
	var out []clause
	start, depth := 0, 0
	add := func(end int, strong bool) {
		sp := appendSpan(nil, sentence, start, end)
		if len(sp) == 1 {
			out = append(out, clause{sp[0], strong})
		} else if strong && len(out) > 0 {
			out[len(out)-1].strongEnd = true
		}
		start = end
	}
	for i, r := range sentence {
		switch r {
		case '“', '(', '[':
			depth++
		case '”', ')', ']':
			depth = max(depth-1, 0)
		case ',':
			if depth == 0 && !betweenDigits(sentence, i) {
				add(i+1, false)
			}
		case ';', ':':
			if depth > 0 || r == ':' && betweenDigits(sentence, i) {
				continue // inside a parenthesis or a quotation; a time: "7:45"
			}
			add(i+1, true)
		}
	}
	add(len(sentence), true)
	return out
}

// trimClause returns the part of a sentence that answers: from the clause
// where the question's words start to the end of their strong clause, which
// is where Vietnamese puts the new information, trimmed at commas to
// MaxAnswerRunes. A short sentence is returned whole.
//
// core are the words the clause is cut around; known are all the words the
// asker already has (a follow-up's context too).
func trimClause(q Query, kind Kind, content, known []Token, sentence string) string {
	pointed := kind == KindWho || kind == KindNumber || kind == KindWhen || kind == KindWhere
	if utf8.RuneCountInString(sentence) <= clauseRunes {
		return sentence
	}
	cs := clauses(sentence)
	text := func(i, j int) string { return sentence[cs[i].Start:cs[j].End] }
	evidence := func(t string) float64 { return matchScore(q, content, Tokenize(t)) }
	// The shortest run of clauses that keeps nearly all the evidence.
	full := evidence(sentence)
	ci, cj := 0, len(cs)-1
	for i := range cs {
		for j := i; j < len(cs); j++ {
			if j-i >= cj-ci {
				break
			}
			if evidence(text(i, j)) >= clauseKeepMin*full {
				ci, cj = i, j
				break
			}
		}
	}
	// A list starts where its items do ("Chỉ thị 05-CT/TW…") and runs on.
	if kind == KindList {
		for i := range cs {
			if reCode.MatchString(text(i, i)) {
				ci, cj = i, max(i, min(cj, i))
				break
			}
		}
	}
	// Reach the kind of answer wanted (a name, a number, a date) when the
	// core lacks it and a neighbouring clause has it; a person's name, for
	// a who-question, when the sentence names one.
	holds := func(t string) bool { return hasKind(kind, t, content) }
	if kind == KindWho && hasPersonName(sentence, content) {
		holds = func(t string) bool { return hasPersonName(t, content) }
	}
	if kind == KindWhen && asksClock(q.Text) && statesClock(sentence) {
		holds = statesClock // "lúc mấy giờ" is answered by the clause with the hour, not the one with "SN 2001"
	}
	if kind != KindWhat && kind != KindList && !holds(text(ci, cj)) {
		// The nearest clause that holds it; one before the core keeps as
		// much of the core as fits: the hour of an accident opens a long
		// lead. Anything but the hour is looked for near the core only.
		fits := func() bool { return utf8.RuneCountInString(text(ci, cj)) <= MaxAnswerRunes }
		reach := 2
		if kind == KindWhen && asksClock(q.Text) {
			reach = len(cs)
		}
		before := func(d int) bool {
			if ci-d < 0 || !holds(text(ci-d, ci-d)) {
				return false
			}
			for ci -= d; !fits() && cj > ci; cj-- {
			}
			return true
		}
		for d := 1; d <= reach; d++ {
			if kind == KindWho && before(d) {
				break // a name and then the office: "Thượng tá Phạm Văn Lực, Đồn trưởng …"
			}
			if cj+d < len(cs) && holds(text(cj+d, cj+d)) {
				cj += d
				break
			}
			if before(d) {
				break
			}
		}
	}
	// A figure asked of what the core's last clause names follows it when
	// that clause has none: "…; trong đó lao động thuộc hộ nghèo, hộ cận
	// nghèo được hỗ trợ 10 triệu đồng/người".
	if kind == KindNumber && ci < cj && !cs[cj].strongEnd && cj+1 < len(cs) && !holds(text(cj, cj)) && holds(text(cj+1, cj+1)) {
		for cj++; utf8.RuneCountInString(text(ci, cj)) > MaxAnswerRunes && ci < cj; ci++ {
		}
	}
	// "Vì sao …?" is answered by the clause that says why: "Lý giải việc
	// điểm chuẩn … tăng …, ThS. …, cho biết do …".
	if asks(q.Text, cueReason) && !statesCause(Tokenize(text(ci, cj))) {
		for j := cj + 1; j < len(cs); j++ {
			if statesCause(Tokenize(text(j, j))) {
				if utf8.RuneCountInString(text(ci, j)) > MaxAnswerRunes {
					ci = j
				}
				cj = j
				break
			}
		}
	}
	// A clause closed by ';' or ':' before the core's own belongs to the
	// thought before it.
	for ci < cj && cs[ci].strongEnd && !holds(text(ci, ci)) {
		ci++
	}
	// A clause that goes on from the one before ("…, bằng 78,6% dự toán")
	// keeps it when both fit: it says what the figure is of.
	for ci > 0 && continuesClause(text(ci, ci)) && utf8.RuneCountInString(text(ci-1, cj)) <= MaxAnswerRunes {
		ci--
	}
	// A name, number, date or place asked for and found: that is the answer.
	if pointed && holds(text(ci, cj)) {
		return dropReporting(shorten(text(ci, cj), MaxAnswerRunes))
	}
	// Run on to the end of the strong clause, and past it when the answer
	// would say little beyond the question ("… nhấn mạnh:" and the quote);
	// then give back commas until the answer fits (keeping at least one
	// clause past the core).
	end := cj
	for end < len(cs)-1 && !cs[end].strongEnd {
		end++
	}
	if end < len(cs)-1 && kind == KindWhat && newWords(text(ci, end), known) < 3 {
		for end++; end < len(cs)-1 && !cs[end].strongEnd; end++ {
		}
	}
	for end > cj+1 && utf8.RuneCountInString(text(ci, end)) > MaxAnswerRunes {
		end--
	}
	return dropReporting(shorten(text(ci, end), MaxAnswerRunes))
}

// continuations open a clause that goes on from the one before it: a
// share, a change or a part of the figure just given.
var continuations = []string{"bằng", "tăng", "giảm", "đạt", "chiếm", "tương đương", "trong đó", "vượt", "cao hơn", "thấp hơn"}

func continuesClause(clause string) bool {
	c := strings.ToLower(strings.TrimSpace(clause))
	for _, w := range continuations {
		if strings.HasPrefix(c, w+" ") {
			return true
		}
	}
	return false
}

// reportingVerbs open a clause cut from after its speaker ("…, cho biết
// tổng thu …"): the answer is what follows them.
var reportingVerbs = []string{"cho biết", "thông tin", "khẳng định", "cho rằng", "nhận định", "thông báo", "chia sẻ"}

// dropReporting drops a reporting verb that opens a trimmed clause, and a
// colon or comma after it: "Cho biết tổng thu …" says "Tổng thu …".
func dropReporting(clause string) string {
	lower := strings.ToLower(clause)
	for _, v := range reportingVerbs {
		if rest, ok := strings.CutPrefix(lower, v+" "); ok && !strings.HasPrefix(rest, "thêm") {
			return strings.TrimLeft(clause[len(clause)-len(rest):], " :,")
		}
	}
	return clause
}

// speechVerbIn returns the verb of saying a spaced, folded text holds,
// folded, or "".
func speechVerbIn(folded string) string {
	for _, v := range speechVerbs {
		if v := Fold(v); strings.Contains(folded, " "+v+" ") {
			return v
		}
	}
	return ""
}

// speechVerbs follow a speaker's name: "… Lê Phước Dũng nhấn mạnh:".
var speechVerbs = []string{"nhấn mạnh", "cho biết", "phát biểu", "khẳng định", "chia sẻ", "nói", "thông tin", "cho rằng", "nhận định", "đề nghị", "yêu cầu",
	"khuyến cáo", "cam kết", "kêu gọi", "đề xuất", "kiến nghị", "chỉ đạo", "dặn dò", "nhắn nhủ", "bày tỏ", "lưu ý", "mong muốn", "gửi gắm"}

// dropSpeechVerb ends a who-answer at the name when only a verb of saying
// follows it: "Bí thư Huyện ủy Châu Thành Lê Phước Dũng".
func dropSpeechVerb(clause string) string {
	trimmed := strings.TrimRight(clause, " :,;.")
	for _, v := range speechVerbs {
		head, ok := strings.CutSuffix(trimmed, " "+v)
		if !ok {
			continue
		}
		if toks := Tokenize(head); len(toks) > 0 && toks[len(toks)-1].Upper {
			return head
		}
		if appositive, ok := strings.CutSuffix(head, ","); ok {
			return appositive // "BS. Nguyễn Văn Lâm, Giám đốc Trung tâm Y tế huyện, cho biết"
		}
	}
	return clause
}

// newWords counts the content syllables of text that the question does not
// have: what an answer adds.
func newWords(text string, content []Token) int {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
	}
	n := 0
	for _, t := range Tokenize(text) {
		if !asked[t.Fold] && !IsStopword(t) {
			n++
		}
	}
	return n
}

// shorten cuts text to at most n runes at a clause or word boundary.
func shorten(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	cut := 0
	for i := range text {
		if utf8.RuneCountInString(text[:i]) > n-1 {
			break
		}
		cut = i
	}
	head := text[:cut]
	if k := lastClauseBreak(head); k > len(head)/2 {
		return strings.TrimSpace(head[:k]) + "…"
	}
	if k := strings.LastIndexByte(head, ' '); k > 0 {
		return strings.TrimSpace(head[:k]) + "…"
	}
	return head + "…"
}

// matchScore sums the weights of the question's content syllables found in a
// text (exact above folded) and rewards pairs that stand together: the
// evidence a clause keeps.
func matchScore(q Query, content []Token, toks []Token) float64 {
	exact := make(map[string]bool, len(toks))
	fold := make(map[string]bool, len(toks))
	pairs := make(map[string]bool, len(toks))
	for i, t := range toks {
		exact[t.Exact] = true
		fold[t.Fold] = true
		if i > 0 {
			pairs[toks[i-1].Fold+" "+t.Fold] = true
		}
	}
	var score float64
	for i, t := range content {
		w := q.weight(t.Fold)
		switch {
		case exact[t.Exact]:
			score += w
		case fold[t.Fold]:
			score += w * foldMatch
		}
		if i > 0 && pairs[content[i-1].Fold+" "+t.Fold] {
			score += bigramBonus * (w + q.weight(content[i-1].Fold)) / 2
		}
	}
	return score
}

// lastClauseBreak is the byte offset of the last ',', ';' or ':' of text
// that is no part of a number or a time, or -1.
func lastClauseBreak(text string) int {
	for k := len(text) - 1; k >= 0; k-- {
		if strings.IndexByte(",;:", text[k]) >= 0 && !betweenDigits(text, k) {
			return k
		}
	}
	return -1
}

// rankWords change the office a title names: "Phó Chủ tịch" is not
// "Chủ tịch", "nguyên Bí thư" is no longer one.
var rankWords = map[string]bool{"pho2": true, "nguyên": true}

// officeHeads are the first syllables of offices, folded: chủ tịch, bí
// thư, giám đốc, trưởng ban, tổng biên tập, hiệu trưởng, chánh án, viện
// trưởng, cục trưởng, chỉ huy trưởng, bộ trưởng, thủ trưởng.
var officeHeads = map[string]bool{"chu": true, "bi": true, "giam": true, "truong": true, "tong": true, "hieu": true,
	"chanh": true, "vien": true, "cuc": true, "chi": true, "chinh": true, "hat": true, "doi": true, "to": true, "tram": true, "vu": true,
	"bo": true, "thu": true}

// rankMismatch reports whether text names a different rank of the office
// the question asks about: the question says "phó" and text does not, or
// every time text names the office after the question's word, it puts
// "phó" before it while the question does not.
func rankMismatch(question, text []Token) bool {
	return askRanks(question).mismatch(text)
}

// ranksAsked is what rankMismatch reads of a question, read once.
type ranksAsked struct {
	asked  map[string]bool // the rank words it holds, exactly
	next   map[string]bool // the words that follow a rank word in it
	titles map[string]bool // the offices' titles it names, folded ("chu tich"), not "chủ" of "chủ trì"
	firsts map[string]bool // those titles' first syllables, to look up pairs only where one may start
}

func askRanks(question []Token) ranksAsked {
	r := ranksAsked{asked: map[string]bool{}, next: map[string]bool{}, titles: map[string]bool{}, firsts: map[string]bool{}}
	for i, t := range question {
		if i+1 < len(question) && officeTitles[t.Fold+" "+question[i+1].Fold] {
			r.titles[t.Fold+" "+question[i+1].Fold] = true
			r.firsts[t.Fold] = true
		}
		rank := t.Exact
		if !t.Marked && t.Fold == "pho" && i+1 < len(question) && officeHeads[question[i+1].Fold] {
			rank = "pho2" // "pho chu tich" typed without diacritics
		}
		if rankWords[rank] {
			r.asked[rank] = true
			if i+1 < len(question) {
				r.next[question[i+1].Fold] = true
			}
		}
	}
	return r
}

// onlyDeputy reports whether every time a sentence, as officeText reads
// it, names the office asked in full, it names its deputy ("Phó Chủ tịch
// UBND huyện Vũ Thư" where "Chủ tịch UBND huyện" is asked), though it may
// name the rank asked elsewhere ("Chủ tịch UBND xã Tam Quang").
func onlyDeputy(text, office string, r ranksAsked) bool {
	if r.asked["pho2"] {
		return false
	}
	found := false
	for rest := text; ; {
		at := strings.Index(rest, " "+office+" ")
		if at < 0 {
			return found
		}
		if !strings.HasSuffix(rest[:at+1], " pho ") {
			return false
		}
		found = true
		rest = rest[at+1:]
	}
}

// onlyPlain reports whether every time a sentence, as officeText reads
// it, names the office asked, no "Phó" stands before it: the deputy of the
// HĐND asked is not named by "Chủ tịch HĐND tỉnh …" beside "Phó Chủ tịch
// UBND tỉnh".
func onlyPlain(text, office string) bool {
	found := false
	for rest := text; ; {
		at := strings.Index(rest, " "+office+" ")
		if at < 0 {
			return found
		}
		if strings.HasSuffix(rest[:at+1], " pho ") {
			return false
		}
		found = true
		rest = rest[at+1:]
	}
}

func (r ranksAsked) mismatch(text []Token) bool {
	if len(r.asked) > 0 {
		have := map[string]bool{}
		office := false // text names an office the question names too
		for i, t := range text {
			if i+1 < len(text) && r.next[text[i+1].Fold] {
				have[t.Exact] = true // the rank of the office asked about, not of another ("Phó Bí thư")
			}
			office = office || r.next[t.Fold] && i+1 < len(text) && officeTitles[t.Fold+" "+text[i+1].Fold]
		}
		for rank := range r.asked {
			if !have[rank] && office {
				return true // a sentence naming nobody's office may speak of the holder by name
			}
		}
	}
	// The question's office ("chủ tịch", "bí thư") appears in text only
	// right after a rank word the question does not have.
	plain, ranked := false, false
	for i, t := range text {
		if i == 0 || i+1 >= len(text) || r.next[t.Fold] || !r.firsts[t.Fold] || !r.titles[t.Fold+" "+text[i+1].Fold] {
			continue // not an office's title ("Chư Sê" is a place)
		}
		if t.Fold == "chi" && (i+2 >= len(text) || text[i+2].Fold != "truong" && text[i+2].Fold != "pho") {
			continue // "Bộ Chỉ huy" names a body, "trực tiếp chỉ huy" a deed, not the office "Chỉ huy trưởng"
		}
		if prev := text[i-1]; rankWords[prev.Exact] && !r.asked[prev.Exact] {
			ranked = true
		} else if !rankWords[prev.Exact] {
			plain = true
		}
	}
	return ranked && !plain
}

// bulleted reports whether a sentence is lines of a bulleted list joined
// ("…, diện tích 86,5 ha; - Khu công nghiệp Triệu Phú, … quy mô 472,5 ha;"):
// each item says something of its own.
func bulleted(sentence string) bool {
	return strings.Contains(sentence, "; - ") || strings.Contains(sentence, "; + ") || reItemNumber.MatchString(sentence)
}

// reOpeningNumber finds the number an item of a numbered list opens with.
var reOpeningNumber = regexp.MustCompile(`^\d{1,2}\. `)

// reItemNumber finds the number that opens an item of a numbered list
// after the item before it: "…; 4. Tỉnh đoàn …".
var reItemNumber = regexp.MustCompile(`; \d{1,2}\. \p{Lu}`)

// listItems splits a sentence that lists several items separated by ';'
// ("ông A, Chủ tịch …; bà B, Phó Chủ tịch …") into them; any other
// sentence is one item.
func listItems(sentence string) []string {
	var items []string
	start := 0
	for _, c := range clauses(sentence) {
		if c.strongEnd && c.End < len(sentence) && sentence[c.End-1] == ';' {
			items = append(items, bulletless(sentence[start:c.End-1]))
			start = c.End
		}
	}
	if len(items) == 0 {
		return []string{sentence}
	}
	return append(items, bulletless(sentence[start:]))
}

// bulletless is a list item without its spaces and bullet: "- Khu công
// nghiệp …" is "Khu công nghiệp …".
func bulletless(item string) string {
	item = strings.TrimSpace(item)
	if rest, ok := strings.CutPrefix(item, "- "); ok {
		return rest
	}
	if rest, ok := strings.CutPrefix(item, "+ "); ok {
		return rest
	}
	if m := reOpeningNumber.FindString(item); m != "" {
		return item[len(m):] // "4. Tỉnh đoàn …"
	}
	return item
}

// whoClause cuts a who-answer at the name when a quotation follows it:
// "Bí thư Huyện ủy Châu Thành Lê Phước Dũng nhấn mạnh: “…”" answers "Bí
// thư Huyện ủy Châu Thành Lê Phước Dũng".
func whoClause(clause string, content []Token) string {
	for _, c := range clauses(clause) {
		if !c.strongEnd || c.End == len(clause) {
			continue
		}
		// The first ';' or ':' outside parentheses and quotations.
		if head := clause[:c.End-1]; clause[c.End-1] == ':' && hasNewName(head, content) {
			return dropSpeechVerb(head)
		}
		break
	}
	return dropSpeechVerb(clause)
}

// bodies are the bodies people name by their initials, folded, so a
// question typed in lower case ("chu tich hdnd") still names one.
var bodies = map[string]bool{"ubnd": true, "hdnd": true, "mttq": true, "ubmttq": true, "ubkt": true, "btv": true, "tand": true, "vksnd": true}

// distinguishing returns what tells a question from its neighbours and
// must be in the sentence that answers it: the initials of a body ("HĐND",
// not "UBND"), and each number with the word before it ("định 12" of
// "Quyết định 12", "thứ 15" of "Kỳ họp thứ 15"; not "có 2"), as folded
// keys.
func distinguishing(question []Token) []string {
	var out []string
	// A Roman numeral typed in lower case numbers only after an ordinal
	// word ("lan thu xix"); questions typed in capitals are read in lower
	// case (unshout).
	for i, t := range question {
		switch {
		case perOne(question, i):
			// "bao nhiêu 1 chục" asks a rate: "45.000 đồng/chục"
		case (numeral(t) || i > 0 && ordinalWords[question[i-1].Fold] && roman(t.Exact)) && i > 0 && question[i-1].End+1 == t.Start && !IsStopword(question[i-1]) && !(i+1 < len(question) && periodWords[question[i+1].Fold]) && !datePart(question, i),
			t.Number && i > 0 && question[i-1].End == t.Start && !question[i-1].Number:
			out = append(out, question[i-1].Fold+" "+t.Fold) // "Quyết định 12", "ST24", not "ngân sách 6 tháng"
		case t.Number, mixesDigits(t.Fold) && !withUnit(t.Fold): // "khối B00", "H5N1", not "1kg"
			out = append(out, t.Fold)
		case bodies[t.Fold]:
			out = append(out, t.Fold)
		}
	}
	return out
}

// otherCodes reports whether an article names a code of code's shape
// other than it: "khối C00" beside "khối A00".
func otherCodes(a *Article, code string) bool {
	shape := codeShape(code)
	for _, p := range append([]string{a.Title}, a.Paragraphs...) {
		for _, t := range Tokenize(p) {
			if t.Fold != code && mixesDigits(t.Fold) && codeShape(t.Fold) == shape {
				return true
			}
		}
	}
	return false
}

// namesTopic reports whether an article's title or lead names a key.
func namesTopic(a *Article, key string) bool {
	text := a.Title
	if len(a.Paragraphs) > 0 {
		text += " " + firstSentence(a.Paragraphs[0])
	}
	return slices.ContainsFunc(Tokenize(text), func(t Token) bool { return t.Fold == key })
}

// codeShape writes a code's letters as "a" and digits as "0": "a00" for
// "c00" and "d01".
func codeShape(code string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsDigit(r) {
			return '0'
		}
		return 'a'
	}, code)
}

// typedAsCode reports whether a marker of the question is a code: one
// syllable of letters and digits ("a00" of "khối A00"), or letters and a
// number typed together ("st 24" of "ST24").
func typedAsCode(question []Token, marker string) bool {
	word, number, pair := strings.Cut(marker, " ")
	if !pair {
		return mixesDigits(marker)
	}
	for i := 1; i < len(question); i++ {
		if question[i-1].Fold == word && question[i].Fold == number && question[i-1].End == question[i].Start {
			return true
		}
	}
	return false
}

// datePart reports whether the number at i opens a date ("ngày 15/4"):
// the date, not the word before it, is what must be found.
func datePart(toks []Token, i int) bool {
	return i+1 < len(toks) && toks[i].Number && toks[i+1].Number && toks[i+1].Start == toks[i].End+1
}

// mixesDigits reports whether a syllable holds letters and digits: a code.
func mixesDigits(s string) bool {
	return strings.ContainsAny(s, "0123456789") && strings.IndexFunc(s, unicode.IsLetter) >= 0 && !squaredUnits[s]
}

// withUnit reports whether a syllable is a figure typed with its unit:
// "1kg", "24h", "5ha".
func withUnit(s string) bool {
	unit := strings.TrimLeft(s, "0123456789.,")
	return unit != s && unit != "" && (measureWords[unit] || unitSpellings[unit] != "" || unit == "h" || unit == "g" || unit == "l")
}

// squaredUnits are units typed with a digit for their power ("m2" for
// "m²"): no code.
var squaredUnits = map[string]bool{"m2": true, "m3": true, "km2": true, "cm2": true, "cm3": true, "dm3": true}

// numeral reports whether a syllable numbers something: digits, or a Roman
// numeral in capitals ("nhóm II", "khóa XII", "lần thứ XVIII").
func numeral(t Token) bool {
	return t.Number || t.Upper && roman(t.Exact)
}

// reRoman matches a Roman numeral below 50, in lower case.
var reRoman = regexp.MustCompile(`^(xl|x{0,3})(ix|iv|v?i{0,3})$`)

// roman reports whether a syllable, lower-cased, is a Roman numeral.
func roman(s string) bool { return s != "" && reRoman.MatchString(s) }

// ordinalWords, folded, number what follows them even when it is typed in
// lower case: "lan thu xviii", "khoa xii".
var ordinalWords = map[string]bool{"thu": true, "khoa": true}

// pastPeriods say the period before the one the news is of, folded.
var pastPeriods = [][]string{{"nam", "truoc"}, {"nam", "ngoai"}, {"cung", "ki"}, {"vu", "truoc"}, {"nam", "roi"}}

// givesPast reports whether syllables speak of the period before, by
// its name or by a year before the one given (the news's): a question
// asking of it, or a sentence giving its figure ("năm ngoái chỉ 12.500
// đồng/kg"), not only comparing with it ("tăng 1,9 tạ/ha so với cùng kỳ
// năm trước; sản lượng …").
func givesPast(toks []Token, year int) bool {
	for i := 1; i < len(toks); i++ {
		past := slices.ContainsFunc(pastPeriods, func(p []string) bool { return toks[i-1].Fold == p[0] && toks[i].Fold == p[1] })
		if y, err := strconv.Atoi(toks[i].Fold); toks[i].Number && err == nil && isYearNumber(toks[i].Fold) && y < year {
			past = true
		}
		if past && (!strings.Contains(foldedText(toks[max(0, i-6):i]), " so voi ") ||
			slices.ContainsFunc(toks[i+1:min(i+4, len(toks))], func(t Token) bool { return t.Number })) {
			return true // "so với cùng thời điểm năm ngoái (khoảng 66.000 đồng/kg)" gives it too
		}
	}
	return false
}

// comparedOnly reports whether a sentence names one of the years only to
// compare with it: "tăng 9,6% so với năm 2022", "so với cùng kỳ năm 2023".
func comparedOnly(toks []Token, years []string) bool {
	for _, y := range years {
		seen, compared := false, true
		for i, t := range toks {
			if t.Fold != y {
				continue
			}
			seen = true
			compared = compared && comparing(toks, i)
		}
		if seen && compared {
			return true
		}
	}
	return false
}

// calledBy reports whether a sentence calls everyone the question names by
// honorific (or role) and given name, as articles refer again to someone
// they named in full ("Trần Quốc Khánh" asked, "ông Khánh nhấn mạnh" said;
// "Đỗ Quốc Việt", "bị cáo Việt").
func calledBy(names [][2]Token, sentence bag) bool {
	for i, n := range names {
		if i+1 < len(names) && names[i+1][0].Start == n[1].Start {
			continue // the name goes on: its given name is further
		}
		called := false
		for h := range referrers {
			called = called || sentence.pairs[[2]string{h, n[1].Fold}]
		}
		if !called {
			return false
		}
	}
	return len(names) > 0
}

// otherYears reports whether a sentence names years, none of them one the
// question asks about: its figures are of another year.
func otherYears(toks []Token, years []string) bool {
	if len(years) == 0 {
		return false
	}
	named, inDate, otherNamed := false, false, false
	for i, t := range toks {
		if t.Number && isYearNumber(t.Fold) {
			if slices.Contains(years, t.Fold) && !comparing(toks, i) {
				if !yearOfSpan(toks, i) {
					return false
				}
				inDate = true
				continue
			}
			named = named || !comparing(toks, i) // "tăng 4,1% so với cùng kỳ năm 2023" gives this year's figure; "Năm 2025, … so với dự toán năm 2024" is 2025's
			otherNamed = otherNamed || i > 0 && toks[i-1].Fold == "nam" && !comparing(toks, i)
		}
	}
	if inDate {
		return otherNamed // "kế hoạch vốn năm 2025 … ngày 10/12/2024" is 2025's, "nhiệm kỳ 2015-2020 … năm 2020" 2020's
	}
	return named
}

// yearOfSpan reports whether the year at toks[i] opens a span of years
// ("2015-2020", "2015 - 2020") or dates a document ("Nghị quyết số
// 18/NQ-HĐND ngày 10/12/2024"): a figure there is not that year's by it.
func yearOfSpan(toks []Token, i int) bool {
	if i+1 < len(toks) && toks[i+1].Number && isYearNumber(toks[i+1].Fold) && toks[i+1].Start-toks[i].End <= 3 && (i == 0 || !toks[i-1].Number) {
		return true
	}
	// "… HĐND ngày 10/12/2024": the day's two numbers and "ngày" after a code
	return i >= 4 && toks[i-1].Number && toks[i-2].Number && toks[i-3].Fold == "ngay" && isAbbreviation(toks[i-4].Fold) && toks[i-4].End+1 == toks[i-3].Start
}

// opposites are words with their opposites, or with their rivals (one of
// three seasons, one of three medals): a sentence that says another and
// not the one asked answers nothing about it. Single syllables count only
// as written, with their diacritics ("tăng", not "tang" of "tầng"), and are
// kept as Tokenize writes them; pairs count folded too ("thuong nhe").
var opposites = func() map[string][]string {
	m := map[string][]string{}
	key := func(word string) string {
		if strings.Contains(word, " ") {
			return word
		}
		return Tokenize(word)[0].Exact
	}
	for _, group := range [][]string{
		{"tăng", "giảm"}, {"nặng", "nhẹ"},
		{"thuong nhe", "thuong nang"}, {"xuat khau", "nhap khau"}, {"xuat khau", "xuat nhap"}, {"nhap khau", "xuat nhap"}, {"toi da", "toi thieu"}, {"cao nhat", "thap nhat"},
		{"lon nhat", "nho nhat"}, {"nhieu nhat", "it nhat"}, {"dau nam", "cuoi nam"}, {"noi thanh", "ngoai thanh"},
		{"tre em", "nguoi lon"}, {"bi thuong", "tu vong"}, {"bi thuong", "chết"}, {"noi tru", "ngoai tru"},
		{"bat dau", "ket thuc"}, {"khoi cong", "hoan thanh"}, {"khoi cong", "khanh thanh"}, {"khoi cong", "hop long", "thong xe"},
		{"thiet ke", "giam sat"},            // "tư vấn thiết kế" is not the "tư vấn giám sát"
		{"duoc bau", "mien nhiem"},          // who was elected is not who was dismissed
		{"so tham", "phuc tham"},            // a first trial is not the appeal
		{"dong xuan", "he thu", "thu dong"}, // rice seasons: "vụ đông xuân" is not "vụ thu đông"
		{"hcv", "hcb", "hcd"},               // medals
	} {
		for _, a := range group {
			for _, b := range group {
				if a != b {
					m[key(a)] = append(m[key(a)], key(b))
				}
			}
		}
	}
	return m
}()

// sameAs are the words of opposites said another way: "chết" is "tử vong".
var sameAs = map[string]string{Tokenize("chết")[0].Exact: "tu vong", "tu vong": Tokenize("chết")[0].Exact}

// oppositesAsked returns the words of a question that have opposites,
// each with its opposite.
func oppositesAsked(question []Token) [][2]string {
	type asked struct {
		pair       [2]string
		start, end int // the syllables it spans
	}
	var found []asked
	for i, t := range question {
		for _, o := range opposites[t.Exact] { // "tang" typed plain, which may be "tầng", is no key
			found = append(found, asked{[2]string{t.Exact, o}, i, i})
		}
		if i > 0 {
			if tradeTotal(question, i-1) {
				continue
			}
			for _, o := range opposites[question[i-1].Fold+" "+t.Fold] {
				found = append(found, asked{[2]string{question[i-1].Fold + " " + t.Fold, o}, i - 1, i})
			}
		}
	}
	// "tăng hay giảm" asks which: either answers.
	joins := func(i int) bool {
		return i > 0 && i < len(question) && (question[i].Fold == "hay" || question[i].Fold == "hoac")
	}
	var out [][2]string
	for _, p := range found {
		if !slices.ContainsFunc(found, func(q asked) bool {
			return q.pair[0] == p.pair[1] && (q.start == p.end+2 && joins(p.end+1) || p.start == q.end+2 && joins(q.end+1))
		}) {
			out = append(out, p.pair)
		}
	}
	return out
}

// reDuration finds hours counted, not told: "sau gần 17 giờ nỗ lực",
// "trong 72 giờ", "trong vòng 48 giờ".
var reDuration = regexp.MustCompile(`(?i)(gần|hơn|trong|trong vòng|suốt|mất|sau) \d{1,2} giờ`)

// statesClock reports whether a text tells an hour of the day, not only
// hours counted.
func statesClock(text string) bool {
	durations := reDuration.FindAllStringIndex(text, -1)
	for _, m := range reClock.FindAllStringIndex(text, -1) {
		if !slices.ContainsFunc(durations, func(d []int) bool { return d[0] <= m[0] && m[0] < d[1] }) {
			return true
		}
	}
	return false
}

// levelsOfSchooling are the levels of schooling, folded, as papers name
// them in full or abbreviated.
var levelsOfSchooling = []string{"mam non", "nha tre", "mau giao", "tieu hoc", "thcs", "trung hoc co so", "thpt", "trung hoc pho thong"}

// levelsIn returns the school levels syllables name.
func levelsIn(toks []Token) []string {
	text := foldedText(toks)
	var out []string
	for _, l := range levelsOfSchooling {
		if strings.Contains(text, " "+l+" ") {
			out = append(out, l)
		}
	}
	return out
}

// otherLevels reports whether a sentence names school levels, none of them
// asked: it gives another level's figure.
func otherLevels(toks []Token, asked []string) bool {
	named := levelsIn(toks)
	return len(named) > 0 && !slices.ContainsFunc(named, func(l string) bool {
		return slices.Contains(asked, l) || slices.ContainsFunc(asked, func(a string) bool { return sameLevel(a, l) })
	})
}

// sameLevel reports whether two school levels are one written two ways.
func sameLevel(a, b string) bool {
	return levelSpellings[a] == b || levelSpellings[b] == a
}

// levelSpellings are school levels, folded, with their other spelling.
var levelSpellings = map[string]string{"thcs": "trung hoc co so", "thpt": "trung hoc pho thong", "mau giao": "mam non", "nha tre": "mam non"}

// saysOpposite reports whether a sentence says the opposite of a word
// asked and not the word.
func saysOpposite(toks []Token, asked [][2]string) bool {
	for _, pair := range asked {
		if says(toks, pair[1]) && !says(toks, pair[0]) && (sameAs[pair[0]] == "" || !says(toks, sameAs[pair[0]])) {
			return true
		}
	}
	return false
}

// says reports whether syllables hold a word of opposites.
func says(toks []Token, word string) bool {
	first, second, pair := strings.Cut(word, " ")
	for i, t := range toks {
		if !pair && t.Exact == word || pair && i > 0 && toks[i-1].Fold == first && t.Fold == second && !tradeTotal(toks, i-1) {
			return true
		}
	}
	return false
}

// tradeTotal reports whether the pair at toks[i] is "nhập khẩu" of "xuất
// nhập khẩu": trade both ways, which says neither imports nor exports.
func tradeTotal(toks []Token, i int) bool {
	return i > 0 && toks[i-1].Fold == "xuat" && toks[i].Fold == "nhap"
}

// passagesHold reports whether the passages read hold every word wanted:
// then their article need not be read whole.
func (a *asked) passagesHold(passages []Passage, want words) bool {
	found := words{fold: map[string]bool{}, exact: map[string]bool{}}
	for _, p := range passages {
		_, toks := a.sentencesOf(p.Chunk)
		for _, sentence := range toks {
			for _, t := range sentence {
				found.fold[t.Fold] = found.fold[t.Fold] || want.fold[t.Fold]
				found.exact[t.Exact] = found.exact[t.Exact] || want.exact[t.Exact]
			}
		}
	}
	return holdsWanted(found, want)
}

// holdsWanted reports whether the words found are all those wanted.
func holdsWanted(found, want words) bool {
	for k := range want.fold {
		if !found.fold[k] {
			return false
		}
	}
	for k := range want.exact {
		if !found.exact[k] {
			return false
		}
	}
	return true
}

// wordsOf are syllables as articleWords looks them up: as written where
// typed with diacritics ("cận" is not "cần"), folded where not.
func wordsOf(toks []Token) words {
	w := words{fold: map[string]bool{}, exact: map[string]bool{}}
	for _, t := range toks {
		if t.Marked {
			w.exact[t.Exact] = true
		} else {
			w.fold[t.Fold] = true
		}
	}
	return w
}

// qualifies reports whether an article holds every word wanted: those that
// say which of the things counted a question asks about, or a place it
// names.
func qualifies(a *Article, want words) bool {
	return holdsWanted(articleWords(a, want), want)
}

// roles are people's roles a who-question may ask about that are no
// office's title, folded: papers write them before the name ("luật sư
// Nguyễn Văn A"). Roles a verb can give instead ("nhà thầu" of a company
// that "thi công") are not here.
var roles = []string{"luat su", "tham phan", "kiem sat", "chu toa", "bac si", "tai xe", "thu khoa", "giang vien", "giao vien",
	"ki su", "phong vien", "bi cao", "thu ki"}

// roleAsked returns the role a question names, or "".
func roleAsked(question []Token) string {
	for i := 1; i < len(question); i++ {
		if pair := question[i-1].Fold + " " + question[i].Fold; slices.Contains(roles, pair) {
			return pair
		}
	}
	return ""
}

// roleAfter returns the two syllables, folded, that "ai là" asks for when
// they are no office's title, name or place ("chủ mưu" of "ai là (người)
// chủ mưu vụ phá rừng", "cầm đầu" of "ai là kẻ cầm đầu"), or "": a role
// the answer must hold.
func roleAfter(question []Token) string {
	for i := 0; i+3 < len(question); i++ {
		if question[i].Fold != "ai" || question[i+1].Fold != "la" {
			continue
		}
		j := i + 2
		if question[j].Fold == "nguoi" || question[j].Fold == "ke" || question[j].Fold == "vi" {
			j++ // "ai là người chủ mưu", "kẻ cầm đầu", "vị …"
		}
		if j+1 >= len(question) {
			return ""
		}
		a, b := question[j], question[j+1]
		pair := a.Fold + " " + b.Fold
		if a.Upper || b.Upper || a.Number || b.Number || IsStopword(a) && a.Marked || IsStopword(b) && b.Marked || officeTitles[pair] || placeNouns[a.Fold] || a.End+1 != b.Start {
			return ""
		}
		return pair
	}
	return ""
}

// reYearSpan finds a span of years: "2023-2024", "2025 – 2030".
var reYearSpan = regexp.MustCompile(`\b((?:19|20)\d\d)\s*[-–]\s*((?:19|20)\d\d)\b`)

// yearSpan is a span of years, first and last.
type yearSpan [2]int

// yearSpans returns the spans of years a text names.
func yearSpans(text string) []yearSpan {
	var out []yearSpan
	for _, m := range reYearSpan.FindAllStringSubmatch(text, -1) {
		first, _ := strconv.Atoi(m[1])
		last, _ := strconv.Atoi(m[2])
		out = append(out, yearSpan{first, last})
	}
	return out
}

// otherSpans reports whether spans found are there and none is the same
// period as one asked.
// spansNotCompared returns the spans of years a sentence names, but those
// named to compare with: "tăng 4,3 tỷ đồng so với niên vụ 2022 - 2023" is
// the figure of the span after it.
func spansNotCompared(text string) []yearSpan {
	var out []yearSpan
	for _, m := range reYearSpan.FindAllStringSubmatchIndex(text, -1) {
		start := max(0, m[0]-40)
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		if back := Fold(text[start:m[0]]); strings.Contains(back, "so voi") || strings.Contains(back, "cung ky") {
			continue
		}
		first, _ := strconv.Atoi(text[m[2]:m[3]])
		last, _ := strconv.Atoi(text[m[4]:m[5]])
		out = append(out, yearSpan{first, last})
	}
	return out
}

func otherSpans(found, asked []yearSpan) bool {
	return len(found) > 0 && !slices.ContainsFunc(found, func(s yearSpan) bool { return slices.ContainsFunc(asked, s.same) })
}

// same reports whether two spans of years speak of the same period: a
// school or crop year is itself ("2023-2024" is not "2024-2025"); a
// longer span is the same as one it overlaps ("2020-2025", "2021-2025").
func (s yearSpan) same(t yearSpan) bool {
	if s[1]-s[0] <= 1 && t[1]-t[0] <= 1 {
		return s == t
	}
	return s[0] <= t[1] && t[0] <= s[1]
}

// numbersOther reports whether a sentence follows a word the question
// numbers ("số" of "bão số 6") with another number only: it speaks of
// another storm, decision or session.
func numbersOther(toks []Token, markers []string) bool {
	for _, m := range markers {
		word, number, pair := strings.Cut(m, " ")
		if !pair || isYearNumber(number) {
			continue
		}
		other := false
		for i := 1; i < len(toks); i++ {
			if toks[i-1].Fold != word || !numeral(toks[i]) {
				continue
			}
			if toks[i].Fold == number {
				return false
			}
			other = true
		}
		if other {
			return true
		}
	}
	return false
}

// measureUnits are the units, folded, a measure is given in, by its name:
// "diện tích" is told by "2.400 m2 nhà xưởng", "lượng khách" by "112.460
// lượt khách". Only units that tell their measure: tấn tells no "sản
// lượng" (measureUnitsOf has the units a measure asked wants).
var measureUnits = map[string][]string{
	"dien tich": {"ha", "m2", "km2", "hecta"}, "chieu dai": {"m", "km", "met"}, "luong mua": {"mm"},
	"luong khach": {"luot"}, "nhiet do": {"do"}, "ty le": {"%"}, "ti le": {"%"},
}

// measuredBy reports whether a sentence gives a figure in a unit of the
// measure asked ("2.400 m2" for "diện tích").
func measuredBy(text string, toks []Token, subject []Token) bool {
	for _, unit := range measureUnits[subject[0].Fold+" "+subject[1].Fold] {
		if countsUnit(text, toks, unit) {
			return true
		}
	}
	return false
}

// namesYearAsked reports whether syllables name a year asked, not to
// compare with it ("tăng 18,6% so với năm 2023" gives no figure of 2023)
// unless the question compares too.
func namesYearAsked(toks []Token, years []string, compared bool) bool {
	for i, t := range toks {
		if slices.Contains(years, t.Fold) && (compared || !comparing(toks, i)) {
			return true
		}
	}
	return false
}

// relativeYear returns the year a sentence names by its news's: "năm
// ngoái" (or "năm trước", not "2 năm trước", "mấy năm trước") is the year before the one
// published, "năm nay" that year; else "".
func relativeYear(toks []Token, published time.Time) string {
	for i := 1; i < len(toks); i++ {
		if toks[i-1].Fold != "nam" || i >= 2 && (toks[i-2].Number || severalWords[toks[i-2].Fold]) {
			continue
		}
		switch toks[i].Fold {
		case "ngoai", "truoc":
			return strconv.Itoa(published.Year() - 1)
		case "nay":
			return strconv.Itoa(published.Year())
		}
	}
	return ""
}

// refersToTopic reports whether a sentence opens by naming its article's
// topic with a general noun: "Công trình …", "Dự án …", or "Cầu dài 412 m"
// where the title names the bridge.
func refersToTopic(toks []Token, title bag) bool {
	return len(toks) > 2 && toks[0].Upper && (topicNouns[toks[0].Fold+" "+toks[1].Fold] || toks[0].Fold == "cau" && !toks[1].Upper && title.fold["cau"] > 0)
}

// topicNouns, folded, name an article's topic in general.
var topicNouns = map[string]bool{"cong trinh": true, "du an": true}

// severalWords, folded, count years before "năm trước": "mấy năm trước"
// is some years ago, not last year.
var severalWords = map[string]bool{"may": true, "vai": true, "nhieu": true, "nhung": true, "cac": true, "mot": true, "hai": true, "ba": true}

// opensInPast reports whether a sentence opens in the past: with "Trước
// đây" or a year its news has left behind ("Năm 2023, …" in news of
// mid-2024, not "Từ năm 2023", since). In the first quarter the year
// before is the one the papers sum up ("Năm 2024, HTX sản xuất 160 tấn
// miến" in March 2025).
func opensInPast(sentence string, published time.Time) bool {
	end := min(len(sentence), 40) // "Trong năm 2022," is in the first words
	for end < len(sentence) && !utf8.RuneStart(sentence[end]) {
		end++
	}
	toks := Tokenize(sentence[:end])
	for i := 0; i+1 < len(toks) && i < 5; i++ {
		if pair := toks[i].Fold + " " + toks[i+1].Fold; pair == "truoc day" || pair == "truoc kia" {
			return true // "Trước đây, đơn vị … chỉ có 15 máy", "Theo tính toán, trước đây …"
		}
		if i >= 3 {
			continue
		}
		if toks[i].Fold == "nam" && toks[i+1].Number && isYearNumber(toks[i+1].Fold) {
			if i > 0 && toks[i-1].Fold == "tu" {
				return false // "Từ năm 2023, HTX đã đầu tư …" runs on to now
			}
			y, _ := strconv.Atoi(toks[i+1].Fold)
			return y < published.Year()-1 || y == published.Year()-1 && published.Month() > time.March
		}
	}
	return false
}

// givesYear reports whether a sentence gives a year, of any age: "năm
// 1867", "1885", "năm 7 TCN".
func givesYear(toks []Token) bool {
	for i, t := range toks {
		if !t.Number {
			continue
		}
		if n, err := strconv.Atoi(t.Fold); err == nil && (n >= 1000 && n <= 2100 || i > 0 && toks[i-1].Fold == "nam") {
			return true
		}
	}
	return false
}

// namesYear reports whether a sentence names a year.
func namesYear(toks []Token) bool {
	return slices.ContainsFunc(toks, func(t Token) bool { return t.Number && isYearNumber(t.Fold) })
}

// yearBefore returns the last year a passage names before a sentence of
// it, not to compare with, or "": the year the sentence goes on about.
func yearBefore(passage, sentence string) string {
	end := strings.Index(passage, sentence)
	if end < 0 {
		return ""
	}
	toks := Tokenize(passage[:end])
	for i := len(toks) - 1; i >= 0; i-- {
		if toks[i].Number && isYearNumber(toks[i].Fold) && !comparing(toks, i) {
			return toks[i].Fold
		}
	}
	return ""
}

// excepting are the words that take something out of a figure, folded.
var excepting = map[string]bool{"loai tru": true, "ngoai tru": true, "khong ke": true, "khong tinh": true}

// excepts reports whether syllables take something out of a figure:
// "Nếu loại trừ tiền sử dụng đất, …", "không kể …".
func excepts(toks []Token) bool {
	for i := 1; i < len(toks); i++ {
		if excepting[toks[i-1].Fold+" "+toks[i].Fold] {
			return true
		}
	}
	return false
}

// figuresCompared reports whether every figure of a sentence is one compared
// with or a change: after "so với" or "cùng kỳ" in its clause, or right
// after "tăng", "giảm", "thêm" ("tăng 0,18 tấn/ha so với vụ Đông Xuân
// 2022-2023 (đạt 6,94 tấn/ha)").
func figuresCompared(sentence string) bool {
	figures := 0
	for _, c := range clauses(sentence) {
		text := sentence[c.Start:c.End]
		toks := Tokenize(text)
		against := false
		for i, t := range toks {
			if i > 0 && (toks[i-1].Fold == "so" && t.Fold == "voi" || toks[i-1].Fold == "cung" && t.Fold == "ki") {
				against = true
			}
			if !t.Number || isYear(text, t) || t.End < len(text) && text[t.End] == '-' || t.Start > 0 && text[t.Start-1] == '-' {
				continue
			}
			figures++
			if !against && (i == 0 || !changeWords[toks[i-1].Fold]) {
				return false
			}
		}
	}
	return figures > 0
}

// changeWords, folded, give a figure as a change: "tăng 132 người".
var changeWords = map[string]bool{"tang": true, "giam": true, "them": true}

// comparesFigures reports whether a question compares or asks a change:
// "so với", "tăng bao nhiêu", "hơn năm trước".
func comparesFigures(question string) bool {
	q := Fold(spaced(question))
	for _, w := range []string{" so voi ", " tang ", " giam ", " hon ", " cung ky ", " truoc ", " ngoai ", " chenh ", " them "} {
		if strings.Contains(q, w) {
			return true
		}
	}
	return false
}

// comparing reports whether the syllable at i is named to compare with:
// "so với năm 2022", "cùng kỳ năm 2023", "cao hơn năm 2023".
func comparing(toks []Token, i int) bool {
	back := foldedText(toks[max(0, i-5):i])
	return strings.Contains(back, " so voi ") || strings.Contains(back, " cung thoi ") || // "so với cùng thời điểm năm 2023"
		strings.HasSuffix(back, " hon nam ") || strings.Contains(back, " cung ki ") && (strings.Contains(back, " hon ") || strings.Contains(back, " tang ") || strings.Contains(back, " giam ")) // "cao hơn cùng kỳ năm 2024", not "Cùng kỳ năm 2023, … đạt 870 tấn"
}

// otherMonths reports whether a sentence names months ("tháng 1"), none of
// them one the question asks about.
func otherMonths(toks []Token, months []string) bool {
	if len(months) == 0 {
		return false
	}
	named := monthsIn(toks)
	return len(named) > 0 && !slices.ContainsFunc(named, func(m string) bool { return slices.Contains(months, m) })
}

// otherLevel reports whether a sentence names the office at another level
// than the one asked ("tỉnh" for "thị xã").
func otherLevel(toks []Token, office, asked string) bool {
	level, _ := officeSeat(toks, office)
	return level != "" && level != asked
}

// monthsIn returns the months named as "tháng N", folded.
func monthsIn(toks []Token) []string {
	var months []string
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Fold == "thang" && toks[i+1].Number && toks[i].End+1 == toks[i+1].Start {
			months = append(months, strings.TrimLeft(toks[i+1].Fold, "0"))
		}
	}
	return months
}

// levelsOfBodies returns the levels each body a text names stands at, by
// the body's initials folded: "huyen" for "mttq" of "Ủy ban MTTQ huyện".
// A budget is one too: "trung" for "ngan sach" of "ngân sách trung ương".
func levelsOfBodies(toks []Token) map[string][]string {
	var out map[string][]string
	for i := 0; i+1 < len(toks); i++ {
		body, at := toks[i].Fold, i+1
		budget := body == "ngan" && toks[i+1].Fold == "sach"
		switch {
		case budget:
			body, at = "ngan sach", i+2
		case !bodies[body]:
			continue
		}
		if at+2 < len(toks) && toks[at].Fold == "viet" && toks[at+1].Fold == "nam" {
			at += 2 // "MTTQ Việt Nam tỉnh"
		}
		if at < len(toks) && (placeNoun(toks[at]) || budget && at+1 < len(toks) && toks[at].Fold == "trung" && toks[at+1].Fold == "uong") {
			if out == nil {
				out = map[string][]string{}
			}
			out[body] = append(out[body], toks[at].Fold)
		}
	}
	return out
}

// otherBodyLevel reports whether a sentence names a body the question
// names only at other levels than the question's.
func otherBodyLevel(toks []Token, asked map[string][]string) bool {
	if len(asked) == 0 {
		return false
	}
	other := false
	for body, levels := range levelsOfBodies(toks) {
		if want, ok := asked[body]; ok {
			if slices.ContainsFunc(levels, func(l string) bool { return slices.Contains(want, l) }) {
				return false
			}
			other = true
		}
	}
	return other
}

// otherDays reports whether a sentence names days of the month, none of
// them one asked about.
func otherDays(found, asked []string) bool {
	return len(found) > 0 && !slices.ContainsFunc(found, func(d string) bool { return slices.Contains(asked, d) })
}

// daysIn returns the days of the month a text names, as "d/m" without
// leading zeros ("12/10" of "ngày 12/10/2024"); not the ends of ranges
// ("9-11/10") nor codes ("215/TB").
func daysIn(text string) []string {
	var out []string
	for _, m := range reDayMonth.FindAllStringSubmatch(text, -1) {
		day, month := strings.TrimLeft(m[2], "0"), strings.TrimLeft(m[3], "0")
		if d, _ := strconv.Atoi(day); d < 1 || d > 31 {
			continue
		}
		if mo, _ := strconv.Atoi(month); mo < 1 || mo > 12 {
			continue
		}
		out = append(out, day+"/"+month)
	}
	return out
}

// countsIn returns the numbers a text gives with the word after them,
// folded ("3", "sao" of "đạt 3 sao"): not years, dates, spans of time,
// shares or the parts of a figure ("12,5").
func countsIn(toks []Token) [][2]string {
	var out [][2]string
	for i := 0; i+1 < len(toks); i++ {
		t, next := toks[i], toks[i+1]
		if !t.Number || next.Number || isYearNumber(t.Fold) || periodWords[next.Fold] || datePart(toks, i) || i > 0 && datePart(toks, i-1) ||
			next.Start != t.End+1 || t.Fold == "1" || linkWords[next.Fold] || !strings.ContainsAny(next.Fold, "aeiouy") { // "bao nhiêu tiền 1 ha" asks a rate
			continue
		}
		out = append(out, [2]string{strings.TrimLeft(t.Fold, "0"), next.Fold})
	}
	return out
}

// linkWords, folded, join a number to what follows without being counted.
var linkWords = map[string]bool{"va": true, "voi": true, "cua": true, "la": true, "o": true, "trong": true, "tai": true, "den": true, "tu": true, "nam": true, "so": true}

// otherCounts reports whether a sentence counts what the question counts
// by another number, and never by the question's: "4 sao" for "3 sao".
func otherCounts(toks []Token, asked [][2]string) bool {
	if len(asked) == 0 {
		return false
	}
	found := countsIn(toks)
	for _, a := range asked {
		other := false
		for _, f := range found {
			if f[1] != a[1] {
				continue
			}
			if f[0] == a[0] {
				other = false
				break
			}
			other = true
		}
		if other {
			return true
		}
	}
	return false
}

// periodsIn returns the spans of the year a text counts figures over,
// folded: "6 thang" of "6 tháng đầu năm", "ca nam" of "cả năm 2024".
func periodsIn(toks []Token) []string {
	var periods []string
	for i := 0; i+1 < len(toks); i++ {
		switch {
		case toks[i].Number && toks[i+1].Fold == "thang" && (i == 0 || toks[i-1].Fold != "thang" && toks[i-1].Fold != "ngay"):
			periods = append(periods, strings.TrimLeft(toks[i].Fold, "0")+" thang")
		case toks[i].Fold == "ca" && toks[i+1].Fold == "nam" && i+2 < len(toks) && toks[i+2].Number && isYearNumber(toks[i+2].Fold):
			periods = append(periods, "ca nam")
		}
	}
	return periods
}

// otherPeriods reports whether a sentence gives its figures over other
// spans of the year than all those asked.
func otherPeriods(toks []Token, asked []string) bool {
	if len(asked) == 0 {
		return false
	}
	found := periodsIn(toks)
	return len(found) > 0 && !slices.ContainsFunc(found, func(p string) bool { return slices.Contains(asked, p) })
}

// reportsSpeech reports whether text says what someone said, directly or
// not: a verb of saying or a quotation.
func reportsSpeech(text string) bool {
	lower := strings.ToLower(text)
	return strings.ContainsAny(text, "“\"") || slices.ContainsFunc(speechVerbs, func(v string) bool { return strings.Contains(lower, v) })
}

// periodWords follow the number of a period of time ("6 tháng", "2 năm"):
// that number counts, it numbers nothing.
var periodWords = map[string]bool{"thang": true, "nam": true, "quy": true, "ngay": true, "tuan": true, "gio": true}

// reSpanAsked finds a question, folded, asking both ends of a span of
// time: "từ ngày nào đến ngày nào", "từ khi nào tới khi nào".
var reSpanAsked = regexp.MustCompile(` tu (ngay |thang |nam |khi |luc )?(nao|bao gio|may) (den|toi) (ngay |thang |nam |khi |luc )?(nao|bao gio|may) `)

// reSpan finds a span of dates given by both ends: "từ ngày 4/7 đến ngày
// 30/9/2024", "từ tháng 7 đến hết tháng 9", "ngày 8-11/11".
var reSpan = regexp.MustCompile(`(?i)(từ\s+(ngày\s+|tháng\s+|năm\s+)?\d[\d/]*[^.;]{0,40}?\s(đến|tới)\s+(hết\s+)?(ngày\s+|tháng\s+|năm\s+)?\d|\d{1,2}\s?[-–]\s?\d{1,2}/\d{1,2})`)

// holdsMarkers reports whether a sentence holds every distinguishing key.
// titleNumbersOther reports whether a sentence lacks an event's number
// asked ("thứ IV") whose word its article's title numbers otherwise
// ("Hội thao … lần thứ V"): the article's own event is another one.
func titleNumbersOther(a *Article, markers []string, toks []Token) bool {
	if a == nil {
		return false
	}
	for _, m := range markers {
		word, number, pair := strings.Cut(m, " ")
		if !pair || !roman(number) || holdsMarkers([]string{m}, toks) {
			continue // events are numbered in Roman numerals; "thứ 3" may be a rank
		}
		title := textTokens(a.Title)
		for i := 0; i+1 < len(title); i++ {
			if title[i].Fold == word && numeral(title[i+1]) && title[i+1].Fold != number {
				return true
			}
		}
	}
	return false
}

func holdsMarkers(markers []string, toks []Token) bool {
	if len(markers) == 0 {
		return true
	}
	have := make(map[string]bool, 2*len(toks))
	for i, t := range toks {
		have[t.Fold] = true
		if i > 0 {
			have[toks[i-1].Fold+" "+t.Fold] = true
		}
	}
	for _, m := range markers {
		if !have[m] {
			return false
		}
	}
	return true
}

// officeTitles are the two-syllable titles of offices, folded.
var officeTitles = map[string]bool{
	"chu tich": true, "bi thu": true, "giam doc": true, "truong ban": true, "truong phong": true,
	"hieu truong": true, "tong bien": true, "chanh van": true, "truong khoa": true, "truong cong": true,
	"chanh an": true, "chanh thanh": true, "vien truong": true, "chu nhiem": true, "cuc truong": true, "tong giam": true, "chi huy": true, "chi cuc": true,
	"chinh uy": true, "hat truong": true, "doi truong": true, "to truong": true, "tram truong": true, "vu truong": true, "don truong": true,
	"truong tram": true, "bo truong": true, "thu truong": true,
}

// officeAsked returns the office a who-question names, folded, as it must
// stand in the answer: the title and the body that follows it ("bi thu
// tinh uy", "chu tich ubnd"), or "" when it names none.
func officeAsked(question []Token) string {
	for i := 0; i+1 < len(question); i++ {
		title := question[i].Fold + " " + question[i+1].Fold
		if !officeTitles[title] {
			continue
		}
		rest := question[i+2:]
		if len(rest) > 2 && rest[0].Fold == "thuong" && rest[1].Fold == "truc" {
			title, rest = title+" thuong truc", rest[2:] // "Phó Bí thư Thường trực Tỉnh ủy" is not "… Thường trực Huyện ủy"
		}
		switch {
		case len(rest) > 1 && bodies[rest[0].Fold] && placeNouns[rest[1].Fold]:
			return title + " " + rest[0].Fold + " " + rest[1].Fold // "Chủ tịch UBND tỉnh" is not "Chủ tịch UBND huyện"
		case len(rest) > 0 && bodies[rest[0].Fold]:
			return title + " " + rest[0].Fold
		case len(rest) > 1 && rest[1].Fold == "uy":
			return title + " " + rest[0].Fold + " uy" // "Tỉnh ủy", "Huyện ủy", "Đảng ủy"
		}
		return title
	}
	return ""
}

// addresses are the words that call a person by name: "ông", "bà".
var addresses = map[string]bool{Tokenize("ông")[0].Exact: true, Tokenize("bà")[0].Exact: true}

// holderName returns the last two syllables, folded, of the name of whom a
// sentence (or one item of its list) gives an office, and that item's
// syllables: "TS. Quách Minh Nhựt, Bí thư Huyện ủy" gives {"minh", "nhut"}
// for "bi thu huyen uy". A name is a run of two or more capitalised
// syllables opening with a surname ("Trần Thị Ngọc Yến"), else the last
// run of them the question does not hold.
func holderName(sentence, office string, question, content []Token) ([2]string, []Token) {
	asked := map[string]bool{}
	for _, t := range content {
		asked[t.Fold] = true
	}
	for _, item := range listItems(sentence) {
		toks := Tokenize(item)
		if !strings.Contains(officeText(toks), " "+office+" ") || rankMismatch(question, toks) || !samePlaceLevel(question, toks, office) {
			continue
		}
		if name := nameBeside(item, toks, office, askedRank(question)); name[0] != "" {
			return name, toks
		}
		var run, name, person, addressed []Token // the run of capitalised syllables read, the last of two or more, one opening with a surname, one after "ông" or "bà"
		title := strings.Fields(office)
		for i := 0; i < len(toks); i++ {
			t := toks[i]
			if i+len(title) <= len(toks) && slices.EqualFunc(toks[i:i+len(title)], title, func(t Token, w string) bool { return t.Fold == w }) {
				run = run[:0]
				i += len(title) - 1
				continue // the office's own title ("Trưởng Công an" opens like "Trương Công …")
			}
			if !t.Upper || t.Number {
				run = run[:0]
				continue
			}
			if len(run) > 0 && run[len(run)-1].End+1 != t.Start {
				run = run[:0] // a comma or more between: another name
			}
			if len(run) == 0 && !surnames[t.Fold] && asked[t.Fold] {
				continue // the office, or the place, the question names
			}
			if run = append(run, t); len(run) >= 2 {
				name = append(name[:0], run...)
				if surnames[run[0].Fold] {
					person = append(person[:0], run...)
				}
				if at := i - len(run); at >= 0 && addresses[toks[at].Exact] {
					addressed = append(addressed[:0], run...)
				}
			}
		}
		if len(person) >= 2 {
			name = person
		}
		if len(addressed) >= 2 {
			name = addressed // "bà Vi Thị Thanh Hương", not "Trường Phổ thông" read as a surname
		}
		if len(name) >= 2 {
			return [2]string{name[len(name)-2].Fold, name[len(name)-1].Fold}, toks
		}
	}
	return [2]string{}, nil
}

// namesSubject reports whether a sentence names what a "bao nhiêu"
// question measures: both its syllables but a small word ("Quỹ Vì …"), and
// one at the least. "Thu ngân sách" is not said by "ngân sách" alone.
func namesSubject(words bag, subject []Token) bool {
	found := 0
	for _, t := range subject {
		switch {
		case words.fold[t.Fold] > 0:
			found++
		case !IsStopword(t) && !foldedStop[t.Fold]:
			return false
		}
	}
	return found > 0
}

// namedIn reports whether a sentence names the person whose name ends in
// the two syllables given: by them, or as papers do after the first
// mention, by title and given name ("bà Hoa" for Nguyễn Thị Kim Hoa).
func namedIn(words bag, name [2]string) bool {
	return words.pairs[name] || words.pairs[[2]string{"ong", name[1]}] || words.pairs[[2]string{"ba", name[1]}]
}

// askedRank returns the rank word a question puts before an office ("pho2"
// of "phó chủ tịch", typed with diacritics or not), or "".
func askedRank(question []Token) string {
	for i, t := range question {
		rank := t.Exact
		if !t.Marked && t.Fold == "pho" {
			rank = "pho2"
		}
		if rankWords[rank] && i+1 < len(question) && officeHeads[question[i+1].Fold] {
			return rank
		}
	}
	return ""
}

// nameBeside returns the last two syllables, folded, of the name written
// next to a mention of the office at the rank asked: right after it, past
// the place's name ("Chủ tịch HĐND huyện Nguyễn Thị Kim Hoa"), or right
// before it with a comma between ("ông Lê Văn Hưng, Phó Chủ tịch"); ""
// when no name stands there.
func nameBeside(item string, toks []Token, office, rank string) [2]string {
	n := len(strings.Fields(office))
	capital := func(j int) bool { return toks[j].Upper && !toks[j].Number }
	for i := 0; i+n <= len(toks); i++ {
		if foldedText(toks[i:i+n]) != " "+office+" " {
			continue
		}
		start := i
		if i > 0 && rankWords[toks[i-1].Exact] {
			start = i - 1
		}
		if (start < i) != (rank != "") || start < i && toks[start].Exact != rank {
			continue // another rank of the office
		}
		end := i + n
		for end < len(toks) && capital(end) && toks[end-1].End+1 == toks[end].Start { // not past a comma: ", Trưởng Ban …" is another office
			end++
		}
		for k := i + n; k+1 < end; k++ {
			if surnames[toks[k].Fold] {
				return [2]string{toks[end-2].Fold, toks[end-1].Fold}
			}
		}
		if start > 0 && strings.Contains(item[toks[start-1].End:toks[start].Start], ",") {
			first := start - 1
			for first > 0 && capital(first-1) && toks[first-1].End+1 == toks[first].Start {
				first--
			}
			if capital(start-1) && start-first >= 2 {
				return [2]string{toks[start-2].Fold, toks[start-1].Fold}
			}
		}
	}
	return [2]string{}
}

// samePlaceLevel reports whether an office's holder found in toks holds it
// at the level the question asks: "Phó chủ tịch tỉnh" is not "Phó Chủ
// tịch UBND huyện". A question that names no level matches any.
func samePlaceLevel(question, toks []Token, office string) bool {
	want, _ := officeSeat(question, office)
	have, _ := officeSeat(toks, office)
	return want == "" || have == want
}

// officePlace returns the name of the place that follows an office in toks,
// folded ("lap vo" of "Chủ tịch UBND huyện Lấp Vò"), or "" when the office
// is named without one.
func officePlace(toks []Token, office string) string {
	_, name := officeSeat(toks, office)
	return name
}

// officeSeat reads where the first mention of an office in toks sits: the
// kind of place after it and that place's name, folded ("huyen", "lap vo"
// of "Chủ tịch UBND huyện Lấp Vò"); "" for what is not said. An office
// that ends in a kind of place ("chu tich ubnd huyen") says no other.
func officeSeat(toks []Token, office string) (level, name string) {
	words := strings.Fields(office)
	n := len(words)
	if n == 0 {
		return "", ""
	}
	for i := 0; i+n <= len(toks); i++ {
		if !slices.EqualFunc(toks[i:i+n], words, func(t Token, w string) bool { return t.Fold == w }) {
			continue
		}
		j := i + n
		switch {
		case toks[j-1].Fold == "uy" && n >= 2 && placeNouns[toks[j-2].Fold]: // "Bí thư Huyện ủy …"
			level = toks[j-2].Fold
		case j == len(toks):
			return "", ""
		case placeNouns[toks[j-1].Fold]:
		default:
			if j+2 < len(toks) && toks[j].Fold == "uy" && toks[j+1].Fold == "ban" && bodies[toks[j+2].Fold] {
				j += 2 // "Phó Chủ tịch Ủy ban MTTQ tỉnh …"
			}
			if bodies[toks[j].Fold] && j+1 < len(toks) {
				j++ // "Phó Chủ tịch UBND tỉnh …"
			}
			if j+2 < len(toks) && toks[j].Fold == "viet" && toks[j+1].Fold == "nam" {
				j += 2 // "Chủ tịch Ủy ban MTTQ Việt Nam huyện …"
			}
			if toks[j].Fold == "thi" && j+1 < len(toks) && placeNouns[toks[j+1].Fold] {
				j++ // "thị xã", "thị trấn"
			}
			if !placeNouns[toks[j].Fold] {
				return "", "" // "Giám đốc Sở Nông nghiệp": no place named
			}
			level = toks[j].Fold
			j++
			if j+1 < len(toks) && toks[j].Fold == "uy" {
				j++ // "Bí thư Huyện ủy …"
			}
		}
		if j+1 < len(toks) && toks[j].Upper && toks[j+1].Upper && toks[j].End+1 == toks[j+1].Start && !personAt(toks, j) {
			name = toks[j].Fold + " " + toks[j+1].Fold
		}
		return level, name
	}
	return "", ""
}

// personAt reports whether the capitalised syllables at toks[i] are a
// person's name rather than a place's: a surname and two or more syllables
// after it ("Chủ tịch HĐND huyện Nguyễn Thị Kim Hoa" names no place).
func personAt(toks []Token, i int) bool {
	if !surnames[toks[i].Fold] {
		return false
	}
	n := 1
	for j := i + 1; j < len(toks) && toks[j].Upper && toks[j-1].End+1 == toks[j].Start; j++ {
		n++
	}
	if n >= 5 && surnames[toks[i+2].Fold] {
		return false // "xã Đường Âm Nông Văn Phúc": a place, then its official
	}
	return n >= 3
}

// otherDepartment reports whether every mention of an office in a sentence
// names another department than the question: the words after the title
// differ before the question's run out ("Trưởng phòng Tài chính …" asked,
// "Trưởng phòng Tài nguyên …" found). A question's short word matches the
// initials of the sentence's ("nn" of "Nông nghiệp").
func otherDepartment(question, toks []Token, office string) bool {
	after := func(ts []Token) [][]Token {
		var out [][]Token
		n := len(strings.Fields(office))
		for i := 0; i+n <= len(ts); i++ {
			if foldedText(ts[i:i+n]) == " "+office+" " {
				out = append(out, ts[i+n:])
			}
		}
		return out
	}
	if office == "tong giam" {
		office = "tong giam doc" // a title of three syllables
	} else if len(strings.Fields(office)) != 2 {
		return false // "Bí thư Huyện ủy", "Chủ tịch UBND": the body is named, a place may follow
	}
	asked := after(question)
	found := after(toks)
	if len(asked) == 0 || len(found) == 0 {
		return false
	}
	for _, f := range found {
		if len(f) > 0 && sameDepartment(asked[0], f) {
			return false
		}
	}
	return len(asked[0]) > 0 // an office named bare names no department: the sentence's neighbours must (officeBare)
}

// firmWord reports whether "công ty" (or "công ti") stands at j: it may
// open a firm's name that a question gives without it.
func firmWord(s []Token, j int) bool {
	return j+1 < len(s) && s[j].Fold == "cong" && (s[j+1].Fold == "ty" || s[j+1].Fold == "ti")
}

// commandAt reports whether "Bộ Chỉ huy" stands at i: the command a
// Chỉ huy trưởng heads, which a question need not repeat.
func commandAt(toks []Token, i int) bool {
	return i+3 < len(toks) && toks[i].Fold == "bo" && toks[i+1].Fold == "chi" && toks[i+2].Fold == "huy"
}

// unitWords, folded, name a unit after its head's title, which a question
// need not repeat: "Hiệu trưởng Trường …", "Hạt trưởng Hạt Kiểm lâm …".
var unitWords = map[string]bool{"truong": true, "hat": true, "doi": true, "to": true, "tram": true, "vien": true, "cuc": true, "vu": true, "don": true}

// sameDepartment walks the words after an office's title in a question (q)
// and a sentence (s): they name the same department unless they part
// before any of its own words agree ("Sở Tài chính", "Sở Nông nghiệp");
// what the question adds after them ("… Gia Lai") is where.
func sameDepartment(q, s []Token) bool {
	j, agreed := 0, 0 // syllables of the department's own words that agree: a word is two
	firm := false     // the words are a firm's: its name may follow what it does
	for i := 0; i < len(q); i++ {
		t := q[i]
		if firmWord(s, j) {
			firm = true
			if t.Fold != "cong" {
				j += 2 // "Tổng Giám đốc Công ty CP Cảng Hải Phòng" for "tgd cảng Hải Phòng"
			}
		}
		if commandAt(s, j) && !commandAt(q, i) {
			j += 3 // "Chỉ huy trưởng Bộ Chỉ huy Bộ đội Biên phòng tỉnh" for "chỉ huy trưởng bộ đội biên phòng tỉnh"
		}
		for j < len(s) {
			if n := legalForm(s, j); n > 0 && legalForm(q, i) == 0 {
				j += n // "Công ty TNHH Xây dựng Thành Phát" for "cty xây dựng Thành Phát"
			} else if s[j].Fold == "va" || j == 0 && unitWords[s[j].Fold] && t.Fold != s[j].Fold {
				j++ // "Hiệu trưởng Trường Đại học Quy Nhơn" for "hiệu trưởng ĐH Quy Nhơn", "Hạt trưởng Hạt Kiểm lâm" for "hạt trưởng kiểm lâm"
			} else {
				break
			}
		}
		switch {
		case schoolLevels[t.Fold] && slices.ContainsFunc(s[j:min(j+2, len(s))], func(x Token) bool { return x.Fold == t.Fold }):
			for s[j].Fold != t.Fold {
				j++
			}
			j++
			continue // "THPT" of "Trường THPT Giao Thủy" says the level, not which school
		case j < len(s) && s[j].Fold == t.Fold:
			j++
		case firm && j >= 2 && firmWord(s, j-2) && (j == len(s) || !s[j].Upper && legalForm(s, j) == 0 && (j+1 == len(s) || !s[j+1].Upper)):
			return true // "Tổng Giám đốc công ty cho biết" names the firm spoken of; "Công ty luật Minh Bạch" is another
		case firm && i+1 < len(q) && namedLater(s, &j, q[i:i+2]):
			// "Công ty CP Chế biến dừa Hưng Phát" for "công ty Hưng Phát"
		case j < len(s) && len(t.Fold) <= 4 && initialsMatch(s, &j, t.Fold):
			agreed++ // "nn" is a word: "Nông nghiệp"
		case j < len(s) && isAbbreviation(s[j].Fold) && initialsMatch(q, &i, s[j].Fold):
			i-- // "Giáo dục" typed, "GD" written
			j++
			agreed += 2
			continue
		case j < len(s) && bodies[s[j].Fold] && s[j].Fold[0] == t.Fold[0] && i+1 < len(q) && placeNouns[q[i+1].Fold]:
			j++ // "tòa huyện" typed, "TAND huyện" written: the body's first word before its place
			agreed += 2
			continue
		case isAbbreviation(t.Fold) && spelledThenAbbreviated(s, &j, t.Fold):
			agreed += 2 // "Trung tâm Kiểm soát bệnh tật (CDC)"
			continue
		case t.Marked && IsStopword(t) || placeNouns[t.Fold] || whoWords[t.Fold]:
			return true // the question names no more of it ("tai" typed plain may be "tài")
		case j >= len(s) || personAt(s, j) || placeNouns[s[j].Fold] || s[j].Fold == "nha":
			return true // the sentence names no department: a name, a place, "nhà trường"
		default:
			return agreed >= 2 // "Tài chính" is not "Tài nguyên"
		}
		switch {
		case !strings.ContainsAny(t.Fold, "aeiouy"):
			agreed += 2 // "HTX", an abbreviation, is a word
		case !departmentHeads[t.Fold]:
			agreed++
		}
	}
	return true
}

// namedLater reports whether a firm's name (two syllables of it, name)
// follows a few words on what the firm does, from j on; it moves j past
// the name's first syllable.
func namedLater(s []Token, j *int, name []Token) bool {
	for k := *j + 1; k+1 < len(s) && k <= *j+5; k++ {
		if s[k].Fold == name[0].Fold && s[k+1].Fold == name[1].Fold {
			*j = k + 1
			return true
		}
	}
	return false
}

// officeBare reports whether a sentence names an office by its title and
// the head of its body alone, or as the role someone "làm" (takes), as
// papers do once the body is named in full nearby: "Giám đốc HTX cho
// biết", "Phó Giám đốc bệnh viện, cho biết", "Tổ công tác … do bà Hà làm
// tổ trưởng để …".
func officeBare(toks []Token, office string) bool {
	title := strings.Fields(office)
	for i := 0; i+len(title) <= len(toks); i++ {
		end := i + len(title)
		if slices.EqualFunc(toks[i:end], title, func(t Token, w string) bool { return t.Fold == w }) &&
			(headOnly(toks, end) || heldAt(toks, i) && (end == len(toks) || !toks[end].Upper && !toks[end].Number && !bodyHeads[toks[end].Fold]) && !firmBefore(toks[:i])) {
			return true // not "Công ty CP Tư vấn Tam Lộc do TS. Cao Minh Đức làm Giám đốc": the firm's
		}
	}
	return false
}

// heldAt reports whether an office's title at i follows "làm" or "giữ
// chức", past a rank: "do bà Mai làm Giám đốc", "giữ chức Phó Chủ tịch".
func heldAt(toks []Token, i int) bool {
	if i > 0 && rankWords[toks[i-1].Exact] {
		i--
	}
	return i > 0 && (toks[i-1].Fold == "lam" || toks[i-1].Fold == "chuc" && i > 1 && toks[i-2].Fold == "giu")
}

// firmBefore reports whether syllables name a firm: "Công ty …".
func firmBefore(toks []Token) bool {
	for j := range toks {
		if firmWord(toks, j) {
			return true
		}
	}
	return false
}

// headOnly reports whether the syllables from i on name a body by its
// head alone ("bệnh viện", "HTX"), not followed by its name.
func headOnly(toks []Token, i int) bool {
	j := i
	for j < len(toks) && (j == i || toks[j].Start == toks[j-1].End+1) && bodyHeads[toks[j].Fold] {
		j++
	}
	return j > i && (j == len(toks) || toks[j].Start != toks[j-1].End+1 || !toks[j].Upper && !toks[j].Number || personAt(toks, j))
}

// namesBodyBare reports whether a sentence names by its head alone ("của
// HTX đạt 65%") a body the question names in full ("HTX Tân Thành Xanh").
func namesBodyBare(toks, question []Token) bool {
	for i := 0; i+1 < len(question); i++ {
		if !bodyHeads[question[i].Fold] || !question[i+1].Upper {
			continue
		}
		for j, t := range toks {
			if t.Fold == question[i].Fold && headOnly(toks, j) {
				return true
			}
		}
	}
	return false
}

// bodyHeads open the name of a body without telling which it is, folded:
// a department's heads, and "HTX", "trung tâm".
var bodyHeads = func() map[string]bool {
	heads := maps.Clone(departmentHeads)
	for _, w := range []string{"htx", "trung", "tam"} {
		heads[w] = true
	}
	return heads
}()

// namesDepartment reports whether a sentence and its neighbours (or the
// title, or the lead) name in full the department a question puts after an office:
// "Tại Bệnh viện Đa khoa tỉnh Bạc Liêu, …" for "Phó Giám đốc Bệnh viện Đa
// khoa tỉnh Bạc Liêu".
func namesDepartment(question, window []Token, office string) bool {
	last := office[strings.LastIndexByte(office, ' ')+1:]
	at := slices.IndexFunc(question, func(t Token) bool { return t.Fold == last })
	if at < 0 || at+1 >= len(question) {
		return false
	}
	asked := question[at+1:]
	for k := range window {
		if window[k].Upper && window[k].Fold == asked[0].Fold && sameDepartment(asked, window[k:]) {
			return true
		}
	}
	return false
}

// departmentHeads open a department's name without telling which it is:
// "Sở …", "Trường Đại học …".
var departmentHeads = map[string]bool{"so": true, "phong": true, "ban": true, "truong": true, "cuc": true, "chi": true, "vu": true, "benh": true, "vien": true,
	"cong": true, "ti": true, "dai": true, "hoc": true, "cao": true, "dang": true}

// schoolLevels name the level of a school, folded.
var schoolLevels = map[string]bool{"thpt": true, "thcs": true, "th": true, "mn": true, "ptdtnt": true, "dh": true, "cd": true}

// whoWords end what a who-question names: "… tên gì", "… là ai".
var whoWords = map[string]bool{"ten": true, "gi": true, "ai": true, "la": true, "nao": true, "j": true}

// initialsMatch reports whether the syllables of s from *j on, "và"
// skipped, begin with the letters of abbr ("nn" of "Nông nghiệp"), and
// moves *j past them when they do.
// isAbbreviation reports whether a folded syllable is an abbreviation:
// letters without a vowel ("gd", "cdc").
func isAbbreviation(fold string) bool {
	return len(fold) >= 2 && !strings.ContainsAny(fold, "aeiouy0123456789")
}

// spelledThenAbbreviated reports whether a sentence spells a name out and
// gives its abbreviation within the next few syllables, and moves j past it.
func spelledThenAbbreviated(s []Token, j *int, abbr string) bool {
	for k := *j; k < len(s) && k < *j+8; k++ {
		if s[k].Fold == abbr {
			*j = k + 1
			return true
		}
	}
	return false
}

func initialsMatch(s []Token, j *int, abbr string) bool {
	i := *j
	for k := 0; k < len(abbr); k++ {
		for i < len(s) && s[i].Fold == "va" {
			i++
		}
		if i >= len(s) || s[i].Fold[0] != abbr[k] {
			return false
		}
		i++
	}
	*j = i
	return true
}

// officeText is foldedText with the bodies of offices written out by
// papers read as the questions abbreviate them: "Ủy ban nhân dân" as
// UBND, "Ủy ban MTTQ Việt Nam" as MTTQ; "Ban Giám đốc" is a board.
func officeText(toks []Token) string {
	return bodySpellings.Replace(foldedText(toks))
}

var bodySpellings = strings.NewReplacer(
	" uy ban nhan dan ", " ubnd ", " hoi dong nhan dan ", " hdnd ",
	" uy ban mttq viet nam ", " mttq ", " uy ban mttq ", " mttq ", " mat tran to quoc viet nam ", " mttq ", " mttq viet nam ", " mttq ",
	" uy ban mat tran to quoc viet nam ", " mttq ", " ubnd thi xa ", " ubnd tx ", " ubnd thanh pho ", " ubnd tp ",
	" hieu pho ", " pho hieu truong ", " hat pho ", " pho hat truong ", " doi pho ", " pho doi truong ", " tram pho ", " pho tram truong ",
	" ban giam doc ", " ban lanh dao ") // the board is no director

// foldedText is the folded syllables of a text, one space apart, with a
// space at each end.
func foldedText(toks []Token) string {
	var b strings.Builder
	b.WriteByte(' ')
	for _, t := range toks {
		b.WriteString(t.Fold)
		b.WriteByte(' ')
	}
	return b.String()
}

// refersBack reports whether a sentence's first syllables point at the
// sentence before: "Điều này …", "Đây là …", "Nó …", "Đại dương này …".
// momentWord is "lúc" as Tokenize writes it.
var momentWord = Tokenize("lúc")[0].Exact

// backWords point back to what was said before, as Tokenize writes them.
// "này", "đó", "nó", "vậy" point back too, but the fitted models learnt the
// feature without them (the list compared written forms with Tokenize's,
// so only these two matched): with them, 14 answers of the reader sets are
// lost until the models are fit again.
var backWords = exactSet("đây trên")

func refersBack(toks []Token) bool {
	for i, t := range toks {
		if i >= 6 {
			break
		}
		if backWords[t.Exact] {
			return true
		}
	}
	return false
}

// kindsOfPlaces returns the kinds of place ("huyen", "tram") after which a
// question names the places asked about.
func kindsOfPlaces(question []Token, places []string) map[string]bool {
	kinds := map[string]bool{}
	for i := 0; i+2 < len(question); i++ {
		j := i + 1
		if question[j].Fold == "uy" && j+2 < len(question) {
			j++ // "Tỉnh ủy Thái Bình": a province's
		}
		if placeNouns[question[i].Fold] && slices.Contains(places, question[j].Fold+" "+question[j+1].Fold) {
			kinds[question[i].Fold] = true
		}
	}
	return kinds
}

// namesOtherPlace reports whether toks name a place of a kind asked about
// ("trạm Châu Đốc") but none of the places asked ("trạm Long Xuyên"): it
// says what holds elsewhere.
func namesOtherPlace(toks []Token, kinds map[string]bool, places []string) bool {
	other := false
	for i := 0; i+1 < len(toks); i++ {
		if slices.Contains(places, toks[i].Fold+" "+toks[i+1].Fold) {
			return false
		}
		if i+2 < len(toks) && kinds[toks[i].Fold] && toks[i+1].Upper && toks[i+2].Upper && toks[i+1].End+1 == toks[i+2].Start && !personAt(toks, i+1) {
			other = true
		}
	}
	return other
}

// opensName reports whether toks hold the folded pair capitalised and
// followed by another capitalised syllable: "Rah Lan Hiếu". A person's
// name after it is no part of it: "Huyện ủy Nghĩa Hành Phạm Thị Thu Hà".
func opensName(toks []Token, pair, next string) bool {
	for i := 0; i+2 < len(toks); i++ {
		if toks[i].Upper && toks[i+1].Upper && toks[i+2].Upper && toks[i+1].End+1 == toks[i+2].Start &&
			toks[i].Fold+" "+toks[i+1].Fold == pair && toks[i+2].Fold != next && !personAt(toks, i+2) {
			return true
		}
	}
	return false
}

// afterPair returns the capitalised syllable, folded, that follows a pair
// in a question ("Hạ" of "Xã Gia Lâm Hạ"), or "": typed plain, "tinh rah
// lan hieu" may name a man the article writes "Rah Lan Hiếu".
func afterPair(question []Token, pair string) string {
	for i := 0; i+2 < len(question); i++ {
		if question[i].Fold+" "+question[i+1].Fold == pair && question[i+2].Upper {
			return question[i+2].Fold
		}
	}
	return ""
}

// firstSentence returns a paragraph's first sentence: where a lead says
// the news happened ("Sáng 18/3, tại xã Ba Động (huyện Ba Tơ), …"); the
// sentences after it may name the places it reaches.
func firstSentence(paragraph string) string {
	if spans := Sentences(paragraph); len(spans) > 0 {
		return paragraph[spans[0].Start:spans[0].End]
	}
	return paragraph
}

// onlyProvince reports whether the one province an article names is the
// given one: a district's news names its province once, far from the lead
// ("Ea Súp" … "tỉnh Đắk Lắk"); a road's news names two.
func onlyProvince(a *Article, province string) bool {
	named := false
	sc := new(scanner)
	var prev string
	for _, p := range a.Paragraphs {
		prev = ""
		for sc.reset(p); sc.next(); {
			fold := string(sc.fold)
			if !sc.tok.Upper {
				prev = ""
				continue
			}
			if pair := prev + " " + fold; prev != "" && provinces[pair] {
				if pair != province {
					return false
				}
				named = true
			}
			prev = fold
		}
	}
	return named
}

// namesBodies reports whether a sentence names every body among a
// question's distinguishing marks ("UBND", "HĐND"), in its words or in a
// document's code ("512/QĐ-UBND").
func namesBodies(markers []string, toks []Token) bool {
	for _, m := range markers {
		if bodies[m] && !slices.ContainsFunc(toks, func(t Token) bool { return t.Fold == m }) {
			return false
		}
	}
	return true
}

// personNamed returns the last two syllables of the first person a
// question names, a name opening with a surname, folded; or nothing.
func personNamed(names [][2]Token) [2]string {
	for i, n := range names {
		if !surnames[n[0].Fold] || i > 0 && names[i-1][1].Start == n[0].Start {
			continue
		}
		for i+1 < len(names) && names[i+1][0].Start == n[1].Start {
			i++
			n = names[i]
		}
		return [2]string{n[0].Fold, n[1].Fold}
	}
	return [2]string{}
}

// listedWithoutFigure reports whether a sentence names a place or name
// asked about (written capitalised: "sắp xếp" typed plain is none) only in
// a list of several ("… và …") that a clause of its own holds, with no
// figure: the sentence's figures are others'. Clauses end at semicolons,
// or at commas where it has none; what "còn lại" opens is one too.
func listedWithoutFigure(sentence string, entities [][2]string) bool {
	if len(entities) == 0 || strings.Contains(Fold(sentence), "lan luot") {
		return false // "X và Y … lần lượt có 640 hộ và 485 hộ"
	}
	sep := ", "
	if strings.Contains(sentence, ";") {
		sep = ";"
	}
	clauses := strings.Split(sentence, sep)
	for _, clause := range strings.Split(sentence, ";") {
		if _, rest, ok := strings.Cut(clause, "còn lại"); ok {
			clauses = append(clauses, rest) // "…, còn lại thuộc các huyện Bố Trạch, Tuyên Hóa"
		}
	}
	for _, clause := range strings.Split(sentence, ";") {
		if sharedBy(clause, entities) {
			return true
		}
	}
	if sep == ", " {
		// A list's items are clauses of their own once split at commas:
		// "…, kế đến là Trung Quốc, Đài Loan (Trung Quốc), Ấn Độ và Nga".
		for i, clause := range clauses {
			if !strings.Contains(clause, " và ") || strings.ContainsAny(clause, "0123456789") {
				continue
			}
			j := i
			for j > 0 && !strings.ContainsAny(clauses[j-1], "0123456789") && len(strings.Fields(clauses[j-1])) <= 5 {
				j--
			}
			if j < i {
				clauses = append(clauses, strings.Join(clauses[j:i+1], ", "))
			}
		}
	}
	listed, figured := false, false // named in a list without figures; in a clause with one
	for _, clause := range clauses {
		if !strings.Contains(clause, " và ") && !strings.Contains(clause, ", ") {
			continue
		}
		toks := Tokenize(clause)
		for i := 1; i < len(toks); i++ {
			if toks[i-1].Upper && toks[i].Upper && slices.Contains(entities, [2]string{toks[i-1].Fold, toks[i].Fold}) {
				if i+1 < len(toks) && toks[i+1].Upper && surnames[toks[i+1].Fold] {
					continue // the seat of whom it names: "… các bãi biển du lịch Đà Nẵng Hồ Văn Tín"
				}
				if strings.ContainsAny(clause, "0123456789") {
					figured = true // "14 hộ dân thôn Đa Ngưu, xã Tân Tiến, huyện Văn Giang; … UBND huyện Văn Giang"
				} else if inList(clause, toks[i].Start) {
					listed = true
				}
			}
		}
	}
	return listed && !figured
}

// joinsNames reports whether "và" in a part of a clause joins names: the
// item after it holds a capitalised word ("và hồ Sông Trâu", "và tuyến
// đường liên xã Hòa Hiệp - Tân Lộc"), not "tại TP. Nha Trang và các vùng
// phụ cận".
func joinsNames(part string) bool {
	for rest := part; ; {
		_, after, ok := strings.Cut(rest, " và ")
		if !ok {
			return false
		}
		item, _, _ := strings.Cut(after, ",")
		if slices.ContainsFunc(Tokenize(item), func(t Token) bool { return t.Upper }) {
			return true
		}
		rest = after
	}
}

// inList reports whether the name ending at offset at of a clause is an
// item of a list: its comma-separated part joins names with "và", or a part beside it
// is a short name ("Krông Pắc, Cư M'gar và Ea Kar"), not "Chủ tịch UBND
// huyện Hữu Lũng đã đến thăm hỏi, động viên người bị thương và …".
func inList(clause string, at int) bool {
	parts := strings.Split(clause, ", ")
	offset := 0
	for i, part := range parts {
		if at < offset || at >= offset+len(part) {
			offset += len(part) + 2
			continue
		}
		if joinsNames(part) {
			return true
		}
		short := func(p string) bool {
			r, _ := utf8.DecodeRuneInString(p)
			return len(strings.Fields(p)) <= 4 && unicode.IsUpper(r)
		}
		return i > 0 && short(parts[i-1]) || i+1 < len(parts) && short(parts[i+1])
	}
	return false
}

// cueName asks a name; personNouns, as Tokenize writes them, say it is a
// person's ("chủ nhà tên gì"), not a ship's or a project's.
var (
	cueName     = cues("tên gì", "tên là gì")
	personNouns = func() map[string]bool {
		m := map[string]bool{}
		for _, t := range Tokenize("chủ chu người nguoi ông ong bà ba anh chị chi tài xế nạn nhân nhan bệnh học sinh em cháu bị can cáo niên nien cụ ngư kẻ khách khach") {
			m[t.Exact] = true
		}
		return m
	}()
)

// cueReason asks why something happened.
var cueReason = cues("nguyên nhân", "vì sao", "tại sao", "lý do", "lí do", "do đâu")

// asksSentence reports whether a question asks what a court sentenced
// someone to: "bị xử thế nào", "bị tuyên phạt bao nhiêu năm tù", "mức án";
// not an administrative fine ("bị xử phạt … bao nhiêu tiền").
func asksSentence(question []Token) bool {
	f := foldedText(question)
	return strings.Contains(f, " bi xu ") && !strings.Contains(f, " bi xu phat ") || strings.Contains(f, " tuyen phat ") ||
		strings.Contains(f, " muc an ") || strings.Contains(f, " lanh an ") || strings.Contains(f, " linh an ") || strings.Contains(f, " nam tu ")
}

// givesSentence reports whether a text gives a court's sentence.
func givesSentence(text string) bool {
	lower := strings.ToLower(text)
	return slices.ContainsFunc([]string{"tù", "án treo", "tử hình", "chung thân", "cải tạo không giam giữ"}, func(w string) bool { return strings.Contains(lower, w) })
}

// cueMoment asks when something happened, answered by a time or a date.
var cueMoment = cues("lúc nào", "thời điểm nào")

// cuePhone asks for a number to call; rePhone is its shape: "0214 3840
// 113", "0978.789.499", "1900.9095", "113".
var (
	cuePhone = cues("số điện thoại", "đường dây nóng", "hotline")
	rePhone  = regexp.MustCompile(`(^|\D)(0\d{2,3}[ .]?\d{3,4}[ .]?\d{3,4}|1[89]00[ .]?\d{3,4}|11[1345])($|\D)`)
)

// causeWords give a cause, exactly as Tokenize writes them; causePairs,
// folded, too.
var (
	causeWords = exactSet("do vì bởi nên nhờ khiến để nhằm")
	causePairs = map[[2]string]bool{{"nguyen", "nhan"}: true, {"ly", "do"}: true, {"li", "do"}: true, {"dan", "den"}: true}
)

// givesCause reports whether a sentence gives a cause: "do chập điện",
// "vì mưa lớn", "nguyên nhân là …".
func givesCause(toks []Token) bool {
	for i, t := range toks {
		if causeWords[t.Exact] && !byAgent(toks, i) || i > 0 && causePairs[[2]string{toks[i-1].Fold, t.Fold}] {
			return true
		}
	}
	return false
}

// causesOther reports whether a sentence gives what a question asks the
// cause of as the cause of something else: the effect follows "nên",
// "khiến" or "dẫn đến", and the question's words stand only before it
// ("giá cá giảm … khiến nhiều chủ tàu chỉ hòa vốn" says what the fall in
// prices did, not why they fell).
func causesOther(toks, content []Token) bool {
	asked := func(t Token) bool {
		return !foldedStop[t.Fold] && slices.ContainsFunc(content, func(c Token) bool { return c.Fold == t.Fold })
	}
	other := false
	for i, t := range toks {
		switch {
		case effectWords[t.Exact] || i > 0 && toks[i-1].Fold == "dan" && t.Fold == "den":
			other = other || slices.ContainsFunc(toks[:i], asked) && !slices.ContainsFunc(toks[i+1:], asked)
		case causeWords[t.Exact] && !purposeWords[t.Exact] && !byAgent(toks, i) || i > 0 && causePairs[[2]string{toks[i-1].Fold, t.Fold}]:
			return false // "do tài xế buồn ngủ nên …" gives a cause too
		}
	}
	return other
}

// effectWords are the causeWords the effect follows.
var effectWords = exactSet("nên khiến")

// byAgent reports whether the "do" at toks[i] says by whom, not why: "do
// liên danh Công ty … thi công", "do UBND tỉnh làm chủ đầu tư".
func byAgent(toks []Token, i int) bool {
	return toks[i].Exact == "do" && i+1 < len(toks) && (toks[i+1].Upper || honorifics[toks[i+1].Fold] && (!toks[i+1].Marked || honorificForms[toks[i+1].Exact]) ||
		i+2 < len(toks) && agentNouns[toks[i+1].Fold+" "+toks[i+2].Fold])
}

// honorificForms are the honorifics with their marks: "do ảnh hưởng của
// mưa lớn" names no "anh".
var honorificForms = exactSet("ông bà anh chị")

// agentNouns, folded, open the name of who does a work: "liên danh", "công ty".
var agentNouns = map[string]bool{"lien danh": true, "cong ty": true, "cong ti": true, "don vi": true, "nha thau": true, "chu dau": true}

// givesCauseAfter reports whether the sentence after one gives a cause
// it knows: not "Nguyên nhân vụ tai nạn đang được điều tra, làm rõ".
func givesCauseAfter(after string, content []Token) bool {
	toks := Tokenize(after)
	return givesCause(toks) && !causeUnknown(toks) && !causesOther(toks, content)
}

// causeUnknown reports whether a sentence says the cause is not known yet:
// "Hiện nguyên nhân vụ cháy đang được cơ quan chức năng điều tra làm rõ".
func causeUnknown(toks []Token) bool {
	named, open := false, false
	for i, t := range toks {
		if causeWords[t.Exact] {
			return false // "…, ban đầu xác định do chập điện"
		}
		if i == 0 {
			continue
		}
		switch [2]string{toks[i-1].Fold, t.Fold} {
		case [2]string{"nguyen", "nhan"}:
			named = true
		case [2]string{"dieu", "tra"}, [2]string{"lam", "ro"}, [2]string{"chua", "ro"}, [2]string{"xac", "minh"}:
			open = true
		}
	}
	return named && open
}

// statesCause reports whether a sentence gives a cause, not only a purpose
// ("để tạo miễn dịch cộng đồng" says what for, not why) or an agent ("do
// ông Phan Văn Lực trình bày" says by whom).
func statesCause(toks []Token) bool {
	for i, t := range toks {
		agent := i+1 < len(toks) && (honorifics[toks[i+1].Fold] || toks[i+1].Upper) // "do ông Phan Văn Lực trình bày" says by whom
		if causeWords[t.Exact] && !purposeWords[t.Exact] && !agent || i > 0 && causePairs[[2]string{toks[i-1].Fold, t.Fold}] {
			return true
		}
	}
	return false
}

// purposeWords say what something is for.
var purposeWords = exactSet("để nhằm")

// sharedBy reports whether a clause gives its figure to several places
// together, one of them asked about: "96,5 tỷ đồng nâng cấp thủy lợi tại
// các huyện Krông Pắc, Cư M'gar và Ea Kar", "23 ổ dịch tại 4 huyện: Trảng
// Bom, Thống Nhất, …".
func sharedBy(clause string, entities [][2]string) bool {
	toks := Tokenize(clause)
	for i := 1; i+1 < len(toks); i++ {
		if toks[i-1].Fold != "cac" && !(toks[i-1].Number && strings.HasPrefix(clause[toks[i].End:], ":")) || !placeNouns[toks[i].Fold] {
			continue // "các huyện A, B", "4 huyện: A, B"
		}
		list := toks[i+1:]
		if end := strings.IndexAny(clause[toks[i].End:], "0123456789()"); end >= 0 {
			list = Tokenize(clause[toks[i].End : toks[i].End+end])
		}
		several := strings.Contains(clause[toks[i].End:], ",") || strings.Contains(clause[toks[i].End:], " và ")
		for j := 1; several && j < len(list); j++ {
			if list[j-1].Upper && list[j].Upper && slices.Contains(entities, [2]string{list[j-1].Fold, list[j].Fold}) {
				return true
			}
		}
	}
	// "xã Cô Ba và xã Thượng Hà": the same noun before each name.
	for i := 0; i+6 < len(toks); i++ {
		a, b := toks[i:i+3], toks[i+4:i+7]
		if !placeNouns[a[0].Fold] || toks[i+3].Fold != "va" || b[0].Fold != a[0].Fold || !a[1].Upper || !b[1].Upper {
			continue
		}
		if slices.Contains(entities, [2]string{a[1].Fold, a[2].Fold}) || slices.Contains(entities, [2]string{b[1].Fold, b[2].Fold}) {
			return true
		}
	}
	// "tập trung tại huyện Củ Chi, quận 12, quận Bình Thạnh": places one
	// after another, a kind of place named twice or joined by "và"; not
	// an address ("xã A, huyện B, tỉnh C").
	var nouns []string
	listed, asked, end := false, false, 0
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].Start < end || !placeNouns[toks[i].Fold] || !toks[i+1].Upper && !toks[i+1].Number {
			continue // inside the name before, or no place named
		}
		gap := strings.TrimSpace(clause[end:toks[i].Start])
		joined := gap == "và" || gap == ", và"
		if len(nouns) > 0 && gap != "," && !joined {
			nouns, listed, asked = nil, false, false // not the same list: "huyện A có 3.240 hộ, huyện B …" gives each its own
		}
		listed = listed || len(nouns) > 0 && (joined || slices.Contains(nouns, toks[i].Fold))
		nouns = append(nouns, toks[i].Fold)
		asked = asked || i+2 < len(toks) && slices.Contains(entities, [2]string{toks[i+1].Fold, toks[i+2].Fold})
		for end = toks[i+1].End; i+2 < len(toks) && (toks[i+2].Upper || toks[i+2].Number) && toks[i+2].Start == end+1; i++ {
			end = toks[i+2].End // past the name
		}
		if listed && asked {
			return true
		}
	}
	return false
}

// locatesOnly reports whether a sentence names a place asked about only in
// parentheses after another place, which it locates: "xã Pả Vi (huyện Mèo
// Vạc)".
func locatesOnly(sentence string, places []string) bool {
	if len(places) == 0 || !strings.Contains(sentence, "(") {
		return false
	}
	inside, outside := false, false
	toks := Tokenize(sentence)
	for i := 1; i < len(toks); i++ {
		if !slices.Contains(places, toks[i-1].Fold+" "+toks[i].Fold) {
			continue
		}
		open := strings.LastIndexByte(sentence[:toks[i-1].Start], '(')
		if open >= 0 && !strings.Contains(sentence[open:toks[i-1].Start], ")") && placeBefore(sentence[:open]) {
			inside = true
		} else {
			outside = true
		}
	}
	return inside && !outside
}

// placeBefore reports whether text ends with a place's name: "xã Pả Vi",
// not "cầu Tân Quới" or "Bệnh viện Đa khoa tỉnh".
func placeBefore(text string) bool {
	toks := Tokenize(text)
	for k := len(toks) - 1; k >= 0 && k >= len(toks)-4; k-- {
		if !toks[k].Upper {
			return placeNoun(toks[k]) && k < len(toks)-1
		}
	}
	return false
}

// placeOpens reports whether a sentence opens with a kind of place asked
// about and no name after it: "Huyện có 5.120 trẻ …" speaks of the
// district the sentence before names.
// callsPlaceBare reports whether a sentence calls a place of a kind asked
// by its kind alone: "huyện đã di dời 158 hộ".
func callsPlaceBare(toks []Token, kinds map[string]bool) bool {
	for i, t := range toks {
		if kinds[t.Fold] && (i+1 == len(toks) || !toks[i+1].Upper) && (i == 0 || toks[i-1].Fold != "tac") { // not "hợp tác xã"
			return true
		}
	}
	return false
}

// placeOpening returns the clause a paragraph opens with when it sets the
// place its sentences speak of ("Tại huyện Sa Thầy, …"), else "".
func placeOpening(paragraph string) string {
	head, _, found := strings.Cut(paragraph, ",")
	if !found || !strings.HasPrefix(head, "Tại ") && !strings.HasPrefix(head, "Ở ") {
		return ""
	}
	return head
}

func placeOpens(toks []Token, kinds map[string]bool) bool {
	return len(toks) > 1 && kinds[toks[0].Fold] && !toks[1].Upper
}

// caseWords, folded, name what "vụ" opens when it is one case, not a crop
// season ("vụ Đông Xuân"): "vụ tai nạn", "vụ cháy", "vụ án".
var caseWords = foldedSet([]string{"tai", "cháy", "án", "ma", "đánh", "trộm", "cướp", "va", "sạt", "ngộ", "nổ", "lừa", "buôn", "đuối", "hỏa", "giết", "xô", "đâm", "lật", "chìm", "vận", "tàng", "khai", "sập"})

// severalCases, folded, before "vụ" make it several cases.
var severalCases = map[string]bool{"cac": true, "nhung": true, "so": true, "may": true, "nhieu": true}

// asksOneCase reports whether a question asks of one case it names ("vụ
// tai nạn", "vụ cháy ở Minh Phát") rather than counts cases ("bao nhiêu
// vụ", "2 vụ").
func asksOneCase(question []Token, unit string) bool {
	if unit == "vu" {
		return false
	}
	for i, t := range question {
		if t.Fold != "vu" || i+1 == len(question) || !caseWords[question[i+1].Fold] {
			continue
		}
		if i > 0 && (question[i-1].Number || numberWords[question[i-1].Exact] || severalCases[question[i-1].Fold]) {
			return false // "2 vụ cháy", "các vụ tai nạn", "số vụ", "mấy vụ án" are several
		}
		return true
	}
	return false
}

// partyBodies are a party committee's bodies, folded, by the words or
// initials that name them, with the name.
var partyBodies = map[string]string{"ban chap hanh": "ban chap hanh", "bch": "ban chap hanh", "ban thuong vu": "ban thuong vu",
	"btv": "ban thuong vu", "uy ban kiem tra": "uy ban kiem tra", "ubkt": "uy ban kiem tra", "thuong truc": "thuong truc"}

// partyBodyAt returns the party body named at toks[i] and where its name
// ends; "" when none is.
func partyBodyAt(toks []Token, i int) (string, int) {
	for n := min(3, len(toks)-i); n >= 1; n-- {
		if body, ok := partyBodies[strings.TrimSpace(foldedText(toks[i:i+n]))]; ok {
			return body, i + n
		}
	}
	return "", i
}

// partyBodyAsked returns the first party body a question names, or "".
func partyBodyAsked(question []Token) string {
	for i := range question {
		if body, _ := partyBodyAt(question, i); body != "" {
			return body
		}
	}
	return ""
}

// countsOtherBody reports whether a sentence counts the people of party
// bodies ("gồm 11 đồng chí") and every such count follows another body
// than the one asked: "Ban Chấp hành … đã bầu Ban Thường vụ Huyện ủy gồm
// 11 đồng chí" counts the Ban Thường vụ.
func countsOtherBody(toks []Token, asked string) bool {
	counted, other := false, true
	body := ""
	for i := 0; i < len(toks); i++ {
		if b, end := partyBodyAt(toks, i); b != "" {
			body, i = b, end-1
			continue
		}
		if i > 0 && (toks[i-1].Number || numberWords[toks[i-1].Exact]) && body != "" && (toks[i].Fold == "nguoi" || i+1 < len(toks) && membersNouns[toks[i].Fold+" "+toks[i+1].Fold]) {
			counted = true
			other = other && body != asked
		}
	}
	return counted && other
}

// membersNouns count a party body's members, folded.
var membersNouns = map[string]bool{"dong chi": true, "uy vien": true, "thanh vien": true}

// talliesCases reports whether a sentence counts cases: "xảy ra 18 vụ",
// "bắt giữ 128 vụ với 196 đối tượng".
func talliesCases(toks []Token) bool {
	for i := 1; i < len(toks); i++ {
		if toks[i].Fold == "vu" && (toks[i-1].Number || numberWords[toks[i-1].Exact]) && toks[i-1].Fold != "mot" {
			return true
		}
	}
	return false
}

// fromNameBefore returns a who-answer's clause reaching back to the last
// person the sentence introduces with titles before it ("đồng chí Trịnh
// Quang Vinh, …, đã chủ trì hội nghị"), shortened to fit an answer; the
// clause as it was when none stands before it.
func fromNameBefore(sentence, clause string) string {
	at := strings.Index(sentence, strings.TrimSpace(clause))
	if at <= 0 {
		return clause
	}
	toks := Tokenize(sentence[:at])
	for i := len(toks) - 1; i >= 0; i-- {
		if !nameAt(toks, i) || !titledAfter(sentence, toks, i) {
			continue
		}
		for i > 0 && toks[i-1].Upper && toks[i-1].End+1 == toks[i].Start {
			i-- // from where the capitalised run opens
		}
		start := toks[i].Start
		if i > 1 && toks[i-2].Fold+" "+toks[i-1].Fold == "dong chi" {
			start = toks[i-2].Start
		} else if i > 0 && honorifics[toks[i-1].Fold] {
			start = toks[i-1].Start // "ông Trần Văn A"
		}
		return shorten(sentence[start:at]+strings.TrimSpace(clause), MaxAnswerRunes)
	}
	return clause
}

// titledAfter reports whether the name opening at toks[i] is followed by
// its titles, as the papers introduce officials: "Trịnh Quang Vinh, Phó
// Chủ tịch …", "Trần Văn A - Giám đốc …".
func titledAfter(sentence string, toks []Token, i int) bool {
	j := i
	for j+1 < len(toks) && toks[j+1].Upper && toks[j].End+1 == toks[j+1].Start {
		j++
	}
	rest := strings.TrimLeft(sentence[toks[j].End:], " ")
	return strings.HasPrefix(rest, ",") || strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "–")
}

// notSurnames are words that fold as surnames do but open offices and
// places: "Trưởng Ban Chỉ huy" is no Trương.
var notSurnames = exactSet("Trưởng Trường Phó Hạ Huyện")

// nameAt reports whether a person's name opens at toks[i] (personAt),
// not an office.
func nameAt(toks []Token, i int) bool {
	return toks[i].Upper && !notSurnames[toks[i].Exact] && personAt(toks, i)
}

// namesPerson reports whether syllables hold a person's name (nameAt).
func namesPerson(toks []Token) bool {
	for i := range toks {
		if nameAt(toks, i) {
			return true
		}
	}
	return false
}
