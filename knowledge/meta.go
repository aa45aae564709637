package knowledge

import "strings"

// searchText is what retrieval looks for: the question, less the words of a
// question about the article itself ("tác giả", "đăng ngày nào"), which
// would find articles that mention authors and dates.
func searchText(question string) string {
	kind := Classify(question)
	if !kind.isMeta() {
		return question
	}
	var words []string
	for _, t := range contentTokens(Tokenize(question), kind) {
		words = append(words, question[t.Start:t.End])
	}
	return strings.Join(words, " ")
}

// newestTitle returns the title passage of the newest article.
func (ix *Index) newestTitle() []Passage {
	if ix.liveArts == 0 {
		return nil
	}
	newest := ix.Articles()[0]
	for a, art := range ix.articles {
		if art == newest {
			return []Passage{{Chunk: ix.chunk(ix.artFirst[a]), Article: newest}} // the title comes first
		}
	}
	return nil
}
