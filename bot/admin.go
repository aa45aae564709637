package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// MaxDocumentBytes bounds a document an admin sends to be read.
const MaxDocumentBytes = 20 << 20

// reload rebuilds what came from the configured sources and keeps what
// admins added; its reply says what changed. The content before it stays
// available to /undo.
func (b *Bot) reload(ctx context.Context, m Message) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	start := b.now()
	from := strings.Join(b.sources, ", ")
	if len(b.sources) == 0 {
		from = "bài mẫu có sẵn"
	}
	rep, err := b.kn.ReloadFrom(ctx, knowledge.ReloadSources(b.sources)...)
	if err != nil {
		b.log.Warn("reload failed", "user", m.UserID, "err", err)
		msg := "Không nạp lại được; nội dung cũ vẫn được giữ nguyên."
		if errors.Is(err, knowledge.ErrInvalidArticle) {
			msg = "Không nạp lại được: không có bài nào đọc được trong nguồn đã cấu hình. Nội dung cũ vẫn được giữ nguyên."
		}
		if len(rep.Skipped) > 0 {
			msg += "\n" + skippedList(rep.Skipped)
		}
		return Reply{Text: msg}, nil
	}
	n, chunks := b.kn.Index().Len()
	elapsed := b.now().Sub(start)
	b.audit(ctx, m, "reload", fmt.Sprintf("%d articles from %s: %s", n, from, rep))
	b.log.Info("reloaded", "user", m.UserID, "articles", n, "chunks", chunks, "added", len(rep.Added),
		"replaced", len(rep.Replaced), "kept", len(rep.Kept), "removed", len(rep.Removed), "skipped", len(rep.Skipped), "elapsed", elapsed)
	return Reply{Text: fmt.Sprintf("Đã nạp lại %d bài (%d đoạn) từ %s trong %s: %s.\nGõ /undo để quay lại nội dung trước đó.",
		n, chunks, from, seconds(elapsed), rep)}, nil
}

// undo restores the content before the last change.
func (b *Bot) undo(ctx context.Context, m Message) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	rep, err := b.kn.Undo(ctx)
	if errors.Is(err, knowledge.ErrNotFound) {
		return Reply{Text: "Chưa có thay đổi nào để hoàn tác."}, nil
	}
	if err != nil {
		return Reply{}, err
	}
	n, _ := b.kn.Index().Len()
	b.audit(ctx, m, "undo", rep.String())
	b.log.Info("undone", "user", m.UserID, "articles", n)
	return Reply{Text: fmt.Sprintf("Đã quay lại nội dung trước thay đổi gần nhất: %d bài (%d bài trở lại, %d bài bỏ đi, %d bài về bản cũ). Gõ /undo lần nữa để làm lại thay đổi.",
		n, len(rep.Added), len(rep.Removed), len(rep.Replaced))}, nil
}

// add stores articles from a link or from pasted text. Only admins reach
// it, so only admins make the bot fetch.
func (b *Bot) add(ctx context.Context, m Message) (Reply, error) {
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	text := strings.TrimSpace(m.Text)
	if text == "" {
		return Reply{Text: "Cách dùng: /add <đường link bài báo, tệp PDF hoặc DOCX> hoặc /add rồi dán nội dung bài (dòng đầu là tiêu đề). Cũng có thể gửi thẳng tệp PDF/DOCX cho bot."}, nil
	}
	src := knowledge.Source{Text: text}
	if knowledge.IsURL(text) {
		src = knowledge.Source{Ref: text}
	}
	return b.ingest(ctx, m, "add", src)
}

