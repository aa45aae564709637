package knowledge_test

import (
	"context"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// A follow-up question borrows the previous question's words, so a chat can
// go on without repeating itself.
func TestFollowUpUsesHistory(t *testing.T) {
	svc := knowledge.NewService(knowledge.Sample())
	ctx := context.Background()
	tests := []struct {
		previous, question, want string
	}{
		{"Huyện Châu Thành thực hiện những chỉ thị nào?", "còn Kết luận 21 thì sao?", "Ban Chấp hành Trung ương"},
		{"Bí thư Huyện ủy Châu Thành là ai?", "ông ấy nhấn mạnh điều gì?", "đổi mới phương thức lãnh đạo"},
		{"Huyện duy trì diễn đàn nào để lắng nghe dân?", "con mo hinh thi sao?", "Đi từng ngõ"},
	}
	for _, tt := range tests {
		first, err := svc.Ask(ctx, knowledge.Query{Text: tt.previous})
		if err != nil || first.Refused {
			t.Fatalf("%q: %v %+v", tt.previous, err, first)
		}
		history := []knowledge.Turn{{Question: tt.previous, Answer: first.Text}}
		got, err := svc.Ask(ctx, knowledge.Query{Text: tt.question, History: history})
		if err != nil {
			t.Fatal(err)
		}
		if got.Refused || !strings.Contains(got.Text, tt.want) {
			t.Errorf("after %q, %q = %q, want it to contain %q", tt.previous, tt.question, got.Text, tt.want)
		}
	}
}

func TestIsFollowUp(t *testing.T) {
	tests := map[string]bool{
		"còn Kết luận 21 thì sao?":                      true,
		"Vậy còn mô hình nào khác?":                     true,
		"ông ấy nhấn mạnh điều gì?":                     true,
		"Bí thư Huyện ủy Châu Thành là ai?":             false,
		"Huyện Châu Thành thực hiện những chỉ thị nào?": false,
	}
	for q, want := range tests {
		if got := knowledge.IsFollowUp(q); got != want {
			t.Errorf("IsFollowUp(%q) = %v, want %v", q, got, want)
		}
	}
}
