// Package extract reads a news article from a web page: its title, address,
// publication date, author and body paragraphs, found in the page's HTML
// (meta tags, JSON-LD, and the block of paragraphs that holds most text).
package extract

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/html/charset"

	"github.com/hoibao/hoibao/knowledge"
)

// Defaults of a Fetcher.
const (
	DefaultTimeout  = 20 * time.Second
	DefaultMaxBytes = 5 << 20
	userAgent       = "hoibao/1.0 (+https://github.com/hoibao/hoibao; news Q&A bot)"
)

// Fetcher reads articles from web pages. Its zero value is not usable; see New.
type Fetcher struct {
	client   *http.Client
	maxBytes int64
}

// Option configures a Fetcher.
type Option func(*Fetcher)

// WithMaxBytes bounds the size of a page (default DefaultMaxBytes).
func WithMaxBytes(n int64) Option { return func(f *Fetcher) { f.maxBytes = n } }

// New returns a Fetcher using client; nil means a client with DefaultTimeout.
// A client without a timeout gets DefaultTimeout.
func New(client *http.Client, opts ...Option) *Fetcher {
	if client == nil {
		client = &http.Client{Timeout: DefaultTimeout}
	} else if client.Timeout == 0 {
		c := *client
		c.Timeout = DefaultTimeout
		client = &c
	}
	f := &Fetcher{client: client, maxBytes: DefaultMaxBytes}
	for _, o := range opts {
		o(f)
	}
	return f
}

// Fetch reads the article at url with client (see New).
func Fetch(ctx context.Context, client *http.Client, url string) (knowledge.Article, error) {
	return New(client).Fetch(ctx, url)
}

// Error is a failed fetch: a sentence a user can read, and the cause for
// the logs. It wraps knowledge.ErrInvalidArticle when the page holds no
// article, knowledge.ErrUnavailable when the site could not be read.
type Error struct {
	Msg  string // Vietnamese, for the user
	Kind error  // knowledge.ErrInvalidArticle or knowledge.ErrUnavailable
	Err  error  // the cause, may be nil
}

func (e *Error) Error() string {
	if e.Err != nil {
		return e.Msg + " (" + e.Err.Error() + ")"
	}
	return e.Msg
}

func (e *Error) Unwrap() []error {
	if e.Err != nil {
		return []error{e.Kind, e.Err}
	}
	return []error{e.Kind}
}

// Fetch reads the article at rawURL.
func (f *Fetcher) Fetch(ctx context.Context, rawURL string) (knowledge.Article, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return knowledge.Article{}, &Error{Msg: "địa chỉ không hợp lệ, cần một liên kết http:// hoặc https://", Kind: knowledge.ErrInvalidArticle}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return knowledge.Article{}, &Error{Msg: "địa chỉ không hợp lệ", Kind: knowledge.ErrInvalidArticle, Err: err}
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	req.Header.Set("Accept-Language", "vi,en;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		if errors.Is(err, context.Canceled) && ctx.Err() != nil {
			return knowledge.Article{}, err
		}
		return knowledge.Article{}, &Error{Msg: "không tải được trang " + u.Host + ", hãy thử lại sau", Kind: knowledge.ErrUnavailable, Err: err}
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		kind := knowledge.ErrInvalidArticle
		if resp.StatusCode >= 500 || resp.StatusCode == http.StatusTooManyRequests {
			kind = knowledge.ErrUnavailable
		}
		return knowledge.Article{}, &Error{Msg: fmt.Sprintf("trang %s trả về lỗi %d", u.Host, resp.StatusCode), Kind: kind}
	}
	ctype := resp.Header.Get("Content-Type")
	if mt, _, err := mime.ParseMediaType(ctype); ctype != "" && (err != nil || (mt != "text/html" && mt != "application/xhtml+xml")) {
		return knowledge.Article{}, &Error{Msg: "liên kết không phải một trang web (HTML) mà là " + mt, Kind: knowledge.ErrInvalidArticle}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.maxBytes+1))
	if err != nil {
		return knowledge.Article{}, &Error{Msg: "không tải hết được trang " + u.Host, Kind: knowledge.ErrUnavailable, Err: err}
	}
	if int64(len(body)) > f.maxBytes {
		return knowledge.Article{}, &Error{Msg: fmt.Sprintf("trang quá lớn (hơn %d MB)", f.maxBytes>>20), Kind: knowledge.ErrInvalidArticle}
	}
	r, err := charset.NewReader(strings.NewReader(string(body)), ctype)
	if err != nil {
		return knowledge.Article{}, &Error{Msg: "không đọc được bảng mã của trang", Kind: knowledge.ErrInvalidArticle, Err: err}
	}
	final := u
	if resp.Request != nil && resp.Request.URL != nil {
		final = resp.Request.URL
	}
	return Parse(r, final.String())
}
