// Package fetch gets documents from the web for ingest, safely: it never
// connects to loopback, private, link-local, CGNAT, multicast or
// unspecified addresses (IPv4 or IPv6) unless an allow-list names them,
// checking the resolved address of every connection, redirects included;
// redirects and body size are capped, and its errors carry a sentence an
// admin can read beside the technical cause for the logs.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"strings"
	"time"

	"github.com/hoibao/hoibao/knowledge"
)

// Defaults of a Client.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 10 << 20
	DefaultMaxRedirects = 5
	userAgent           = "hoibao/1.0 (+https://github.com/hoibao/hoibao; news Q&A bot)"
)

var _ knowledge.Fetcher = (*Client)(nil)

// Client fetches documents. Its zero value is not usable; see New.
type Client struct {
	hc           *http.Client
	guard        guard
	maxBytes     int64
	maxRedirects int
	accept       string
}

// Option configures a Client.
type Option func(*Client)

// WithMaxBytes bounds the size of a document (default DefaultMaxBytes).
func WithMaxBytes(n int64) Option { return func(c *Client) { c.maxBytes = n } }

// WithMaxRedirects bounds the redirects followed (default DefaultMaxRedirects).
func WithMaxRedirects(n int) Option { return func(c *Client) { c.maxRedirects = n } }

// WithTimeout bounds one fetch, redirects and body included.
func WithTimeout(d time.Duration) Option { return func(c *Client) { c.hc.Timeout = d } }

// WithAccept sets the Accept header (feeds ask for XML).
func WithAccept(a string) Option { return func(c *Client) { c.accept = a } }

// New returns a client that may also reach the hosts, addresses and CIDR
// ranges in allow (HOIBAO_FETCH_ALLOW; a host may carry a port, "host:port"),
// though they are internal.
func New(allow []string, opts ...Option) (*Client, error) {
	g, err := parseAllow(allow)
	if err != nil {
		return nil, err
	}
	c := &Client{guard: g, maxBytes: DefaultMaxBytes, maxRedirects: DefaultMaxRedirects,
		accept: "text/html,application/xhtml+xml,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document;q=0.9,*/*;q=0.5"}
	tr := &http.Transport{
		Proxy:                 nil, // a proxy would connect on our behalf, past the guard
		DialContext:           c.dial,
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: 15 * time.Second,
		MaxIdleConns:          10,
		IdleConnTimeout:       30 * time.Second,
	}
	c.hc = &http.Client{Transport: tr, Timeout: DefaultTimeout, CheckRedirect: c.checkRedirect}
	for _, o := range opts {
		o(c)
	}
	return c, nil
}

// Error is a failed fetch: Reason for the admin, Err for the logs.
type Error struct {
	Msg string
	Err error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return "fetch: " + e.Msg + ": " + e.Err.Error()
	}
	return "fetch: " + e.Msg
}

// Reason is the sentence an admin sees.
func (e *Error) Reason() string { return e.Msg }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// ErrBlocked is the cause when an address is internal and not allowed.
var ErrBlocked = errors.New("address is internal and not in HOIBAO_FETCH_ALLOW")

// Reasons admins see.
const (
	msgBadURL    = "địa chỉ không hợp lệ, cần một liên kết http:// hoặc https://"
	msgBlocked   = "địa chỉ này trỏ vào mạng nội bộ nên không được phép tải"
	msgRedirects = "trang chuyển hướng quá nhiều lần"
	msgTooLarge  = "tệp quá lớn"
	msgTimeout   = "trang không trả lời kịp, hãy thử lại sau"
	msgConnect   = "không kết nối được tới trang, hãy kiểm tra lại đường link"
)

// Fetch gets the document at rawURL.
func (c *Client) Fetch(ctx context.Context, rawURL string) (knowledge.Document, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return knowledge.Document{}, &Error{Msg: msgBadURL, Err: err}
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return knowledge.Document{}, &Error{Msg: msgBadURL, Err: err}
	}
	req.Header.Set("User-Agent", userAgent)
	req.Header.Set("Accept", c.accept)
	req.Header.Set("Accept-Language", "vi,en;q=0.5")
	resp, err := c.hc.Do(req)
	if err != nil {
		return knowledge.Document{}, classify(ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return knowledge.Document{}, &Error{Msg: fmt.Sprintf("trang trả về lỗi %d", resp.StatusCode),
			Err: fmt.Errorf("%s: HTTP %s", u.Host, resp.Status)}
	}
	if resp.ContentLength > c.maxBytes {
		return knowledge.Document{}, &Error{Msg: fmt.Sprintf("%s (hơn %d MB)", msgTooLarge, c.maxBytes>>20)}
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes+1))
	if err != nil {
		return knowledge.Document{}, classify(ctx, err)
	}
	if int64(len(body)) > c.maxBytes {
		return knowledge.Document{}, &Error{Msg: fmt.Sprintf("%s (hơn %d MB)", msgTooLarge, c.maxBytes>>20)}
	}
	final := resp.Request.URL.String()
	d := knowledge.Document{Name: final, URL: final, ContentType: resp.Header.Get("Content-Type"), Data: body}
	if _, params, err := mime.ParseMediaType(resp.Header.Get("Content-Disposition")); err == nil && params["filename"] != "" {
		d.Name = params["filename"]
	}
	return d, nil
}

func classify(ctx context.Context, err error) error {
	switch {
	case errors.Is(err, ErrBlocked):
		return &Error{Msg: msgBlocked, Err: err}
	case errors.Is(err, errTooManyRedirects):
		return &Error{Msg: msgRedirects, Err: err}
	case errors.Is(err, errBadRedirect):
		return &Error{Msg: msgBadURL, Err: err}
	case ctx.Err() != nil || errors.Is(err, context.DeadlineExceeded):
		return &Error{Msg: msgTimeout, Err: err}
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return &Error{Msg: msgTimeout, Err: err}
	}
	return &Error{Msg: msgConnect, Err: err}
}

var (
	errTooManyRedirects = errors.New("too many redirects")
	errBadRedirect      = errors.New("redirect to a non-http(s) address")
)

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > c.maxRedirects {
		return errTooManyRedirects
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return errBadRedirect
	}
	return nil
}

// dial resolves addr's host and connects only to an address the guard
// allows; the checked address is the one dialled, so a name that resolves
// differently a moment later cannot slip past.
func (c *Client) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	var ips []netip.Addr
	if ip, err := netip.ParseAddr(host); err == nil {
		ips = []netip.Addr{ip}
	} else {
		if ips, err = net.DefaultResolver.LookupNetIP(ctx, "ip", host); err != nil {
			return nil, err
		}
	}
	var d net.Dialer
	var firstErr error
	for _, ip := range ips {
		if !c.guard.allows(host, port, ip) {
			if firstErr == nil {
				firstErr = fmt.Errorf("%w: %s (%s)", ErrBlocked, host, ip)
			}
			continue
		}
		conn, err := d.DialContext(ctx, network, net.JoinHostPort(ip.String(), port))
		if err == nil {
			return conn, nil
		}
		if firstErr == nil || errors.Is(firstErr, ErrBlocked) {
			firstErr = err
		}
	}
	if firstErr == nil {
		firstErr = fmt.Errorf("%s: no address", host)
	}
	return nil, firstErr
}
