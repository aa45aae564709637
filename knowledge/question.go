package knowledge

import (
	"regexp"
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
)

// Patterns run on the folded, lower-case question, so "khi nào" and
// "khi nao" read the same.
var (
	rePublished = regexp.MustCompile(`\b(dang|xuat ban|phat hanh|published|posted)\b.*\b(ngay|khi nao|luc nao|bao gio|nam nao|thoi gian|thang nao|hom nao|when|date|what day)\b|\b(ngay|thoi gian|thoi diem) (dang|xuat ban)\b|\b(when was|publication date|date of)\b`)
	reAuthor    = regexp.MustCompile(`\b(ai viet|ai la tac gia|tac gia|nguoi viet|but danh|phong vien nao|ai dua tin|who wrote|author|byline)\b`)
	reTitle     = regexp.MustCompile(`\b(tieu de|ten (bai|cua bai)|ten bai bao|title|headline|bai (bao|viet) (ten|nao)|nhung bai nao|co bai nao)\b`)
	reWho       = regexp.MustCompile(`(^|\s)(ai|who|whom)(\s|$|\?)`)
	reNumber    = regexp.MustCompile(`\b(bao nhieu|may|how many|how much|so luong)\b`)
	reWhen      = regexp.MustCompile(`\b(khi nao|luc nao|bao gio|nam nao|ngay nao|thang nao|giai doan nao|thoi gian nao|thoi diem nao|when|what year)\b`)
	reWhere     = regexp.MustCompile(`\b(o dau|tai dau|noi nao|cho nao|dia phuong nao|where)\b`)
	reList      = regexp.MustCompile(`\b(nhung|cac)\b.*\b(nao|gi)\b|\b(gom nhung|ke ten|liet ke|which)\b`)
	articleWord = regexp.MustCompile(`\b(bai|bai bao|bai viet|tin|article|story)\b`)
)

// Classify reads what kind of answer a question wants.
func Classify(question string) Kind {
	q := " " + strings.Join(strings.Fields(Fold(question)), " ") + " "
	q = strings.NewReplacer("?", " ", "!", " ", ".", " ", ",", " ").Replace(q)
	switch {
	case reAuthor.MatchString(q):
		return KindAuthor
	case rePublished.MatchString(q) && (articleWord.MatchString(q) || strings.Contains(q, " dang ")):
		return KindPublished
	case reTitle.MatchString(q):
		return KindTitle
	case reWho.MatchString(q):
		return KindWho
	case reNumber.MatchString(q):
		return KindNumber
	case reWhen.MatchString(q):
		return KindWhen
	case reWhere.MatchString(q):
		return KindWhere
	case reList.MatchString(q):
		return KindList
	}
	return KindWhat
}

// isMeta reports whether a kind is answered from article metadata.
func (k Kind) isMeta() bool { return k == KindPublished || k == KindAuthor || k == KindTitle }

// englishWords mark a question asked in English.
var englishWords = map[string]bool{
	"what": true, "who": true, "when": true, "where": true, "which": true, "how": true,
	"is": true, "the": true, "did": true, "does": true, "was": true, "are": true, "of": true,
}

// IsEnglish guesses whether a question is in English: no Vietnamese marks and
// at least two common English words.
func IsEnglish(question string) bool {
	n := 0
	for _, t := range Tokenize(question) {
		if t.Marked {
			return false
		}
		if englishWords[t.Exact] {
			n++
		}
	}
	return n >= 2
}
