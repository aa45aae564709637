package bot

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/hoibao/hoibao/knowledge"
)

// vnZone is Vietnam's time zone (no daylight saving), for "today" in /stats.
var vnZone = time.FixedZone("ICT", 7*3600)

// maxSourcesListed bounds the /sources list.
const maxSourcesListed = 30

// FeedbackTTL is how long a user's feedback press on an answer is remembered,
// so pressing twice counts once.
const FeedbackTTL = 30 * 24 * time.Hour

func (b *Bot) start(ctx context.Context, m Message) (Reply, error) {
	var s strings.Builder
	s.WriteString("Xin chào! Mình là hoibao, trợ lý hỏi đáp về các bài báo đã nạp. ")
	s.WriteString("Mỗi câu trả lời đều kèm nguồn trích dẫn; nếu bài báo không nói tới, mình sẽ nói rõ là không có thông tin.\n\n")
	s.WriteString("Bạn có thể hỏi, ví dụ:\n")
	for _, q := range b.examples() {
		fmt.Fprintf(&s, "• %s\n", q)
	}
	s.WriteString("\nGõ /help để xem các lệnh, /sources để xem các bài đã nạp.")
	return Reply{Text: s.String()}, nil
}

// examples returns two or three questions the loaded articles can answer.
func (b *Bot) examples() []string {
	arts := b.kn.Index().Articles()
	if len(arts) == 0 {
		return []string{"Bài báo nói gì về …?"}
	}
	sample := knowledge.Sample()
	if len(sample) > 0 && arts[0].ID == sample[0].ID {
		return []string{"Bí thư Huyện ủy Châu Thành là ai?", "Huyện Châu Thành thuộc tỉnh nào?", "Bài báo đăng ngày nào?"}
	}
	a := arts[0]
	out := []string{fmt.Sprintf("Bài “%s” nói gì?", a.Title)}
	if !a.Published.IsZero() {
		out = append(out, fmt.Sprintf("Bài “%s” đăng ngày nào?", a.Title))
	}
	if a.Author != "" {
		out = append(out, fmt.Sprintf("Ai viết bài “%s”?", a.Title))
	}
	return out
}

func (b *Bot) help(ctx context.Context, m Message) (Reply, error) {
	s := `Cứ gõ câu hỏi của bạn; mình trả lời từ các bài báo đã nạp và ghi rõ nguồn. Có thể hỏi tiếp, ví dụ “còn … thì sao?”.

Các lệnh:
/ask <câu hỏi> — hỏi (trong nhóm, dùng lệnh này hoặc nhắc tên bot)
/sources — các bài báo đã nạp, mới nhất trước
/start — lời chào và câu hỏi mẫu
/help — hướng dẫn này

Bấm 👍 hoặc 👎 dưới câu trả lời để góp ý.`
	if b.isAdmin(m) {
		s += `

Lệnh quản trị:
/reload — nạp lại bài từ thư mục đã cấu hình (giữ các bài đã thêm bằng /add)
/add <đường link hoặc nội dung bài> — thêm một bài; gửi thẳng tệp PDF/DOCX cũng được
/remove <mã bài> — xoá một bài (mã xem ở /sources)
/undo — quay lại nội dung trước lần thay đổi gần nhất
/feeds — các nguồn tin RSS đang theo dõi
/addfeed <link RSS> — theo dõi một nguồn tin, tự nạp bài mới
/removefeed <link RSS> — ngừng theo dõi
/stats — thống kê`
	}
	return Reply{Text: s}, nil
}

func (b *Bot) listSources(ctx context.Context, m Message) (Reply, error) {
	arts := b.kn.Index().Articles()
	if len(arts) == 0 {
		return Reply{Text: "Chưa có bài báo nào được nạp."}, nil
	}
	var s strings.Builder
	fmt.Fprintf(&s, "Các bài báo đã nạp (%d), mới nhất trước:\n", len(arts))
	for i, a := range arts {
		if i == maxSourcesListed {
			fmt.Fprintf(&s, "\n… và %d bài khác.", len(arts)-i)
			break
		}
		fmt.Fprintf(&s, "\n%d. %s", i+1, a.Title)
		if !a.Published.IsZero() {
			fmt.Fprintf(&s, " — %s", a.Published.Format("02/01/2006"))
		}
		if a.URL != "" {
			fmt.Fprintf(&s, "\n   %s", a.URL)
		}
		fmt.Fprintf(&s, "\n   mã: %s", a.ID)
	}
	return Reply{Text: s.String()}, nil
}

// ask answers a question with the chat's recent turns as context.
func (b *Bot) ask(ctx context.Context, m Message) (Reply, error) {
	q := strings.TrimSpace(m.Text)
	if q == "" {
		ex := b.examples()
		return Reply{Text: "Bạn muốn hỏi gì? Gõ câu hỏi sau lệnh, ví dụ: /ask " + ex[0]}, nil
	}
	chat := m.chatKey()
	history, err := b.memory.History(ctx, chat)
	if err != nil {
		b.log.Warn("reading chat history failed; answering without it", "chat", m.ChatID, "err", err)
		history = nil
	}
	ans, err := b.kn.AskStream(ctx, knowledge.Query{Text: q, History: history, Asker: chat}, m.Stream) // chats take turns when busy
	if err != nil {
		return Reply{}, err
	}
	day := b.now().In(vnZone).Format("2006-01-02")
	b.incr(ctx, "questions", "questions:"+day, "top:"+topKey(q))
	if ans.Refused {
		b.incr(ctx, "refusals", "refusals:"+day)
	}
	if !ans.Refused {
		if err := b.memory.SaveHistory(ctx, chat, Remember(history, q, ans), HistoryTTL); err != nil {
			b.log.Warn("saving chat history failed", "chat", m.ChatID, "err", err)
		}
	}
	return Reply{Answer: &ans, AnswerID: newAnswerID()}, nil
}

// feedback records a 👍/👎 press, once per user and answer.
func (b *Bot) feedback(ctx context.Context, m Message) (Reply, error) {
	if m.Feedback != "up" && m.Feedback != "down" || m.AnswerID == "" {
		return Reply{Ack: "Không rõ góp ý này."}, nil
	}
	first, err := b.deduper.FirstSeen(ctx, "feedback:"+m.AnswerID+":"+m.userKey(), FeedbackTTL)
	if err != nil {
		return Reply{}, err
	}
	if !first {
		return Reply{Ack: "Bạn đã góp ý cho câu trả lời này rồi. Cảm ơn bạn!"}, nil
	}
	b.incr(ctx, "feedback:"+m.Feedback)
	b.audit(ctx, m, "feedback:"+m.Feedback, "answer "+m.AnswerID)
	return Reply{Ack: "Cảm ơn bạn đã góp ý!"}, nil
}

// topKey is a question as counted for "top questions": lower case, spaces
// collapsed, at most 80 characters.
func topKey(q string) string {
	q = strings.ToLower(strings.Join(strings.Fields(knowledge.NFC(q)), " "))
	q = strings.TrimRight(q, "?!. ")
	if utf8.RuneCountInString(q) > 80 {
		q = string([]rune(q)[:80]) + "…"
	}
	return q
}

// newAnswerID names an answer for its feedback buttons (Telegram allows 64
// bytes of callback data).
func newAnswerID() string {
	var buf [8]byte
	_, _ = rand.Read(buf[:])
	return hex.EncodeToString(buf[:])
}

func upperFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}
