// Package zalooatest is a fake Zalo Official Account API for tests: the
// customer-service message endpoint (POST /v3.0/oa/message/cs with an
// access_token header) and the OAuth refresh endpoint (POST
// /v4/oa/access_token with a secret_key header and a form) on one server,
// speaking the real JSON shapes; refresh tokens are single use. It also
// signs and delivers webhook events as the platform does.
package zalooatest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"time"
)

// Sent is a message the OA sent.
type Sent struct {
	User, Text, AccessToken string
}

// Server is the fake; its URL is both the API and the OAuth base.
type Server struct {
	*httptest.Server
	appID, secretKey string

	mu        sync.Mutex
	valid     map[string]bool // access tokens accepted
	refresh   string          // the one refresh token accepted
	refreshes int
	n         int
	sent      []Sent
	outside   map[string]bool // users outside the 48-hour window
}

// New starts a fake OA of appID whose current tokens are access and refresh.
func New(appID, secretKey, access, refresh string) *Server {
	s := &Server{appID: appID, secretKey: secretKey, valid: map[string]bool{access: true}, refresh: refresh, outside: map[string]bool{}}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v3.0/oa/message/cs", s.send)
	mux.HandleFunc("POST /v4/oa/access_token", s.token)
	s.Server = httptest.NewServer(mux)
	return s
}

// Expire makes an access token invalid, as 25 hours do.
func (s *Server) Expire(access string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.valid, access)
}

// Outside puts user outside the 48-hour reply window.
func (s *Server) Outside(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.outside[user] = true
}

// Refreshes returns how many refreshes succeeded and the refresh token now valid.
func (s *Server) Refreshes() (int, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.refreshes, s.refresh
}

// Sent returns the messages sent to user ("" for all).
func (s *Server) Sent(user string) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Sent
	for _, m := range s.sent {
		if user == "" || m.User == user {
			out = append(out, m)
		}
	}
	return out
}

// WaitSent waits up to 20 s for n messages to user.
func (s *Server) WaitSent(user string, n int) ([]Sent, error) {
	deadline := time.Now().Add(20 * time.Second)
	for {
		if got := s.Sent(user); len(got) >= n {
			return got, nil
		} else if time.Now().After(deadline) {
			return got, fmt.Errorf("zalooatest: %d messages to %s after 20 s, want %d", len(got), user, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func (s *Server) send(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Recipient struct {
			UserID string `json:"user_id"`
		} `json:"recipient"`
		Message struct {
			Text string `json:"text"`
		} `json:"message"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body.Recipient.UserID == "" || body.Message.Text == "" {
		reply(w, map[string]any{"error": -201, "message": "Parameters are invalid"})
		return
	}
	access := r.Header.Get("access_token")
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case !s.valid[access]:
		reply(w, map[string]any{"error": -216, "message": "Access token is invalid"})
	case s.outside[body.Recipient.UserID]:
		reply(w, map[string]any{"error": -213, "message": "User has not interacted with the OA in the last 48 hours"})
	case len([]rune(body.Message.Text)) > 2000:
		reply(w, map[string]any{"error": -201, "message": "Message text is too long"})
	default:
		s.n++
		s.sent = append(s.sent, Sent{User: body.Recipient.UserID, Text: body.Message.Text, AccessToken: access})
		reply(w, map[string]any{"error": 0, "message": "Success", "data": map[string]any{"message_id": "oa-" + strconv.Itoa(s.n), "user_id": body.Recipient.UserID}})
	}
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	_ = r.ParseForm()
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case r.Header.Get("secret_key") != s.secretKey || r.PostForm.Get("app_id") != s.appID:
		reply(w, map[string]any{"error": -14001, "error_name": "Invalid app", "error_description": "app_id or secret_key is wrong"})
	case r.PostForm.Get("grant_type") != "refresh_token" || r.PostForm.Get("refresh_token") != s.refresh:
		reply(w, map[string]any{"error": -14014, "error_name": "Invalid refresh token", "error_description": "refresh_token is invalid or used"})
	default:
		s.refreshes++
		access := fmt.Sprintf("access-%d", s.refreshes)
		s.refresh = fmt.Sprintf("refresh-%d", s.refreshes)
		s.valid[access] = true
		reply(w, map[string]any{"access_token": access, "refresh_token": s.refresh, "expires_in": "90000"})
	}
}

// Text is a user_send_text event from user to the OA, timestamped now.
func Text(appID, user, text string) map[string]any {
	ms := time.Now().UnixMilli()
	return map[string]any{"app_id": appID, "event_name": "user_send_text", "timestamp": strconv.FormatInt(ms, 10),
		"sender": map[string]string{"id": user}, "recipient": map[string]string{"id": "oa-1"},
		"message": map[string]string{"msg_id": "msg-" + strconv.FormatInt(ms, 36) + "-" + strconv.Itoa(int(seq())), "text": text}}
}

var counter struct {
	sync.Mutex
	n int64
}

func seq() int64 {
	counter.Lock()
	defer counter.Unlock()
	counter.n++
	return counter.n
}

// Signature is the X-ZEvent-Signature of body.
func Signature(appID string, body []byte, timestamp, secretKey string) string {
	sum := sha256.Sum256([]byte(appID + string(body) + timestamp + secretKey))
	return "mac=" + hex.EncodeToString(sum[:])
}

// Deliver posts ev to a webhook at url, signed with secretKey ("" sends no
// signature), and returns the HTTP status.
func Deliver(ctx context.Context, url, secretKey string, ev map[string]any) (int, error) {
	body, err := json.Marshal(ev)
	if err != nil {
		return 0, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	if secretKey != "" {
		appID, _ := ev["app_id"].(string)
		ts, _ := ev["timestamp"].(string)
		req.Header.Set("X-ZEvent-Signature", Signature(appID, body, ts, secretKey))
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
