package knowledge

import (
	"slices"
	"testing"
	"time"
)

// TestScaleCorpusIsDeterministicAndDistinct checks the scale corpus: the
// same articles on every run, the sources first, every ID once, and the
// variants different from their sources in text.
func TestScaleCorpusIsDeterministicAndDistinct(t *testing.T) {
	src := []Article{
		{ID: "news_a_001", Title: "Ông Nguyễn Văn An thăm huyện Châu Thành", Published: time.Date(2021, 3, 1, 0, 0, 0, 0, time.UTC),
			Paragraphs: []string{"Sáng 12/3, ông Nguyễn Văn An làm việc tại tỉnh Tiền Giang.", "Doanh thu đạt 1.250 tỷ đồng.", "Huyện có 25 xã."}},
		{ID: "news_a_002", Title: "Giá lúa tăng", Paragraphs: []string{"Giá lúa ở huyện Cai Lậy tăng 300 đồng/kg.", "Nông dân phấn khởi."}},
		{ID: "news_b_001", Title: "Bão số 9", Paragraphs: []string{"Bão số 9 đổ bộ vào tỉnh Quảng Ngãi lúc 14 giờ."}},
	}
	a, b := ScaleCorpus(src, 30), ScaleCorpus(src, 30)
	if len(a) != 30 {
		t.Fatalf("got %d articles, want 30", len(a))
	}
	ids := map[string]bool{}
	for i := range a {
		if a[i].ID != b[i].ID || a[i].Title != b[i].Title || !slices.Equal(a[i].Paragraphs, b[i].Paragraphs) {
			t.Fatalf("article %d differs between runs: %q and %q", i, a[i].ID, b[i].ID)
		}
		if ids[a[i].ID] {
			t.Fatalf("ID %q twice", a[i].ID)
		}
		ids[a[i].ID] = true
	}
	for i, s := range src {
		if a[i].ID != s.ID || !slices.Equal(a[i].Paragraphs, s.Paragraphs) {
			t.Errorf("article %d = %q, want the source %q unchanged", i, a[i].ID, s.ID)
		}
	}
	same := 0
	for i := len(src); i < len(a); i++ {
		base := src[i%len(src)]
		if slices.Equal(a[i].Paragraphs[:len(a[i].Paragraphs)-1], base.Paragraphs) && a[i].Title == base.Title {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d variants repeat their source's text", same)
	}
	// What FormatArticle writes reads back as the same article.
	back, err := ParseArticle(a[5].ID+".txt", FormatArticle(a[5]))
	if err != nil {
		t.Fatal(err)
	}
	if back.ID != a[5].ID || back.Title != a[5].Title || !slices.Equal(back.Paragraphs, a[5].Paragraphs) {
		t.Errorf("read back %q %q %v, want %q %q %v", back.ID, back.Title, back.Paragraphs, a[5].ID, a[5].Title, a[5].Paragraphs)
	}
}
