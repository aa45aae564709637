package extract_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/extract"
)

func newsServer(t *testing.T) *httptest.Server {
	page, err := os.ReadFile("testdata/news/page.html")
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /news", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	})
	mux.HandleFunc("GET /moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/news", http.StatusFound) })
	mux.HandleFunc("GET /pdf", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.4"))
	})
	mux.HandleFunc("GET /big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<p>" + strings.Repeat("chữ ", 100_000) + "</p>"))
	})
	mux.HandleFunc("GET /menu", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><title>Trang chủ</title><nav><p>Tin</p></nav></html>"))
	})
	mux.HandleFunc("GET /slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(5 * time.Second):
		}
	})
	mux.HandleFunc("GET /down", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusBadGateway) })
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetch(t *testing.T) {
	srv := newsServer(t)
	for _, path := range []string{"/news", "/moved"} {
		a, err := extract.Fetch(context.Background(), srv.Client(), srv.URL+path)
		if err != nil {
			t.Fatal(err)
		}
		if got, want := a.Title, "Vinamilk lọt Top 1.000 thương hiệu hàng đầu châu Á"; got != want {
			t.Errorf("title: got %q, want %q", got, want)
		}
		if got, want := a.URL, srv.URL+"/kinh-doanh/vinamilk-lot-top-1000-thuong-hieu-20201001163534963.htm"; got != want {
			t.Errorf("url: got %q, want %q (the canonical link, resolved)", got, want)
		}
		if got, want := a.Published.Format("2006-01-02 15:04"), "2020-10-01 16:35"; got != want {
			t.Errorf("published: got %q, want %q", got, want)
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
		if a.Hash == "" || a.Source != srv.URL+"/news" {
			t.Errorf("hash %q, source %q: want a hash and the page fetched", a.Hash, a.Source)
		}
	}
}

func TestFetchErrors(t *testing.T) {
	srv := newsServer(t)
	client := &http.Client{Timeout: 300 * time.Millisecond}
	tests := []struct {
		url  string
		kind error
		msg  string
	}{
		{"ftp://example.com/x", knowledge.ErrInvalidArticle, "địa chỉ không hợp lệ"},
		{srv.URL + "/pdf", knowledge.ErrInvalidArticle, "không phải một trang web"},
		{srv.URL + "/missing", knowledge.ErrInvalidArticle, "trả về lỗi 404"},
		{srv.URL + "/down", knowledge.ErrUnavailable, "trả về lỗi 502"},
		{srv.URL + "/menu", knowledge.ErrInvalidArticle, "không tìm thấy nội dung bài báo"},
		{srv.URL + "/slow", knowledge.ErrUnavailable, "không tải được trang"},
	}
	for _, tt := range tests {
		_, err := extract.Fetch(context.Background(), client, tt.url)
		if !errors.Is(err, tt.kind) || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%s: got %v; want %v saying %q", tt.url, err, tt.kind, tt.msg)
		}
	}
	f := extract.New(client, extract.WithMaxBytes(100_000))
	if _, err := f.Fetch(context.Background(), srv.URL+"/big"); err == nil || !strings.Contains(err.Error(), "quá lớn") {
		t.Errorf("big page: got %v, want a size error", err)
	}
}
