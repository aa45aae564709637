package knowledge

import (
	"slices"
	"strings"
	"sync"
)

// People type a department by its initials ("so gtvt", "Sở NN&PTNT") or
// its name where one paper writes the initials and another spells the
// name out ("Sở Giao thông vận tải"). A question naming one is read as
// the article found for it writes it.

// departmentNames are the departments of a province or district, named
// after "sở", "phòng" or "ngành", and bodies named anywhere ("KCN"), with
// their initials as the papers write them, from common administrative
// usage.
var departmentNames = []struct {
	initials, name string
	body           bool // named anywhere, not only after "sở", "phòng", "ngành"
}{
	{"GTVT", "Giao thông vận tải", false}, {"TN&MT", "Tài nguyên và Môi trường", false}, {"NN&PTNT", "Nông nghiệp và Phát triển nông thôn", false},
	{"NN&MT", "Nông nghiệp và Môi trường", false}, {"GD&ĐT", "Giáo dục và Đào tạo", false}, {"KH&ĐT", "Kế hoạch và Đầu tư", false},
	{"LĐ-TB&XH", "Lao động - Thương binh và Xã hội", false}, {"VH-TT&DL", "Văn hóa, Thể thao và Du lịch", false}, {"TT&TT", "Thông tin và Truyền thông", false},
	{"KH&CN", "Khoa học và Công nghệ", false}, {"TC-KH", "Tài chính - Kế hoạch", false}, {"KT-HT", "Kinh tế - Hạ tầng", false}, {"VH-TT", "Văn hóa - Thông tin", false},
	{"TC", "Tài chính", false}, {"NV", "Nội vụ", false}, {"XD", "Xây dựng", false},
	{"KCN", "khu công nghiệp", true}, {"CCN", "cụm công nghiệp", true}, {"KKT", "khu kinh tế", true},
	{"NTM", "nông thôn mới", true}, {"PCCC", "phòng cháy chữa cháy", true}, {"GPMB", "giải phóng mặt bằng", true},
	{"BHXH", "bảo hiểm xã hội", true}, {"BHYT", "bảo hiểm y tế", true}, {"ATGT", "an toàn giao thông", true},
	{"ATTP", "an toàn thực phẩm", true}, {"CSGT", "cảnh sát giao thông", true}, {"THPT", "trung học phổ thông", true},
	{"THCS", "trung học cơ sở", true},
}

// departmentLetters are the departments' indexes in departmentNames by
// their initials' letters, folded ("nnptnt"), departmentWords by their
// names' folded syllables without "và" ("nong nghiep phat trien nong
// thon"), and departmentOpeners the first syllables of both: where none
// opens, no department is looked for.
var departmentLetters, departmentWords, departmentOpeners = func() (letters, words map[string]int, openers map[string]bool) {
	letters, words, openers = map[string]int{}, map[string]int{}, map[string]bool{}
	for i, d := range departmentNames {
		letters[Fold(strings.ToLower(joiners.Replace(d.initials)))] = i
		words[strings.TrimSpace(withoutVa(foldedText(Tokenize(d.name))))] = i
		openers[Tokenize(d.initials)[0].Fold] = true
		openers[Tokenize(d.name)[0].Fold] = true
	}
	return letters, words, openers
}()

func withoutVa(folded string) string { return strings.ReplaceAll(folded, " va ", " ") }

// initialsHeads are the folded words a department's initials or name follow.
var initialsHeads = map[string]bool{"so": true, "phong": true, "nganh": true}

// department is a department a text names: its syllables from start to
// end (exclusive), which department, and whether by its name.
type department struct {
	start, end int // token indexes
	which      int // index in departmentNames
	named      bool
}

// departmentAt returns the department named at toks[i]: by its name, by
// its initials in one syllable ("gtvt") or several joined by "&", "-" or
// spaces ("nn&ptnt", "ld tb xh", "nn va ptnt"), or by both ("Nông nghiệp
// và PTNT"); the longest that is one. A department is named after a word
// that heads one ("sở", "phòng", "ngành"), a body ("KCN") anywhere.
// Unless strict, as a question must name one, a department's initials of
// three letters or more stand alone too ("Sở Khoa học và Công nghệ
// (KH&CN)").
func departmentAt(text string, toks []Token, i int, strict bool) (department, bool) {
	if !departmentOpeners[toks[i].Fold] {
		return department{}, false
	}
	head := i > 0 && initialsHeads[toks[i-1].Fold]
	found := department{which: -1}
	letters, words, initials, spelled := "", "", true, true
	for j := i; j < len(toks) && j < i+9; j++ {
		if j > i && strings.Trim(text[toks[j-1].End:toks[j].Start], " &-,") != "" {
			break
		}
		if toks[j].Fold == "va" && j > i {
			continue
		}
		words = strings.TrimSpace(words + " " + toks[j].Fold)
		if abbreviation(toks[j].Fold) {
			letters += toks[j].Fold
			spelled = false
		} else {
			letters += toks[j].Fold[:1]
			initials = false
		}
		if k, ok := departmentWords[words]; ok && (head && strict || departmentNames[k].body) {
			found = department{start: i, end: j + 1, which: k, named: true}
		} else if k, ok := departmentLetters[letters]; ok && !spelled && (head && strict || initials && (departmentNames[k].body || !strict && len(letters) > 2)) {
			found = department{start: i, end: j + 1, which: k}
		}
	}
	return found, found.which >= 0
}

