package telegram

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

// TestStreamedAnswerEndsAsTheCheckedOne: while the model writes, the chat
// shows its text as it grows; the message it ends as is the checked answer,
// without the sentence whose figure no article states.
func TestStreamedAnswerEndsAsTheCheckedOne(t *testing.T) {
	const (
		kept     = "Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng"
		invented = "Năm 2023, huyện kết nạp 1.250 đảng viên mới"
		filler   = "Ông nhấn mạnh việc đổi mới phương thức lãnh đạo của Đảng"
	)
	model := openaitest.New("")
	defer model.Close()
	model.SetChat(func(w http.ResponseWriter, r *http.Request, req openaitest.ChatRequest) {
		n := "1"
		for i, block := range strings.Split(req.User(), "\n\n") {
			if strings.Contains(block, "Lê Phước Dũng") {
				n = strconv.Itoa(i + 1)
				break
			}
		}
		reply := kept + " [" + n + "]. " + invented + " [" + n + "]. " + filler + " [" + n + "]."
		openaitest.SlowReply(reply, 3*time.Millisecond)(w, r, req)
	})
	llm, err := openai.New(model.BaseURL(), "", "fake-model")
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeTelegram(t, testToken)
	h := start(t, f, knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(llm)))
	f.push(textUpdate(citizen, citizen, "Bí thư Huyện ủy Châu Thành là ai?"))
	h.f.waitFor("the final edit", func() bool {
		ms := f.messages[citizen]
		return len(ms) == 1 && strings.Contains(ms[0].Text, "Nguồn")
	})
	h.shutdown(t)
	m := f.sent(citizen)
	if len(m) != 1 {
		t.Fatalf("got %d messages, want 1 streamed and edited message", len(m))
	}
	final := stripTags(m[0].Text)
	if !strings.Contains(final, kept) || !strings.Contains(final, filler) {
		t.Errorf("final message lacks the supported sentences:\n%s", final)
	}
	if strings.Contains(final, "1.250") {
		t.Errorf("final message keeps the invented figure:\n%s", final)
	}
	if len(m[0].Edits) == 0 {
		t.Errorf("the message was never edited: the answer did not stream")
	}
	showed := 0
	for _, c := range append(f.callsTo("sendMessage"), f.callsTo("editMessageText")...) {
		if strings.Contains(c.Form["text"], "1.250") {
			showed++
		}
	}
	t.Logf("%d edits; %d sends or edits showed the invented figure while streaming; the final message does not", len(m[0].Edits), showed)
}
