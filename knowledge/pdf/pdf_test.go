package pdf_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/fetch"
	"github.com/hoibao/hoibao/knowledge/pdf"
)

const documents = "../testdata/documents"

// A PDF printed from a news page (by Chromium): title, dateline, four
// paragraphs and the byline come back as an article.
func TestReadPDF(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(documents, "rac-long-an.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	as, err := pdf.Reader{}.Read(context.Background(), knowledge.Document{Name: "rac-long-an.pdf", Data: data})
	if err != nil {
		t.Fatal(err)
	}
	a := as[0]
	if got, want := a.Title, "Long An khánh thành nhà máy xử lý rác 1.000 tấn mỗi ngày"; got != want {
		t.Errorf("title: got %q, want %q", got, want)
	}
	if got, want := a.Published.Format("2006-01-02 15:04"), "2024-05-20 09:00"; got != want {
		t.Errorf("published: got %q, want %q", got, want)
	}
	if got, want := a.Author, "HỮU PHƯỚC"; got != want {
		t.Errorf("author: got %q, want %q", got, want)
	}
	if got, want := len(a.Paragraphs), 4; got != want {
		t.Fatalf("paragraphs: got %d %q, want %d", got, a.Paragraphs, want)
	}
	if got, want := a.Paragraphs[1], "Nhà máy dùng công nghệ đốt rác phát điện, mỗi giờ tạo ra khoảng 20 MW điện hòa vào lưới điện quốc gia, đủ dùng cho 30.000 hộ gia đình."; got != want {
		t.Errorf("paragraph 2:\ngot  %q\nwant %q", got, want)
	}
}

func TestBrokenPDFIsRefusedWithAReason(t *testing.T) {
	_, err := pdf.Reader{}.Read(context.Background(), knowledge.Document{Name: "x.pdf", Data: []byte("%PDF-1.4\nnot really")})
	if got := knowledge.Reason(err); !strings.Contains(got, "PDF") {
		t.Errorf("reason %q, want it to name the PDF", got)
	}
}

// A folder of a PDF and a DOCX: both answerable with a citation.
func TestDocumentsFromAFolderAreAnswerable(t *testing.T) {
	svc := knowledge.NewService(nil, knowledge.WithReader(".pdf", pdf.Reader{}))
	rep, err := svc.ReloadFrom(context.Background(), knowledge.Sources(documents)...)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 2 || len(rep.Skipped) != 0 {
		t.Fatalf("reload: %s; want 2 added", rep)
	}
	for _, tc := range []struct{ q, quote, article string }{
		{"Nhà máy xử lý rác ở Long An có công suất bao nhiêu?", "1.000 tấn mỗi ngày", "rac-long-an"},
		{"Nhà máy xử lý rác Long An đặt ở huyện nào?", "Thủ Thừa", "rac-long-an"},
		{"Bến Tre có bao nhiêu ha dừa hữu cơ được chứng nhận?", "25.000 ha", "dua-ben-tre"},
	} {
		ans, err := svc.Ask(context.Background(), knowledge.Query{Text: tc.q})
		if err != nil {
			t.Fatal(err)
		}
		if ans.Refused || len(ans.Citations) == 0 || ans.Citations[0].ArticleID != tc.article || !strings.Contains(ans.Citations[0].Quote, tc.quote) {
			t.Errorf("%s\nanswer %q citations %+v; want %s quoting %q", tc.q, ans.Text, ans.Citations, tc.article, tc.quote)
		}
	}
}

// A PDF link: fetched (safely), read by its media type, answerable.
func TestPDFFromALink(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(documents, "rac-long-an.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write(data)
	}))
	defer srv.Close()
	f, err := fetch.New([]string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	svc := knowledge.NewService(nil, knowledge.WithFetcher(f), knowledge.WithReader(".pdf", pdf.Reader{}))
	rep, err := svc.Ingest(context.Background(), knowledge.Source{Ref: srv.URL + "/tai-lieu/rac-long-an?ban=in"})
	if err != nil || len(rep.Added) != 1 || rep.Added[0] != "rac-long-an" {
		t.Fatalf("%s, %v; want rac-long-an added", rep, err)
	}
	a := rep.Articles[0]
	if a.URL != srv.URL+"/tai-lieu/rac-long-an?ban=in" {
		t.Errorf("url %q, want the link", a.URL)
	}
}
