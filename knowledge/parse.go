package knowledge

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Vietnam keeps one time zone all year.
var vietnam = time.FixedZone("ICT", 7*60*60)

// MaxArticleBytes bounds one article file or pasted text.
const MaxArticleBytes = 4 << 20

var (
	headerLine = regexp.MustCompile(`^#\s*([A-Za-z_]+)\s*=\s*(.*)$`)
	// A dateline such as "09/01/2024 - 06:25" or "Thứ Ba, 09/01/2024 06:25 (GMT+7)".
	datelineRe = regexp.MustCompile(`^(?:[^\d]{0,20})?(\d{1,2})/(\d{1,2})/(\d{4})(?:\s*[-–,]?\s*(\d{1,2}):(\d{2}))?(?:\s*\(?GMT\+7\)?)?\s*$`)
)

// ParseArticle reads one article from a file's bytes. name is the file name
// (its extension picks the format: .json, otherwise text or Markdown) and
// gives the article its ID when the content names none.
func ParseArticle(name string, data []byte) (Article, error) {
	if len(data) > MaxArticleBytes {
		return Article{}, fmt.Errorf("%s: %w: lớn hơn %d MB", name, ErrInvalidArticle, MaxArticleBytes>>20)
	}
	if !utf8.Valid(data) {
		return Article{}, fmt.Errorf("%s: %w: không phải văn bản UTF-8", name, ErrInvalidArticle)
	}
	if isBinary(data) {
		return Article{}, fmt.Errorf("%s: %w: tệp nhị phân, không phải văn bản UTF-8", name, ErrInvalidArticle)
	}
	var (
		a   Article
		err error
	)
	if strings.EqualFold(filepath.Ext(name), ".json") {
		a, err = parseJSON(data)
	} else {
		a, err = parseText(string(data))
	}
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", name, err)
	}
	if a.ID == "" {
		a.ID = Slug(strings.TrimSuffix(filepath.Base(name), filepath.Ext(name)))
	}
	a, err = Finish(a)
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", name, err)
	}
	return a, nil
}

// isBinary reports whether data holds a NUL byte or more than one control
// character in a hundred (tabs and line breaks aside): not article text.
func isBinary(data []byte) bool {
	control := 0
	for _, c := range data {
		switch {
		case c == 0:
			return true
		case c < 0x20 && c != '\n' && c != '\r' && c != '\t':
			control++
		}
	}
	return control > len(data)/100
}

// Finish validates an article and fills in what can be derived: NFC text,
// an ID from the title when there is none, and the content hash.
func Finish(a Article) (Article, error) {
	a.Title = cleanLine(a.Title)
	a.Author = cleanLine(a.Author)
	a.URL = strings.TrimSpace(a.URL)
	paras := a.Paragraphs[:0:0]
	for _, p := range a.Paragraphs {
		if p = cleanLine(p); p != "" {
			paras = append(paras, p)
		}
	}
	a.Paragraphs = paras
	if a.Title == "" && len(a.Paragraphs) > 0 {
		a.Title, a.Paragraphs = a.Paragraphs[0], a.Paragraphs[1:]
	}
	if a.Title == "" || len(a.Paragraphs) == 0 {
		return Article{}, fmt.Errorf("%w: cần một dòng tiêu đề và ít nhất một đoạn nội dung", ErrInvalidArticle)
	}
	if a.ID == "" {
		a.ID = Slug(a.Title)
	}
	a.ID = Slug(a.ID)
	a.Hash = contentHash(a)
	return a, nil
}

