package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// countingServer is a loopback page server that counts the connections it
// accepts: a refused fetch must not reach it at all.
func countingServer(t *testing.T) (*httptest.Server, *atomic.Int64) {
	var conns atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, `<html><head><meta property="og:title" content="Tin nội bộ: lương thưởng năm 2024"></head><body><article>
<p>Bảng lương nội bộ của cơ quan, không dành cho công chúng, gồm mức thưởng của từng phòng ban.</p></article></body></html>`)
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			conns.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv, &conns
}

// serveSession runs `hoibao serve` against a fake Telegram until the
// returned stop is called, which returns the replies sent and the log.
func serveSession(t *testing.T, tg *tgServer, vars map[string]string) (stop func() ([]url2text, string)) {
	t.Helper()
	var stderr bytes.Buffer
	vars["HOIBAO_TELEGRAM_TOKEN"], vars["HOIBAO_TELEGRAM_API_ENDPOINT"], vars["HOIBAO_TELEGRAM_ADMINS"] = serveToken, tg.URL+"/bot%s/%s", "42"
	env := serveEnv(t, vars, &stderr)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx, env) }()
	return func() ([]url2text, string) {
		cancel()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
		return tg.messages(), stderr.String()
	}
}

// Only admins make the bot fetch, and never from an internal address
// unless HOIBAO_FETCH_ALLOW names it; the admin reads the reason, not the
// error text.
func TestServeFetchGuard(t *testing.T) {
	page, conns := countingServer(t)
	tg := newTGServer(t)
	stop := serveSession(t, tg, map[string]string{})
	tg.push(1, 42, "/add "+page.URL+"/noi-bo.htm")
	<-tg.sending
	tg.push(2, 43, "/add "+page.URL+"/noi-bo.htm")
	<-tg.sending
	msgs, log := stop()
	if len(msgs) != 2 {
		t.Fatalf("replies %+v", msgs)
	}
	if got, want := msgs[0].text, "Không thêm được bài từ "+page.URL+"/noi-bo.htm: địa chỉ này trỏ vào mạng nội bộ nên không được phép tải."; got != want {
		t.Errorf("admin's reply:\ngot  %q\nwant %q (the reason, no error text)", got, want)
	}
	if !strings.Contains(msgs[1].text, "chỉ dành cho quản trị viên") {
		t.Errorf("non-admin's reply %q", msgs[1].text)
	}
	if n := conns.Load(); n != 0 {
		t.Errorf("the loopback listener received %d connections, want 0", n)
	}
	if strings.Contains(log, serveToken) {
		t.Error("token in the log")
	}

	// Allow-listed, the admin's /add reads it; the non-admin's still does not.
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(page.URL, "http://"))
	tg = newTGServer(t)
	stop = serveSession(t, tg, map[string]string{"HOIBAO_FETCH_ALLOW": "127.0.0.1:" + port})
	tg.push(1, 43, "/add "+page.URL+"/noi-bo.htm")
	<-tg.sending
	if n := conns.Load(); n != 0 {
		t.Errorf("a non-admin's /add reached the listener (%d connections)", n)
	}
	tg.push(2, 42, "/add "+page.URL+"/noi-bo.htm")
	<-tg.sending
	msgs, _ = stop()
	if len(msgs) != 2 || !strings.Contains(msgs[1].text, "Đã thêm bài “Tin nội bộ: lương thưởng năm 2024”") || conns.Load() == 0 {
		t.Errorf("allow-listed: replies %+v, %d connections", msgs, conns.Load())
	}
}

// docServer is the fake Telegram that also hands out one file.
type docServer struct {
	*tgServer
	file     []byte
	getFiles atomic.Int64
}

func newDocServer(t *testing.T, file []byte) *docServer {
	d := &docServer{tgServer: &tgServer{sending: make(chan struct{}, 16)}, file: file}
	d.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/file/bot"+serveToken+"/documents/file_7.pdf":
			w.Write(d.file)
		case strings.HasSuffix(r.URL.Path, "/getFile"):
			d.getFiles.Add(1)
			w.Header().Set("Content-Type", "application/json")
			json.NewEncoder(w).Encode(map[string]any{"ok": true, "result": map[string]any{
				"file_id": "DOC1", "file_unique_id": "u1", "file_size": len(d.file), "file_path": "documents/file_7.pdf"}})
		default:
			d.tgServer.serve(w, r)
		}
	}))
	t.Cleanup(d.Close)
	return d
}

func (d *docServer) pushDocument(id int, chat int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.updates = append(d.updates, map[string]any{"update_id": id, "message": map[string]any{
		"message_id": id, "date": time.Now().Unix(),
		"from": map[string]any{"id": chat, "is_bot": false, "first_name": "An"}, "chat": map[string]any{"id": chat, "type": "private"},
		"document": map[string]any{"file_id": "DOC1", "file_unique_id": "u1", "file_name": "rac-long-an.pdf",
			"mime_type": "application/pdf", "file_size": len(d.file)}}})
}

// An admin sends a PDF to the bot: it is read at once and answerable with
// a citation. A citizen's document is never downloaded.
func TestServeTelegramDocument(t *testing.T) {
	file, err := os.ReadFile("knowledge/testdata/documents/rac-long-an.pdf")
	if err != nil {
		t.Fatal(err)
	}
	tg := newDocServer(t, file)
	stop := serveSession(t, tg.tgServer, map[string]string{})
	tg.pushDocument(1, 43)
	<-tg.sending
	if n := tg.getFiles.Load(); n != 0 {
		t.Errorf("a citizen's document was fetched (%d getFile calls)", n)
	}
	tg.pushDocument(2, 42)
	<-tg.sending
	tg.push(3, 43, "Nhà máy xử lý rác ở Long An có công suất bao nhiêu?")
	<-tg.sending
	msgs, log := stop()
	if len(msgs) != 3 {
		t.Fatalf("replies %+v\n%s", msgs, log)
	}
	if !strings.Contains(msgs[0].text, "quản trị viên") {
		t.Errorf("citizen's document: %q", msgs[0].text)
	}
	if !strings.Contains(msgs[1].text, "Đã thêm bài “Long An khánh thành nhà máy xử lý rác 1.000 tấn mỗi ngày”") {
		t.Errorf("admin's document: %q", msgs[1].text)
	}
	if !strings.Contains(msgs[2].text, "1.000 tấn mỗi ngày") || !strings.Contains(msgs[2].text, "[1]") {
		t.Errorf("answer %q: want the capacity, cited", msgs[2].text)
	}
	if strings.Contains(log, serveToken) {
		t.Error("token in the log")
	}
}
