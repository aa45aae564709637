package knowledge

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// ScaleCorpus makes n distinct articles out of src, the same ones on every
// run, so that an archive of any size can be measured here: the first
// len(src) are src itself (sorted by ID), and every later one recombines an
// article's paragraphs with others of its section and changes its people,
// places and figures, so the vocabulary keeps growing as a real archive's
// does.
func ScaleCorpus(src []Article, n int) []Article {
	if len(src) == 0 || n <= 0 {
		return nil
	}
	src = slices.Clone(src)
	slices.SortFunc(src, func(a, b Article) int { return strings.Compare(a.ID, b.ID) })
	sections := map[string][]int{}
	for i, a := range src {
		s := section(a.ID)
		sections[s] = append(sections[s], i)
	}
	out := make([]Article, 0, n)
	for i := range n {
		base := src[i%len(src)]
		round := i / len(src)
		if round == 0 {
			out = append(out, base)
			continue
		}
		rng := rand.New(rand.NewPCG(uint64(i), 0x686f6962616f))
		g := generator{rng: rng}
		peers := sections[section(base.ID)]
		a := Article{
			ID:        fmt.Sprintf("%s-v%d", base.ID, round),
			URL:       base.URL,
			Author:    base.Author,
			Published: base.Published.AddDate(0, 0, 7*round),
			Title:     g.vary(base.Title),
		}
		if a.URL != "" {
			a.URL += fmt.Sprintf("?v=%d", round)
		}
		if a.Published.IsZero() {
			a.Published = time.Date(2020, 1, 1, 0, 0, 0, 0, vietnam).AddDate(0, 0, i%1500)
		}
		for j, p := range base.Paragraphs {
			if j > 0 && rng.IntN(3) == 0 {
				continue // shorter than their sources, as most reports are
			}
			if rng.IntN(10) < 3 && len(peers) > 1 {
				other := src[peers[rng.IntN(len(peers))]]
				if len(other.Paragraphs) > 0 {
					p = other.Paragraphs[rng.IntN(len(other.Paragraphs))]
				}
			}
			a.Paragraphs = append(a.Paragraphs, g.vary(p))
		}
		// One sentence of its own, as every real report has: a named
		// person in a named place, with a figure.
		a.Paragraphs = append(a.Paragraphs, fmt.Sprintf("Theo %s, %s tại %s %s đạt %d,%d%% so với cùng kỳ.",
			g.person(3), g.pick(reportWords), g.pick(placeKinds), g.place(), 1+rng.IntN(99), rng.IntN(10)))
		out = append(out, a)
	}
	return out
}

