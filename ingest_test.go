package main

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
)

// runHoibao runs hoibao with args and env, returning stdout, stderr and the error.
func runHoibao(t *testing.T, env map[string]string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), Env{
		Args: args, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr,
		Getenv: func(k string) string { return env[k] },
	})
	return stdout.String(), stderr.String(), err
}

// askCites runs `ask --json q` and returns the article IDs cited.
func askCites(t *testing.T, env map[string]string, q string) []string {
	t.Helper()
	out, errOut, err := runHoibao(t, env, "ask", "--json", q)
	if err != nil {
		t.Fatalf("ask: %v\n%s", err, errOut)
	}
	var res knowledge.Result
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatalf("ask output %q: %v", out, err)
	}
	var ids []string
	for _, c := range res.Citations {
		ids = append(ids, c.ArticleID)
	}
	return ids
}

func writeArticle(t *testing.T, dir, name, person string) {
	t.Helper()
	text := fmt.Sprintf("# doc_id = %s\n# url = https://example.vn/%s\nBổ nhiệm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu\n"+
		"Ông %s được bổ nhiệm làm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu từ ngày 1/3.\n", name, name, person)
	if err := os.WriteFile(filepath.Join(dir, name+".txt"), []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

const bacLieu = "Ai làm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu?"

func TestAskOnAFreshMachineWritesNothing(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	env := map[string]string{"HOIBAO_DATA_DIR": data}
	if got := askCites(t, env, "Bí thư Huyện ủy Châu Thành là ai?"); len(got) == 0 {
		t.Fatal("ask on a fresh machine cites nothing; want the bundled sample")
	}
	if _, err := os.Stat(data); !os.IsNotExist(err) {
		t.Errorf("ask created the data folder (stat: %v)", err)
	}
}

func TestIngestIsIdempotent(t *testing.T) {
	src := t.TempDir()
	env := map[string]string{"HOIBAO_DATA_DIR": filepath.Join(t.TempDir(), "data")}
	writeArticle(t, src, "bac-lieu", "Trần Thị Mười")

	steps := []struct{ person, want string }{
		{"Trần Thị Mười", "1 bài mới, 0 bài thay bản cũ, 0 bài không đổi"},
		{"Trần Thị Mười", "0 bài mới, 0 bài thay bản cũ, 1 bài không đổi"},
		{"Lê Văn Chín", "0 bài mới, 1 bài thay bản cũ, 0 bài không đổi"},
	}
	for i, st := range steps {
		writeArticle(t, src, "bac-lieu", st.person)
		out, errOut, err := runHoibao(t, env, "ingest", src)
		if err != nil {
			t.Fatalf("ingest #%d: %v\n%s", i+1, err, errOut)
		}
		if !strings.Contains(out, st.want) {
			t.Errorf("ingest #%d: got %q, want it to say %q", i+1, out, st.want)
		}
	}
	// The same content under another file name (another ID) is stored once.
	dup := t.TempDir()
	body, _ := os.ReadFile(filepath.Join(src, "bac-lieu.txt"))
	os.WriteFile(filepath.Join(dup, "copy.txt"), bytes.Replace(body, []byte("# doc_id = bac-lieu\n"), nil, 1), 0o644)
	if out, _, err := runHoibao(t, env, "ingest", dup); err != nil || !strings.Contains(out, "trùng nội dung với bài mã bac-lieu") {
		t.Errorf("ingest of a copy: got %q, %v; want it stored once", out, err)
	}

	// A later process answers from the store: the changed article only.
	out, _, err := runHoibao(t, env, "ask", bacLieu)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "Lê Văn Chín") || strings.Contains(out, "Trần Thị Mười") {
		t.Errorf("answer after re-ingesting a changed article:\n%s\nwant the new content only", out)
	}
}

func TestIngestURL(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><meta property="og:title" content="Bổ nhiệm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu">
<meta property="article:published_time" content="2024-03-01T08:00:00+07:00"></head><body><article>
<p>Ông Phạm Văn Năm được bổ nhiệm làm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu.</p>
<p>Quyết định có hiệu lực từ ngày 1/3/2024.</p></article></body></html>`)
	}))
	defer srv.Close()
	env := map[string]string{"HOIBAO_DATA_DIR": filepath.Join(t.TempDir(), "data")}
	// The test server is on loopback: refused until allowed.
	out, _, err := runHoibao(t, env, "ingest", srv.URL+"/tin/bo-nhiem-giam-doc.htm")
	if err == nil || !strings.Contains(out, "mạng nội bộ") {
		t.Errorf("ingest of a loopback URL: %q, %v; want it refused", out, err)
	}
	env["HOIBAO_FETCH_ALLOW"] = "127.0.0.1"
	if out, errOut, err := runHoibao(t, env, "ingest", srv.URL+"/tin/bo-nhiem-giam-doc.htm"); err != nil || !strings.Contains(out, "1 bài mới") {
		t.Fatalf("ingest URL: %q, %v\n%s", out, err, errOut)
	}
	if got := askCites(t, env, bacLieu); len(got) == 0 || got[0] != "bo-nhiem-giam-doc" {
		t.Errorf("ask after ingesting a URL cites %v, want bo-nhiem-giam-doc", got)
	}
	if _, _, err := runHoibao(t, env, "ingest", srv.URL+"/x", "/no/such/folder"); err == nil {
		t.Error("ingest of a missing folder: got nil error")
	}
}

func closedPort(t *testing.T) int {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

func TestUnreachableRedis(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	env := map[string]string{
		"HOIBAO_REDIS_URL": fmt.Sprintf("redis://:pw-secret@127.0.0.1:%d/0", closedPort(t)),
		"HOIBAO_DATA_DIR":  data,
	}
	_, _, err := runHoibao(t, env, "ask", "Bí thư Huyện ủy Châu Thành là ai?")
	if err == nil || !strings.Contains(err.Error(), "unreachable") || !strings.Contains(err.Error(), "HOIBAO_REDIS_FALLBACK") {
		t.Fatalf("ask with Redis down: got %v, want a clear start-up error", err)
	}
	if strings.Contains(err.Error(), "pw-secret") {
		t.Errorf("the error shows the Redis password: %v", err)
	}
	env["HOIBAO_REDIS_FALLBACK"] = "true"
	if got := askCites(t, env, "Bí thư Huyện ủy Châu Thành là ai?"); len(got) == 0 {
		t.Error("with HOIBAO_REDIS_FALLBACK=true, ask did not answer from the embedded store")
	}
}

// redisEnv returns an env using the test Redis with a prefix of its own,
// skipping when none answers.
func redisEnv(t testing.TB) map[string]string {
	t.Helper()
	url := os.Getenv("HOIBAO_TEST_REDIS_URL")
	if url == "" {
		url = "redis://127.0.0.1:6379/0"
	}
	opt, err := redis.ParseURL(url)
	if err != nil {
		t.Fatal(err)
	}
	rdb := redis.NewClient(opt)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		rdb.Close()
		t.Skipf("no Redis at %s (%v); skipping", opt.Addr, err)
	}
	b := make([]byte, 6)
	rand.Read(b)
	prefix := "hoibao-test:" + hex.EncodeToString(b) + ":"
	t.Cleanup(func() {
		defer rdb.Close()
		ctx := context.Background()
		keys, _ := rdb.Keys(ctx, prefix+"*").Result()
		for i := 0; i < len(keys); i += 500 {
			rdb.Del(ctx, keys[i:min(i+500, len(keys))]...)
		}
	})
	return map[string]string{"HOIBAO_REDIS_URL": url, "HOIBAO_REDIS_PREFIX": prefix, "HOIBAO_DATA_DIR": filepath.Join(os.TempDir(), "hoibao-unused")}
}

func TestIngestRedis(t *testing.T) {
	env := redisEnv(t)
	src := t.TempDir()
	writeArticle(t, src, "bac-lieu", "Trần Thị Mười")
	for i, want := range []string{"1 bài mới", "1 bài không đổi"} {
		out, errOut, err := runHoibao(t, env, "ingest", src)
		if err != nil || !strings.Contains(out, want) {
			t.Fatalf("ingest #%d: %q, %v\n%s", i+1, out, err, errOut)
		}
	}
	if got := askCites(t, env, bacLieu); len(got) == 0 || got[0] != "bac-lieu" {
		t.Errorf("ask from Redis after ingest cites %v, want bac-lieu", got)
	}
}
