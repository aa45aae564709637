package knowledge

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// sameSearch fails unless ix finds for every query exactly what the
// reference index finds: the same passages in the same order with the same
// scores, and the same document frequencies for the term weights.
func sameSearch(t *testing.T, ix *Index, ref *refIndex, queries []string) {
	t.Helper()
	for _, k := range []int{50, DefaultTopK, 1} {
		if k != 50 {
			queries = queries[:min(len(queries), 80)] // the best 50 hold these
		}
		for _, q := range queries {
			got, want := ix.Search(q, k), ref.Search(q, k)
			if len(got) != len(want) {
				t.Fatalf("Search(%q, %d) gave %d passages, want %d", q, k, len(got), len(want))
			}
			for i := range got {
				if got[i].Chunk != want[i].Chunk || got[i].Article.ID != want[i].Article.ID || got[i].Score != want[i].Score {
					t.Fatalf("Search(%q, %d)[%d] = %s %v, want %s %v", q, k, i,
						got[i].Chunk.ID, got[i].Score, want[i].Chunk.ID, want[i].Score)
				}
			}
		}
	}
	// The document frequencies behind every term weight.
	for _, q := range queries {
		toks := Tokenize(NFC(q))
		for i, tok := range toks {
			keys := [numFields]string{exactUni: tok.Exact, foldUni: tok.Fold}
			if i > 0 {
				keys[exactBi] = toks[i-1].Exact + " " + tok.Exact
				keys[foldBi] = toks[i-1].Fold + " " + tok.Fold
			}
			for f, key := range keys {
				if got, want := ix.df(field(f), key), len(ref.postings[f][key]); key != "" && got != want {
					t.Fatalf("document frequency of %q in field %d = %d, want %d", key, f, got, want)
				}
			}
		}
	}
}

// sampleQueries are questions about the sample article, in the spellings
// people type: diacritics, none, capitals, NFD, old-style tone marks.
var sampleQueries = []string{
	"Bí thư Huyện ủy Châu Thành là ai?",
	"bi thu huyen uy chau thanh la ai",
	"BÍ THƯ HUYỆN ỦY CHÂU THÀNH LÀ AI?",
	"Bí thư Huyện uỷ Châu Thành là ai?",
	"B\u0131\u0301 thư Huyện ủy Châu Thành",
	"Châu Thành xây dựng Đảng thế nào?",
	"chỉ thị nào được thực hiện",
	"phong trào thi đua",
	"học tập và làm theo tư tưởng đạo đức phong cách Hồ Chí Minh",
	"ma mã",
	"hoà hòa thuỷ thủy",
	"Đảng bộ huyện có bao nhiêu đảng viên?",
	"Tiền Giang",
	"kết nạp đảng viên mới",
	"nghị quyết trung ương 4",
	"dân số Châu Thành",
	"giá vàng hôm nay",
}

// edgeQueries are questions with nothing or little to search for.
var edgeQueries = []string{
	"", "?", "là ai", "ai là ai?", "1", "2021", "1.000", "a", "Đ", "ĐẢNG", "đảng đảng đảng",
	"COVID-19", "F0 F1", "x y z w", "chính phủ chính phủ", "Hà Nội - TP.HCM", "\u00a0",
}

// TestSearchMatchesReferenceSample checks the fast index against the
// reference over the sample article: work on its speed cannot change what
// it finds.
func TestSearchMatchesReferenceSample(t *testing.T) {
	articles := Sample()
	sameSearch(t, NewIndex(articles), newRefIndex(articles), append(sampleQueries, edgeQueries...))
}

