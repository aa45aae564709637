package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/redis/go-redis/v9"
)

// Start-up with a corrupt stored article (file store and Redis): the rest
// serve and the bad one is logged.
func TestStartUpSkipsCorruptStoredArticles(t *testing.T) {
	src := t.TempDir()
	writeArticle(t, src, "bac-lieu", "Trần Thị Mười")
	if err := os.WriteFile(filepath.Join(src, "soc-trang.txt"), []byte("# doc_id = soc-trang\nBổ nhiệm Giám đốc Sở Y tế Sóc Trăng\n"+
		"Bà Lâm Thị Hoa được bổ nhiệm làm Giám đốc Sở Y tế tỉnh Sóc Trăng.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	corrupt := map[string]func(t *testing.T, env map[string]string){
		"embedded": func(t *testing.T, env map[string]string) {
			files, _ := filepath.Glob(filepath.Join(env["HOIBAO_DATA_DIR"], "*", "soc-trang.json"))
			if len(files) != 1 {
				t.Fatalf("stored files: %v", files)
			}
			os.WriteFile(files[0], []byte("{\"id\": \"soc-trang\", \"ti"), 0o644)
		},
		"redis": func(t *testing.T, env map[string]string) {
			opt, _ := redis.ParseURL(env["HOIBAO_REDIS_URL"])
			rdb := redis.NewClient(opt)
			defer rdb.Close()
			if err := rdb.HSet(context.Background(), env["HOIBAO_REDIS_PREFIX"]+"{kb}:articles", "soc-trang", "\xff\x00").Err(); err != nil {
				t.Fatal(err)
			}
		},
	}
	for name, spoil := range corrupt {
		t.Run(name, func(t *testing.T) {
			env := map[string]string{"HOIBAO_DATA_DIR": filepath.Join(t.TempDir(), "data")}
			if name == "redis" {
				env = redisEnv(t)
			}
			if _, errOut, err := runHoibao(t, env, "ingest", src); err != nil {
				t.Fatalf("ingest: %v\n%s", err, errOut)
			}
			spoil(t, env)
			out, errOut, err := runHoibao(t, env, "ask", bacLieu)
			if err != nil {
				t.Fatalf("ask with one corrupt article: %v\n%s", err, errOut)
			}
			if !strings.Contains(out, "Trần Thị Mười") {
				t.Errorf("answer %q: want the good article served", out)
			}
			if !strings.Contains(errOut, "soc-trang") || !strings.Contains(errOut, "hỏng") {
				t.Errorf("log %q: want the corrupt article named", errOut)
			}
		})
	}
}

// HOIBAO_ARTICLES with a binary file, a /dev/zero symlink and a FIFO
// beside good articles: start-up serves the good ones at once.
func TestStartUpSkipsUnreadableFiles(t *testing.T) {
	src := t.TempDir()
	writeArticle(t, src, "bac-lieu", "Trần Thị Mười")
	os.WriteFile(filepath.Join(src, "anh.txt"), []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), 0o644)
	if err := os.Symlink("/dev/zero", filepath.Join(src, "zero.txt")); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(src, "fifo.md"), 0o644); err != nil {
		t.Skipf("no FIFO: %v", err)
	}
	env := map[string]string{"HOIBAO_DATA_DIR": filepath.Join(t.TempDir(), "data"), "HOIBAO_ARTICLES": src}
	out, errOut, err := runHoibao(t, env, "ask", bacLieu)
	if err != nil || !strings.Contains(out, "Trần Thị Mười") {
		t.Fatalf("ask: %q, %v\n%s", out, err, errOut)
	}
	for _, name := range []string{"anh.txt", "zero.txt", "fifo.md"} {
		if !strings.Contains(errOut, name) {
			t.Errorf("log does not name %s:\n%s", name, errOut)
		}
	}
	// `ask --articles` reads the same folder the same way.
	if out, _, err := runHoibao(t, map[string]string{}, "ask", "--articles", src, bacLieu); err != nil || !strings.Contains(out, "Trần Thị Mười") {
		t.Errorf("ask --articles: %q, %v", out, err)
	}
}

// Every subcommand's -h prints its usage in Vietnamese and exits 0.
func TestEveryCommandHasHelp(t *testing.T) {
	for _, cmd := range []string{"ask", "chat", "ingest", "serve", "config"} {
		for _, flag := range []string{"-h", "--help"} {
			out, _, err := runHoibao(t, map[string]string{}, cmd, flag)
			if err != nil || !strings.HasPrefix(out, "Cách dùng: hoibao "+cmd) {
				t.Errorf("hoibao %s %s: %v, %q", cmd, flag, err, out)
			}
		}
	}
}

// An invalid single question fails the command; a batch goes on.
func TestInvalidSingleQuestionExitsNonZero(t *testing.T) {
	env := map[string]string{"HOIBAO_DATA_DIR": filepath.Join(t.TempDir(), "data")}
	out, _, err := runHoibao(t, env, "ask", "   ")
	if err == nil || !strings.Contains(out, "câu hỏi trống") {
		t.Errorf("ask of a blank question: %q, %v; want the reason and a failure", out, err)
	}
	if _, _, err := runHoibao(t, env, "ask", "Bí thư Huyện ủy Châu Thành là ai?"); err != nil {
		t.Errorf("a good question failed: %v", err)
	}
}
