package fetch_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/http/httptest"
	"net/netip"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/fetch"
)

// listener is a loopback server that counts the connections it receives.
type listener struct {
	*httptest.Server
	conns atomic.Int64
}

func serve(t *testing.T, h http.HandlerFunc) *listener {
	t.Helper()
	l := &listener{Server: httptest.NewUnstartedServer(h)}
	l.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			l.conns.Add(1)
		}
	}
	l.Start()
	t.Cleanup(l.Close)
	return l
}

func page(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte("<html><body><p>Xin chào</p></body></html>"))
}

func hostPort(s *httptest.Server) string { return strings.TrimPrefix(s.URL, "http://") }

func TestInternalAddressesAreRefusedAndNeverConnected(t *testing.T) {
	srv := serve(t, page)
	c, err := fetch.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	_, port, _ := net.SplitHostPort(hostPort(srv.Server))
	for _, u := range []string{srv.URL + "/bai", "http://localhost:" + port + "/bai", "http://[::1]:" + port + "/"} {
		_, err := c.Fetch(context.Background(), u)
		var fe *fetch.Error
		if !errors.As(err, &fe) || !errors.Is(err, fetch.ErrBlocked) {
			t.Errorf("Fetch(%s) err = %v, want a blocked fetch.Error", u, err)
			continue
		}
		if got := knowledge.Reason(err); strings.Contains(got, port) || strings.Contains(got, "127.0.0.1") {
			t.Errorf("reason %q shows internal detail", got)
		}
	}
	if n := srv.conns.Load(); n != 0 {
		t.Errorf("the loopback listener received %d connections, want 0", n)
	}
}

func TestAllowListedAddressIsFetched(t *testing.T) {
	srv := serve(t, page)
	_, port, _ := net.SplitHostPort(hostPort(srv.Server))
	for allow, u := range map[string]string{
		hostPort(srv.Server): srv.URL, "127.0.0.1": srv.URL, "127.0.0.0/8": srv.URL,
		"localhost": "http://localhost:" + port, "localhost:" + port: "http://localhost:" + port,
	} {
		c, err := fetch.New([]string{allow})
		if err != nil {
			t.Fatal(err)
		}
		d, err := c.Fetch(context.Background(), u+"/bai")
		if err != nil {
			t.Errorf("allow %s: %v", allow, err)
			continue
		}
		if got, want := string(d.Data), "<html><body><p>Xin chào</p></body></html>"; got != want {
			t.Errorf("allow %s: got %q, want %q", allow, got, want)
		}
	}
}

// An allowed host that redirects to a loopback address not allowed: the
// redirect is refused and the second listener receives nothing.
func TestRedirectToInternalAddressIsRefused(t *testing.T) {
	inner := serve(t, page)
	_, innerPort, _ := net.SplitHostPort(hostPort(inner.Server))
	outer := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://localhost:"+innerPort+"/secret", http.StatusFound)
	})
	c, err := fetch.New([]string{hostPort(outer.Server)})
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Fetch(context.Background(), outer.URL+"/bai")
	if !errors.Is(err, fetch.ErrBlocked) {
		t.Errorf("err = %v, want ErrBlocked", err)
	}
	if outer.conns.Load() != 1 || inner.conns.Load() != 0 {
		t.Errorf("connections: allowed %d, internal %d; want 1 and 0", outer.conns.Load(), inner.conns.Load())
	}
}

func TestRedirectsAndSizeAreCapped(t *testing.T) {
	var loop *listener
	loop = serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, loop.URL+r.URL.Path+"x", http.StatusFound)
	})
	big := serve(t, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		for range 100 {
			w.Write(make([]byte, 1024))
		}
	})
	c, err := fetch.New([]string{"127.0.0.1"}, fetch.WithMaxBytes(10<<10), fetch.WithMaxRedirects(3))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Fetch(context.Background(), loop.URL+"/a"); knowledge.Reason(err) != "trang chuyển hướng quá nhiều lần" {
		t.Errorf("redirect loop: reason %q", knowledge.Reason(err))
	}
	if n := loop.conns.Load(); n > 4 {
		t.Errorf("redirect loop: %d connections, want at most 4", n)
	}
	if _, err := c.Fetch(context.Background(), big.URL); !strings.HasPrefix(knowledge.Reason(err), "tệp quá lớn") {
		t.Errorf("big page: reason %q, want tệp quá lớn", knowledge.Reason(err))
	}
}

func TestInternal(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1": true, "10.1.2.3": true, "172.16.0.1": true, "192.168.1.1": true, "169.254.169.254": true,
		"100.64.0.1": true, "224.0.0.1": true, "0.0.0.0": true, "::1": true, "fe80::1": true, "fc00::1": true,
		"ff02::1": true, "::": true, "::ffff:127.0.0.1": true, "::ffff:10.0.0.1": true, "64:ff9b::7f00:1": true,
		"8.8.8.8": false, "203.113.131.1": false, "2404:6800:4005:80f::200e": false,
	} {
		if got := fetch.Internal(netip.MustParseAddr(addr)); got != want {
			t.Errorf("Internal(%s) = %v, want %v", addr, got, want)
		}
	}
}

func TestBadAllowList(t *testing.T) {
	if _, err := fetch.New([]string{"10.0.0.0/33"}); err == nil {
		t.Error("a bad CIDR was accepted")
	}
}
