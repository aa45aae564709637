package web_test

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

var load = flag.Bool("load", false, "run the loopback load test (5,000 POST /api/ask from 32 clients)")

// TestLoad sends 5,000 questions from 32 concurrent clients to the API on
// loopback and reports requests per second and latency percentiles. It
// measures; it asserts only that every question was answered. Run it with
//
//	go test ./bot/web -run TestLoad -load -v
func TestLoad(t *testing.T) {
	if !*load {
		t.Skip("a measurement: run with -load")
	}
	const requests, clients = 5000, 32
	e := newEnv(t, nil)
	questions := []string{
		"Bí thư Huyện ủy Châu Thành là ai?", "bi thu huyen uy chau thanh la ai", "Huyện Châu Thành thuộc tỉnh nào?",
		"Bài báo đăng ngày nào?", "Đảng bộ huyện tập trung vào việc gì?", "Dân số huyện Châu Thành là bao nhiêu?",
	}
	client := &http.Client{Timeout: 30 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()

	var next, failed atomic.Int64
	latencies := make([][]time.Duration, clients)
	var wg sync.WaitGroup
	start := time.Now()
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= requests {
					return
				}
				body := fmt.Sprintf(`{"question": %q, "session": "load-client-%02d"}`, questions[i%int64(len(questions))], c)
				req, _ := http.NewRequestWithContext(ctx, "POST", e.srv.URL+"/api/ask", strings.NewReader(body))
				req.Header.Set("Content-Type", "application/json")
				t0 := time.Now()
				resp, err := client.Do(req)
				if err != nil {
					failed.Add(1)
					continue
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				latencies[c] = append(latencies[c], time.Since(t0))
				if resp.StatusCode != http.StatusOK {
					failed.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	all := slices.Concat(latencies...)
	slices.Sort(all)
	if len(all) != requests || failed.Load() > 0 {
		t.Fatalf("%d of %d answered, %d failed", len(all), requests, failed.Load())
	}
	pct := func(p float64) time.Duration { return all[int(p*float64(len(all)-1))] }
	t.Logf("%d POST /api/ask from %d clients in %v: %.0f req/s, p50 %v, p99 %v, max %v",
		requests, clients, elapsed.Round(time.Millisecond), float64(requests)/elapsed.Seconds(),
		pct(0.50).Round(10*time.Microsecond), pct(0.99).Round(10*time.Microsecond), all[len(all)-1].Round(10*time.Microsecond))
}