// document reads a file an admin sent (PDF, DOCX, text, HTML). Nobody
// else's file is downloaded.
func (b *Bot) document(ctx context.Context, m Message) (Reply, error) {
	d := m.Document
	if !b.isAdmin(m) {
		b.log.Warn("document refused: not an admin", "channel", m.Channel, "user", m.UserID, "name", d.Name)
		b.audit(ctx, m, "denied:document", d.Name)
		return Reply{Text: "Mình chỉ nhận tệp bài báo từ quản trị viên. Bạn cứ gõ câu hỏi nhé.", Outcome: OutcomeForbidden}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, adminTimeout)
	defer cancel()
	if d.Size > MaxDocumentBytes {
		return Reply{Text: fmt.Sprintf("Tệp “%s” quá lớn (tối đa %d MB).", d.Name, MaxDocumentBytes>>20), Outcome: OutcomeInvalid}, nil
	}
	data, err := d.Download(ctx, MaxDocumentBytes)
	if err != nil {
		b.log.Warn("downloading a document failed", "user", m.UserID, "name", d.Name, "err", err)
		return Reply{Text: fmt.Sprintf("Không tải được tệp “%s” từ %s, bạn gửi lại giúp mình nhé.", d.Name, m.Channel), Outcome: OutcomeUnavailable}, nil
	}
	return b.ingest(ctx, m, "add", knowledge.Source{Doc: &knowledge.Document{Name: d.Name, ContentType: d.MIMEType, Data: data}})
}

// ingest adds what src holds and says what happened.
func (b *Bot) ingest(ctx context.Context, m Message, action string, src knowledge.Source) (Reply, error) {
	rep, err := b.kn.Ingest(ctx, src)
	if err != nil {
		return Reply{}, err
	}
	if len(rep.Articles) == 0 {
		reason := "không đọc được nội dung"
		if len(rep.Skipped) > 0 {
			reason = rep.Skipped[0].Reason
		}
		return Reply{Text: fmt.Sprintf("Không thêm được bài từ %s: %s.", src, reason), Outcome: OutcomeInvalid}, nil
	}
	b.audit(ctx, m, action, strings.Join(append(append(rep.Added, rep.Replaced...), rep.Unchanged...), ","))
	b.log.Info("articles added", "user", m.UserID, "source", src.String(), "added", len(rep.Added), "replaced", len(rep.Replaced), "unchanged", len(rep.Unchanged))
	if len(rep.Articles) == 1 && len(rep.Skipped) == 0 {
		a := rep.Articles[0]
		chunks := len(knowledge.ChunkArticle(&a))
		switch {
		case len(rep.Unchanged) == 1:
			return Reply{Text: fmt.Sprintf("Bài “%s” (mã: %s) đã có, nội dung không đổi.", a.Title, a.ID)}, nil
		case len(rep.Replaced) == 1:
			return Reply{Text: fmt.Sprintf("Đã cập nhật bài “%s” (mã: %s, %d đoạn). Gõ /undo để quay lại bản cũ.", a.Title, a.ID, chunks)}, nil
		}
		return Reply{Text: fmt.Sprintf("Đã thêm bài “%s” (mã: %s, %d đoạn). Bạn có thể hỏi về bài này ngay.", a.Title, a.ID, chunks)}, nil
	}
	return Reply{Text: "Đã nạp: " + rep.String() + "."}, nil
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
	return Reply{Text: fmt.Sprintf("Đã xoá bài mã “%s”. Gõ /undo nếu xoá nhầm.", id)}, nil
}

// stats reports content size, unreadable stored articles, feeds,
// questions, refusals, top questions and feedback.
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
	if bad := b.kn.Problems(); len(bad) > 0 {
		fmt.Fprintf(&s, "Bài đã lưu bị hỏng, đang bỏ qua: %d\n%s\n", len(bad), skippedList(bad))
	}
	if b.feeds != nil {
		writeFeedStats(&s, b.feeds.Feeds())
	}
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

// skippedList lists what was left out, at most ten lines.
func skippedList(skipped []knowledge.Skipped) string {
	var lines []string
	for i, s := range skipped {
		if i == 10 {
			lines = append(lines, fmt.Sprintf("… và %d mục khác (xem nhật ký)", len(skipped)-i))
			break
		}
		lines = append(lines, "• "+s.Source+": "+s.Reason)
	}
	return strings.Join(lines, "\n")
}

// seconds formats a duration the Vietnamese way: "0,12 giây".
func seconds(d time.Duration) string {
	return strings.Replace(fmt.Sprintf("%.2f giây", d.Seconds()), ".", ",", 1)
}
