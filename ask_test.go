package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// runWithStdin runs the command line with a clean environment (an empty data
// folder, nothing configured) and returns what it printed.
func runWithStdin(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	env := map[string]string{"HOIBAO_DATA_DIR": t.TempDir()}
	var out, errOut bytes.Buffer
	err = run(context.Background(), Env{
		Args: args, Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errOut,
		Getenv: func(k string) string { return env[k] },
	})
	return out.String(), errOut.String(), err
}

func decodeLines(t *testing.T, out string) []knowledge.Result {
	t.Helper()
	var results []knowledge.Result
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var r knowledge.Result
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("line %q is not JSON: %v", sc.Text(), err)
		}
		results = append(results, r)
	}
	return results
}

// The README's first command: the bundled sample answers its main question
// with the name and one citation quoting the passage.
func TestAskJSONAnswersFromTheSample(t *testing.T) {
	out, _, err := runWithStdin(t, "", "ask", "--json", "Bí thư Huyện ủy Châu Thành là ai?")
	if err != nil {
		t.Fatal(err)
	}
	results := decodeLines(t, out)
	if len(results) != 1 {
		t.Fatalf("got %d lines, want 1: %s", len(results), out)
	}
	r := results[0]
	if r.Refused || !strings.Contains(r.Answer, "Lê Phước Dũng") || !strings.Contains(r.Answer, "[1]") {
		t.Errorf("answer = %q (refused %v), want the name with a [1] marker", r.Answer, r.Refused)
	}
	if len(r.Citations) != 1 {
		t.Fatalf("citations = %+v, want one", r.Citations)
	}
	c := r.Citations[0]
	if c.N != 1 || !strings.Contains(c.Quote, "Lê Phước Dũng") || c.Published != "2024-01-09" || c.Title != "Xây dựng Đảng ở huyện Châu Thành" || c.ArticleID == "" {
		t.Errorf("citation = %+v", c)
	}
}

// A batch answers every line in order; bad lines get an error field and the
// run goes on.
func TestAskBatchKeepsGoingPastBadLines(t *testing.T) {
	lines := []string{
		"Bài báo đăng ngày nào?",
		"",
		strings.Repeat("x", 100<<10),
		"\xff\xfe\xfd",
		"Dân số huyện Châu Thành là bao nhiêu?",
		"bi thu huyen uy chau thanh la ai",
	}
	out, _, err := runWithStdin(t, strings.Join(lines, "\n")+"\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	results := decodeLines(t, out)
	if len(results) != len(lines) {
		t.Fatalf("got %d lines for %d questions:\n%s", len(results), len(lines), out)
	}
	if r := results[0]; r.Error != "" || !strings.Contains(r.Answer, "09/01/2024") {
		t.Errorf("date question: %+v", r)
	}
	for i := 1; i <= 3; i++ {
		if r := results[i]; r.Error == "" || r.Answer != "" || len(r.Citations) != 0 {
			t.Errorf("bad line %d: %+v, want an error and no answer", i, r)
		}
	}
	if r := results[4]; !r.Refused || len(r.Citations) != 0 || r.Answer == "" {
		t.Errorf("unanswerable: %+v, want a refusal without citations", r)
	}
	if r := results[5]; r.Refused || !strings.Contains(r.Answer, "Lê Phước Dũng") {
		t.Errorf("question without diacritics: %+v", r)
	}
}

func TestAskArticlesFlag(t *testing.T) {
	out, _, err := runWithStdin(t, "", "ask", "--json", "--articles", "knowledge/testdata/articles", "Cầu Mỹ Hòa dài bao nhiêu mét?")
	if err != nil {
		t.Fatal(err)
	}
	r := decodeLines(t, out)[0]
	if r.Refused || !strings.Contains(r.Answer, "120 mét") || len(r.Citations) == 0 || r.Citations[0].URL != "https://example.vn/tin/cau-moi.htm" {
		t.Errorf("got %+v, want the bridge's length cited with its URL", r)
	}
	// The sample is not loaded beside --articles.
	out, _, _ = runWithStdin(t, "", "ask", "--json", "--articles", "knowledge/testdata/articles", "Bí thư Huyện ủy Châu Thành là ai?")
	if r := decodeLines(t, out)[0]; !r.Refused {
		t.Errorf("with --articles, the sample still answered: %q", r.Answer)
	}
	if _, _, err := runWithStdin(t, "", "ask", "--articles", "no/such/folder", "hỏi"); err == nil {
		t.Error("a missing --articles path gave no error")
	}
}

func TestAskPlainPrintsSources(t *testing.T) {
	out, _, err := runWithStdin(t, "", "ask", "Bí thư Huyện ủy Châu Thành là ai?")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Lê Phước Dũng [1]", "Nguồn:", "[1] Xây dựng Đảng ở huyện Châu Thành · 09/01/2024", "“Bí thư Huyện ủy"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}
