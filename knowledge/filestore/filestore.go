// Package filestore is hoibao's embedded default store: articles kept as
// JSON files in a local data folder, so content added by an admin survives
// a restart on a machine without Redis.
//
// Layout of the folder:
//
//	CURRENT            names the live generation folder, e.g. "articles-3"
//	articles-3/<id>.json   one file per article
//	VERSION            "<number> <writer>": grows with every change
//	audit.jsonl        admin audit entries, one JSON object a line
//	vectors/<model>.bin    cached embedding vectors (see vectors.go)
//
// Every file is written to a temporary name and renamed into place, so a
// crash leaves the old file or the new one, never half of one. ReplaceAll
// writes a new generation folder and then switches CURRENT, so it is atomic
// too. Reading a store whose folder does not exist finds it empty and
// creates nothing: only writes create the folder.
package filestore

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

var (
	_ knowledge.Store  = (*Store)(nil)
	_ knowledge.Shared = (*Store)(nil)
)

// PollInterval is how often Watch looks for changes by other processes.
const PollInterval = time.Second

// Store keeps articles in a folder. It is safe for concurrent use within a
// process; across processes (hoibao serve and hoibao ingest on one folder)
// each write is atomic and Watch notices the other's changes.
type Store struct {
	dir    string
	writer string
	log    *slog.Logger
	mu     sync.Mutex // serialises writes in this process

	vmu    sync.Mutex                      // guards vcache
	vcache map[string]map[string][]float32 // model -> hash -> vector
}

// Option configures a Store.
type Option func(*Store)

// WithLogger sets the logger.
func WithLogger(log *slog.Logger) Option { return func(s *Store) { s.log = log } }

// New returns the store kept in dir. It touches nothing on disk.
func New(dir string, opts ...Option) (*Store, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, errors.New("filestore: no data folder given")
	}
	id := make([]byte, 8)
	_, _ = rand.Read(id)
	s := &Store{dir: dir, writer: hex.EncodeToString(id), log: slog.New(slog.DiscardHandler), vcache: map[string]map[string][]float32{}}
	for _, o := range opts {
		o(s)
	}
	return s, nil
}

// Dir returns the data folder.
func (s *Store) Dir() string { return s.dir }

