package feed_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/extract"
	"github.com/hoibao/hoibao/knowledge/feed"
	"github.com/hoibao/hoibao/knowledge/fetch"
)

// site is a fake newspaper: an RSS feed of its articles, each a page, and
// a count of the requests each page received.
type site struct {
	*httptest.Server
	mu       sync.Mutex
	items    []string // article slugs, oldest first
	hits     map[string]int
	feedDown bool
}

var places = []string{"Cà Mau", "Bạc Liêu", "Sóc Trăng", "Hậu Giang", "Kiên Giang", "An Giang"}

func newSite(t *testing.T, n int) *site {
	s := &site{hits: map[string]int{}}
	for i := range n {
		s.items = append(s.items, fmt.Sprintf("bai-%d", i))
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

func (s *site) add(n int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for range n {
		s.items = append(s.items, fmt.Sprintf("bai-%d", len(s.items)))
	}
}

func (s *site) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.hits[r.URL.Path]++
	if r.URL.Path == "/rss" {
		if s.feedDown {
			http.Error(w, "lỗi máy chủ", http.StatusInternalServerError)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Báo Miền Tây - Thời sự</title><link>/</link>`)
		for i := len(s.items) - 1; i >= 0; i-- { // newest first, as feeds do
			fmt.Fprintf(w, `<item><title>Tin %d</title><link>/tin/%s.htm</link><pubDate>Mon, 0%d Jan 2024 08:00:00 +0700</pubDate></item>`, i, s.items[i], 1+i%9)
		}
		fmt.Fprint(w, `</channel></rss>`)
		return
	}
	var n int
	if _, err := fmt.Sscanf(r.URL.Path, "/tin/bai-%d.htm", &n); err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	place := places[n%len(places)]
	fmt.Fprintf(w, `<html><head><meta property="og:title" content="Khánh thành trường học số %d ở %s"></head><body><article>
<p>Sáng nay, tỉnh %s khánh thành trường tiểu học số %d với 24 phòng học, tổng vốn %d tỷ đồng.</p>
<p>Trường đón khoảng %d học sinh ngay từ học kỳ tới, giảm tải cho các trường lân cận.</p></article></body></html>`, n, place, place, n, 10+n, 500+n)
}

func (s *site) hit(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.hits[path]
}

type clock struct{ t time.Time }

func (c *clock) now() time.Time { return c.t }

func setup(t *testing.T, feeds []string) (*feed.Poller, *knowledge.Service, *clock) {
	t.Helper()
	f, err := fetch.New([]string{"127.0.0.1"})
	if err != nil {
		t.Fatal(err)
	}
	svc := knowledge.NewService(nil, knowledge.WithFetcher(f), knowledge.WithReader(".html", extract.Reader{}))
	c := &clock{t: time.Date(2024, 1, 9, 8, 0, 0, 0, time.UTC)}
	p, err := feed.New(svc, f, feeds, feed.WithClock(c.now), feed.WithInterval(10*time.Minute),
		feed.WithRetry(time.Minute, time.Hour), feed.WithStateFile(filepath.Join(t.TempDir(), "feeds.json")))
	if err != nil {
		t.Fatal(err)
	}
	return p, svc, c
}

// A feed gains two items between polls: exactly those two pages are
// fetched and ingested, and answerable.
func TestNewItemsAreIngestedOnce(t *testing.T) {
	s := newSite(t, 3)
	ctx := context.Background()
	p, svc, c := setup(t, nil)
	// An admin added the first item's page by hand before: it is known.
	if rep, err := svc.Ingest(ctx, knowledge.Source{Ref: s.URL + "/tin/bai-0.htm"}); err != nil || len(rep.Added) != 1 {
		t.Fatalf("ingest by hand: %s, %v", rep, err)
	}
	st, err := p.Add(ctx, s.URL+"/rss")
	if err != nil {
		t.Fatal(err)
	}
	if st.Ingested != 2 || st.Title != "Báo Miền Tây - Thời sự" {
		t.Fatalf("after /addfeed: %+v, want the 2 items not known yet ingested", st)
	}
	// Not due yet: nothing is read.
	c.t = c.t.Add(5 * time.Minute)
	p.PollDue(ctx)
	if got := s.hit("/rss"); got != 1 {
		t.Errorf("feed read %d times before it was due, want 1", got)
	}
	s.add(2)
	c.t = c.t.Add(6 * time.Minute)
	p.PollDue(ctx)
	if got := p.Feeds()[0].Ingested; got != 4 {
		t.Errorf("ingested %d from the feed in all, want 4", got)
	}
	for i := range 5 {
		if got := s.hit(fmt.Sprintf("/tin/bai-%d.htm", i)); got != 1 {
			t.Errorf("page bai-%d fetched %d times, want once", i, got)
		}
	}
	if n, _ := svc.Index().Len(); n != 5 {
		t.Errorf("serving %d articles, want 5", n)
	}
	ans, _ := svc.Ask(ctx, knowledge.Query{Text: "Trường tiểu học số 4 ở Kiên Giang có bao nhiêu phòng học?"})
	if ans.Refused || len(ans.Citations) == 0 || !strings.HasSuffix(ans.Citations[0].URL, "/tin/bai-4.htm") {
		t.Errorf("answer %q %+v; want the new item cited", ans.Text, ans.Citations)
	}
}

// A feed answering 500 is retried later each time and reported; the
// healthy feed keeps being polled meanwhile.
func TestFailingFeedBacksOffAndOthersKeepPolling(t *testing.T) {
	good, bad := newSite(t, 1), newSite(t, 1)
	ctx := context.Background()
	p, _, c := setup(t, []string{good.URL + "/rss", bad.URL + "/rss"})
	bad.feedDown = true
	start := c.t
	p.PollDue(ctx)
	st := p.Feeds()
	if st[0].Ingested != 1 || st[0].Failures != 0 {
		t.Errorf("good feed: %+v", st[0])
	}
	if st[1].Failures != 1 || !strings.Contains(st[1].LastError, "500") || !st[1].NextPoll.Equal(start.Add(time.Minute)) {
		t.Errorf("bad feed after one failure: %+v; want a retry in 1m and the reason", st[1])
	}
	waits := []time.Duration{}
	for range 3 {
		c.t = p.Feeds()[1].NextPoll
		p.PollDue(ctx)
		waits = append(waits, p.Feeds()[1].NextPoll.Sub(c.t))
	}
	if want := []time.Duration{2 * time.Minute, 4 * time.Minute, 8 * time.Minute}; fmt.Sprint(waits) != fmt.Sprint(want) {
		t.Errorf("waits between retries %v, want %v", waits, want)
	}
	if got := bad.hit("/rss"); got != 4 {
		t.Errorf("bad feed read %d times, want 4", got)
	}
	// Meanwhile the good feed is polled on its own schedule.
	good.add(1)
	c.t = start.Add(11 * time.Minute)
	p.PollDue(ctx)
	if got := p.Feeds()[0].Ingested; got != 2 {
		t.Errorf("good feed ingested %d, want 2", got)
	}
	// Back up: the failures are forgotten.
	bad.mu.Lock()
	bad.feedDown = false
	bad.mu.Unlock()
	c.t = p.Feeds()[1].NextPoll
	p.PollDue(ctx)
	if st := p.Feeds()[1]; st.Failures != 0 || st.LastError != "" || st.Ingested != 1 {
		t.Errorf("bad feed once back: %+v", st)
	}
}

func TestAddRefusesWhatIsNotAFeed(t *testing.T) {
	s := newSite(t, 1)
	p, _, _ := setup(t, nil)
	_, err := p.Add(context.Background(), s.URL+"/tin/bai-0.htm")
	if got := knowledge.Reason(err); !strings.Contains(got, "không phải nguồn tin RSS") {
		t.Errorf("reason %q", got)
	}
	if len(p.Feeds()) != 0 {
		t.Error("a page that is not a feed was added")
	}
}
