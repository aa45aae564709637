package redisstore_test

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
	"github.com/hoibao/hoibao/knowledge/storetest"
)

// replica is one bot replica: a service on its own store handle, synced.
type replica struct {
	svc  *knowledge.Service
	stop func()
}

func startReplica(t *testing.T, store *redisstore.Store) *replica {
	t.Helper()
	svc := knowledge.NewService(nil, knowledge.WithStore(store))
	if err := svc.Load(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { defer close(done); svc.Sync(ctx) }()
	r := &replica{svc: svc, stop: func() { cancel(); <-done }}
	t.Cleanup(r.stop)
	return r
}

// cites reports whether the replica answers q citing article id.
func (r *replica) cites(q, id string) bool {
	ans, err := r.svc.Ask(context.Background(), knowledge.Query{Text: q})
	if err != nil || ans.Refused {
		return false
	}
	for _, c := range ans.Citations {
		if c.ArticleID == id {
			return true
		}
	}
	return false
}

// eventually polls cond until it holds or the deadline passes, and returns
// how long that took.
func eventually(t *testing.T, deadline time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for !cond() {
		if time.Since(start) > deadline {
			t.Fatalf("%s: not within %v", what, deadline)
		}
		time.Sleep(5 * time.Millisecond)
	}
	return time.Since(start)
}

func article(t *testing.T, id, person, place string) knowledge.Article {
	a, err := knowledge.Finish(knowledge.Article{
		ID: id, Title: "Bổ nhiệm Giám đốc Sở " + place,
		Paragraphs: []string{fmt.Sprintf("Ông %s được bổ nhiệm làm Giám đốc Sở Nông nghiệp tỉnh %s.", person, place)},
	})
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// TestTwoReplicas: an article added through replica A is answerable on
// replica B within a second, and a removal likewise.
func TestTwoReplicas(t *testing.T) {
	rdb := testClient(t)
	prefix := testPrefix(t, rdb)
	a := startReplica(t, newStore(t, rdb, prefix))
	b := startReplica(t, newStore(t, rdb, prefix))
	ctx := context.Background()
	if err := a.svc.Add(ctx, article(t, "dong-thap", "Nguyễn Văn Tám", "Đồng Tháp")); err != nil {
		t.Fatal(err)
	}
	time.Sleep(50 * time.Millisecond) // B subscribed (its Watch reported the subscription) before the next add
	const q = "Ai làm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu?"
	if b.cites(q, "bac-lieu") {
		t.Fatal("B answers about an article not added yet")
	}
	if err := a.svc.Add(ctx, article(t, "bac-lieu", "Trần Thị Mười", "Bạc Liêu")); err != nil {
		t.Fatal(err)
	}
	took := eventually(t, time.Second, "article added on A answerable on B", func() bool { return b.cites(q, "bac-lieu") })
	t.Logf("add propagated to B in %v", took)

	if err := a.svc.Remove(ctx, "bac-lieu"); err != nil {
		t.Fatal(err)
	}
	took = eventually(t, time.Second, "article removed on A gone from B", func() bool {
		_, ok := b.svc.Index().Article("bac-lieu")
		return !ok && !b.cites(q, "bac-lieu")
	})
	t.Logf("removal propagated to B in %v", took)
	if _, ok := b.svc.Index().Article("dong-thap"); !ok {
		t.Error("B lost the article that was not removed")
	}
	// A reload on B reaches A likewise.
	if err := b.svc.Reload(ctx, []knowledge.Article{article(t, "ca-mau", "Lê Văn Hai", "Cà Mau")}); err != nil {
		t.Fatal(err)
	}
	eventually(t, time.Second, "reload on B served by A", func() bool {
		n, _ := a.svc.Index().Len()
		return n == 1 && a.cites("Ai làm Giám đốc Sở Nông nghiệp tỉnh Cà Mau?", "ca-mau")
	})
}

// TestRestartRedisStore: an article added survives a restart of the
// process (a new client, store and service on the same Redis).
func TestRestartRedisStore(t *testing.T) {
	rdb := testClient(t)
	prefix := testPrefix(t, rdb)
	ctx := context.Background()
	s1, err := redisstore.Open(ctx, testURL(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	svc1 := knowledge.NewService(nil, knowledge.WithStore(s1))
	if err := svc1.Load(ctx, knowledge.Sample()); err != nil {
		t.Fatal(err)
	}
	if err := svc1.Add(ctx, article(t, "soc-trang", "Phan Văn Út", "Sóc Trăng")); err != nil {
		t.Fatal(err)
	}
	s1.Close()

	s2, err := redisstore.Open(ctx, testURL(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	svc2 := knowledge.NewService(nil, knowledge.WithStore(s2))
	if err := svc2.Load(ctx, nil); err != nil {
		t.Fatal(err)
	}
	r := &replica{svc: svc2}
	if !r.cites("Ai làm Giám đốc Sở Nông nghiệp tỉnh Sóc Trăng?", "soc-trang") {
		t.Fatal("after a restart the added article is not answered")
	}
	if n, _ := svc2.Index().Len(); n != 1+len(knowledge.Sample()) {
		t.Errorf("after a restart: %d articles, want the added one and the sample", n)
	}
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// redisServer is a redis-server of the test's own on a loopback port,
// persisting to an append-only file so a restart loses nothing.
type redisServer struct {
	t         *testing.T
	port      int
	dir       string
	cmd       *exec.Cmd
	ephemeral bool // no persistence: a restart loses the data
}

func newRedisServer(t *testing.T) *redisServer {
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		t.Skip("redis-server is not installed; skipping the fault test")
	}
	_ = bin
	s := &redisServer{t: t, port: freePort(t), dir: t.TempDir()}
	s.start()
	t.Cleanup(s.stop)
	return s
}

func (s *redisServer) url() string { return fmt.Sprintf("redis://127.0.0.1:%d/0", s.port) }

func (s *redisServer) start() {
	s.t.Helper()
	aof := "yes"
	if s.ephemeral {
		aof = "no"
	}
	s.cmd = exec.Command("redis-server", "--port", fmt.Sprint(s.port), "--bind", "127.0.0.1",
		"--dir", s.dir, "--save", "", "--appendonly", aof, "--appendfsync", "always", "--daemonize", "no")
	s.cmd.Stdout, s.cmd.Stderr = nil, nil
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	rdb := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", s.port), DialTimeout: time.Second})
	defer rdb.Close()
	deadline := time.Now().Add(10 * time.Second)
	for rdb.Ping(context.Background()).Err() != nil {
		if time.Now().After(deadline) {
			s.t.Fatal("the test's redis-server did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func (s *redisServer) stop() {
	if s.cmd == nil || s.cmd.Process == nil {
		return
	}
	s.cmd.Process.Kill()
	s.cmd.Wait()
	s.cmd = nil
}

// open connects a store to the test's server with a key prefix, closed when
// the test ends.
func (s *redisServer) open(t *testing.T, prefix string) *redisstore.Store {
	t.Helper()
	store, err := redisstore.Open(context.Background(), s.url(), prefix)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	return store
}

// TestRedisOutage stops Redis under two running replicas and starts it
// again: questions are answered throughout; an add during the outage gets
// a clear error; after the restart an add works and both replicas see it.
func TestRedisOutage(t *testing.T) {
	srv := newRedisServer(t)
	ctx := context.Background()
	a := startReplica(t, srv.open(t, "hoibao-fault:"))
	b := startReplica(t, srv.open(t, "hoibao-fault:"))
	if err := a.svc.Add(ctx, article(t, "dong-thap", "Nguyễn Văn Tám", "Đồng Tháp")); err != nil {
		t.Fatal(err)
	}
	const q = "Ai làm Giám đốc Sở Nông nghiệp tỉnh Đồng Tháp?"
	eventually(t, 10*time.Second, "first article on B", func() bool { return b.cites(q, "dong-thap") })

	// Ask both replicas all along; every answer must cite the article.
	var answered, failed atomic.Int64
	stopAsking := make(chan struct{})
	var wg sync.WaitGroup
	for _, r := range []*replica{a, b} {
		wg.Go(func() {
			for {
				select {
				case <-stopAsking:
					return
				default:
				}
				if r.cites(q, "dong-thap") {
					answered.Add(1)
				} else {
					failed.Add(1)
				}
				time.Sleep(2 * time.Millisecond)
			}
		})
	}

	srv.stop()
	before := answered.Load()
	err := a.svc.Add(ctx, article(t, "bac-lieu", "Trần Thị Mười", "Bạc Liêu"))
	if !errors.Is(err, knowledge.ErrUnavailable) {
		t.Fatalf("add during the outage: got %v, want ErrUnavailable", err)
	}
	if !strings.Contains(err.Error(), "chưa lưu được") || !strings.Contains(err.Error(), "Redis tạm thời không truy cập được") {
		t.Errorf("add during the outage: error %q is not a clear Vietnamese sentence", err)
	}
	t.Logf("add during the outage: %v", err)
	if _, ok := a.svc.Index().Article("bac-lieu"); ok {
		t.Error("an add that was not stored is served")
	}
	if err := b.svc.Remove(ctx, "dong-thap"); !errors.Is(err, knowledge.ErrUnavailable) {
		t.Errorf("remove during the outage: got %v, want ErrUnavailable", err)
	}
	if err := b.svc.Reload(ctx, []knowledge.Article{article(t, "x", "Hồ Văn X", "Kiên Giang")}); !errors.Is(err, knowledge.ErrUnavailable) {
		t.Errorf("reload during the outage: got %v, want ErrUnavailable", err)
	}
	eventually(t, 10*time.Second, "answers during the outage", func() bool { return answered.Load() > before+10 })

	srv.start()
	z := article(t, "ca-mau", "Lê Văn Hai", "Cà Mau")
	var addErr error
	eventually(t, 10*time.Second, "an add after Redis is back", func() bool {
		addErr = a.svc.Add(ctx, z)
		return addErr == nil
	})
	const qz = "Ai làm Giám đốc Sở Nông nghiệp tỉnh Cà Mau?"
	took := eventually(t, 10*time.Second, "both replicas serve the add after the restart", func() bool {
		return a.cites(qz, "ca-mau") && b.cites(qz, "ca-mau")
	})
	t.Logf("after the restart B served the add in %v", took)
	close(stopAsking)
	wg.Wait()
	if failed.Load() > 0 {
		t.Errorf("%d of %d questions went unanswered during the outage test", failed.Load(), failed.Load()+answered.Load())
	}
	t.Logf("%d questions answered throughout", answered.Load())
	for _, r := range []*replica{a, b} {
		if _, ok := r.svc.Index().Article("bac-lieu"); ok {
			t.Error("the add that failed during the outage is served")
		}
	}
	_ = os.Remove(filepath.Join(srv.dir, "nothing"))
}

// TestRedisLosesItsData: a Redis restarted without persistence comes back
// empty; the replicas keep serving and write their content back.
func TestRedisLosesItsData(t *testing.T) {
	srv := newRedisServer(t)
	srv.stop()
	srv.ephemeral = true
	srv.start()
	ctx := context.Background()
	a := startReplica(t, srv.open(t, ""))
	b := startReplica(t, srv.open(t, ""))
	if err := a.svc.Reload(ctx, []knowledge.Article{
		article(t, "dong-thap", "Nguyễn Văn Tám", "Đồng Tháp"), article(t, "ca-mau", "Lê Văn Hai", "Cà Mau"),
	}); err != nil {
		t.Fatal(err)
	}
	const q = "Ai làm Giám đốc Sở Nông nghiệp tỉnh Cà Mau?"
	eventually(t, 10*time.Second, "content on B", func() bool { return b.cites(q, "ca-mau") })

	srv.stop()
	srv.start() // empty
	check := srv.open(t, "")
	eventually(t, 10*time.Second, "the content written back to Redis", func() bool {
		as, err := check.Articles(ctx)
		return err == nil && len(as) == 2
	})
	for _, r := range []*replica{a, b} {
		if !r.cites(q, "ca-mau") {
			t.Error("a replica stopped answering after Redis lost its data")
		}
	}
	// A replica started now serves what was written back.
	c := startReplica(t, srv.open(t, ""))
	if !c.cites(q, "ca-mau") {
		t.Error("a new replica does not serve the content written back")
	}
}

var _ = storetest.Article
