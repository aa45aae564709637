package extract_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/extract"
)

// layout is one page in the style of a Vietnamese paper and what a reader
// must take from it.
type layout struct {
	dir, contentType        string
	title, url, author      string
	published               string // "2006-01-02 15:04"
	lead                    string // the first paragraph: the sapo
	body                    []string
	chrome                  []string // text of captions, related boxes, comments: never in the article
	question, quote, answer string   // a question about the lead, and what its citation quotes
}

var layouts = []layout{{
	dir: "dantri", contentType: "text/html; charset=utf-8",
	title:     "Cần Thơ khởi công cầu Trần Hoàng Na nối hai quận trung tâm",
	url:       "https://dantri.com.vn/xa-hoi/can-tho-khoi-cong-cau-tran-hoang-na-20240315080012345.htm",
	author:    "Bảo Kỳ",
	published: "2024-03-15 08:00",
	lead:      "(Dân trí) - Sáng 15/3, UBND TP Cần Thơ khởi công xây dựng cầu Trần Hoàng Na với tổng vốn đầu tư 657 tỷ đồng, dự kiến hoàn thành sau 24 tháng.",
	body: []string{
		"Cầu Trần Hoàng Na bắc qua rạch Cái Sơn, nối quận Ninh Kiều với quận Cái Răng. Công trình dài hơn 1,2 km, gồm phần cầu chính và đường dẫn hai đầu.",
		"Theo Sở Giao thông vận tải, khi đưa vào sử dụng, cây cầu sẽ giảm tải cho cầu Cái Răng và đường 30/4, vốn thường xuyên ùn tắc vào giờ cao điểm.",
		"Ông Trần Việt Trường, Chủ tịch UBND TP Cần Thơ, yêu cầu nhà thầu bảo đảm chất lượng và an toàn lao động trong suốt quá trình thi công.",
	},
	chrome:   []string{"Phối cảnh cầu", "cầu Quang Trung", "kẹt xe", "Giấy phép", "Xã hội"},
	question: "Cầu Trần Hoàng Na có tổng vốn đầu tư bao nhiêu?", quote: "657 tỷ đồng",
}, {
	dir: "vnexpress", contentType: "text/html",
	title:     "Đà Lạt thử nghiệm xe buýt điện nối sân bay Liên Khương",
	url:       "https://vnexpress.net/da-lat-thu-nghiem-xe-buyt-dien-noi-san-bay-4698812.html",
	author:    "Phước Tuấn",
	published: "2024-01-08 14:20",
	lead:      "Lâm Đồng - Từ ngày 10/1, tuyến xe buýt điện đầu tiên của tỉnh chạy thử 30 km từ trung tâm Đà Lạt đến sân bay Liên Khương, giá vé 40.000 đồng.",
	body: []string{
		"Tuyến xe do một doanh nghiệp vận tải trong tỉnh khai thác, gồm 12 xe 29 chỗ, mỗi chuyến cách nhau 30 phút từ 5h đến 21h hằng ngày.",
		"Theo Sở Giao thông vận tải Lâm Đồng, sau ba tháng chạy thử, tỉnh sẽ đánh giá lượng khách trước khi mở thêm tuyến đi Bảo Lộc.",
		"Hiện hành khách từ sân bay về trung tâm chủ yếu đi taxi hoặc xe trung chuyển của hãng bay, với giá từ 150.000 đồng.",
	},
	chrome:   []string{"đèo Prenn", "Tân Phú", "hợp lý", "Giấy phép"},
	question: "Giá vé xe buýt điện Đà Lạt đi sân bay Liên Khương là bao nhiêu?", quote: "40.000 đồng",
}, {
	dir: "tuoitre", contentType: "text/html; charset=utf-8",
	title:     "Hà Nội mở thêm 3 bãi đỗ xe ngầm quanh hồ Hoàn Kiếm",
	url:       "https://tuoitre.vn/ha-noi-mo-them-3-bai-do-xe-ngam-quanh-ho-hoan-kiem-20240220101500123.htm",
	author:    "Thanh Hà",
	published: "2024-02-20 10:15",
	lead:      "TTO - UBND TP Hà Nội vừa chấp thuận chủ trương xây 3 bãi đỗ xe ngầm ở phố Lý Thái Tổ, Trần Quang Khải và vườn hoa Con Cóc, sức chứa tổng cộng 1.500 ô tô.",
	body: []string{
		"Theo Sở Quy hoạch - Kiến trúc Hà Nội, ba bãi đỗ có từ 3 đến 5 tầng hầm, mặt đất phía trên được giữ làm vườn hoa và không gian đi bộ.",
		"Thành phố kêu gọi nhà đầu tư tư nhân theo hình thức xã hội hóa, thời gian thu hồi vốn dự kiến 20 năm.",
		"Hiện khu vực quanh hồ Hoàn Kiếm chỉ có khoảng 300 chỗ đỗ ô tô hợp pháp, trong khi lượng xe vào trung tâm mỗi ngày tăng nhanh.",
	},
	chrome:   []string{"Phố đi bộ", "vành đai 1", "dự án treo", "bãi đỗ xe hồ Hoàn Kiếm"},
	question: "Bãi đỗ xe ngầm quanh hồ Hoàn Kiếm có sức chứa bao nhiêu?", quote: "1.500 ô tô",
}, {
	dir: "laodong", contentType: "text/html",
	title:     "Công nhân Bình Dương được hỗ trợ 1,5 triệu đồng tiền tàu xe về quê ăn Tết",
	author:    "NAM DƯƠNG",
	published: "2024-01-09 06:25",
	lead:      "Liên đoàn Lao động tỉnh Bình Dương dành 12 tỉ đồng hỗ trợ mỗi đoàn viên có hoàn cảnh khó khăn 1,5 triệu đồng tiền tàu xe về quê đón Tết Giáp Thìn 2024.",
	body: []string{
		"Chương trình ưu tiên công nhân đã làm việc tại tỉnh từ ba năm trở lên, có thu nhập dưới 6 triệu đồng một tháng hoặc đang nuôi con nhỏ.",
		"Ông Nguyễn Văn Lộc, Chủ tịch Liên đoàn Lao động tỉnh, cho biết danh sách được các công đoàn cơ sở lập và công khai trước ngày 20/1.",
		"Ngoài tiền tàu xe, công đoàn còn tổ chức 40 chuyến xe miễn phí đưa công nhân về các tỉnh miền Trung và miền Bắc.",
	},
	chrome:   []string{"lượt xem", "Thưởng Tết", "cắt thưởng", "Tổng Liên đoàn"},
	question: "Liên đoàn Lao động tỉnh Bình Dương dành bao nhiêu tỉ đồng?", quote: "12 tỉ đồng",
}, {
	dir: "nhandan", contentType: "text/html", // charset only in the page: windows-1258
	title:     "Quảng Nam đón 1,2 triệu lượt khách trong dịp Tết",
	url:       "https://nhandan.vn/quang-nam-don-12-trieu-luot-khach-post798765.html",
	author:    "Võ Văn Hòa",
	published: "2024-02-15 09:30",
	lead:      "Trong chín ngày nghỉ Tết Giáp Thìn, Quảng Nam đón khoảng 1,2 triệu lượt khách, doanh thu du lịch ước đạt 1.300 tỷ đồng, tăng 35% so với cùng kỳ.",
	body: []string{
		"Phố cổ Hội An là điểm đến đông khách nhất với hơn 400 nghìn lượt, tiếp đến là khu đền tháp Mỹ Sơn và Cù Lao Chàm.",
		"Sở Văn hóa, Thể thao và Du lịch tỉnh cho biết công suất phòng khách sạn tại Hội An đạt hơn 80% trong những ngày cao điểm.",
		"Tỉnh đã tăng cường kiểm tra giá dịch vụ, không ghi nhận trường hợp chặt chém du khách trong dịp Tết.",
	},
	chrome:   []string{"vé máy bay", "Cơ quan Trung ương", "Đọc nhiều"},
	question: "Doanh thu du lịch Quảng Nam dịp Tết ước đạt bao nhiêu?", quote: "1.300 tỷ đồng",
}}

