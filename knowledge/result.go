package knowledge

// Result is one answer as scripts and the HTTP API see it: one line of
// `hoibao ask --json` and the body of POST /api/ask (GUIDE §3). Fields may
// be added; none may change meaning.
type Result struct {
	Question  string           `json:"question"`
	Answer    string           `json:"answer"`
	Refused   bool             `json:"refused"`
	Citations []ResultCitation `json:"citations"`
	Note      string           `json:"note,omitempty"`
	// Error, when set, is a sentence for the user saying why there is no
	// answer (a bad question, a limit, a failure); Answer is then empty.
	Error string `json:"error,omitempty"`
	// AnswerID names the answer for feedback (👍/👎); the HTTP API sets it.
	AnswerID string `json:"answer_id,omitempty"`
}

// ResultCitation is one source of a Result: its [N] marker's passage.
type ResultCitation struct {
	N         int    `json:"n"`
	ArticleID string `json:"article_id"`
	ChunkID   string `json:"chunk_id,omitempty"`
	Title     string `json:"title"`
	URL       string `json:"url"`
	Published string `json:"published"` // YYYY-MM-DD, or empty when unknown
	Quote     string `json:"quote"`
	Support   string `json:"support,omitempty"` // how a generated answer's citation was checked
}

// NewResult is the Result of an answer to question.
func NewResult(question string, a Answer) Result {
	r := Result{Question: question, Answer: a.Text, Refused: a.Refused, Note: a.Note,
		Citations: make([]ResultCitation, 0, len(a.Citations))}
	for _, c := range a.Citations {
		rc := ResultCitation{N: c.N, ArticleID: c.ArticleID, ChunkID: c.ChunkID, Title: c.Title, URL: c.URL, Quote: c.Quote, Support: c.Support}
		if !c.Published.IsZero() {
			rc.Published = c.Published.Format("2006-01-02")
		}
		r.Citations = append(r.Citations, rc)
	}
	return r
}

// ErrorResult is the Result of a question that got no answer, with the
// sentence the user reads.
func ErrorResult(question, message string) Result {
	return Result{Question: question, Citations: []ResultCitation{}, Error: message}
}
