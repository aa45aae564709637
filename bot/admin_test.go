package bot

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// /reload rebuilds the folder's articles, keeps what an admin added and
// says so; /undo brings the content before it back.
func TestReloadKeepsAddedArticlesAndUndoRestores(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bac-lieu.txt", "Bổ nhiệm Giám đốc Sở Nông nghiệp Bạc Liêu\n\nÔng Trần Văn Mười được bổ nhiệm làm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu.\n")
	b, kn, _ := newTestBot(t, WithSources([]string{dir}))
	ctx := context.Background()
	admin := func(text string) string {
		return b.Handle(ctx, Message{Channel: "test", ChatID: "11", UserID: "1", Text: text}).Text
	}
	ask := func(q string) *knowledge.Answer {
		return b.Handle(ctx, Message{Channel: "test", ChatID: "10", UserID: "2", Text: q}).Answer
	}
	if got := admin("/reload"); !strings.Contains(got, "Đã nạp lại 1 bài") {
		t.Fatalf("first reload: %q", got)
	}
	if got := admin("/add " + pasted(t)); !strings.Contains(got, "Đã thêm bài") {
		t.Fatalf("add: %q", got)
	}
	os.Remove(filepath.Join(dir, "bac-lieu.txt"))
	write("soc-trang.txt", "Bổ nhiệm Giám đốc Sở Y tế Sóc Trăng\n\nBà Lâm Thị Hoa được bổ nhiệm làm Giám đốc Sở Y tế tỉnh Sóc Trăng.\n")
	write("rac.txt", "\x00\x01\x02 không phải văn bản")

	got := admin("/reload")
	for _, want := range []string{"Đã nạp lại 2 bài", "1 bài mới", "giữ 1 bài quản trị viên đã thêm", "xoá 1 bài không còn trong nguồn", "rac.txt", "UTF-8", "/undo"} {
		if !strings.Contains(got, want) {
			t.Errorf("reload reply %q does not say %q", got, want)
		}
	}
	if a := ask("Cầu Vàm Cống mới dài bao nhiêu mét?"); a == nil || a.Refused {
		t.Error("the /add-ed article is gone after /reload")
	}
	if a := ask("Ai làm Giám đốc Sở Y tế Sóc Trăng?"); a == nil || a.Refused {
		t.Error("the new file is not served")
	}

	if got := admin("/undo"); !strings.Contains(got, "Đã quay lại") {
		t.Fatalf("undo: %q", got)
	}
	if _, ok := kn.Index().Article("bac-lieu"); !ok {
		t.Error("undo did not bring back the removed article")
	}
	if _, ok := kn.Index().Article("soc-trang"); ok {
		t.Error("undo kept the article the reload added")
	}
	if a := ask("Cầu Vàm Cống mới dài bao nhiêu mét?"); a == nil || a.Refused {
		t.Error("undo lost the /add-ed article")
	}
}

func TestUndoWithNothingToUndo(t *testing.T) {
	b, _, _ := newTestBot(t)
	r := b.Handle(context.Background(), Message{Channel: "test", ChatID: "11", UserID: "1", Text: "/undo"})
	if !strings.Contains(r.Text, "Chưa có thay đổi nào") {
		t.Errorf("got %q", r.Text)
	}
	r = b.Handle(context.Background(), Message{Channel: "test", ChatID: "10", UserID: "2", Text: "/undo"})
	if r.Outcome != OutcomeForbidden {
		t.Errorf("non-admin /undo: outcome %q", r.Outcome)
	}
}

// brokenStore holds one good article and one it cannot read.
type brokenStore struct{ good knowledge.Article }

func (s brokenStore) Articles(context.Context) ([]knowledge.Article, error) {
	return []knowledge.Article{s.good}, &knowledge.SkippedError{Skipped: []knowledge.Skipped{{Source: "bai-hong.json", Reason: "bài đã lưu bị hỏng, không đọc được"}}}
}
func (brokenStore) Put(context.Context, knowledge.Article) error          { return nil }
func (brokenStore) Delete(context.Context, string) error                  { return nil }
func (brokenStore) ReplaceAll(context.Context, []knowledge.Article) error { return nil }

var _ knowledge.Store = brokenStore{}

// A corrupt stored article: the rest serve, /stats names the bad one.
func TestStatsReportsCorruptStoredArticles(t *testing.T) {
	svc := knowledge.NewService(nil, knowledge.WithStore(brokenStore{good: knowledge.Sample()[0]}))
	if err := svc.Load(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	b := New(svc, WithAdmins("test", "1"), WithState(NewMemState()))
	got := b.Handle(context.Background(), Message{Channel: "test", ChatID: "11", UserID: "1", Text: "/stats"}).Text
	for _, want := range []string{"Bài báo: 1", "bị hỏng, đang bỏ qua: 1", "bai-hong.json"} {
		if !strings.Contains(got, want) {
			t.Errorf("/stats %q does not say %q", got, want)
		}
	}
}

// fakeFeeds is a poller with one healthy and one failing feed.
type fakeFeeds struct{ added []string }

func (f *fakeFeeds) Feeds() []knowledge.FeedStatus {
	return []knowledge.FeedStatus{
		{URL: "https://bao.example/rss", Title: "Báo Ví Dụ", Ingested: 12, LastOK: time.Date(2024, 1, 9, 1, 0, 0, 0, time.UTC)},
		{URL: "https://hong.example/rss", Failures: 3, LastError: "trang trả về lỗi 500", NextPoll: time.Date(2024, 1, 9, 1, 8, 0, 0, time.UTC)},
	}
}

func (f *fakeFeeds) Add(_ context.Context, u string) (knowledge.FeedStatus, error) {
	f.added = append(f.added, u)
	return knowledge.FeedStatus{URL: u, Title: "Thời sự", Ingested: 3}, nil
}

func (f *fakeFeeds) Remove(_ context.Context, u string) error {
	if u != "https://bao.example/rss" {
		return knowledge.ErrNotFound
	}
	return nil
}

func TestFeedCommands(t *testing.T) {
	feeds := &fakeFeeds{}
	b, _, _ := newTestBot(t, WithFeeds(feeds))
	ctx := context.Background()
	say := func(user, text string) Reply {
		return b.Handle(ctx, Message{Channel: "test", ChatID: "11", UserID: user, Text: text})
	}
	for cmd, want := range map[string]string{
		"/feeds":                               "lỗi 3 lần liền (trang trả về lỗi 500), thử lại lúc 08:08 09/01",
		"/stats":                               "Báo Ví Dụ (https://bao.example/rss) — đã nạp 12 bài",
		"/addfeed https://moi.example/rss":     "Đã theo dõi “Thời sự”: nạp 3 bài",
		"/addfeed khong-phai-link":             "Cách dùng: /addfeed",
		"/removefeed https://bao.example/rss":  "Đã ngừng theo dõi",
		"/removefeed https://khac.example/rss": "Không theo dõi nguồn tin này",
	} {
		if got := say("1", cmd).Text; !strings.Contains(got, want) {
			t.Errorf("%s: %q does not say %q", cmd, got, want)
		}
	}
	if r := say("2", "/addfeed https://x.example/rss"); r.Outcome != OutcomeForbidden || len(feeds.added) != 1 {
		t.Errorf("non-admin /addfeed: %+v, feeds added %v", r, feeds.added)
	}
}
