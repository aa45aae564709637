package openai

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/hoibao/hoibao/knowledge"
)

// markerRE matches a citation marker with the space before it: "[2]",
// "[1, 3]", "[1;2]". Numbers of four digits ("[2024]") are not markers.
var markerRE = regexp.MustCompile(`(\s*)\[\s*(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\s*\]`)

// sanitize removes citation markers that point at no passage (numbers
// outside 1..n), splits lists ("[1, 2]" → "[1][2]"), and returns the
// passage numbers cited, in order of first citation.
func sanitize(text string, n int) (string, []int) {
	var cited []int
	seen := map[int]bool{}
	out := markerRE.ReplaceAllStringFunc(text, func(m string) string {
		sub := markerRE.FindStringSubmatch(m)
		var b strings.Builder
		inMarker := map[int]bool{}
		for _, f := range strings.FieldsFunc(sub[2], func(r rune) bool { return r == ',' || r == ';' || r == ' ' }) {
			k, err := strconv.Atoi(f)
			if err != nil || k < 1 || k > n || inMarker[k] {
				continue
			}
			inMarker[k] = true
			if !seen[k] {
				seen[k] = true
				cited = append(cited, k)
			}
			b.WriteString("[" + strconv.Itoa(k) + "]")
		}
		if b.Len() == 0 {
			return ""
		}
		return sub[1] + b.String()
	})
	return strings.TrimSpace(out), cited
}

// stripThinking removes the <think>…</think> block that reasoning models
// write before their answer; an unclosed one hides everything after it.
func stripThinking(s string) string {
	for {
		i := strings.Index(s, "<think>")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], "</think>")
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+len("</think>"):]
	}
}

// visible is the part of a growing reply that can be shown: thinking
// removed, markers checked, and a marker still being written (or the
// space before it) held back, so the shown text only ever grows.
func visible(raw string, n int) string {
	s := stripThinking(raw)
	if t := strings.TrimSpace(s); t != "" && strings.HasPrefix("<think>", t) {
		return "" // the start of a thinking block
	}
	if i := strings.LastIndexByte(s, '['); i >= 0 && !strings.Contains(s[i:], "]") &&
		strings.Trim(s[i+1:], "0123456789,; ") == "" {
		s = s[:i]
	}
	s = strings.TrimRight(s, " \t\n")
	out, _ := sanitize(s, n)
	return out
}

// refusalPhrases, folded, mark a reply that says the passages do not answer.
var refusalPhrases = func() []string {
	out := []string{knowledge.Fold(knowledge.RefusalVI), strings.ToLower(knowledge.RefusalEN)}
	for _, p := range []string{
		"khong co thong tin ve", "khong de cap den dieu nay", "khong noi ve dieu nay",
		"do not contain the answer", "does not contain the answer", "no information about",
	} {
		out = append(out, p)
	}
	return out
}()

func isRefusal(text string) bool {
	f := strings.ToLower(knowledge.Fold(text))
	for _, p := range refusalPhrases {
		if strings.Contains(f, p) {
			return true
		}
	}
	return false
}

// promptProbes are the openings of the system prompt's lines: a reply that
// holds one is repeating the instructions.
var promptProbes = func() []string {
	var out []string
	for _, line := range strings.Split(SystemPrompt+"\n"+RewritePrompt, "\n") {
		line = strings.ToLower(strings.TrimSpace(line))
		if len(line) >= 40 {
			out = append(out, line[:40])
		}
	}
	return out
}()

func leaksPrompt(text string) bool {
	t := strings.ToLower(strings.Join(strings.Fields(text), " "))
	for _, p := range promptProbes {
		if strings.Contains(t, p) {
			return true
		}
	}
	return false
}

// refusal is the answer when the passages do not answer q.
func refusal(q knowledge.Query) knowledge.Answer {
	text := knowledge.RefusalVI
	if knowledge.IsEnglish(q.Text) {
		text = knowledge.RefusalEN
	}
	return knowledge.Answer{Text: text, Refused: true, Citations: []knowledge.Citation{}}
}

// whyUnsupported is finish's reason when no sentence of the reply held up
// against the passages: the extractive answer is given instead.
const whyUnsupported = "no sentence of the reply holds up against the passages"

// finish checks a model's reply against the passages it was sent and turns
// it into an Answer: markers to no passage removed; no valid citation, a
// refusal or a leak of the instructions gives a refusal; then every
// sentence's facts are checked against the passages (knowledge.CheckClaims):
// citations move to the passage that holds them, sentences stating what no
// passage holds are dropped, and when nothing is left why is
// whyUnsupported. The citations are exactly the passages cited, with their
// text as the quote and how they were checked.
func finish(q knowledge.Query, reply string, sent []knowledge.Passage) (ans knowledge.Answer, check knowledge.ClaimCheck, why string) {
	reply = strings.TrimSpace(stripThinking(reply))
	if leaksPrompt(reply) {
		return refusal(q), check, "reply repeats the instructions"
	}
	text, cited := sanitize(reply, len(sent))
	switch {
	case text == "" || isRefusal(text):
		return refusal(q), check, "model says the passages do not answer"
	case len(cited) == 0:
		return refusal(q), check, "reply cites no passage"
	}
	check = knowledge.CheckClaims(text, sent)
	if check.Text == "" {
		return knowledge.Answer{}, check, whyUnsupported
	}
	text, cited = sanitize(check.Text, len(sent))
	sort.Ints(cited)
	citations := make([]knowledge.Citation, 0, len(cited))
	for _, n := range cited {
		p := sent[n-1]
		citations = append(citations, knowledge.Citation{
			N: n, ArticleID: p.Article.ID, ChunkID: p.Chunk.ID, Title: p.Article.Title,
			URL: p.Article.URL, Published: p.Article.Published, Quote: p.Chunk.Text, Support: check.Support[n],
		})
	}
	return knowledge.Answer{Text: text, Citations: citations}, check, ""
}
