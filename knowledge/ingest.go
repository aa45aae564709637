package knowledge

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"
	"time"
)

// Skipped is a source, file or stored entry left out, and why.
type Skipped struct {
	Source string `json:"source"`
	// Reason is a plain Vietnamese sentence an admin can act on; Err, for
	// the logs, the cause.
	Reason string `json:"reason"`
	Err    error  `json:"-"`
}

// SkippedError is returned beside the articles that could be read when
// some could not (a corrupt stored entry, an unreadable file): callers
// serve the articles and report the rest.
type SkippedError struct{ Skipped []Skipped }

func (e *SkippedError) Error() string {
	parts := make([]string, 0, len(e.Skipped))
	for _, s := range e.Skipped {
		parts = append(parts, s.Source+": "+s.Reason)
	}
	return fmt.Sprintf("bỏ qua %d mục: %s", len(e.Skipped), strings.Join(parts, "; "))
}

// Unwrap lets errors.Is see the causes.
func (e *SkippedError) Unwrap() []error {
	var errs []error
	for _, s := range e.Skipped {
		if s.Err != nil {
			errs = append(errs, s.Err)
		}
	}
	return errs
}

// Reasoned is an error that carries a sentence for the user beside its
// technical text (the fetch package's errors do).
type Reasoned interface {
	error
	Reason() string
}

// Reason is the sentence an admin sees for err: never internal error text.
func Reason(err error) string {
	var r Reasoned
	switch {
	case err == nil:
		return ""
	case errors.As(err, &r):
		return r.Reason()
	case errors.Is(err, ErrNotRegular):
		return "không phải tệp thường (thư mục, thiết bị hay FIFO), không đọc"
	case errors.Is(err, ErrTooLarge):
		return "tệp quá lớn"
	case errors.Is(err, fs.ErrNotExist):
		return "không tìm thấy tệp"
	case errors.Is(err, fs.ErrPermission):
		return "không có quyền đọc tệp"
	case errors.Is(err, ErrInvalidArticle), errors.Is(err, ErrUnavailable):
		// "bai/x.txt: bài viết không hợp lệ: …": the file is named beside it.
		msg := err.Error()
		if name, rest, ok := strings.Cut(msg, ": "); ok && !strings.Contains(name, " ") && strings.ContainsAny(name, "./") {
			msg = rest
		}
		return msg
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return "quá thời gian chờ"
	}
	return "không đọc được (chi tiết trong nhật ký)"
}

// Report says what an ingest or a reload did, by article ID.
type Report struct {
	Added     []string  `json:"added"`
	Replaced  []string  `json:"replaced"`
	Unchanged []string  `json:"unchanged"`
	Kept      []string  `json:"kept,omitempty"`    // reload: admins' articles kept
	Removed   []string  `json:"removed,omitempty"` // reload: gone from the folders
	Skipped   []Skipped `json:"skipped"`
	// Articles are the articles read, in order (for replies naming them).
	Articles []Article `json:"-"`
}

// Changed reports whether the content changed.
func (r Report) Changed() bool { return len(r.Added)+len(r.Replaced)+len(r.Removed) > 0 }

// String is the report in one Vietnamese sentence, skipped sources after.
func (r Report) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%d bài mới, %d bài thay bản cũ, %d bài không đổi", len(r.Added), len(r.Replaced), len(r.Unchanged))
	if len(r.Kept) > 0 {
		fmt.Fprintf(&b, ", giữ %d bài quản trị viên đã thêm", len(r.Kept))
	}
	if len(r.Removed) > 0 {
		fmt.Fprintf(&b, ", xoá %d bài không còn trong nguồn", len(r.Removed))
	}
	if len(r.Skipped) > 0 {
		fmt.Fprintf(&b, ", bỏ qua %d mục:", len(r.Skipped))
		for i, s := range r.Skipped {
			if i == 10 {
				fmt.Fprintf(&b, "\n… và %d mục khác (xem nhật ký)", len(r.Skipped)-i)
				break
			}
			fmt.Fprintf(&b, "\n• %s: %s", s.Source, s.Reason)
		}
	}
	return b.String()
}

