package knowledge_test

import (
	"archive/zip"
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

// A Word document: title (style Title, split into runs), dateline, body
// paragraphs (a line break inside one, a table cell, deleted text left
// out) and the byline.
func TestReadDOCX(t *testing.T) {
	got, err := knowledge.LoadPath(filepath.Join("testdata", "documents", "dua-ben-tre.docx"))
	if err != nil || len(got) != 1 {
		t.Fatalf("LoadPath = %d articles, %v", len(got), err)
	}
	a := got[0]
	if want := "Bến Tre trồng mới 2.000 ha dừa hữu cơ"; a.Title != want {
		t.Errorf("title: got %q, want %q", a.Title, want)
	}
	if want := "2024-04-15 07:30"; a.Published.Format("2006-01-02 15:04") != want {
		t.Errorf("published: got %v, want %s", a.Published, want)
	}
	if want := "THANH TÂM"; a.Author != want {
		t.Errorf("author: got %q, want %q", a.Author, want)
	}
	want := []string{
		"Năm 2024, tỉnh Bến Tre trồng mới 2.000 ha dừa theo tiêu chuẩn hữu cơ, nâng tổng diện tích dừa hữu cơ được chứng nhận lên 25.000 ha, lớn nhất cả nước.",
		"Sở Nông nghiệp và Phát triển nông thôn cho biết giá dừa hữu cơ cao hơn dừa thường khoảng 15%, người trồng được doanh nghiệp bao tiêu toàn bộ sản phẩm.",
		"Huyện Mỏ Cày Nam có diện tích dừa hữu cơ lớn nhất tỉnh, hơn 6.000 ha.",
		"Tỉnh đặt mục tiêu đến năm 2030 xuất khẩu sản phẩm từ dừa đạt 1 tỷ USD mỗi năm.",
	}
	if strings.Join(a.Paragraphs, "\n") != strings.Join(want, "\n") {
		t.Errorf("paragraphs:\ngot  %q\nwant %q", a.Paragraphs, want)
	}
}

// A DOCX whose text part unpacks past the bound is refused without being
// unpacked whole; a file that is not a zip is refused with a reason.
func TestBadDOCX(t *testing.T) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	w.Write(bytes.Repeat([]byte(" "), 40<<20))
	zw.Close()
	svc := knowledge.NewService(nil)
	for name, data := range map[string][]byte{"bomb.docx": buf.Bytes(), "fake.docx": []byte("not a zip")} {
		rep, err := svc.Ingest(context.Background(), knowledge.Source{Doc: &knowledge.Document{Name: name, Data: data}})
		if err != nil || len(rep.Skipped) != 1 || !strings.Contains(rep.Skipped[0].Reason, "DOCX") {
			t.Errorf("%s: %+v, %v; want it skipped naming DOCX", name, rep.Skipped, err)
		}
	}
}

func TestDOCXSentAsDocument(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "documents", "dua-ben-tre.docx"))
	if err != nil {
		t.Fatal(err)
	}
	svc := knowledge.NewService(nil)
	rep, err := svc.Ingest(context.Background(), knowledge.Source{Doc: &knowledge.Document{
		Name: "Dừa Bến Tre.docx", ContentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Data: data}})
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("%s, %v", rep, err)
	}
	ans, _ := svc.Ask(context.Background(), knowledge.Query{Text: "Bến Tre đặt mục tiêu xuất khẩu sản phẩm từ dừa bao nhiêu?"})
	if ans.Refused || len(ans.Citations) == 0 || !strings.Contains(ans.Citations[0].Quote, "1 tỷ USD") {
		t.Errorf("answer %q %+v; want 1 tỷ USD cited", ans.Text, ans.Citations)
	}
}