// departmentsIn returns the departments and bodies a question names.
func departmentsIn(text string) []department {
	toks := Tokenize(text)
	var out []department
	for i := 0; i < len(toks); i++ {
		if d, ok := departmentAt(text, toks, i, true); ok {
			out = append(out, d)
			i = d.end - 1
		}
	}
	return out
}

// spellDepartments rewrites the departments the question names as the
// article found holding most of the rest of the question writes them,
// searched by their initials and by their names, and reports whether it
// changed anything.
func spellDepartments(q *Query, passages []Passage, search func(text string) []Passage) bool {
	deps := departmentsIn(q.Text)
	if len(deps) == 0 {
		return false
	}
	toks := Tokenize(q.Text)
	var rest []Token // the question's words but the departments' and its frame's ("tên" of "tên gì")
	content := contentTokens(toks, Classify(q.Text))
	frames := frameTokens(q.Text, content)
	for _, t := range content {
		if !frames[t.Start] && !slices.ContainsFunc(deps, func(d department) bool { return t.Start >= toks[d.start].Start && t.End <= toks[d.end-1].End }) {
			rest = append(rest, t)
		}
	}
	changed := false
	plain := Fold(q.Text) == q.Text
	for k := len(deps) - 1; k >= 0; k-- {
		d := deps[k]
		other := departmentNames[d.which].name
		if d.named {
			other = departmentNames[d.which].initials
		}
		if plain {
			other = Fold(strings.ToLower(other)) // a question typed plain reads as one
		}
		at, end := toks[d.start].Start, toks[d.end-1].End
		written, asTyped := writtenAs(*q, d.which, foldedText(toks[d.start:d.end]), rest, append(search(q.Text[:at]+other+q.Text[end:]), passages...))
		if plain {
			written = Fold(strings.ToLower(written))
		}
		if written != "" && !asTyped {
			q.Text, changed = q.Text[:at]+written+q.Text[end:], true
		}
	}
	return changed
}

// writtenAs returns how the article among passages that names a
// department and holds most of the rest of the question writes it, where
// it stands with most of that rest ("Giám đốc Sở NN&PTNT tỉnh Đồng Tháp"
// after "Sở Nông nghiệp và Phát triển nông thôn"); of articles holding as
// much, the newest: an office is asked of now. It is "" when none names
// the department; asTyped says it is written so there as typed (folded
// syllables), which, where it stands with as much, is kept.
func writtenAs(q Query, which int, typed string, rest []Token, passages []Passage) (written string, asTyped bool) {
	want := words{fold: map[string]bool{}, exact: map[string]bool{}}
	for _, t := range rest {
		want.fold[t.Fold] = true
	}
	weigh := func(have map[string]bool) float64 {
		held := 0.0
		for _, t := range rest {
			if have[t.Fold] {
				held += q.weight(t.Fold)
			}
		}
		return held
	}
	best := -1.0
	var bestArticle *Article
	seen := map[*Article]bool{}
	for _, p := range passages {
		if seen[p.Article] {
			continue
		}
		seen[p.Article] = true
		as, near, typedToo := "", -1.0, false
		for _, m := range departmentMentions(p.Article) {
			if m.which != which {
				continue
			}
			isTyped := m.folded == withoutVa(typed)
			if w := weigh(m.around); w > near || w == near && isTyped {
				as, near, typedToo = m.written, w, isTyped
			}
		}
		if as == "" {
			continue
		}
		if held := weigh(articleWords(p.Article, want).fold); held > best || held == best && newer(p.Article, bestArticle) {
			best, written, asTyped, bestArticle = held, as, typedToo, p.Article
		}
	}
	return written, asTyped
}

// mention is where an article names a department: which, as written, its
// folded syllables without "và", and the folded syllables of its paragraph.
type mention struct {
	which           int
	written, folded string
	around          map[string]bool
}

// mentionCache holds the departments each article names, by its hash:
// found once, read by every question naming one.
var mentionCache = struct {
	sync.Mutex
	byHash map[string][]mention
}{byHash: map[string][]mention{}}

// departmentMentions returns where an article names departments.
func departmentMentions(a *Article) []mention {
	mentionCache.Lock()
	ms, ok := mentionCache.byHash[a.Hash]
	mentionCache.Unlock()
	if ok && a.Hash != "" {
		return ms
	}
	for _, para := range append([]string{a.Title}, a.Paragraphs...) {
		toks := Tokenize(para)
		var around map[string]bool
		for i := range toks {
			d, ok := departmentAt(para, toks, i, true)
			if !ok {
				d, ok = departmentAt(para, toks, i, false)
			}
			if !ok {
				continue
			}
			if around == nil {
				around = make(map[string]bool, len(toks))
				for _, t := range toks {
					around[t.Fold] = true
				}
			}
			ms = append(ms, mention{which: d.which, written: para[toks[d.start].Start:toks[d.end-1].End],
				folded: withoutVa(foldedText(toks[d.start:d.end])), around: around})
		}
	}
	if a.Hash != "" {
		mentionCache.Lock()
		if len(mentionCache.byHash) >= heldCacheSize {
			clear(mentionCache.byHash)
		}
		mentionCache.byHash[a.Hash] = ms
		mentionCache.Unlock()
	}
	return ms
}
