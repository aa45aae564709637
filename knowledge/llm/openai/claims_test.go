package openai_test

import (
	"context"
	"fmt"
	"net/http"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/llm/openai/openaitest"
)

// passageNumbers reads the numbered passages of an answer request and
// returns the number of the first that holds want and of the first that
// does not.
func passageNumbers(user, want string) (holds, lacks int) {
	re := regexp.MustCompile(`(?m)^\[(\d+)\] title: .*\n(.*)$`)
	for _, m := range re.FindAllStringSubmatch(user, -1) {
		n, _ := strconv.Atoi(m[1])
		switch {
		case strings.Contains(m[2], want) && holds == 0:
			holds = n
		case !strings.Contains(m[2], want) && lacks == 0:
			lacks = n
		}
	}
	return holds, lacks
}

// citing answers with reply, "{right}" and "{wrong}" in it replaced by the
// numbers of a passage that names the secretary and of one that does not.
func citing(reply string) openaitest.Handler {
	return func(w http.ResponseWriter, r *http.Request, req openaitest.ChatRequest) {
		right, wrong := passageNumbers(req.User(), "Lê Phước Dũng")
		text := strings.NewReplacer("{right}", strconv.Itoa(right), "{wrong}", strconv.Itoa(wrong)).Replace(reply)
		openaitest.Reply(text)(w, r, req)
	}
}

// TestClaimsAreCheckedAgainstThePassages is acceptance 1 of the claim
// check, through the service and the fake server, plain and streamed.
func TestClaimsAreCheckedAgainstThePassages(t *testing.T) {
	const (
		secretary = "Bí thư Huyện ủy Châu Thành là ông Lê Phước Dũng"
		stress    = "Ông nhấn mạnh việc đổi mới phương thức lãnh đạo của Đảng [{right}]."
	)
	extractive, err := knowledge.NewService(knowledge.Sample()).Ask(context.Background(), knowledge.Query{Text: question})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name, reply string
		want        string // final text; "{right}" is the passage naming him; "" means the extractive answer
		support     string
		partial     string // a text the stream showed before the check, "" if none to look for
	}{
		{"correct reply unchanged", secretary + " [{right}].", secretary + " [{right}].", knowledge.SupportVerified, ""},
		{"wrong passage cited: citation moved", secretary + " [{wrong}].", secretary + " [{right}].", knowledge.SupportMoved, ""},
		{"invented figure: sentence dropped",
			secretary + " [{right}]. Năm 2023, huyện kết nạp 1.250 đảng viên mới [{right}]. " + stress,
			secretary + " [{right}]. " + stress, knowledge.SupportVerified, "1.250 đảng viên"},
		{"nothing supported: extractive answer with a note", "Bí thư Huyện ủy Châu Thành là ông Nguyễn Văn An, người giữ chức vụ này từ nhiều năm nay [{right}].", "", "", "Nguyễn Văn An"},
	} {
		for _, stream := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/stream=%v", tc.name, stream), func(t *testing.T) {
				srv := openaitest.New("")
				defer srv.Close()
				srv.SetChat(citing(tc.reply))
				svc := knowledge.NewService(knowledge.Sample(), knowledge.WithLLM(newClient(t, srv)))
				var partials []string
				var onText func(string)
				if stream {
					onText = func(p string) { partials = append(partials, p) }
				}
				ans, err := svc.AskStream(context.Background(), knowledge.Query{Text: question}, onText)
				if err != nil {
					t.Fatal(err)
				}
				if len(srv.Chats()) != 1 {
					t.Fatalf("got %d chat requests, want 1", len(srv.Chats()))
				}
				right, _ := passageNumbers(srv.Chats()[0].User(), "Lê Phước Dũng")
				if tc.want == "" {
					if ans.Text != extractive.Text || ans.Note != knowledge.NoteUnsupported {
						t.Errorf("got %q (note %q), want the extractive answer %q with the note", ans.Text, ans.Note, extractive.Text)
					}
				} else {
					want := strings.ReplaceAll(tc.want, "{right}", strconv.Itoa(right))
					if ans.Text != want || ans.Note != "" || ans.Refused {
						t.Errorf("got %q (note %q), want %q", ans.Text, ans.Note, want)
					}
					if len(ans.Citations) != 1 || ans.Citations[0].N != right || ans.Citations[0].Support != tc.support ||
						!strings.Contains(ans.Citations[0].Quote, "Lê Phước Dũng") {
						t.Errorf("citations: got %+v, want passage %d, support %q", ans.Citations, right, tc.support)
					}
				}
				if stream && tc.partial != "" {
					shown := strings.Join(partials, "\n")
					if !strings.Contains(shown, tc.partial) {
						t.Errorf("the stream never showed %q; partials: %q", tc.partial, partials)
					}
					if strings.Contains(ans.Text, tc.partial) {
						t.Errorf("the final answer keeps %q: %q", tc.partial, ans.Text)
					}
				}
			})
		}
	}
}
