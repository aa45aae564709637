package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hoibao/hoibao/knowledge"
)

// Feeds is the RSS/Atom poller the feed commands manage; the knowledge
// feed package's Poller is one.
type Feeds interface {
	Feeds() []knowledge.FeedStatus
	// Add starts polling url, reading it once at once; its error says why
	// a link is not a feed.
	Add(ctx context.Context, url string) (knowledge.FeedStatus, error)
	Remove(ctx context.Context, url string) error
}

// WithFeeds enables /feeds, /addfeed and /removefeed.
func WithFeeds(f Feeds) Option { return func(b *Bot) { b.feeds = f } }

func (b *Bot) listFeeds(ctx context.Context, m Message) (Reply, error) {
	if b.feeds == nil {
		return Reply{Text: "Chức năng theo dõi nguồn tin (RSS) chưa được bật."}, nil
	}
	var s strings.Builder
	writeFeedStats(&s, b.feeds.Feeds())
	if s.Len() == 0 {
		return Reply{Text: "Chưa theo dõi nguồn tin nào. Thêm bằng /addfeed <link RSS hoặc Atom>."}, nil
	}
	return Reply{Text: strings.TrimSpace(s.String())}, nil
}

func (b *Bot) addFeed(ctx context.Context, m Message) (Reply, error) {
	if b.feeds == nil {
		return Reply{Text: "Chức năng theo dõi nguồn tin (RSS) chưa được bật."}, nil
	}
	u := strings.TrimSpace(m.Text)
	if !knowledge.IsURL(u) {
		return Reply{Text: "Cách dùng: /addfeed <link RSS hoặc Atom>, ví dụ /addfeed https://vnexpress.net/rss/thoi-su.rss"}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	st, err := b.feeds.Add(ctx, u)
	if err != nil {
		b.log.Warn("adding a feed failed", "user", m.UserID, "feed", u, "err", err)
		return Reply{Text: fmt.Sprintf("Không thêm được nguồn tin: %s.", knowledge.Reason(err)), Outcome: OutcomeInvalid}, nil
	}
	b.audit(ctx, m, "addfeed", u)
	name := u
	if st.Title != "" {
		name = "“" + st.Title + "”"
	}
	return Reply{Text: fmt.Sprintf("Đã theo dõi %s: nạp %d bài. Bài mới sẽ được nạp tự động.", name, st.Ingested)}, nil
}

func (b *Bot) removeFeed(ctx context.Context, m Message) (Reply, error) {
	if b.feeds == nil {
		return Reply{Text: "Chức năng theo dõi nguồn tin (RSS) chưa được bật."}, nil
	}
	u := strings.TrimSpace(m.Text)
	if u == "" {
		return Reply{Text: "Cách dùng: /removefeed <link>. Gõ /feeds để xem các nguồn đang theo dõi."}, nil
	}
	if err := b.feeds.Remove(ctx, u); err != nil {
		if errors.Is(err, knowledge.ErrNotFound) {
			return Reply{Text: "Không theo dõi nguồn tin này. Gõ /feeds để xem danh sách."}, nil
		}
		return Reply{}, err
	}
	b.audit(ctx, m, "removefeed", u)
	return Reply{Text: "Đã ngừng theo dõi " + u + ". Các bài đã nạp vẫn được giữ."}, nil
}

// writeFeedStats writes one line per feed, failing ones with their reason.
func writeFeedStats(s *strings.Builder, feeds []knowledge.FeedStatus) {
	if len(feeds) == 0 {
		return
	}
	fmt.Fprintf(s, "Nguồn tin đang theo dõi: %d\n", len(feeds))
	for _, f := range feeds {
		name := f.URL
		if f.Title != "" {
			name = f.Title + " (" + f.URL + ")"
		}
		fmt.Fprintf(s, "• %s — đã nạp %d bài", name, f.Ingested)
		if f.Failures > 0 {
			fmt.Fprintf(s, "; lỗi %d lần liền (%s), thử lại lúc %s", f.Failures, f.LastError, f.NextPoll.In(vnZone).Format("15:04 02/01"))
		} else if !f.LastOK.IsZero() {
			fmt.Fprintf(s, "; đọc lần cuối %s", f.LastOK.In(vnZone).Format("15:04 02/01"))
		}
		s.WriteByte('\n')
	}
}
