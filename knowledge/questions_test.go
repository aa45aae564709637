package knowledge

import (
	"encoding/json"
	"os"
	"path/filepath"
)

// QuestionSet is testdata/<set>/questions.json: questions about the set's
// articles with the answers expected, and questions they cannot answer.
// Exported for the external tests of this package.
type QuestionSet struct {
	Answerable []struct {
		Q      string   `json:"q"`
		Expect []string `json:"expect"`
	} `json:"answerable"`
	Unanswerable []struct {
		Q string `json:"q"`
	} `json:"unanswerable"`
}

// LoadQuestionSet reads testdata/<set>/questions.json.
func LoadQuestionSet(set string) (QuestionSet, error) {
	return ReadQuestionSet(filepath.Join("testdata", set, "questions.json"))
}

// ReadQuestionSet reads a questions.json file.
func ReadQuestionSet(path string) (QuestionSet, error) {
	var qs QuestionSet
	data, err := os.ReadFile(path)
	if err != nil {
		return qs, err
	}
	return qs, json.Unmarshal(data, &qs)
}