func TestLayouts(t *testing.T) {
	for _, l := range layouts {
		t.Run(l.dir, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", l.dir, "page.html"))
			if err != nil {
				t.Fatal(err)
			}
			page := "https://bao.example/" + l.dir + "/bai-viet.htm"
			as, err := extract.Reader{}.Read(context.Background(), knowledge.Document{Name: page, URL: page, ContentType: l.contentType, Data: data})
			if err != nil {
				t.Fatal(err)
			}
			a := as[0]
			if a.Title != l.title {
				t.Errorf("title: got %q, want %q", a.Title, l.title)
			}
			if want := l.url; want != "" && a.URL != want {
				t.Errorf("url: got %q, want %q", a.URL, want)
			}
			if a.Author != l.author {
				t.Errorf("author: got %q, want %q", a.Author, l.author)
			}
			if got := a.Published.Format("2006-01-02 15:04"); got != l.published {
				t.Errorf("published: got %q, want %q", got, l.published)
			}
			want := append([]string{strings.TrimPrefix(l.lead, "- ")}, l.body...)
			if strings.Join(a.Paragraphs, "\n") != strings.Join(want, "\n") {
				t.Errorf("paragraphs:\ngot  %q\nwant %q", a.Paragraphs, want)
			}
			all := a.Title + "\n" + a.Author + "\n" + strings.Join(a.Paragraphs, "\n")
			for _, c := range l.chrome {
				if strings.Contains(all, c) {
					t.Errorf("page chrome %q is in the article", c)
				}
			}

			svc := knowledge.NewService([]knowledge.Article{a})
			ans, err := svc.Ask(context.Background(), knowledge.Query{Text: l.question})
			if err != nil {
				t.Fatal(err)
			}
			if ans.Refused || len(ans.Citations) == 0 || !strings.Contains(ans.Citations[0].Quote, l.quote) || ans.Citations[0].URL != a.URL {
				t.Errorf("%s\nanswer %q refused=%v citations %+v; want a citation quoting %q", l.question, ans.Text, ans.Refused, ans.Citations, l.quote)
			}
		})
	}
}

