package knowledge

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"
)

// Parallel calls do(i) for every i in [0, n) on every core, and returns
// when all are done or ctx ends (then with its error). Stores use it to
// decode a whole archive at start-up.
func Parallel(ctx context.Context, n int, do func(i int)) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 8, max(1, n/64)) {
		wg.Go(func() {
			for i := int(next.Add(1) - 1); i < n && ctx.Err() == nil; i = int(next.Add(1) - 1) {
				do(i)
			}
		})
	}
	wg.Wait()
	return ctx.Err()
}
