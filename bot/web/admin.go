package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/hoibao/hoibao/bot"
	"github.com/hoibao/hoibao/knowledge"
)

// addRequest is the JSON body of POST /api/articles: a link to fetch, or
// the article's text (title line, then paragraphs; see README).
type addRequest struct {
	URL  string `json:"url"`
	Text string `json:"text"`
}

// addArticle answers POST /api/articles: 201 with the stored article's ID,
// title and chunk count. The body is JSON ({"url"} or {"text"}) or, with
// any other content type, the article's text itself. Nothing is stored
// unless the whole article is read and stored.
func (s *Server) addArticle(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), adminTimeout)
	defer cancel()
	var req addRequest
	if ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type")); ct == "application/json" {
		if !decode(w, r, s.maxArt, &req) {
			return
		}
	} else {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.maxArt))
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, msgTooLarge+" Tối đa "+strconv.FormatInt(s.maxArt>>10, 10)+" KB.")
			return
		}
		if err != nil {
			writeError(w, http.StatusBadRequest, "Không đọc được nội dung gửi lên.")
			return
		}
		req.Text = string(body)
	}
	req.URL, req.Text = strings.TrimSpace(req.URL), strings.TrimSpace(req.Text)
	var src knowledge.Source
	switch {
	case req.URL != "" && req.Text != "":
		writeError(w, http.StatusBadRequest, "Gửi đường link (url) hoặc nội dung bài (text), không gửi cả hai.")
		return
	case req.URL != "":
		src = knowledge.Source{Ref: req.URL} // fetched through the safe fetcher: internal addresses refused
	case req.Text != "":
		src = knowledge.Source{Text: req.Text}
	default:
		writeError(w, http.StatusBadRequest, "Thiếu nội dung: gửi {\"url\": …} hoặc {\"text\": …}.")
		return
	}
	rep, err := s.kn.Ingest(ctx, src)
	if err != nil {
		s.fail(w, "adding article", err)
		return
	}
	if len(rep.Articles) == 0 {
		reason := "không đọc được nội dung"
		if len(rep.Skipped) > 0 {
			reason = rep.Skipped[0].Reason
		}
		writeError(w, http.StatusBadRequest, fmt.Sprintf("Không thêm được bài: %s.", reason))
		return
	}
	a := rep.Articles[0]
	stored, ok := s.kn.Index().Article(a.ID)
	if !ok { // another admin removed it at once
		writeError(w, http.StatusConflict, "Bài vừa thêm đã bị xoá.")
		return
	}
	s.log.Info("article added", "via", "http", "article", stored.ID)
	writeJSON(w, http.StatusCreated, map[string]any{
		"id": stored.ID, "title": stored.Title, "chunks": len(knowledge.ChunkArticle(stored)), "report": rep,
	})
}

// removeArticle answers DELETE /api/articles/{id}.
func (s *Server) removeArticle(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), adminTimeout)
	defer cancel()
	id := r.PathValue("id")
	if err := s.kn.Remove(ctx, id); err != nil {
		s.fail(w, "removing article", err)
		return
	}
	s.log.Info("article removed", "via", "http", "article", id)
	writeJSON(w, http.StatusOK, map[string]string{"removed": id})
}

// reload answers POST /api/reload: the configured sources read again,
// all or nothing, keeping what admins added.
func (s *Server) reload(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), adminTimeout)
	defer cancel()
	rep, err := s.kn.ReloadFrom(ctx, knowledge.ReloadSources(s.sources)...) // admins' articles are kept
	s.reloaded(err)
	if err != nil {
		s.fail(w, "reloading", err)
		return
	}
	n, chunks := s.kn.Index().Len()
	s.log.Info("reloaded", "via", "http", "articles", n, "chunks", chunks)
	writeJSON(w, http.StatusOK, map[string]any{"articles": n, "chunks": chunks, "report": rep})
}

// stats answers GET /api/stats: content size, and the core's /stats report.
func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	n, chunks := s.kn.Index().Len()
	reply := s.h.Handle(r.Context(), bot.Message{Channel: Channel, ChatID: AdminUser, UserID: AdminUser, Text: "/stats"})
	if status, _ := reply.Outcome.Status(); status != http.StatusOK {
		writeError(w, status, reply.Text)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"articles": n, "chunks": chunks, "report": reply.Text})
}

// fail answers a failed change of content: its status from the outcome the
// error means, a sentence for the user, the detail in the log.
func (s *Server) fail(w http.ResponseWriter, what string, err error) {
	o := outcomeOf(err)
	status, _ := o.Status()
	if o == bot.OutcomeInternal || o == bot.OutcomeUnavailable {
		s.log.Error(what+" failed", "err", err)
	}
	if errors.Is(err, knowledge.ErrInvalidArticle) {
		writeError(w, status, userMessage(err, o)+" Nội dung cũ vẫn được giữ nguyên.")
		return
	}
	writeError(w, status, userMessage(err, o))
}