// The page without a lead keeps working as before: JSON-LD author,
// canonical link resolved, caption, script and aside left out.
func TestPageWithoutLead(t *testing.T) {
	data, err := os.ReadFile("testdata/vinamilk/page.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := extract.Parse(strings.NewReader(string(data)), "http://127.0.0.1:1/news")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := a.URL, "http://127.0.0.1:1/kinh-doanh/vinamilk-lot-top-1000-thuong-hieu-20201001163534963.htm"; got != want {
		t.Errorf("url: got %q, want %q (the canonical link, resolved)", got, want)
	}
	if got, want := a.Author, "Minh Trang"; got != want {
		t.Errorf("author: got %q, want %q", got, want)
	}
	if got, want := a.ID, "vinamilk-lot-top-1000-thuong-hieu-20201001163534963"; got != want {
		t.Errorf("id: got %q, want %q", got, want)
	}
	want := []string{
		"Năm 2020, Vinamilk đã vượt qua các thương hiệu trong và ngoài nước khác để dẫn đầu Top 10 thương hiệu mạnh nhất của Việt Nam.",
		"Bảng xếp hạng do Campaign Asia-Pacific và Nielsen phối hợp thực hiện, công bố hằng năm.",
		"Vinamilk là đại diện duy nhất của Việt Nam trong nhóm ngành sữa.",
	}
	if strings.Join(a.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\ngot  %q\nwant %q", a.Paragraphs, want)
	}
}

func TestPageWithoutArticle(t *testing.T) {
	_, err := extract.Parse(strings.NewReader("<html><title>Trang chủ</title><nav><p>Tin</p></nav></html>"), "https://bao.example/")
	if got := knowledge.Reason(err); !strings.Contains(got, "không tìm thấy nội dung bài báo") {
		t.Errorf("reason %q, want it to say no article was found", got)
	}
}

// A page saved to a file: its canonical link is its address; without one
// it has none (not the file path), and its ID comes from the file name.
func TestPageFromAFile(t *testing.T) {
	svc := knowledge.NewService(nil, knowledge.WithReader(".html", extract.Reader{}))
	rep, err := svc.Ingest(context.Background(), knowledge.Sources("testdata/laodong/page.html", "testdata/dantri/page.html")...)
	if err != nil || len(rep.Added) != 2 {
		t.Fatalf("%s, %v", rep, err)
	}
	if a, _ := svc.Index().Article("page"); a == nil || a.URL != "" {
		t.Errorf("laodong page: %+v, want ID page and no URL", a)
	}
	if a, ok := svc.Index().Article("can-tho-khoi-cong-cau-tran-hoang-na-20240315080012345"); !ok || !strings.HasPrefix(a.URL, "https://dantri.com.vn/") {
		t.Errorf("dantri page: want its canonical address and ID")
	}
}
