package knowledge

import (
	"fmt"
	"strings"
	"testing"
)

// oneList is a single segment's list as a term's lists.
func oneList(p plist) tlist {
	return tlist{parts: []segList{{plist: p, factor: 1}}, df: p.df()}
}

// TestWithMatchesReference changes an index a few articles at a time —
// added, replaced, removed, each change a segment — and checks after each
// change that it finds exactly what the reference index of the same live
// articles finds, skipping and reading everything alike; and again after
// Compact.
func TestWithMatchesReference(t *testing.T) {
	news := append(Sample(), newsArticles(t)...)
	if len(news) < 60 {
		t.Skip("the news corpus is too small here")
	}
	queries := append(benchQuestions(t), sampleQueries...)
	queries = append(queries, edgeQueries...)
	for i := 1; i < len(news); i += 40 {
		queries = append(queries, news[i].Title, Fold(news[i].Title))
	}
	queries = queries[:min(len(queries), 80)]
	base := len(news) * 3 / 4
	live := append([]Article(nil), news[:base]...)
	ix := NewIndex(live)

	replaced := news[5]
	replaced.Paragraphs = append([]string{"Bài được sửa: giá lúa tăng mạnh ở Châu Thành trong tháng này."}, replaced.Paragraphs[1:]...)
	steps := []struct {
		name    string
		added   []Article
		removed []string
	}{
		{"add one", news[base : base+1], nil},
		{"add three", news[base+1 : base+4], nil},
		{"replace one", []Article{replaced}, nil},
		{"remove two", nil, []string{news[2].ID, news[base+2].ID}},
		{"add the rest", news[base+4:], nil},
		{"remove from the newest segment", nil, []string{news[len(news)-1].ID}},
	}
	check := func(name string, ix *Index, live []Article) {
		t.Run(name, func(t *testing.T) {
			if got, want := fmt.Sprint(ix.Len()), fmt.Sprint(NewIndex(live).Len()); got != want {
				t.Fatalf("Len() = %s, want %s", got, want)
			}
			ref := newRefIndex(live)
			defer func(l exhaustiveLimits) { exhaustive = l }(exhaustive)
			for _, n := range []int{0, 1 << 30} {
				exhaustive = exhaustiveLimits{n, n}
				sameSearch(t, ix, ref, queries)
			}
		})
	}
	for _, st := range steps {
		ix = ix.With(st.added, st.removed)
		gone := map[string]bool{}
		for _, id := range st.removed {
			gone[id] = true
		}
		for _, a := range st.added {
			gone[a.ID] = true
		}
		kept := live[:0:0]
		for _, a := range live {
			if !gone[a.ID] {
				kept = append(kept, a)
			}
		}
		live = append(kept, st.added...)
		check(st.name, ix, live)
	}
	if got, want := len(ix.segs), 5; got != want { // the first, and one per change that added
		t.Fatalf("%d segments after %d changes, want %d", got, len(steps), want)
	}
	if _, ok := ix.Article(replaced.ID); !ok {
		t.Fatalf("the replaced article %s is gone", replaced.ID)
	}
	if a, _ := ix.Article(replaced.ID); !strings.HasPrefix(a.Paragraphs[0], "Bài được sửa") {
		t.Fatalf("article %s serves its old text", replaced.ID)
	}
	cix := ix.Compact()
	if got := len(cix.segs); got > 2 {
		t.Fatalf("%d segments after Compact, want at most 2", got)
	}
	check("compacted", cix, live)
	full := NewIndex(live).With(nil, nil).Compact()
	check("rebuilt", full, live)
}

// BenchmarkWith is adding one article to an index of the news corpus.
func BenchmarkWith(b *testing.B) {
	news := newsArticles(b)
	ix := NewIndex(news[:len(news)-1])
	b.ReportAllocs()
	for b.Loop() {
		ix.With(news[len(news)-1:], nil)
	}
}

// TestServiceAddUsesASegment checks that an admin's Add and Remove change
// the serving index by a segment, not a rebuild, and that it then answers
// searches exactly as an index built over the same articles.
func TestServiceAddUsesASegment(t *testing.T) {
	news := newsArticles(t)
	if len(news) < 100 {
		t.Skip("the news corpus is too small here")
	}
	svc := NewService(news[:len(news)-1])
	ctx := t.Context()
	if err := svc.Add(ctx, news[len(news)-1]); err != nil {
		t.Fatal(err)
	}
	if err := svc.Remove(ctx, news[0].ID); err != nil {
		t.Fatal(err)
	}
	ix := svc.Index()
	if got, want := len(ix.segs), 2; got != want {
		t.Fatalf("%d segments after an add, want %d", got, want)
	}
	if got, want := len(ix.dead), 1; got != want {
		t.Fatalf("%d removed articles kept as dead, want %d", got, want)
	}
	want := NewIndex(news[1:])
	for _, q := range append(benchQuestions(t)[:40], news[len(news)-1].Title, news[0].Title) {
		got, exp := ix.Search(q, DefaultTopK), want.Search(q, DefaultTopK)
		if len(got) != len(exp) {
			t.Fatalf("Search(%q) gave %d passages, want %d", q, len(got), len(exp))
		}
		for i := range got {
			if got[i].Chunk.ID != exp[i].Chunk.ID || got[i].Score != exp[i].Score {
				t.Fatalf("Search(%q)[%d] = %s %v, want %s %v", q, i, got[i].Chunk.ID, got[i].Score, exp[i].Chunk.ID, exp[i].Score)
			}
		}
	}
	if _, ok := ix.Article(news[0].ID); ok {
		t.Fatalf("the removed article %s is still served", news[0].ID)
	}
}