// TestSearchMatchesReferenceNews does the same over the news corpus with the
// sample article among it: the benchmark questions and, for every 25th
// article, its title as written, without diacritics and in capitals, and a
// sentence of its text.
func TestSearchMatchesReferenceNews(t *testing.T) {
	articles := append(Sample(), newsArticles(t)...)
	queries := append(benchQuestions(t), sampleQueries...)
	queries = append(queries, edgeQueries...)
	for i := 1; i < len(articles); i += 25 {
		a := articles[i]
		queries = append(queries, a.Title, Fold(a.Title), strings.ToUpper(a.Title))
		if p := a.Paragraphs[len(a.Paragraphs)/2]; len(p) > 0 {
			s := Sentences(p)[0]
			queries = append(queries, p[s.Start:s.End])
		}
	}
	ix, ref := NewIndex(articles), newRefIndex(articles)
	sameSearch(t, ix, ref, queries)
	// Again skipping (MaxScore) where the corpus is small enough to read
	// everything, and reading everything where it would skip.
	defer func(l exhaustiveLimits) { exhaustive = l }(exhaustive)
	for _, n := range []int{0, 1 << 30} {
		exhaustive = exhaustiveLimits{n, n}
		sameSearch(t, ix, ref, queries)
	}
}

// TestTokenizeSpellings checks that the spellings a reader ignores give the
// same keys and that the ones a reader notices do not.
func TestTokenizeSpellings(t *testing.T) {
	keys := func(s string) (exact, fold []string) {
		for _, tok := range Tokenize(NFC(s)) {
			exact = append(exact, tok.Exact)
			fold = append(fold, tok.Fold)
		}
		return exact, fold
	}
	same := [][2]string{
		{"Hòa Huyện ủy", "Hoà Huyện uỷ"},
		{"BÍ THƯ", "bí thư"},
		{"Bi\u0301 thư", "Bí thư"},
		{"ký hiệu Mỹ tỷ lý", "kí hiệu Mĩ tỉ lí"},
	}
	for _, c := range same {
		ge, gf := keys(c[0])
		we, wf := keys(c[1])
		if !slices.Equal(ge, we) || !slices.Equal(gf, wf) {
			t.Errorf("keys(%q) = %v %v, want those of %q: %v %v", c[0], ge, gf, c[1], we, wf)
		}
	}
	if ge, _ := keys("quý tuy hay y"); !slices.Equal(ge, []string{"quy2", "tuy", "hay", "y"}) {
		t.Errorf("exact keys = %v: a y that is no plain i must stay", ge)
	}
	ge, gf := keys("ma mã Đà")
	if want := []string{"ma", "ma4", "đa1"}; !slices.Equal(ge, want) {
		t.Errorf("exact keys = %v, want %v", ge, want)
	}
	if want := []string{"ma", "ma", "da"}; !slices.Equal(gf, want) {
		t.Errorf("folded keys = %v, want %v", gf, want)
	}
	if got := Tokenize("1.000 người, 2,5 tấn"); len(got) != 4 || got[0].Exact != "1000" || !got[0].Number || got[2].Exact != "25" {
		t.Errorf("Tokenize numbers = %+v", got)
	}
}

// TestLetterTables checks the rune tables against the map they are built
// from: every entry a letter, every letter of the ranges found the same way.
func TestLetterTables(t *testing.T) {
	for r := rune(0); r < letterExtEnd; r++ {
		got, ok := letterOf(r)
		want, wantOK := letters[r]
		if ok != wantOK || got != want {
			t.Fatalf("letterOf(%q) = %v %v, want %v %v", r, got, ok, want, wantOK)
		}
		if ok && !unicode.IsLetter(r) {
			t.Fatalf("%q is in the letter tables but is not a letter", r)
		}
	}
}

// TestSearchEmpty checks an index of nothing, and of articles with no
// words, answers searches with nothing.
func TestSearchEmpty(t *testing.T) {
	for _, articles := range [][]Article{nil, {{ID: "x", Title: "—", Paragraphs: []string{"… !!!"}}}} {
		ix := NewIndex(articles)
		if got := ix.Search("Bí thư là ai?", 8); len(got) != 0 {
			t.Errorf("Search over %d articles = %v, want nothing", len(articles), got)
		}
		if got := ix.Weights("Bí thư là ai?"); got["thu"] <= 0 {
			t.Errorf("Weights = %v, want a positive weight for an unknown word", got)
		}
	}
}
