package redisstore_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/hoibao/hoibao/knowledge"
	"github.com/hoibao/hoibao/knowledge/redisstore"
	"github.com/hoibao/hoibao/knowledge/storetest"
)

// startCluster starts a one-node Redis Cluster of the test's own (all
// 16384 slots on one server): enough for Redis to refuse any command whose
// keys are in different slots, and for go-redis to speak Cluster.
func startCluster(t *testing.T) string {
	if _, err := exec.LookPath("redis-server"); err != nil {
		t.Skip("redis-server is not installed; skipping the Cluster test")
	}
	port := freePort(t)
	dir := t.TempDir()
	cmd := exec.Command("redis-server", "--port", fmt.Sprint(port), "--bind", "127.0.0.1", "--dir", dir,
		"--cluster-enabled", "yes", "--cluster-config-file", dir+"/nodes.conf", "--save", "", "--appendonly", "no")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	rdb := redis.NewClient(&redis.Options{Addr: fmt.Sprintf("127.0.0.1:%d", port)})
	defer rdb.Close()
	ctx := context.Background()
	deadline := time.Now().Add(10 * time.Second)
	for rdb.Ping(ctx).Err() != nil {
		if time.Now().After(deadline) {
			t.Fatal("the test's cluster node did not start")
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err := rdb.Do(ctx, "CLUSTER", "ADDSLOTSRANGE", 0, 16383).Err(); err != nil {
		t.Skipf("CLUSTER ADDSLOTSRANGE: %v", err)
	}
	for {
		info, _ := rdb.ClusterInfo(ctx).Result()
		if strings.Contains(info, "cluster_state:ok") {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("cluster not ready:\n%s", info)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Sprintf("redis://127.0.0.1:%d?cluster=true", port)
}

// TestCluster runs the contract and the replica scenario on Redis Cluster.
func TestCluster(t *testing.T) {
	url := startCluster(t)
	ctx := context.Background()
	n := 0
	open := func(t *testing.T, prefix string) *redisstore.Store {
		s, err := redisstore.Open(ctx, url, prefix)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := s.Client().(*redis.ClusterClient); !ok {
			t.Fatalf("client is %T, want a ClusterClient", s.Client())
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	fresh := func() string { n++; return fmt.Sprintf("c%d:", n) }
	storetest.Run(t, func(t *testing.T) knowledge.Store { return open(t, fresh()) })
	storetest.RunShared(t, func(t *testing.T) (knowledge.Shared, knowledge.Shared) {
		p := fresh()
		return open(t, p), open(t, p)
	})

	p := fresh()
	a, b := startReplica(t, open(t, p)), startReplica(t, open(t, p))
	if err := open(t, p).PutMany(ctx, []knowledge.Article{article(t, "dong-thap", "Nguyễn Văn Tám", "Đồng Tháp")}); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "PutMany served by both", func() bool {
		return a.cites("Ai làm Giám đốc Sở Nông nghiệp tỉnh Đồng Tháp?", "dong-thap") &&
			b.cites("Ai làm Giám đốc Sở Nông nghiệp tỉnh Đồng Tháp?", "dong-thap")
	})
	if err := a.svc.Add(ctx, article(t, "bac-lieu", "Trần Thị Mười", "Bạc Liêu")); err != nil {
		t.Fatal(err)
	}
	eventually(t, 5*time.Second, "add on A served by B", func() bool {
		return b.cites("Ai làm Giám đốc Sở Nông nghiệp tỉnh Bạc Liêu?", "bac-lieu")
	})
	st := open(t, p)
	if err := st.SaveHistory(ctx, "c1", []knowledge.Turn{{Question: "q", Answer: "a"}}, time.Minute); err != nil {
		t.Fatal(err)
	}
	if ok, err := st.Allow(ctx, "k", 1, time.Minute); !ok || err != nil {
		t.Errorf("Allow on Cluster: %v, %v", ok, err)
	}
	if err := st.PutVectors(ctx, "m", map[string][]float32{"h1": {1}, "h2": {2}, "h3": {3}}); err != nil {
		t.Fatal(err)
	}
	if got, err := st.GetVectors(ctx, "m", []string{"h1", "h2", "h3"}); err != nil || len(got) != 3 {
		t.Errorf("vectors on Cluster: %v, %v", got, err)
	}
	if err := st.Audit(ctx, "x", "add", "y"); err != nil {
		t.Error(err)
	}
}

// TestSentinel runs the contract through a Sentinel of the test's own that
// watches a master of the test's own.
func TestSentinel(t *testing.T) {
	master := newRedisServer(t)
	sport := freePort(t)
	conf := t.TempDir() + "/sentinel.conf"
	body := fmt.Sprintf("port %d\nbind 127.0.0.1\nsentinel monitor hoibao 127.0.0.1 %d 1\n", sport, master.port)
	if err := os.WriteFile(conf, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("redis-server", conf, "--sentinel")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	url := fmt.Sprintf("redis://127.0.0.1:%d/0?master=hoibao", sport)
	ctx := context.Background()
	var s *redisstore.Store
	deadline := time.Now().Add(10 * time.Second)
	for {
		var err error
		if s, err = redisstore.Open(ctx, url, "s:"); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("Open through Sentinel: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	defer s.Close()
	n := 0
	storetest.Run(t, func(t *testing.T) knowledge.Store {
		n++
		st, err := redisstore.Open(ctx, url, fmt.Sprintf("s%d:", n))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	})
}
