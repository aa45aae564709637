package knowledge_test

import (
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// claimPassages are the numbered passages the model replies below were
// written against, as a model is sent them: [1], [2] from the bundled
// sample, [3]–[6] from three other articles.
func claimPassages(t testing.TB) []knowledge.Passage {
	t.Helper()
	sample := knowledge.Sample()[0]
	bridge := &knowledge.Article{ID: "cau", Title: "Cầu Rạch Miễu 2 thông xe", Author: "THANH BÌNH",
		Published: time.Date(2025, 3, 15, 8, 0, 0, 0, time.UTC)}
	fees := &knowledge.Article{ID: "hocphi", Title: "Hà Nội tăng học phí từ năm học mới",
		Published: time.Date(2024, 8, 20, 9, 30, 0, 0, time.UTC)}
	growth := &knowledge.Article{ID: "angiang", Title: "An Giang tăng trưởng quý I",
		Published: time.Date(2024, 4, 2, 7, 0, 0, 0, time.UTC)}
	find := func(prefix string) string {
		for _, p := range sample.Paragraphs {
			if strings.HasPrefix(p, prefix) {
				return p
			}
		}
		t.Fatalf("no paragraph of the sample starts with %q", prefix)
		return ""
	}
	p := func(a *knowledge.Article, text string) knowledge.Passage {
		return knowledge.Passage{Article: a, Chunk: knowledge.Chunk{ArticleID: a.ID, Text: text}}
	}
	return []knowledge.Passage{
		p(&sample, find("Bí thư Huyện ủy Châu Thành Lê Phước Dũng")),
		p(&sample, find("Năm 2023, Ban Thường vụ")),
		p(bridge, "Cầu Rạch Miễu 2 dài 3,2 km, tổng vốn đầu tư 5.175 tỷ đồng, khởi công ngày 9/1/2022. Ông Nguyễn Văn Phong, Phó Chủ tịch UBND tỉnh Tiền Giang, cho biết cầu giúp rút ngắn thời gian đi lại khoảng 30 phút."),
		p(bridge, "Dự án thu hồi 45,6 ha đất, ảnh hưởng 1.250 hộ dân; đến nay 98% số hộ đã nhận tiền bồi thường."),
		p(fees, "Từ ngày 1/9/2024, học phí bậc THCS ở nội thành Hà Nội là 217.000 đồng mỗi tháng, theo nghị quyết của HĐND thành phố. Giám đốc Sở Giáo dục và Đào tạo Trần Thế Cương cho biết khoảng 2,1 triệu học sinh chịu tác động."),
		p(growth, "Quý I/2024, tổng sản phẩm trên địa bàn tỉnh An Giang tăng 6,8% so với cùng kỳ, cao nhất trong 10 năm. Chủ tịch UBND tỉnh Hồ Văn Mừng đề nghị các sở, ngành đẩy nhanh giải ngân vốn đầu tư công."),
	}
}

// claimCases are model replies written by hand, each with the answer the
// check must leave: the same text (correct), citations moved (mis-cited),
// sentences removed (invented), or "" when nothing holds up.
var claimCases = []struct {
	kind, reply, want string
}{
	// Correct replies stay exactly as written.
	{"correct", "Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng [1].", "="},
	{"correct", "Cầu Rạch Miễu 2 dài 3,2 km [3].", "="},
	{"correct", "Tổng vốn đầu tư của cầu là 5.175 tỷ đồng [3].", "="},
	{"correct", "Cầu khởi công ngày 9/1/2022 [3].", "="},
	{"correct", "Dự án ảnh hưởng 1.250 hộ dân [4].", "="},
	{"correct", "Đã có 98% số hộ nhận tiền bồi thường [4].", "="},
	{"correct", "Học phí bậc THCS ở nội thành Hà Nội là 217.000 đồng mỗi tháng [5].", "="},
	{"correct", "Học phí mới áp dụng từ ngày 1/9/2024 [5].", "="},
	{"correct", "Tổng sản phẩm của An Giang quý I/2024 tăng 6,8% [6].", "="},
	{"correct", "Ông Hồ Văn Mừng là Chủ tịch UBND tỉnh An Giang [6].", "="},
	{"correct", "Năm 2023, Ban Thường vụ Huyện ủy Châu Thành quán triệt Chỉ thị 05-CT/TW và Kết luận 21-KL/TW [2].", "="},
	{"correct", "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]. Năm 2023, Huyện ủy quán triệt Kết luận 21-KL/TW [2].", "="},
	{"correct", "Bài báo đăng ngày 09/01/2024 [1].", "="},
	{"correct", "Tác giả bài viết là TRUNG HIẾU [1].", "="},
	{"correct", "Cầu giúp rút ngắn thời gian đi lại khoảng 30 phút [3].", "="},
	{"correct", "Phó Chủ tịch UBND tỉnh Tiền Giang là ông Nguyễn Văn Phong [3].", "="},
	{"correct", "Trần Thế Cương là Giám đốc Sở Giáo dục và Đào tạo Hà Nội [5].", "="},
	{"correct", "Ông Lê Phước Dũng nhấn mạnh phong trào thi đua xây dựng “Chi bộ bốn tốt” [1].", "="},
	{"correct", "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành. Ông nhấn mạnh phong trào “Chi bộ bốn tốt” [1].", "="},
	{"correct", "Cầu Rạch Miễu 2 dài 3,2 km. [3] Dự án ảnh hưởng 1.250 hộ dân. [4]", "="},

	// Mis-cited: the citation moves to the passage that holds the facts.
	{"mis-cited", "Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng [2].", "Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng [1]."},
	{"mis-cited", "Cầu Rạch Miễu 2 dài 3,2 km [4].", "Cầu Rạch Miễu 2 dài 3,2 km [3]."},
	{"mis-cited", "Dự án ảnh hưởng 1.250 hộ dân [3].", "Dự án ảnh hưởng 1.250 hộ dân [4]."},
	{"mis-cited", "Học phí bậc THCS ở nội thành Hà Nội là 217.000 đồng mỗi tháng [6].", "Học phí bậc THCS ở nội thành Hà Nội là 217.000 đồng mỗi tháng [5]."},
	{"mis-cited", "Ông Hồ Văn Mừng là Chủ tịch UBND tỉnh An Giang [5].", "Ông Hồ Văn Mừng là Chủ tịch UBND tỉnh An Giang [6]."},
	{"mis-cited", "Tổng sản phẩm của An Giang tăng 6,8% [1].", "Tổng sản phẩm của An Giang tăng 6,8% [6]."},
	{"mis-cited", "Khoảng 2,1 triệu học sinh chịu tác động [3].", "Khoảng 2,1 triệu học sinh chịu tác động [5]."},
	{"mis-cited", "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]. Cầu Rạch Miễu 2 dài 3,2 km [1].",
		"Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]. Cầu Rạch Miễu 2 dài 3,2 km [3]."},
	{"mis-cited", "Cầu Rạch Miễu 2 khởi công ngày 9/1/2022 [4].", "Cầu Rạch Miễu 2 khởi công ngày 9/1/2022 [3]."},
	{"mis-cited", "Chủ tịch UBND tỉnh An Giang là ông Hồ Văn Mừng [2][6].", "Chủ tịch UBND tỉnh An Giang là ông Hồ Văn Mừng [6]."},
	{"mis-cited", "Dự án thu hồi 45,6 ha đất [5].", "Dự án thu hồi 45,6 ha đất [4]."},

	// Invented figures: the sentence goes.
	{"invented number", "Cầu Rạch Miễu 2 dài 4,5 km [3].", ""},
	{"invented number", "Tổng vốn đầu tư của cầu là 6.000 tỷ đồng [3].", ""},
	{"invented number", "Dự án ảnh hưởng 1.520 hộ dân [4].", ""},
	{"invented number", "Học phí bậc THCS là 300.000 đồng mỗi tháng [5].", ""},
	{"invented number", "Tổng sản phẩm của An Giang tăng 8,6% [6].", ""},
	{"invented number", "Cầu Rạch Miễu 2 dài 3,2 km [3]. Cây cầu có 6 làn xe [3].", "Cầu Rạch Miễu 2 dài 3,2 km [3]."},
	{"invented number", "Cầu Rạch Miễu 2 dài 3,2 mét [3].", ""},
	{"invented number", "Tổng vốn đầu tư là 5.175 triệu đồng [3].", ""},
	{"invented number", "Khoảng 3 triệu học sinh chịu tác động [5].", ""},
	{"invented number", "Dự án thu hồi 54,6 ha đất [4].", ""},
	{"invented number", "Cầu khởi công ngày 19/1/2022 [3].", ""},
	{"invented number", "Học phí mới áp dụng từ ngày 1/9/2025 [5].", ""},
	{"invented number", "Tổng sản phẩm của An Giang tăng 6,8%, cao nhất trong 15 năm [6].", ""},
	{"invented number", "Ông Hồ Văn Mừng là Chủ tịch UBND tỉnh An Giang [6]. Tỉnh đã giải ngân 75% vốn đầu tư công [6].",
		"Ông Hồ Văn Mừng là Chủ tịch UBND tỉnh An Giang [6]."},
	{"invented number", "Cầu Rạch Miễu 2 dài 3,2 km. Vốn đầu tư 9.000 tỷ đồng [3].", "Cầu Rạch Miễu 2 dài 3,2 km [3]."},

	// Invented names, offices and quotes: the sentence goes.
	{"invented name", "Bí thư Huyện ủy Châu Thành là ông Nguyễn Văn An [1].", ""},
	{"invented name", "Giám đốc Sở Giáo dục và Đào tạo là ông Trần Văn Cường [5].", ""},
	{"invented name", "Ông Lê Phước Dũng là Chủ tịch UBND huyện Châu Thành [1].", ""},
	{"invented name", "Chủ tịch UBND tỉnh Tiền Giang là ông Nguyễn Văn Phong [3].", ""},
	{"invented name", "Bí thư Huyện ủy Châu Thành là ông Lê Văn Dũng [1].", ""},
	{"invented name", "Ông Phạm Minh Chính nhấn mạnh Đảng bộ huyện tập trung đổi mới phương thức lãnh đạo [1].", ""},
	{"invented name", "Ông Lê Phước Dũng nhấn mạnh: “Đảng bộ huyện sẽ tăng gấp đôi số đảng viên” [1].", ""},
	{"invented name", "Dự án do Bộ Giao thông vận tải làm chủ đầu tư [4].", ""},
	{"invented name", "Chủ tịch UBND tỉnh An Giang là ông Trần Thế Cương [6].", ""},
	{"invented name", "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]. Ông Trần Văn Hai là Phó Bí thư [1].",
		"Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [1]."},

	// Supported paraphrases stay.
	{"paraphrase", "Huyện Châu Thành chú trọng quán triệt các nghị quyết, chỉ thị của Đảng [2].", "="},
	{"paraphrase", "Đảng bộ huyện chú trọng đổi mới phương thức lãnh đạo [1].", "="},
	{"paraphrase", "Theo ông Lê Phước Dũng, Đảng bộ huyện tập trung nâng cao sức chiến đấu của tổ chức Đảng [1].", "="},
	{"paraphrase", "Cầu mới dài hơn ba cây số, vốn đầu tư 5.175 tỷ đồng [3].", "="},
	{"paraphrase", "Gần như toàn bộ số hộ bị ảnh hưởng (98%) đã nhận bồi thường [4].", "="},
	{"paraphrase", "Mỗi tháng, học sinh THCS nội thành Hà Nội đóng 217.000 đồng học phí [5].", "="},
	{"paraphrase", "Ông Mừng đề nghị đẩy nhanh giải ngân vốn đầu tư công [6].", "="},
	{"paraphrase", "Cầu rút ngắn thời gian đi lại khoảng nửa giờ [3].", "="},
	{"paraphrase", "Hơn 2 triệu học sinh chịu tác động của mức học phí mới [5].", "="},
	{"paraphrase", "Khoảng 1.200 hộ dân bị ảnh hưởng [4].", "="},
	{"paraphrase", "Ông Lê Phước Dũng, người đứng đầu Huyện ủy Châu Thành, nhấn mạnh việc xây dựng “Đảng bộ cơ sở bốn tốt” [1].", "="},

	// English answers about Vietnamese passages.
	{"english", "The party secretary of Châu Thành district is Lê Phước Dũng [1].", "="},
	{"english", "The Chau Thanh District Party Secretary is Le Phuoc Dung [1].", "="},
	{"english", "The Rach Mieu 2 bridge is 3.2 km long [3].", "="},
	{"english", "Total investment was 5,175 billion VND [3].", "="},
	{"english", "About 2.1 million students are affected [5].", "="},
	{"english", "Tuition for lower secondary schools in inner Hanoi is 217,000 dong a month from September 1, 2024 [5].", "="},
	{"english", "GDP in An Giang grew 6.8% in the first quarter of 2024 [6].", "="},
	{"english", "The article was published on January 9, 2024 [1].", "="},
	{"english", "Vice Chairman Nguyen Van Phong said the bridge saves about 30 minutes [3].", "="},
	{"english", "The Rach Mieu 2 bridge is 5.4 km long [3].", ""},
	{"english", "The chairman of An Giang province is Nguyen Van Binh [6].", ""},
	{"english", "The Rach Mieu 2 bridge cost 5,175 billion dong [6].", "The Rach Mieu 2 bridge cost 5,175 billion dong [3]."},
	{"english", "Construction of the bridge started on January 19, 2022 [3].", ""},
	{"english", "The chairman of Tien Giang province, Nguyen Van Phong, opened the bridge [3].", ""},
}

// TestClaimCheckTable runs the check on every reply and prints how well it
// tells sentences that hold up from those that do not.
func TestClaimCheckTable(t *testing.T) {
	passages := claimPassages(t)
	if len(claimCases) < 60 {
		t.Fatalf("got %d replies, want at least 60", len(claimCases))
	}
	var tp, fp, fn, tn, moves, movedRight int
	for _, tc := range claimCases {
		want := tc.want
		if want == "=" {
			want = tc.reply
		}
		check := knowledge.CheckClaims(tc.reply, passages)
		if check.Text != want {
			t.Errorf("%s: %q\n got %q\nwant %q", tc.kind, tc.reply, check.Text, want)
			for _, s := range check.Sentences {
				t.Logf("  %q facts=%v missing=%v cited=%v final=%v", s.Text, s.Facts, s.Missing, s.Cited, s.Final)
			}
		}
		kept := strip(want)
		for _, s := range check.Sentences {
			unsupported := !strings.Contains(kept, strip(s.Text))
			switch {
			case s.Dropped() && unsupported:
				tp++
			case s.Dropped():
				fp++
				if tc.kind == "paraphrase" || tc.kind == "correct" {
					t.Errorf("%s: dropped a supported sentence %q (missing %v)", tc.kind, s.Text, s.Missing)
				}
			case unsupported:
				fn++
				if strings.HasPrefix(tc.kind, "invented") {
					t.Errorf("%s: kept %q", tc.kind, s.Text)
				}
			default:
				tn++
			}
			if s.Moved() {
				moves++
				if strings.Contains(kept, strip(s.Text)) && check.Text == want {
					movedRight++
				}
			}
		}
	}
	precision := float64(tp) / float64(max(tp+fp, 1))
	recall := float64(tp) / float64(max(tp+fn, 1))
	t.Logf("%d replies, %d sentences: %d unsupported dropped, %d supported dropped, %d unsupported kept, %d supported kept",
		len(claimCases), tp+fp+fn+tn, tp, fp, fn, tn)
	t.Logf("dropping unsupported sentences: precision %.3f, recall %.3f; citations moved: %d, to the right passage: %d",
		precision, recall, moves, movedRight)
}

// strip removes citation markers and folds spacing, to compare sentences.
func strip(s string) string {
	for {
		i := strings.Index(s, "[")
		j := strings.Index(s, "]")
		if i < 0 || j < i {
			break
		}
		s = s[:i] + s[j+1:]
	}
	return strings.Join(strings.Fields(strings.NewReplacer(" .", ".", " ,", ",").Replace(s)), " ")
}

// TestClaimCheckFormats: layouts models use (lists, bold, a marker first)
// and conversions a reader accepts.
func TestClaimCheckFormats(t *testing.T) {
	passages := claimPassages(t)
	for _, tc := range []struct{ reply, want string }{
		{"**Lê Phước Dũng** là Bí thư Huyện ủy Châu Thành [1].", "="},
		{"- Cầu dài 3,2 km [3]\n- Vốn 5.175 tỷ đồng [3]\n- Ảnh hưởng 9.999 hộ [4]", "- Cầu dài 3,2 km [3]\n- Vốn 5.175 tỷ đồng [3]"},
		{"[1] Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành.", "="},
		{"GDP grew 6.8% in Q1 2024 [6].", "="},
		{"The bridge cost 5.175 trillion dong [3].", "="},
		{"Cầu dài 3,2 km (tức 3.200 m) [3].", "="},
		{"Cầu dài 3,2 km (tức 3.500 m) [3].", ""},
		{"In May, Chau Thanh district focused on Party building [2].", "="},
		{"Cầu nối tỉnh Tiền Giang với tỉnh Bến Tre [3].", ""},
	} {
		want := tc.want
		if want == "=" {
			want = tc.reply
		}
		if got := knowledge.CheckClaims(tc.reply, passages).Text; got != want {
			t.Errorf("%q:\n got %q\nwant %q", tc.reply, got, want)
		}
	}
}

func TestClaimCheckSpelledOutAbbreviation(t *testing.T) {
	a := &knowledge.Article{ID: "x", Title: "Giá nhà tăng"}
	passages := []knowledge.Passage{{Article: a, Chunk: knowledge.Chunk{Text: "Giá căn hộ ở TP.HCM tăng 12% trong năm 2024."}}}
	for _, tc := range []struct{ reply, want string }{
		{"Giá căn hộ ở Thành phố Hồ Chí Minh tăng 12% [1].", "="},
		{"Giá căn hộ ở Hà Nội tăng 12% [1].", ""},
	} {
		want := tc.want
		if want == "=" {
			want = tc.reply
		}
		if got := knowledge.CheckClaims(tc.reply, passages).Text; got != want {
			t.Errorf("%q:\n got %q\nwant %q", tc.reply, got, want)
		}
	}
}

func BenchmarkCheckClaims(b *testing.B) {
	passages := claimPassages(b)
	reply := "Ông Lê Phước Dũng là Bí thư Huyện ủy Châu Thành [2]. Cầu Rạch Miễu 2 dài 3,2 km, vốn 5.175 tỷ đồng [3]. " +
		"Dự án ảnh hưởng 1.520 hộ dân [4]. Tổng sản phẩm của An Giang quý I/2024 tăng 6,8% [6]."
	b.ReportAllocs()
	for b.Loop() {
		knowledge.CheckClaims(reply, passages)
	}
}