// LoadSources reads sources with the service's readers without changing what it
// serves: what cannot be read is in the returned Skipped list.
func (s *Service) LoadSources(ctx context.Context, sources ...Source) ([]Article, []Skipped) {
	articles, skipped := s.loader.load(ctx, sources)
	s.logSkipped(skipped)
	return articles, skipped
}

// Ingest reads sources and adds what they hold to the content: an article
// already served unchanged is left alone, a changed one replaces the old
// one, and the same content under another ID is skipped. The store is
// written first; on error the old content keeps serving. What could not be
// read is skipped with a reason while the rest goes in.
func (s *Service) Ingest(ctx context.Context, sources ...Source) (Report, error) {
	loaded, skipped := s.loader.load(ctx, sources)
	s.logSkipped(skipped)
	rep := Report{Skipped: skipped, Articles: loaded}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	cur := s.currentArticles()
	byID := make(map[string]string, len(cur))
	byHash := make(map[string]string, len(cur))
	for _, a := range cur {
		byID[a.ID], byHash[a.Hash] = a.Hash, a.ID
	}
	var puts []Article
	for _, a := range loaded {
		switch old, ok := byID[a.ID]; {
		case ok && old == a.Hash:
			rep.Unchanged = append(rep.Unchanged, a.ID)
			continue
		case byHash[a.Hash] != "" && byHash[a.Hash] != a.ID:
			rep.Skipped = append(rep.Skipped, Skipped{Source: a.Source, Reason: "trùng nội dung với bài mã " + byHash[a.Hash]})
			continue
		case ok:
			rep.Replaced = append(rep.Replaced, a.ID)
		default:
			rep.Added = append(rep.Added, a.ID)
		}
		byID[a.ID], byHash[a.Hash] = a.Hash, a.ID
		puts = append(puts, a)
	}
	if len(puts) == 0 {
		return rep, nil
	}
	all := Dedupe(append(cur, puts...))
	if err := s.write(ctx, all, func(st Store) error { return putAll(ctx, st, puts) }); err != nil {
		return Report{Skipped: skipped}, err
	}
	s.previous = refsOf(cur)
	s.serve(nextIndex(s.Index(), all))
	return rep, nil
}

// ReloadFrom rebuilds the content that came from sources (the configured
// folders) and keeps every other article — those admins added by link,
// pasted text, document or feed. An article whose file cannot be read now
// keeps its last good version. The previous content is kept for Undo.
func (s *Service) ReloadFrom(ctx context.Context, sources ...Source) (Report, error) {
	loaded, skipped := s.loader.load(ctx, sources)
	s.logSkipped(skipped)
	rep := Report{Skipped: skipped, Articles: loaded}
	if len(loaded) == 0 {
		return rep, fmt.Errorf("%w: không có bài nào đọc được trong nguồn đã cấu hình", ErrInvalidArticle)
	}
	unreadable := map[string]bool{}
	for _, sk := range skipped {
		unreadable[sk.Source] = true
	}
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	cur := s.currentArticles()
	old := make(map[string]Article, len(cur))
	for _, a := range cur {
		old[a.ID] = a
	}
	next := append([]Article(nil), loaded...)
	inNext := make(map[string]bool, len(loaded))
	for _, a := range loaded {
		inNext[a.ID] = true
		switch o, ok := old[a.ID]; {
		case !ok:
			rep.Added = append(rep.Added, a.ID)
		case o.Hash == a.Hash:
			rep.Unchanged = append(rep.Unchanged, a.ID)
		default:
			rep.Replaced = append(rep.Replaced, a.ID)
		}
	}
	for _, a := range cur {
		if inNext[a.ID] {
			continue
		}
		switch {
		case unreadable[a.Source]:
			rep.Unchanged = append(rep.Unchanged, a.ID) // last good version
		case fromSources(a.Source, sources) || strings.HasPrefix(a.Source, "sample:"):
			// The bundled sample stands in for the configured sources.
			rep.Removed = append(rep.Removed, a.ID)
			continue
		default:
			rep.Kept = append(rep.Kept, a.ID)
		}
		next = append(next, a)
	}
	if err := s.replace(ctx, cur, next); err != nil {
		return Report{Skipped: skipped}, err
	}
	return rep, nil
}