// current returns the live generation folder's name, "" when there is none.
func (s *Store) current() (string, error) {
	data, err := os.ReadFile(filepath.Join(s.dir, "CURRENT"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("filestore: %w", err)
	}
	name := strings.TrimSpace(string(data))
	if !strings.HasPrefix(name, "articles-") || strings.ContainsAny(name, `/\`) {
		return "", fmt.Errorf("filestore: %s/CURRENT names %q, not a generation folder", s.dir, name)
	}
	return name, nil
}

// maxEntryBytes bounds one stored article file (an article is at most
// knowledge.MaxArticleBytes of text; JSON escaping can double it).
const maxEntryBytes = 4 * knowledge.MaxArticleBytes

// fileName is an article's file name: its ID, escaped to be a safe name.
func fileName(id string) string {
	return url.PathEscape(id) + ".json"
}

// Articles returns every stored article, sorted by ID.
func (s *Store) Articles(ctx context.Context) ([]knowledge.Article, error) {
	gen, err := s.current()
	if err != nil || gen == "" {
		return nil, err
	}
	dir := filepath.Join(s.dir, gen)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		names = append(names, e.Name())
	}
	// Read and decode on every core: a whole archive is tens of
	// thousands of files, and start-up waits for them.
	type result struct {
		a   knowledge.Article
		err error
	}
	results := make([]result, len(names))
	if err := knowledge.Parallel(ctx, len(names), func(i int) {
		results[i].a, results[i].err = readArticle(filepath.Join(dir, names[i]))
	}); err != nil {
		return nil, err
	}
	out := make([]knowledge.Article, 0, len(names))
	var skipped []knowledge.Skipped
	for i, r := range results {
		if errors.Is(r.err, fs.ErrNotExist) {
			continue // deleted meanwhile by another process
		}
		if r.err != nil {
			// One corrupt file must not stop the rest from serving.
			skipped = append(skipped, knowledge.Skipped{Source: filepath.Join(gen, names[i]),
				Reason: "bài đã lưu bị hỏng, không đọc được", Err: r.err})
			continue
		}
		out = append(out, r.a)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	if len(skipped) > 0 {
		return out, &knowledge.SkippedError{Skipped: skipped}
	}
	return out, nil
}

func readArticle(path string) (knowledge.Article, error) {
	data, err := knowledge.ReadFileLimited(path, maxEntryBytes)
	if err != nil {
		return knowledge.Article{}, err
	}
	var a knowledge.Article
	if err := knowledge.UnmarshalArticle(data, &a); err != nil {
		return knowledge.Article{}, fmt.Errorf("filestore: %s is corrupt: %w", path, err)
	}
	if a.ID == "" || a.Title == "" || len(a.Paragraphs) == 0 {
		return knowledge.Article{}, fmt.Errorf("filestore: %s is corrupt: no ID, title or paragraphs", path)
	}
	return a, nil
}

func encode(a knowledge.Article) ([]byte, error) {
	if strings.TrimSpace(a.ID) == "" {
		return nil, fmt.Errorf("%w: bài không có mã (ID)", knowledge.ErrInvalidArticle)
	}
	if a.Hash == "" {
		raw, _ := json.Marshal(a)
		sum := sha256.Sum256(raw)
		a.Hash = hex.EncodeToString(sum[:])
	}
	return json.MarshalIndent(a, "", "  ")
}

// Put adds or replaces an article. Storing the same content again changes
// nothing, not even the version.
func (s *Store) Put(ctx context.Context, a knowledge.Article) error {
	data, err := encode(a)
	if err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	gen, err := s.ensure()
	if err != nil {
		return err
	}
	path := filepath.Join(s.dir, gen, fileName(a.ID))
	if old, err := readArticle(path); err == nil && a.Hash != "" && old.Hash == a.Hash {
		return nil
	}
	if err := writeFile(path, data); err != nil {
		return err
	}
	return s.bump()
}

// PutMany stores articles like Put, recording one change for all of them.
// All files are written first and made durable together, then renamed into
// place, which is much faster than one Put after another.
func (s *Store) PutMany(ctx context.Context, articles []knowledge.Article) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	gen, err := s.ensure()
	if err != nil {
		return err
	}
	type pending struct{ tmp, path string }
	var todo []pending
	defer func() {
		for _, p := range todo {
			os.Remove(p.tmp) // left only when something failed
		}
	}()
	for _, a := range articles {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		data, err := encode(a)
		if err != nil {
			return err
		}
		path := filepath.Join(s.dir, gen, fileName(a.ID))
		if old, err := readArticle(path); err == nil && a.Hash != "" && old.Hash == a.Hash {
			continue
		}
		tmp, err := writeTemp(filepath.Dir(path), data, false)
		if err != nil {
			return err
		}
		todo = append(todo, pending{tmp, path})
	}
	if len(todo) == 0 {
		return nil
	}
	// Syncs made at once share the file system's journal commits.
	tmps := make([]string, len(todo))
	for i, p := range todo {
		tmps[i] = p.tmp
	}
	if err := syncAll(tmps); err != nil {
		return err
	}
	for i, p := range todo {
		if err := os.Rename(p.tmp, p.path); err != nil {
			todo = todo[i:]
			return fmt.Errorf("filestore: %w", err)
		}
	}
	todo = nil
	return s.bump()
}

// Delete removes an article; ErrNotFound when there is none.
func (s *Store) Delete(ctx context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	gen, err := s.current()
	if err != nil {
		return err
	}
	if gen == "" {
		return fmt.Errorf("bài %q: %w", id, knowledge.ErrNotFound)
	}
	err = os.Remove(filepath.Join(s.dir, gen, fileName(id)))
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("bài %q: %w", id, knowledge.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	return s.bump()
}

// ReplaceAll writes articles into a new generation folder and switches to
// it in one rename; the old generation is removed afterwards.
func (s *Store) ReplaceAll(ctx context.Context, articles []knowledge.Article) error {
	articles = knowledge.Dedupe(articles)
	files := make(map[string][]byte, len(articles))
	for _, a := range articles {
		data, err := encode(a)
		if err != nil {
			return err
		}
		files[fileName(a.ID)] = data
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	old, err := s.current()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(s.dir, 0o755); err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	tmp, err := os.MkdirTemp(s.dir, ".articles-")
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	defer os.RemoveAll(tmp) // only left when something failed
	for name, data := range files {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if err := writeFile(filepath.Join(tmp, name), data); err != nil {
			return err
		}
	}
	gen := nextGeneration(old)
	if err := os.Rename(tmp, filepath.Join(s.dir, gen)); err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	if err := writeFile(filepath.Join(s.dir, "CURRENT"), []byte(gen+"\n")); err != nil {
		os.RemoveAll(filepath.Join(s.dir, gen))
		return err
	}
	if old != "" {
		if err := os.RemoveAll(filepath.Join(s.dir, old)); err != nil {
			s.log.Warn("removing the old generation failed", "dir", old, "err", err)
		}
	}
	return s.bump()
}

func nextGeneration(old string) string {
	n, _ := strconv.Atoi(strings.TrimPrefix(old, "articles-"))
	return "articles-" + strconv.Itoa(n+1)
}

// ensure creates the data folder and a first generation when missing.
func (s *Store) ensure() (string, error) {
	gen, err := s.current()
	if err != nil || gen != "" {
		return gen, err
	}
	gen = "articles-1"
	if err := os.MkdirAll(filepath.Join(s.dir, gen), 0o755); err != nil {
		return "", fmt.Errorf("filestore: %w", err)
	}
	return gen, writeFile(filepath.Join(s.dir, "CURRENT"), []byte(gen+"\n"))
}

// writeFile writes data to path atomically: a synced temporary file in the
// same folder, renamed over path.
func writeFile(path string, data []byte) error {
	tmp, err := writeTemp(filepath.Dir(path), data, true)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("filestore: %w", err)
	}
	return nil
}

// writeTemp writes data to a new temporary file in dir, synced when sync.
func writeTemp(dir string, data []byte, sync bool) (string, error) {
	f, err := os.CreateTemp(dir, ".tmp-*")
	if err != nil {
		return "", fmt.Errorf("filestore: %w", err)
	}
	_, err = f.Write(data)
	if err == nil && sync {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("filestore: %w", err)
	}
	return f.Name(), nil
}

// syncAll syncs files, several at a time.
func syncAll(paths []string) error {
	const workers = 16
	var (
		wg    sync.WaitGroup
		errMu sync.Mutex
		first error
	)
	next := make(chan string)
	for range min(workers, len(paths)) {
		wg.Go(func() {
			for p := range next {
				if err := syncFile(p); err != nil {
					errMu.Lock()
					first = cmp.Or(first, err)
					errMu.Unlock()
				}
			}
		})
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	return first
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	return nil
}

// version reads VERSION: the number and the writer of the last change.
func (s *Store) version() (int64, string, error) {
	data, err := os.ReadFile(filepath.Join(s.dir, "VERSION"))
	if errors.Is(err, fs.ErrNotExist) {
		return 0, "", nil
	}
	if err != nil {
		return 0, "", fmt.Errorf("filestore: %w", err)
	}
	num, writer, _ := strings.Cut(strings.TrimSpace(string(data)), " ")
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil {
		return 0, "", fmt.Errorf("filestore: VERSION is corrupt: %q", data)
	}
	return n, writer, nil
}

// bump records a change by this store.
func (s *Store) bump() error {
	n, _, err := s.version()
	if err != nil {
		n = 0
	}
	return writeFile(filepath.Join(s.dir, "VERSION"), []byte(strconv.FormatInt(n+1, 10)+" "+s.writer+"\n"))
}

// Version returns the content version; 0 for a store never written.
func (s *Store) Version(ctx context.Context) (int64, error) {
	n, _, err := s.version()
	return n, err
}

// Watch calls changed once at the start and then whenever another process
// (or another Store on the same folder) changed the content, checking every
// PollInterval, until ctx ends.
func (s *Store) Watch(ctx context.Context, changed func()) error {
	last, _, _ := s.version()
	changed()
	t := time.NewTicker(PollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-t.C:
		}
		n, writer, err := s.version()
		if err != nil || n == last {
			continue
		}
		last = n
		if writer != s.writer {
			changed()
		}
	}
}
