package knowledge_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
)

const goodArticle = "Cầu mới ở Phú Tân\n\nSáng nay huyện Phú Tân khánh thành cây cầu bắc qua sông Hậu.\n"

// A folder with a binary file, a symlink to /dev/zero and a FIFO beside a
// good article loads the article at once and names each bad entry.
func TestFolderSkipsWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "cau.txt"), goodArticle)
	write(t, filepath.Join(dir, "rac.txt"), "\x00\x01\xff\xfebinary junk")
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt")); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "fifo.md")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	got, err := knowledge.LoadPath(dir)
	var after runtime.MemStats
	runtime.ReadMemStats(&after)

	if len(got) != 1 || got[0].Title != "Cầu mới ở Phú Tân" {
		t.Fatalf("LoadPath loaded %d articles, want the one good article", len(got))
	}
	var skipped *knowledge.SkippedError
	if !errors.As(err, &skipped) {
		t.Fatalf("err = %v, want a *SkippedError", err)
	}
	reasons := map[string]string{}
	for _, s := range skipped.Skipped {
		reasons[filepath.Base(s.Source)] = s.Reason
	}
	for name, want := range map[string]string{"rac.txt": "UTF-8", "zero.txt": "không phải tệp thường", "fifo.md": "không phải tệp thường"} {
		if !strings.Contains(reasons[name], want) {
			t.Errorf("%s: reason %q, want it to say %q", name, reasons[name], want)
		}
	}
	t.Logf("allocated %d KB while loading", (after.TotalAlloc-before.TotalAlloc)>>10)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 64<<20 {
		t.Errorf("loading allocated %d MB; /dev/zero was read", grew>>20)
	}
}

func TestReadFileLimitedChecksSizeFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.txt")
	write(t, path, strings.Repeat("a", 2000))
	if _, err := knowledge.ReadFileLimited(path, 1000); !errors.Is(err, knowledge.ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	if got, err := knowledge.ReadFileLimited(path, 2000); err != nil || len(got) != 2000 {
		t.Errorf("got %d bytes, %v; want 2000", len(got), err)
	}
}

// /reload keeps what admins added, reports what it did, and /undo
// restores the content before it.
func TestReloadKeepsAddedArticlesAndUndoRestores(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write(t, filepath.Join(dir, "cau.txt"), goodArticle)
	write(t, filepath.Join(dir, "cu.txt"), "Bài cũ sẽ bị xoá\n\nNội dung bài cũ ở Long Xuyên.\n")
	svc := knowledge.NewService(nil)
	if _, err := svc.ReloadFrom(ctx, knowledge.Sources(dir)...); err != nil {
		t.Fatal(err)
	}
	rep, err := svc.Ingest(ctx, knowledge.Source{Text: "Chợ nổi Cái Răng\n\nChợ nổi Cái Răng họp từ sáng sớm trên sông Cần Thơ."})
	if err != nil || len(rep.Added) != 1 {
		t.Fatalf("Ingest(pasted) = %+v, %v; want one added", rep, err)
	}
	added := rep.Added[0]

	if err := os.Remove(filepath.Join(dir, "cu.txt")); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "cau.txt"), goodArticle+"\nCây cầu dài 300 mét.\n")
	write(t, filepath.Join(dir, "moi.txt"), "Bài mới\n\nNội dung bài mới về Châu Đốc.\n")
	rep, err = svc.ReloadFrom(ctx, knowledge.Sources(dir)...)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := counts(rep), [4]int{1, 1, 1, 1}; got != want {
		t.Errorf("reload added, replaced, kept, removed = %v, want %v (%s)", got, want, rep)
	}
	if _, ok := svc.Index().Article(added); !ok {
		t.Errorf("reload dropped the pasted article %s", added)
	}
	if _, ok := svc.Index().Article("cu"); ok {
		t.Error("the deleted file's article still serves")
	}

	if _, err := svc.Undo(ctx); err != nil {
		t.Fatal(err)
	}
	if _, ok := svc.Index().Article("cu"); !ok {
		t.Error("undo did not bring back the removed article")
	}
	if _, ok := svc.Index().Article("moi"); ok {
		t.Error("undo kept the article the reload added")
	}
}

func counts(r knowledge.Report) [4]int {
	return [4]int{len(r.Added), len(r.Replaced), len(r.Kept), len(r.Removed)}
}

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// A file that has become unreadable keeps serving its last good version
// through a reload, and the reload names it.
func TestReloadKeepsLastGoodVersionOfAnUnreadableFile(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	path := filepath.Join(dir, "cau.txt")
	write(t, path, goodArticle)
	svc := knowledge.NewService(nil)
	if _, err := svc.ReloadFrom(ctx, knowledge.Sources(dir)...); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "moi.txt"), "Bài mới\n\nNội dung bài mới về Châu Đốc.\n")
	write(t, path, "\xff\xfe hỏng")
	rep, err := svc.ReloadFrom(ctx, knowledge.Sources(dir)...)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Removed) != 0 || len(rep.Skipped) != 1 || rep.Skipped[0].Source != path {
		t.Errorf("reload report %s; want cau.txt skipped and nothing removed", rep)
	}
	if a, ok := svc.Index().Article("cau"); !ok || a.Title != "Cầu mới ở Phú Tân" {
		t.Error("the last good version of cau.txt is gone")
	}
}
