package bot

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSplitText(t *testing.T) {
	sentence := "Ngày 15/3/2024, Bộ Giao thông vận tải khởi công cầu Rạch Miễu 2 với tổng vốn 6.810 tỷ đồng. "
	long := strings.Repeat(sentence, 33) // about 3,000 characters, one paragraph
	parts := SplitText(long, 2000)
	if len(parts) != 2 {
		t.Fatalf("%d characters in %d parts, want 2", utf8.RuneCountInString(long), len(parts))
	}
	for i, p := range parts {
		if n := utf8.RuneCountInString(p); n > 2000 || n == 0 {
			t.Errorf("part %d has %d characters", i+1, n)
		}
		if !strings.HasSuffix(p, "đồng.") {
			t.Errorf("part %d ends %q, want a whole sentence", i+1, p[len(p)-20:])
		}
	}
	if got := strings.Join(parts, " "); got != strings.TrimSpace(long) {
		t.Error("parts joined differ from the text")
	}
	for _, tc := range []struct {
		in   string
		max  int
		want []string
	}{
		{"ngắn", 10, []string{"ngắn"}},
		{"một hai ba bốn", 8, []string{"một hai", "ba bốn"}},
		{"aaaaaaaaaa", 4, []string{"aaaa", "aaaa", "aa"}},
		{"Đoạn một.\n\nĐoạn hai dài hơn.", 20, []string{"Đoạn một.", "Đoạn hai dài hơn."}},
	} {
		if got := SplitText(tc.in, tc.max); strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("SplitText(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
	}
}
