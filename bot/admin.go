package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// reload rebuilds the content from the configured sources, all or nothing.
func (b *Bot) reload(ctx context.Context, m Message) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	start := b.now()
	articles := knowledge.Sample()
	from := "bài mẫu có sẵn"
	if len(b.sources) > 0 {
		from = strings.Join(b.sources, ", ")
		loaded, err := knowledge.LoadPaths(b.sources)
		if err != nil {
			b.log.Warn("reload failed", "user", m.UserID, "err", err)
			return Reply{Text: fmt.Sprintf("Không nạp lại được (%v). Nội dung cũ vẫn được giữ nguyên.", err)}, nil
		}
		articles = loaded
	}
	if len(articles) == 0 {
		return Reply{Text: "Không tìm thấy bài nào trong nguồn đã cấu hình. Nội dung cũ vẫn được giữ nguyên."}, nil
	}
	if err := b.kn.Reload(ctx, articles); err != nil {
		b.log.Warn("reload failed", "user", m.UserID, "err", err)
		return Reply{Text: "Không nạp lại được; nội dung cũ vẫn được giữ nguyên. Chi tiết đã được ghi vào nhật ký."}, nil
	}
	n, chunks := b.kn.Index().Len()
	elapsed := b.now().Sub(start)
	b.audit(ctx, m, "reload", fmt.Sprintf("%d articles, %d chunks from %s", n, chunks, from))
	b.log.Info("reloaded", "user", m.UserID, "articles", n, "chunks", chunks, "elapsed", elapsed)
	return Reply{Text: fmt.Sprintf("Đã nạp lại %d bài (%d đoạn) từ %s trong %s.", n, chunks, from, seconds(elapsed))}, nil
}

// add stores an article from a link or from pasted text.
func (b *Bot) add(ctx context.Context, m Message) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	text := strings.TrimSpace(m.Text)
	if text == "" {
		return Reply{Text: "Cách dùng: /add <đường link bài báo> hoặc /add rồi dán nội dung bài (dòng đầu là tiêu đề)."}, nil
	}
	var a knowledge.Article
	if isURL(text) {
		if b.fetcher == nil {
			return Reply{Text: "Chức năng tải bài từ đường link chưa được cấu hình. Bạn hãy dán nội dung bài vào sau /add."}, nil
		}
		fetched, err := b.fetcher.Fetch(ctx, text)
		if err != nil {
			b.log.Warn("fetching article failed", "user", m.UserID, "url", text, "err", err)
			return Reply{Text: fmt.Sprintf("Không tải được bài từ đường link này: %v. Bạn kiểm tra lại link, hoặc dán nội dung bài vào sau /add.", err)}, nil
		}
		a = fetched
	} else {
		parsed, err := knowledge.ParsePasted(text)
		if err != nil {
			return Reply{Text: fmt.Sprintf("Không đọc được bài: %v. Dòng đầu là tiêu đề, sau đó là các đoạn văn.", err)}, nil
		}
		a = parsed
	}
	if err := b.kn.Add(ctx, a); err != nil {
		if errors.Is(err, knowledge.ErrInvalidArticle) {
			return Reply{Text: fmt.Sprintf("Không thêm được bài: %v.", err)}, nil
		}
		return Reply{}, err
	}
	chunks := len(knowledge.ChunkArticle(&a))
	b.audit(ctx, m, "add", a.ID)
	b.log.Info("article added", "user", m.UserID, "article", a.ID, "chunks", chunks)
	return Reply{Text: fmt.Sprintf("Đã thêm bài “%s” (mã: %s, %d đoạn). Bạn có thể hỏi về bài này ngay.", a.Title, a.ID, chunks)}, nil
}

// remove deletes an article by ID.
func (b *Bot) remove(ctx context.Context, m Message) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	id := strings.TrimSpace(m.Text)
	if id == "" {
		return Reply{Text: "Cách dùng: /remove <mã bài>. Gõ /sources để xem mã các bài."}, nil
	}
	if err := b.kn.Remove(ctx, id); err != nil {
		if errors.Is(err, knowledge.ErrNotFound) {
			return Reply{Text: fmt.Sprintf("Không có bài nào mã “%s”. Gõ /sources để xem mã các bài.", id)}, nil
		}
		return Reply{}, err
	}
	b.audit(ctx, m, "remove", id)
	b.log.Info("article removed", "user", m.UserID, "article", id)
	return Reply{Text: fmt.Sprintf("Đã xoá bài mã “%s”.", id)}, nil
}

// stats reports content size, questions, refusals, top questions and feedback.
func (b *Bot) stats(ctx context.Context, m Message) (Reply, error) {
	counts, err := b.counter.Counts(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("reading counters: %w", err)
	}
	day := b.now().In(vnZone).Format("2006-01-02")
	n, chunks := b.kn.Index().Len()
	var s strings.Builder
	fmt.Fprintf(&s, "Thống kê hoibao (%s)\n", b.now().In(vnZone).Format("02/01/2006"))
	fmt.Fprintf(&s, "Bài báo: %d · đoạn: %d\n", n, chunks)
	fmt.Fprintf(&s, "Câu hỏi hôm nay: %d (tổng: %d)\n", counts["questions:"+day], counts["questions"])
	fmt.Fprintf(&s, "Từ chối vì bài không nói tới: hôm nay %d (tổng: %d)\n", counts["refusals:"+day], counts["refusals"])
	fmt.Fprintf(&s, "Góp ý: 👍 %d · 👎 %d", counts["feedback:up"], counts["feedback:down"])
	if tops := top(counts, "top:", 5); len(tops) > 0 {
		s.WriteString("\nCâu hỏi nhiều nhất:")
		for i, t := range tops {
			fmt.Fprintf(&s, "\n%d. %s (%d)", i+1, t.name, t.n)
		}
	}
	return Reply{Text: s.String()}, nil
}

func isURL(s string) bool {
	return !strings.ContainsAny(s, " \t\n") && (strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"))
}

// seconds formats a duration the Vietnamese way: "0,12 giây".
func seconds(d time.Duration) string {
	return strings.Replace(fmt.Sprintf("%.2f giây", d.Seconds()), ".", ",", 1)
}
