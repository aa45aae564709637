package knowledge

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Document is the bytes of one file, web page or attachment, with what
// tells its kind: the extension of Name, else ContentType.
type Document struct {
	Name        string // file name or path, or the address it was fetched from
	URL         string // the final address when fetched, after redirects
	ContentType string
	Data        []byte
}

// Reader reads the articles in a document of one kind (HTML, PDF, DOCX …).
// Implementations live in one subpackage per outside library.
type Reader interface {
	Read(ctx context.Context, d Document) ([]Article, error)
}

// ReaderFunc is a function that is a Reader.
type ReaderFunc func(ctx context.Context, d Document) ([]Article, error)

// Read calls f.
func (f ReaderFunc) Read(ctx context.Context, d Document) ([]Article, error) { return f(ctx, d) }

// Fetcher gets a document from an http(s) address. The fetch package's is
// the safe one: it refuses internal addresses.
type Fetcher interface {
	Fetch(ctx context.Context, url string) (Document, error)
}

// Source is where articles come from: a file or folder path or an http(s)
// address (Ref), a document sent to the bot (Doc), pasted text (Text), or
// articles at hand (Articles, such as the bundled sample).
type Source struct {
	Ref      string
	Doc      *Document
	Text     string
	Articles []Article
}

// Sources turns paths and addresses into sources.
func Sources(refs ...string) []Source {
	out := make([]Source, len(refs))
	for i, r := range refs {
		out[i] = Source{Ref: r}
	}
	return out
}

// String names the source for reports and logs.
func (s Source) String() string {
	switch {
	case s.Ref != "":
		return s.Ref
	case s.Doc != nil:
		return s.Doc.Name
	case len(s.Articles) > 0:
		return s.Articles[0].Source
	}
	return "nội dung dán vào"
}

// IsURL reports whether s is an http(s) address.
func IsURL(s string) bool {
	s = strings.TrimSpace(s)
	return !strings.ContainsAny(s, " \t\n") && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"))
}

// mediaExt maps the media types of documents to the extension whose
// reader reads them.
var mediaExt = map[string]string{
	"text/html": ".html", "application/xhtml+xml": ".html",
	"application/pdf": ".pdf",
	"application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
	"text/plain": ".txt", "text/markdown": ".md", "application/json": ".json",
}

// textReader reads hoibao's own article files: .txt, .md and .json.
var textReader = ReaderFunc(func(_ context.Context, d Document) ([]Article, error) {
	a, err := ParseArticle(d.Name, d.Data)
	if err != nil {
		return nil, err
	}
	return []Article{a}, nil
})

// MaxDocumentBytes bounds one file or fetched document (a PDF with its
// fonts and pictures); text articles are bounded by MaxArticleBytes.
const MaxDocumentBytes = 20 << 20

// loader reads sources into articles with the service's readers.
type loader struct {
	readers  map[string]Reader // by extension, lower case with the dot
	fetcher  Fetcher
	maxBytes int64
}

func newLoader() loader {
	return loader{
		readers:  map[string]Reader{".txt": textReader, ".md": textReader, ".json": textReader, ".docx": docxReader},
		maxBytes: MaxDocumentBytes,
	}
}

// kind returns the extension whose reader reads d, or "".
func (l loader) kind(d Document) string {
	ext := strings.ToLower(filepath.Ext(d.Name))
	if _, ok := l.readers[ext]; ok && !IsURL(d.Name) {
		return ext
	}
	if mt, _, err := mime.ParseMediaType(d.ContentType); err == nil {
		if e, ok := mediaExt[mt]; ok {
			if _, ok := l.readers[e]; ok {
				return e
			}
		}
	}
	if IsURL(d.Name) {
		if _, ok := l.readers[ext]; ok {
			return ext
		}
	}
	return ""
}

// load reads every source; what cannot be read is skipped with a reason,
// and the rest loads. Later articles replace earlier ones with the same ID.
func (l loader) load(ctx context.Context, sources []Source) ([]Article, []Skipped) {
	var all []Article
	var skipped []Skipped
	for _, src := range sources {
		if ctx.Err() != nil {
			skipped = append(skipped, Skipped{Source: src.String(), Reason: "đã dừng vì hết thời gian"})
			continue
		}
		as, sk := l.loadOne(ctx, src)
		all = append(all, as...)
		skipped = append(skipped, sk...)
	}
	return Dedupe(all), skipped
}

