// Package bottest holds what the channel adapters' tests share: the
// seven-message conversation whose replies prove that one chat's messages
// are handled strictly in order.
package bottest

import (
	"strings"
	"testing"
)

// ArticleID is the ID of the article the scenario adds and removes.
const ArticleID = "cau-rach-mieu-2"

// Ordering is what an admin sends in one chat, in this order: add an
// article, ask about it, a follow-up, list the sources, remove it, list
// again, ask again. Handled out of order, the question meets no article,
// the follow-up comes before its question, or a list shows the removed
// article.
var Ordering = []string{
	"/add # doc_id = " + ArticleID + "\nKhởi công cầu Rạch Miễu 2 nối Tiền Giang và Bến Tre\n" +
		"Ngày 15/3/2024, Bộ Giao thông vận tải khởi công cầu Rạch Miễu 2 với tổng vốn đầu tư 6.810 tỷ đồng.\n" +
		"Cầu Rạch Miễu 2 dài 17,5 km, dự kiến hoàn thành vào năm 2025.",
	"Cầu Rạch Miễu 2 có tổng vốn đầu tư bao nhiêu?",
	"Cầu đó dự kiến hoàn thành năm nào?",
	"/sources",
	"/remove " + ArticleID,
	"/sources",
	"Cầu Rạch Miễu 2 có tổng vốn đầu tư bao nhiêu?",
}

// CheckOrdering checks the replies to Ordering, one text per message in
// the order they arrived in the chat.
func CheckOrdering(t testing.TB, replies []string) {
	t.Helper()
	if len(replies) != len(Ordering) {
		t.Fatalf("got %d replies, want %d: %q", len(replies), len(Ordering), replies)
	}
	want := []struct {
		has, hasNot string
	}{
		{"Đã thêm bài", ""},
		{"6.810", ""},
		{"2025", ""},
		{"Rạch Miễu", ""},
		{"Đã xoá", ""},
		{"Châu Thành", "Rạch Miễu"},
		{"", "6.810"},
	}
	for i, w := range want {
		if w.has != "" && !strings.Contains(replies[i], w.has) {
			t.Errorf("reply %d to %q: %q, want it to hold %q", i+1, firstLine(Ordering[i]), replies[i], w.has)
		}
		if w.hasNot != "" && strings.Contains(replies[i], w.hasNot) {
			t.Errorf("reply %d to %q: %q, want it without %q", i+1, firstLine(Ordering[i]), replies[i], w.hasNot)
		}
	}
}

func firstLine(s string) string { s, _, _ = strings.Cut(s, "\n"); return s }
