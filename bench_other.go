//go:build !linux

package main

import "time"

var benchStart = time.Now()

// threadCPU falls back to wall time where thread CPU time is not read.
func threadCPU() time.Duration { return time.Since(benchStart) }

// peakRSS is not read on this system.
func peakRSS() uint64 { return 0 }
