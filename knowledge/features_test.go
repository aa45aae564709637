package knowledge

import (
	"path/filepath"
	"testing"
)

// The answerer reads fewer articles whole than the fit compares, and must
// choose exactly what the fit's models would.
func TestBestCandidateIsPick(t *testing.T) {
	articles, err := LoadPath(filepath.Join("testdata", "local-news", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	qs, err := LoadQuestionSet("local-news")
	if err != nil {
		t.Fatal(err)
	}
	svc := NewService(append(articles, Sample()...))
	ix := svc.Index()
	var questions []string
	for _, q := range qs.Answerable {
		questions = append(questions, q.Q)
	}
	for _, q := range qs.Unanswerable {
		questions = append(questions, q.Q)
	}
	for _, question := range questions {
		text := ExpandChat(NFC(question))
		query := Query{Text: text}
		ix.weigh(&query)
		kind := Classify(text)
		content := contentTokens(Tokenize(text), kind)
		passages := ix.Search(searchText(text), svc.topK)
		want, wantOK := pick(candidates(query, kind, content, nil, passages))
		got, gotOK := bestCandidate(analyse(query, kind, content, nil), byArticle(passages, articlesRead), weigher(query, content))
		if gotOK != wantOK || got.sentence != want.sentence || got.features != want.features {
			t.Errorf("%q: bestCandidate %q (%v), pick %q (%v)", question, got.sentence, gotOK, want.sentence, wantOK)
		}
	}
}