// ReloadSources are the sources a reload rebuilds: the configured paths
// (HOIBAO_ARTICLES), or the bundled sample when none are configured.
func ReloadSources(paths []string) []Source {
	if len(paths) == 0 {
		return []Source{{Articles: Sample()}}
	}
	return Sources(paths...)
}

// Undo restores the content as it was before the last change (ingest,
// reload, add or remove) this service made; undoing twice redoes.
func (s *Service) Undo(ctx context.Context) (Report, error) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	if s.previous == nil {
		return Report{}, fmt.Errorf("%w: chưa có thay đổi nào để hoàn tác", ErrNotFound)
	}
	cur, prev := s.currentArticles(), articlesOf(s.previous)
	rep := diff(cur, prev)
	if err := s.replace(ctx, cur, prev); err != nil {
		return Report{}, err
	}
	return rep, nil
}

// Problems returns what the last load from the store skipped (corrupt
// entries), for /stats.
func (s *Service) Problems() []Skipped {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	return append([]Skipped(nil), s.problems...)
}

// replace swaps the whole content for next, store first, remembering cur
// for Undo. Callers hold writeMu.
func (s *Service) replace(ctx context.Context, cur, next []Article) error {
	ix := nextIndex(s.Index(), next)
	if s.store != nil {
		if err := s.store.ReplaceAll(ctx, next); err != nil {
			return fmt.Errorf("chưa lưu được thay đổi, nội dung cũ vẫn được dùng: %w", err)
		}
		s.sync.seedOnly = false
	}
	s.previous = refsOf(cur)
	s.serve(ix)
	return nil
}

// diff reports how to goes from from: added, replaced, removed.
func diff(from, to []Article) Report {
	var rep Report
	old := make(map[string]string, len(from))
	for _, a := range from {
		old[a.ID] = a.Hash
	}
	seen := map[string]bool{}
	for _, a := range to {
		seen[a.ID] = true
		switch h, ok := old[a.ID]; {
		case !ok:
			rep.Added = append(rep.Added, a.ID)
		case h != a.Hash:
			rep.Replaced = append(rep.Replaced, a.ID)
		default:
			rep.Unchanged = append(rep.Unchanged, a.ID)
		}
	}
	for _, a := range from {
		if !seen[a.ID] {
			rep.Removed = append(rep.Removed, a.ID)
		}
	}
	return rep
}

// fromSources reports whether an article's source is one of the paths, or
// inside one of the folders, that sources name.
func fromSources(src string, sources []Source) bool {
	if src == "" {
		return false
	}
	for _, s := range sources {
		for _, a := range s.Articles {
			if a.Source == src {
				return true
			}
		}
		if s.Ref == "" {
			continue
		}
		if src == s.Ref {
			return true
		}
		if IsURL(s.Ref) || IsURL(src) {
			continue
		}
		if rel, err := filepath.Rel(filepath.Clean(s.Ref), filepath.Clean(src)); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

func (s *Service) logSkipped(skipped []Skipped) {
	for _, sk := range skipped {
		s.log.Warn("source skipped", "source", sk.Source, "reason", sk.Reason, "err", sk.Err)
	}
}

// FeedStatus is how one RSS/Atom feed is doing, for /feeds and /stats.
type FeedStatus struct {
	URL       string    `json:"url"`
	Title     string    `json:"title,omitempty"`
	LastOK    time.Time `json:"last_ok,omitzero"`
	NextPoll  time.Time `json:"next_poll,omitzero"`
	Failures  int       `json:"failures"`             // failed polls in a row
	LastError string    `json:"last_error,omitempty"` // the reason, for admins
	Ingested  int       `json:"ingested"`             // articles taken from it since start
}