func contentHash(a Article) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00", a.Title, a.URL, a.Published.Format(time.RFC3339), a.Author)
	for _, p := range a.Paragraphs {
		h.Write([]byte(p))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// cleanLine makes one line of text NFC, trims it and drops a leading dash
// that newspapers put before the lead ("- Thời gian qua…").
func cleanLine(s string) string {
	s = strings.TrimSpace(NFC(s))
	for _, dash := range []string{"-", "–", "—"} {
		if rest, ok := strings.CutPrefix(s, dash); ok && rest != strings.TrimSpace(rest) {
			s = strings.TrimSpace(rest)
		}
	}
	return s
}

func parseText(text string) (Article, error) {
	var a Article
	text = strings.TrimPrefix(strings.ReplaceAll(text, "\r\n", "\n"), "\ufeff")
	lines := strings.Split(text, "\n")
	// YAML front matter.
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			if strings.TrimSpace(lines[i]) == "---" {
				for _, l := range lines[1:i] {
					if k, v, ok := strings.Cut(l, ":"); ok {
						setMeta(&a, k, strings.Trim(strings.TrimSpace(v), `"'`))
					}
				}
				lines = lines[i+1:]
				break
			}
		}
	}
	// "# key = value" header lines.
	for len(lines) > 0 {
		l := strings.TrimSpace(lines[0])
		if m := headerLine.FindStringSubmatch(l); m != nil {
			setMeta(&a, m[1], strings.TrimSpace(m[2]))
		} else if l != "" {
			break
		}
		lines = lines[1:]
	}
	// Paragraphs: blank-line separated blocks; inside a block, lines join
	// unless the file puts one paragraph per line (no blank lines at all).
	var paras []string
	blankSeparated := strings.Contains(strings.Join(lines, "\n"), "\n\n")
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if l == "" {
			flush()
			continue
		}
		cur = append(cur, l)
		if !blankSeparated {
			flush()
		}
	}
	flush()
	if len(paras) == 0 {
		return a, fmt.Errorf("%w: tệp rỗng", ErrInvalidArticle)
	}
	if a.Title == "" {
		a.Title = strings.TrimSpace(strings.TrimLeft(paras[0], "#"))
		paras = paras[1:]
	}
	if len(paras) > 0 {
		if t, ok := parseDateline(paras[0]); ok {
			if a.Published.IsZero() {
				a.Published = t
			}
			paras = paras[1:]
		}
	}
	if len(paras) > 1 {
		if name, ok := byline(paras[len(paras)-1]); ok {
			if a.Author == "" {
				a.Author = name
			}
			paras = paras[:len(paras)-1]
		}
	}
	a.Paragraphs = paras
	return a, nil
}

func setMeta(a *Article, key, value string) {
	switch strings.ToLower(strings.TrimSpace(key)) {
	case "doc_id", "id":
		a.ID = value
	case "url", "link", "source_url":
		a.URL = value
	case "title":
		a.Title = value
	case "author", "byline":
		a.Author = value
	case "date", "published", "published_at":
		if t, ok := ParseDate(value); ok {
			a.Published = t
		}
	}
}

// ParseDate reads the date formats articles use: 20240109, 2024-01-09,
// RFC 3339, and the Vietnamese day-first 09/01/2024 with an optional time.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"20060102", "2006-01-02", time.RFC3339, "2006-01-02 15:04:05", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, vietnam); err == nil {
			return t, true
		}
	}
	return parseDateline(s)
}

func parseDateline(s string) (time.Time, bool) {
	if len(s) > 60 {
		return time.Time{}, false
	}
	m := datelineRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return time.Time{}, false
	}
	day, _ := strconv.Atoi(m[1])
	month, _ := strconv.Atoi(m[2])
	year, _ := strconv.Atoi(m[3])
	hour, _ := strconv.Atoi(m[4])
	minute, _ := strconv.Atoi(m[5])
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	return time.Date(year, time.Month(month), day, hour, minute, 0, 0, vietnam), true
}

// bylineLabels are the words of the label papers put before an author's
// name: "Bài và ảnh:", "Tin, ảnh:", "Thực hiện:".
var bylineLabels = map[string]bool{"bai": true, "anh": true, "tin": true, "va": true, "video": true, "clip": true,
	"thuc": true, "hien": true, "nhom": true, "pv": true, "phong": true, "vien": true, "text": true, "photo": true, "photos": true, "and": true}

// byline returns the author's name when a last paragraph is an author line
// in capitals, after a label such as "Bài và ảnh:" or not.
func byline(s string) (string, bool) {
	if label, name, ok := strings.Cut(s, ":"); ok {
		writes := false // "Ảnh: NVCC" credits a photo, not who wrote
		for _, w := range strings.FieldsFunc(label, func(r rune) bool { return r == ',' || r == '/' || unicode.IsSpace(r) }) {
			f := Fold(w)
			if !bylineLabels[f] {
				return "", false
			}
			writes = writes || f != "anh" && f != "va" && f != "and" && f != "photo" && f != "photos" && f != "video" && f != "clip"
		}
		if !writes {
			return "", false
		}
		s = strings.TrimSpace(name)
	}
	return s, isByline(s)
}

