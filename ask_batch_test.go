package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

// TestAnswerInOrderKeepsInputOrder makes the first answer finish after the
// second: the output still lists them as the lines came.
func TestAnswerInOrderKeepsInputOrder(t *testing.T) {
	secondDone := make(chan struct{})
	answer := func(line string, err error) string {
		if line == "first" {
			<-secondDone
		} else {
			defer close(secondDone)
		}
		return line + "\n"
	}
	var out strings.Builder
	w := bufio.NewWriter(&out)
	if err := answerInOrder(strings.NewReader("first\nsecond\n"), w, 2, answer); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "first\nsecond\n"; got != want {
		t.Errorf("output %q, want %q", got, want)
	}
}

// TestAskBatchAnswersInInputOrder runs a batch through the command: one
// line per question, in the order asked, bad lines included.
func TestAskBatchAnswersInInputOrder(t *testing.T) {
	var questions []string
	for i := range 30 {
		switch i % 3 {
		case 0:
			questions = append(questions, fmt.Sprintf("Bí thư Huyện ủy Châu Thành là ai? (%d)", i))
		case 1:
			questions = append(questions, fmt.Sprintf("Châu Thành có bao nhiêu đảng viên mới %d?", i))
		default:
			questions = append(questions, "") // an empty line gets an error line
		}
	}
	out, _, err := runWithStdin(t, strings.Join(questions, "\n")+"\n", "ask", "--json")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != len(questions) {
		t.Fatalf("got %d lines, want %d", len(lines), len(questions))
	}
	for i, line := range lines {
		var r struct {
			Question string `json:"question"`
			Error    string `json:"error"`
		}
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("line %d %q: %v", i, line, err)
		}
		if r.Question != questions[i] {
			t.Errorf("line %d answers %q, want %q", i, r.Question, questions[i])
		}
		if (questions[i] == "") != (r.Error != "") {
			t.Errorf("line %d: error %q for question %q", i, r.Error, questions[i])
		}
	}
}
