package knowledge

import (
	"encoding/json"
	"os"
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
	data, err := os.ReadFile(filepath.Join("testdata", "local-news", "questions.json"))
	if err != nil {
		t.Fatal(err)
	}
	var qs struct {
		Answerable   []struct{ Q string } `json:"answerable"`
		Unanswerable []struct{ Q string } `json:"unanswerable"`
	}
	if err := json.Unmarshal(data, &qs); err != nil {
		t.Fatal(err)
	}
	svc := NewService(append(articles, Sample()...))
	ix := svc.Index()
	for _, q := range append(qs.Answerable, qs.Unanswerable...) {
		text := ExpandChat(NFC(q.Q))
		query := Query{Text: text}
		ix.weigh(&query)
		kind := Classify(text)
		content := contentTokens(Tokenize(text), kind)
		passages := ix.Search(searchText(text), svc.topK)
		want, wantOK := pick(candidates(query, kind, content, nil, passages))
		got, gotOK := bestCandidate(query, kind, content, nil, passages)
		if gotOK != wantOK || got.sentence != want.sentence || got.features != want.features {
			t.Errorf("%q: bestCandidate %q (%v), pick %q (%v)", q.Q, got.sentence, gotOK, want.sentence, wantOK)
		}
	}
}