// isByline reports whether a last paragraph is an author line in capitals,
// such as "TRUNG HIẾU" or "NGUYỄN VĂN A - TRẦN B".
func isByline(s string) bool {
	if utf8.RuneCountInString(s) > 60 || len(strings.Fields(s)) > 8 {
		return false
	}
	letters := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// jsonArticle is the JSON article format; several common field names work.
type jsonArticle struct {
	ID         string   `json:"id"`
	DocID      string   `json:"doc_id"`
	Title      string   `json:"title"`
	URL        string   `json:"url"`
	Date       string   `json:"date"`
	Published  string   `json:"published"`
	Author     string   `json:"author"`
	Content    string   `json:"content"`
	Text       string   `json:"text"`
	Body       string   `json:"body"`
	Paragraphs []string `json:"paragraphs"`
}

func parseJSON(data []byte) (Article, error) {
	var j jsonArticle
	if err := json.Unmarshal(data, &j); err != nil {
		return Article{}, fmt.Errorf("%w: JSON hỏng: %v", ErrInvalidArticle, err)
	}
	a := Article{ID: first(j.ID, j.DocID), Title: j.Title, URL: j.URL, Author: j.Author, Paragraphs: j.Paragraphs}
	if t, ok := ParseDate(first(j.Published, j.Date)); ok {
		a.Published = t
	}
	if body := first(j.Content, j.Text, j.Body); body != "" && len(a.Paragraphs) == 0 {
		sub, err := parseText(body)
		if err != nil {
			return Article{}, err
		}
		if a.Title == "" {
			a.Title = sub.Title
		} else {
			sub.Paragraphs = append([]string{sub.Title}, sub.Paragraphs...)
		}
		a.Paragraphs = sub.Paragraphs
	}
	return a, nil
}

func first(values ...string) string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// ParsePasted turns text pasted into a chat into an article: the first line
// is the title, then an optional dateline, paragraphs and byline.
func ParsePasted(text string) (Article, error) {
	if len(text) > MaxArticleBytes {
		return Article{}, fmt.Errorf("%w: quá dài", ErrInvalidArticle)
	}
	if !utf8.ValidString(text) {
		return Article{}, fmt.Errorf("%w: không phải văn bản UTF-8", ErrInvalidArticle)
	}
	a, err := parseText(text)
	if err != nil {
		return Article{}, err
	}
	return Finish(a)
}

// Slug makes an ID from any text: folded, lower case, words joined by '-'.
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range Fold(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '_':
			b.WriteRune(r)
			dash = false
		case r == '.' || r == '#':
			if b.Len() > 0 {
				b.WriteRune(r)
			}
			dash = false
		default:
			if !dash && b.Len() > 0 {
				b.WriteByte('-')
				dash = true
			}
		}
		if b.Len() >= 80 {
			break
		}
	}
	return strings.Trim(b.String(), "-.")
}

// LoadPath reads the articles in a .txt, .md or .json file, or in a folder
// and its subfolders (licence, readme and hidden files left out). A file
// that cannot be read is skipped while the rest loads: the error is then a
// *SkippedError naming each, returned beside the articles. A path that does
// not exist is ErrNotFound. Services read more kinds (PDF, DOCX, pages)
// through their readers: see Service.LoadSources.
func LoadPath(path string) ([]Article, error) {
	return LoadPaths([]string{path})
}

// LoadPaths reads every path in order, as LoadPath; later articles replace
// earlier ones with the same ID.
func LoadPaths(paths []string) ([]Article, error) {
	articles, skipped := newLoader().load(context.Background(), Sources(paths...))
	if len(skipped) == 0 {
		return articles, nil
	}
	for _, sk := range skipped {
		if errors.Is(sk.Err, fs.ErrNotExist) && slices.Contains(paths, sk.Source) {
			return nil, fmt.Errorf("%s: %w: %v", sk.Source, ErrNotFound, sk.Err)
		}
	}
	return articles, &SkippedError{Skipped: skipped}
}

// Dedupe keeps the last article of each ID, in first-seen order.
func Dedupe(articles []Article) []Article {
	pos := make(map[string]int, len(articles))
	out := articles[:0:0]
	for _, a := range articles {
		if i, ok := pos[a.ID]; ok {
			out[i] = a
			continue
		}
		pos[a.ID] = len(out)
		out = append(out, a)
	}
	return out
}
