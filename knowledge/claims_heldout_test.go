package knowledge_test

import (
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// claimHeldOut are replies written after the checker was tuned on
// claimCases. Their first run: 19 of 22 as expected, precision and recall
// 0.857; three misses were then fixed (a date's year as a figure; a time
// and date as one moment; no facts patched together across articles) and
// one expectation corrected, so these are held out no longer: new ones
// belong in a new list, run once before changing the checker. Failures here are printed, not fatal, except the two rules the
// check promises (no supported paraphrase dropped, no invented figure kept),
// which fail the test.
var claimHeldOut = []struct {
	kind, reply, want string
}{
	{"paraphrase", "Cầu dài ba phẩy hai cây số [3].", "="},
	{"paraphrase", "Đến nay 98 phần trăm số hộ đã nhận bồi thường [4].", "="},
	{"correct", "Cầu Rạch Miễu 2 khởi công ngày 9 tháng 1 năm 2022 [3].", "="},
	{"english", "Construction began on 9 January 2022 [3].", "="},
	{"english", "Construction began on 1/9/2022 [3].", "="},
	{"invented number", "Cầu có tổng chiều dài 3,5 km [3].", ""},
	{"invented name", "Chủ tịch UBND tỉnh An Giang là ông Hồ Văn Mạnh [6].", ""},
	{"invented name", "Deputy Director Tran The Cuong said 2.1 million students are affected [5].", ""},
	{"correct", "Ong Le Phuoc Dung la Bi thu Huyen uy Chau Thanh [1].", "="},
	// Passage 4's article title names the bridge, so [4] alone holds it all
	// (first written expecting [3][4]: the expectation was wrong).
	{"mis-cited", "Hơn 1.200 hộ dân bị ảnh hưởng bởi dự án cầu Rạch Miễu 2 [3].", "Hơn 1.200 hộ dân bị ảnh hưởng bởi dự án cầu Rạch Miễu 2 [4]."},
	{"invented number", "Năm 2022, tỉnh An Giang tăng trưởng 6,8% [6].", ""},
	{"paraphrase", "Cầu Rạch Miễu 2 khởi công năm 2022 [3].", "="},
	{"paraphrase", "Học phí tăng lên 217 nghìn đồng mỗi tháng [5].", "="},
	{"paraphrase", "Khoảng 2 triệu học sinh chịu tác động [5].", "="},
	{"correct", "Bài báo đăng lúc 6:25 ngày 9/1/2024 [1].", "="},
	{"invented number", "Bài báo đăng lúc 8:00 ngày 9/1/2024 [1].", ""},
	{"english", "He called for building \"four-good\" party cells [1].", "="},
	{"invented name", "Dự án do UBND tỉnh Long An làm chủ đầu tư [3].", ""},
	{"correct", "Theo HĐND Hà Nội, học phí mới áp dụng từ 1/9/2024 [5].", "="},
	{"english", "Tran The Cuong, director of the Hanoi Department of Education and Training, said about 2.1 million students are affected [5].", "="},
	{"mis-cited", "Quý I/2024, tổng sản phẩm của tỉnh tăng 6,8%, cao nhất trong 10 năm [5].", "Quý I/2024, tổng sản phẩm của tỉnh tăng 6,8%, cao nhất trong 10 năm [6]."},
	{"invented number", "Dự án thu hồi 45,6 ha đất và ảnh hưởng 2.500 hộ dân [4].", ""},
}

func TestClaimCheckHeldOut(t *testing.T) {
	passages := claimPassages(t)
	var tp, fp, fn, tn, exact int
	for _, tc := range claimHeldOut {
		want := tc.want
		if want == "=" {
			want = tc.reply
		}
		check := knowledge.CheckClaims(tc.reply, passages)
		if check.Text == want {
			exact++
		} else {
			t.Logf("MISS %s: %q\n got %q\nwant %q", tc.kind, tc.reply, check.Text, want)
		}
		kept := strip(want)
		for _, s := range check.Sentences {
			unsupported := !strings.Contains(kept, strip(s.Text))
			switch {
			case s.Dropped() && unsupported:
				tp++
			case s.Dropped():
				fp++
				if tc.kind == "paraphrase" {
					t.Errorf("dropped a supported paraphrase %q (missing %v)", s.Text, s.Missing)
				}
			case unsupported:
				fn++
				if tc.kind == "invented number" {
					t.Errorf("kept an invented figure %q", s.Text)
				}
			default:
				tn++
			}
		}
	}
	t.Logf("held out: %d replies, %d checked exactly as expected; dropping unsupported sentences: precision %.3f, recall %.3f (tp %d, fp %d, fn %d, tn %d)",
		len(claimHeldOut), exact, float64(tp)/float64(max(tp+fp, 1)), float64(tp)/float64(max(tp+fn, 1)), tp, fp, fn, tn)
}
