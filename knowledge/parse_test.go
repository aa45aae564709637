package knowledge_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

func TestSampleMetadata(t *testing.T) {
	articles := knowledge.Sample()
	if len(articles) != 1 {
		t.Fatalf("got %d sample articles, want 1", len(articles))
	}
	a := articles[0]
	if got, want := a.Title, "Xây dựng Đảng ở huyện Châu Thành"; got != want {
		t.Errorf("title = %q, want %q", got, want)
	}
	if got, want := a.Published.Format("2006-01-02 15:04"), "2024-01-09 06:25"; got != want {
		t.Errorf("published = %q, want %q (from the dateline)", got, want)
	}
	if got, want := a.Author, "TRUNG HIẾU"; got != want {
		t.Errorf("author = %q, want %q (from the byline)", got, want)
	}
	if got := a.Paragraphs[0]; !strings.HasPrefix(got, "Thời gian qua") {
		t.Errorf("first paragraph = %.40q…, want the lead without its dash", got)
	}
	for _, p := range a.Paragraphs {
		if p == "TRUNG HIẾU" || strings.HasPrefix(p, "09/01/2024") {
			t.Errorf("metadata line %q left among the paragraphs", p)
		}
	}
}

func TestLoadPathFormats(t *testing.T) {
	articles, err := knowledge.LoadPath(filepath.Join("testdata", "articles"))
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]knowledge.Article{}
	for _, a := range articles {
		byID[a.ID] = a
	}
	tests := []struct {
		id, title, url, date, author string
		paragraphs                   int
	}{
		{"news_society_999", "Khánh thành cầu Mỹ Hòa nối hai xã", "https://example.vn/tin/cau-moi.htm", "2021-03-15", "", 2},
		{"front-matter", "Lễ hội Bà Chúa Xứ núi Sam", "https://example.vn/le-hoi.htm", "2024-05-02", "Minh Quân", 2},
		{"json-1", "Giá lúa tăng", "https://example.vn/gia-lua.htm", "2023-11-20", "HỮU HUY", 2},
	}
	for _, tt := range tests {
		a, ok := byID[tt.id]
		if !ok {
			t.Errorf("no article %q among %d loaded", tt.id, len(articles))
			continue
		}
		if a.Title != tt.title || a.URL != tt.url || a.Published.Format("2006-01-02") != tt.date || a.Author != tt.author {
			t.Errorf("%s: got title %q url %q date %s author %q", tt.id, a.Title, a.URL, a.Published.Format("2006-01-02"), a.Author)
		}
		if len(a.Paragraphs) != tt.paragraphs {
			t.Errorf("%s: %d paragraphs, want %d: %q", tt.id, len(a.Paragraphs), tt.paragraphs, a.Paragraphs)
		}
		if a.Hash == "" {
			t.Errorf("%s: no content hash", tt.id)
		}
	}
}

func TestParseDateline(t *testing.T) {
	for in, want := range map[string]string{
		"20240109":                 "2024-01-09 00:00",
		"2024-01-09":               "2024-01-09 00:00",
		"09/01/2024 - 06:25":       "2024-01-09 06:25",
		"Thứ Ba, 09/01/2024 06:25": "2024-01-09 06:25",
	} {
		got, ok := knowledge.ParseDate(in)
		if !ok || got.Format("2006-01-02 15:04") != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %s", in, got, ok, want)
		}
		if ok && got.Location().String() == time.UTC.String() {
			t.Errorf("ParseDate(%q) is in UTC, want Vietnam's time", in)
		}
	}
}

func TestBadArticlesAreRefusedWithTheFileName(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"empty.txt":      "",
		"title-only.txt": "Chỉ có tiêu đề\n",
		"broken.json":    "{not json",
		"binary.txt":     "\xff\xfe\x00junk",
	} {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := knowledge.LoadPath(path)
		if !errors.Is(err, knowledge.ErrInvalidArticle) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want ErrInvalidArticle naming the file", name, err)
		}
	}
	// A folder of bad files loads nothing and names every one.
	got, err := knowledge.LoadPath(dir)
	var skipped *knowledge.SkippedError
	if len(got) != 0 || !errors.As(err, &skipped) || len(skipped.Skipped) != 4 {
		t.Errorf("LoadPath(folder of bad files) = %d articles, %v; want none and 4 skipped", len(got), err)
	}
}

func TestParsePasted(t *testing.T) {
	a, err := knowledge.ParsePasted("Cầu mới ở Phú Tân\n\n15/03/2021 - 08:00\n\nSáng nay huyện khánh thành cầu.\n\nNGỌC ANH")
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Cầu mới ở Phú Tân" || a.Author != "NGỌC ANH" || a.Published.IsZero() || len(a.Paragraphs) != 1 || a.ID == "" {
		t.Errorf("got %+v", a)
	}
	if _, err := knowledge.ParsePasted("   "); !errors.Is(err, knowledge.ErrInvalidArticle) {
		t.Errorf("blank paste: err = %v, want ErrInvalidArticle", err)
	}
}

// Papers put a label before the author's name: the name alone is the byline,
// and the label line is not left as a paragraph.
func TestBylineAfterLabel(t *testing.T) {
	for _, last := range []string{"Bài và ảnh: HUỲNH THANH NHẬT", "Tin, ảnh: HUỲNH THANH NHẬT", "HUỲNH THANH NHẬT"} {
		a, err := knowledge.ParsePasted("Cầu mới ở Phú Tân\n\nSáng nay huyện khánh thành cầu.\n\n" + last)
		if err != nil {
			t.Fatal(err)
		}
		if a.Author != "HUỲNH THANH NHẬT" || len(a.Paragraphs) != 1 {
			t.Errorf("%q: author %q, %d paragraphs; want the name alone and one paragraph", last, a.Author, len(a.Paragraphs))
		}
	}
	for _, last := range []string{"Ghi chú: ĐÃ SỬA", "Ảnh: NVCC"} {
		a, _ := knowledge.ParsePasted("Cầu mới\n\nSáng nay huyện khánh thành cầu.\n\n" + last)
		if a.Author != "" {
			t.Errorf("%q was read as the byline %q: its label names no writer", last, a.Author)
		}
	}
}

func TestSlug(t *testing.T) {
	if got, want := knowledge.Slug("Xây dựng Đảng ở huyện Châu Thành!"), "xay-dung-dang-o-huyen-chau-thanh"; got != want {
		t.Errorf("Slug = %q, want %q", got, want)
	}
}