func (l loader) loadOne(ctx context.Context, src Source) ([]Article, []Skipped) {
	skip := func(err error) []Skipped {
		return []Skipped{{Source: src.String(), Reason: Reason(err), Err: err}}
	}
	switch {
	case len(src.Articles) > 0:
		return src.Articles, nil
	case src.Doc != nil:
		as, err := l.read(ctx, *src.Doc)
		if err != nil {
			return nil, skip(err)
		}
		return as, nil
	case src.Ref == "":
		a, err := ParsePasted(src.Text)
		if err != nil {
			return nil, skip(err)
		}
		a.Source = "pasted"
		return []Article{a}, nil
	case IsURL(src.Ref):
		if l.fetcher == nil {
			return nil, []Skipped{{Source: src.Ref, Reason: "chức năng tải bài từ đường link chưa được cấu hình", Err: ErrUnavailable}}
		}
		d, err := l.fetcher.Fetch(ctx, strings.TrimSpace(src.Ref))
		if err != nil {
			return nil, skip(err)
		}
		as, err := l.read(ctx, d)
		if err != nil {
			return nil, skip(err)
		}
		for i := range as {
			as[i].Source = src.Ref
		}
		return as, nil
	}
	return l.loadPath(ctx, src.Ref)
}

// read reads one document with the reader of its kind.
func (l loader) read(ctx context.Context, d Document) ([]Article, error) {
	if int64(len(d.Data)) > l.maxBytes {
		return nil, fmt.Errorf("%w: tệp lớn hơn %d MB", ErrInvalidArticle, l.maxBytes>>20)
	}
	kind := l.kind(d)
	if kind == "" {
		return nil, fmt.Errorf("%w: không đọc được loại tệp này (đọc được: %s)", ErrInvalidArticle, l.kinds())
	}
	as, err := l.readers[kind].Read(ctx, d)
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, fmt.Errorf("%w: không có nội dung bài báo", ErrInvalidArticle)
	}
	for i := range as {
		if as[i].Source == "" {
			as[i].Source = first(d.URL, d.Name)
		}
	}
	return as, nil
}

func (l loader) kinds() string {
	var ks []string
	for k := range l.readers {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return strings.Join(ks, ", ")
}

// loadPath reads a file, or the files of a folder and its subfolders that
// a reader knows, skipping licence and readme files and hidden ones.
func (l loader) loadPath(ctx context.Context, path string) ([]Article, []Skipped) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, []Skipped{{Source: path, Reason: "không tìm thấy tệp hoặc thư mục", Err: err}}
	}
	var files []string
	if !info.IsDir() {
		files = []string{path}
	} else {
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == path {
					return err
				}
				files = append(files, p) // reported when read
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if p != path && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			upper := strings.ToUpper(name)
			if strings.HasPrefix(upper, "LICENSE") || strings.HasPrefix(upper, "README") || strings.HasPrefix(name, ".") {
				return nil
			}
			if _, ok := l.readers[strings.ToLower(filepath.Ext(name))]; ok {
				files = append(files, p)
			}
			return nil
		})
		if err != nil {
			return nil, []Skipped{{Source: path, Reason: "không đọc được thư mục", Err: err}}
		}
		sort.Strings(files)
	}
	var articles []Article
	var skipped []Skipped
	for _, f := range files {
		if ctx.Err() != nil {
			break
		}
		data, err := ReadFileLimited(f, l.maxBytes)
		if err == nil {
			var as []Article
			if as, err = l.read(ctx, Document{Name: f, Data: data}); err == nil {
				for i := range as {
					as[i].Source = f
				}
				articles = append(articles, as...)
				continue
			}
		}
		skipped = append(skipped, Skipped{Source: f, Reason: Reason(err), Err: err})
	}
	return articles, skipped
}

// Errors of ReadFileLimited.
var (
	ErrNotRegular = errors.New("không phải tệp thường (thư mục, thiết bị, FIFO …)")
	ErrTooLarge   = errors.New("tệp quá lớn")
)

// ReadFileLimited reads a regular file of at most max bytes. Anything else
// — a device such as /dev/zero behind a symlink, a FIFO, a socket — is
// refused before it is opened, and the size is checked both before and
// while reading, so a file that grows meanwhile cannot exhaust memory.
func ReadFileLimited(path string, max int64) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	if info.Size() > max {
		return nil, fmt.Errorf("%w: %d byte, tối đa %d", ErrTooLarge, info.Size(), max)
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		return nil, ErrNotRegular
	}
	// Room for the whole file at once (a store reads tens of thousands).
	var buf bytes.Buffer
	buf.Grow(int(min(info.Size(), max)) + bytes.MinRead)
	if _, err := buf.ReadFrom(io.LimitReader(f, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: tối đa %d byte", ErrTooLarge, max)
	}
	return data, nil
}