// FormatArticle writes an article in the .txt format LoadPath reads.
func FormatArticle(a Article) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# doc_id = %s\n", a.ID)
	if a.URL != "" {
		fmt.Fprintf(&b, "# url = %s\n", a.URL)
	}
	if !a.Published.IsZero() {
		fmt.Fprintf(&b, "# date = %s\n", a.Published.In(vietnam).Format("20060102"))
	}
	if a.Author != "" {
		fmt.Fprintf(&b, "# author = %s\n", a.Author)
	}
	b.WriteString(a.Title)
	b.WriteByte('\n')
	for _, p := range a.Paragraphs {
		b.WriteString(p)
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// section is the part of a news file's ID that names its section:
// "business" of "news_business_001".
func section(id string) string {
	if i := strings.LastIndexByte(id, '_'); i > 0 {
		return id[:i]
	}
	return ""
}

var (
	familyNames = []string{"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
		"Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lâm", "Mai", "Tạ", "Quách", "Cao", "Lương"}
	nameSyllables = []string{"An", "Anh", "Bảo", "Bình", "Châu", "Chi", "Cường", "Dũng", "Duy", "Đức", "Giang",
		"Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hòa", "Hùng", "Hương", "Huy", "Khang", "Khánh", "Khoa", "Kiên",
		"Lan", "Liên", "Linh", "Long", "Lộc", "Mai", "Minh", "My", "Nam", "Nga", "Ngọc", "Nhân", "Nhung", "Phong",
		"Phúc", "Phước", "Quang", "Quân", "Quyên", "Sơn", "Tâm", "Thanh", "Thảo", "Thắng", "Thịnh", "Thu", "Thủy",
		"Tiến", "Toàn", "Trang", "Trí", "Trung", "Tuấn", "Tùng", "Uyên", "Văn", "Thị", "Vân", "Việt", "Vinh",
		"Xuân", "Yến", "Đông", "Đạt", "Hậu", "Kim", "Lực", "Nghĩa", "Oanh", "Quế", "Sang", "Tài", "Thuận", "Vĩnh"}
	placeKinds  = []string{"tỉnh", "huyện", "xã", "phường", "quận", "thị xã", "thành phố"}
	placeSylls  = []string{"Bắc", "Nam", "Đông", "Tây", "Tân", "Phú", "Mỹ", "Long", "An", "Bình", "Hòa", "Thạnh", "Lộc", "Yên", "Sơn", "Hà", "Giang", "Thủy", "Điền", "Cẩm", "Hải", "Quảng", "Kỳ", "Vĩnh", "Phước", "Đức", "Hưng", "Gia", "Lạc", "Xuân", "Triệu", "Ninh", "Thái", "Cát", "Trà", "Ô", "Krông", "Ea", "Đăk", "Mường"}
	reportWords = []string{"doanh thu", "sản lượng", "kim ngạch xuất khẩu", "số ca mắc", "tỷ lệ hộ nghèo", "vốn đầu tư", "số học sinh", "giá trị sản xuất"}
	placeWords  = map[string]bool{"tỉnh": true, "huyện": true, "xã": true, "phường": true, "quận": true, "TP": true, "thị": true}
	familySet   = func() map[string]bool {
		m := map[string]bool{}
		for _, f := range familyNames {
			m[f] = true
		}
		return m
	}()
)

// generator varies text with one article's random numbers.
type generator struct{ rng *rand.Rand }

func (g generator) pick(words []string) string { return words[g.rng.IntN(len(words))] }

// person is a full name of n syllables.
func (g generator) person(n int) string {
	parts := []string{g.pick(familyNames)}
	for range n - 1 {
		parts = append(parts, g.pick(nameSyllables))
	}
	return strings.Join(parts, " ")
}

// place is a two-syllable place name.
func (g generator) place() string { return g.pick(placeSylls) + " " + g.pick(placeSylls) }

// vary changes a text's figures, people and places.
func (g generator) vary(text string) string {
	words := strings.Split(text, " ")
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch {
		case strings.ContainsAny(w, "0123456789"):
			words[i] = g.digits(w)
		case familySet[w] && capitalRun(words, i+1) > 0:
			n := min(capitalRun(words, i+1), 3)
			name := strings.Split(g.person(n+1), " ")
			copy(words[i:], name)
			i += n
		case i > 0 && placeWords[words[i-1]] && capitalRun(words, i) > 0:
			n := min(capitalRun(words, i), 2)
			place := strings.Split(g.place(), " ")
			if n == 1 {
				place = place[:1]
			}
			copy(words[i:], place)
			i += n - 1
		}
	}
	return strings.Join(words, " ")
}

// capitalRun counts the capitalised words from words[i] on, stopping at
// one with punctuation after it.
func capitalRun(words []string, i int) int {
	n := 0
	for ; i < len(words); i++ {
		r, _ := utf8.DecodeRuneInString(words[i])
		if !unicode.IsUpper(r) || strings.ContainsFunc(words[i], unicode.IsPunct) {
			break
		}
		n++
	}
	return n
}

// digits replaces the digits of a word with others, keeping a leading
// digit non-zero and everything else in place.
func (g generator) digits(w string) string {
	b := []byte(w)
	for i, c := range b {
		if c >= '0' && c <= '9' {
			d := byte(g.rng.IntN(10))
			if d == 0 && (i == 0 || b[i-1] < '0' || b[i-1] > '9') {
				d = 1 + byte(g.rng.IntN(9))
			}
			b[i] = '0' + d
		}
	}
	return string(b)
}
