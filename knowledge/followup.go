package knowledge

import (
	"regexp"
	"strings"
)

// contextWeight scales the weight of words a follow-up borrows from the
// previous question: they help find and rank passages, the question's own
// words decide.
const contextWeight = 0.3

// followUpCues mark a question that leans on the one before it: "còn Kết
// luận 21 thì sao?", "ông ấy nhấn mạnh gì?".
var (
	followUpOpeners  = cues("còn", "vậy còn", "thế còn", "thế", "vậy", "and", "what about", "how about")
	followUpAnywhere = cues("thì sao", "thế nào", "ông ấy", "bà ấy", "người đó", "ông này", "bà này", "việc đó",
		"điều đó", "nó", "họ", "he", "she", "they", "it", "that")
)

// IsFollowUp reports whether a question needs the conversation to be
// understood: it opens with "còn…", points back with "ông ấy…", or has
// hardly any content words of its own.
func IsFollowUp(question string) bool {
	toks := Tokenize(question)
	marked := false
	words := make([]string, 0, len(toks))
	lower := strings.ToLower(NFC(question))
	for _, t := range toks {
		marked = marked || t.Marked
	}
	for _, t := range toks {
		if marked {
			words = append(words, lower[t.Start:t.End])
		} else {
			words = append(words, t.Fold)
		}
	}
	q := " " + strings.Join(words, " ") + " "
	if len(words) > 0 && followUpOpeners.in(" "+words[0]+" ", marked) ||
		len(words) > 1 && followUpOpeners.in(" "+words[0]+" "+words[1]+" ", marked) {
		return true
	}
	if followUpAnywhere.in(q, marked) {
		return true
	}
	return len(contentTokens(toks, Classify(question))) <= 1
}

// followUpContext returns the previous question and answer when q is a
// follow-up, else "". ("ông ấy" is the name the last answer gave.)
func followUpContext(q Query) string {
	if len(q.History) == 0 || !IsFollowUp(q.Text) {
		return ""
	}
	last := q.History[len(q.History)-1]
	return last.Question + " " + citationMarker.ReplaceAllString(last.Answer, "")
}

// citationMarker matches the [n] markers of an answer.
var citationMarker = regexp.MustCompile(`\[\d+\]`)

// weigh fills a query's Weights from the index: its words and, at
// contextWeight, the words of its context that it does not have itself;
// and its Unseen words.
func (ix *Index) weigh(q *Query) {
	q.Weights = ix.Weights(q.Text)
	q.Unseen = map[string]bool{}
	for _, t := range Tokenize(q.Text) {
		seen := ix.df(foldUni, t.Fold) > 0
		if t.Marked {
			seen = ix.df(exactUni, t.Exact) > 0 // "ngân" is not made seen by "ngàn"
		}
		if !seen && !IsStopword(t) && !t.Number {
			q.Unseen[t.Fold] = true
		}
	}
	if q.Context == "" {
		return
	}
	for k, v := range ix.Weights(q.Context) {
		if _, own := q.Weights[k]; !own {
			q.Weights[k] = v * contextWeight
		}
	}
}
