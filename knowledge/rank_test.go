package knowledge_test

import (
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

func article(id, title string, paragraphs ...string) knowledge.Article {
	a, err := knowledge.Finish(knowledge.Article{ID: id, Title: title, Paragraphs: paragraphs})
	if err != nil {
		panic(err)
	}
	return a
}

// An exact match outranks one that matches only without diacritics, and a
// question typed without diacritics still finds the text.
func TestSearchExactBeforeFolded(t *testing.T) {
	ix := knowledge.NewIndex([]knowledge.Article{
		article("a", "Tin một", "Mã số thuế của doanh nghiệp được cấp lại."),
		article("b", "Tin hai", "Người dân kể chuyện ma ở làng bên."),
	})
	top := func(q string) string {
		ps := ix.Search(q, 1)
		if len(ps) == 0 {
			return ""
		}
		return ps[0].Article.ID
	}
	for q, want := range map[string]string{"mã số": "a", "ma làng": "b", "ma so thue": "a", "MÃ SỐ THUẾ": "a"} {
		if got := top(q); got != want {
			t.Errorf("top article for %q = %q, want %q", q, got, want)
		}
	}
}

// Two syllables side by side, as the question has them, outrank the same
// syllables apart.
func TestSearchRewardsPhrases(t *testing.T) {
	ix := knowledge.NewIndex([]knowledge.Article{
		article("apart", "Tin một", "Thành phố mới mở đường; châu lục này rộng."),
		article("together", "Tin hai", "Huyện Châu Thành khánh thành cầu mới."),
	})
	if ps := ix.Search("Châu Thành", 2); len(ps) == 0 || ps[0].Article.ID != "together" {
		t.Errorf("Search(Châu Thành) = %v, want the article that has the phrase first", ps)
	}
}

// Chunks keep sentences whole and quote their paragraph exactly.
func TestChunksQuoteExactly(t *testing.T) {
	a := knowledge.Sample()[0]
	for _, c := range knowledge.ChunkArticle(&a) {
		if c.Paragraph < 0 {
			if c.Text != a.Title {
				t.Errorf("title chunk %q, want %q", c.Text, a.Title)
			}
			continue
		}
		p := a.Paragraphs[c.Paragraph]
		if p[c.Start:c.End] != c.Text {
			t.Errorf("chunk %s text is not paragraph[%d:%d]", c.ID, c.Start, c.End)
		}
		if c.End != len(p) && !strings.ContainsAny(c.Text[len(c.Text)-1:], ".!?”\"") {
			t.Errorf("chunk %s ends mid-sentence: …%q", c.ID, c.Text[max(0, len(c.Text)-20):])
		}
	}
}

func TestSentences(t *testing.T) {
	text := "Giá 1.000 đồng. Chỉ thị 05-CT/TW được ban hành! Ông A nói: “Tốt.” Hết"
	var got []string
	for _, s := range knowledge.Sentences(text) {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"Giá 1.000 đồng.", "Chỉ thị 05-CT/TW được ban hành!", "Ông A nói: “Tốt.”", "Hết"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}

func TestCheckQuestion(t *testing.T) {
	for _, bad := range []string{"", "   ", "\xff\xfe", strings.Repeat("a", knowledge.MaxQuestionRunes+1), "???", "a\x00b"} {
		if _, err := knowledge.CheckQuestion(bad); err == nil {
			t.Errorf("CheckQuestion(%.20q) accepted a bad question", bad)
		}
	}
	if got, err := knowledge.CheckQuestion("  Bi\u0301 thư là ai?  "); err != nil || got != "Bí thư là ai?" {
		t.Errorf("CheckQuestion = %q, %v; want the question trimmed and in NFC", got, err)
	}
}
