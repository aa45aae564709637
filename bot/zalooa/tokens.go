package zalooa

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"time"
)

// TokenStore keeps the OA's rotating tokens where a restart finds them, and
// a lock so that one replica at a time refreshes them. The Redis store is
// one (shared by every replica); NewFileTokens and NewMemTokens serve a
// single replica.
type TokenStore interface {
	// Secret returns the value stored under name; "" when none.
	Secret(ctx context.Context, name string) (string, error)
	// SetSecret stores value under name.
	SetSecret(ctx context.Context, name, value string) error
	// TryLock takes the lock called name for at most ttl; ok is false
	// when another holder has it.
	TryLock(ctx context.Context, name string, ttl time.Duration) (unlock func(), ok bool, err error)
}

var (
	_ TokenStore = (*MemTokens)(nil)
	_ TokenStore = (*FileTokens)(nil)
)

// MemTokens keeps secrets in memory: for tests and --articles runs.
type MemTokens struct {
	mu      sync.Mutex
	secrets map[string]string
	locks   map[string]time.Time
}

// NewMemTokens returns an empty in-memory token store.
func NewMemTokens() *MemTokens {
	return &MemTokens{secrets: map[string]string{}, locks: map[string]time.Time{}}
}

// Secret returns the value stored under name.
func (m *MemTokens) Secret(_ context.Context, name string) (string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.secrets[name], nil
}

// SetSecret stores value under name.
func (m *MemTokens) SetSecret(_ context.Context, name, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.secrets[name] = value
	return nil
}

// TryLock takes the lock called name for at most ttl.
func (m *MemTokens) TryLock(_ context.Context, name string, ttl time.Duration) (func(), bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := time.Now()
	if until, held := m.locks[name]; held && now.Before(until) {
		return nil, false, nil
	}
	until := now.Add(ttl)
	m.locks[name] = until
	return func() {
		m.mu.Lock()
		defer m.mu.Unlock()
		if m.locks[name].Equal(until) {
			delete(m.locks, name)
		}
	}, true, nil
}

// FileTokens keeps secrets in a file of the data folder (mode 0600), for a
// single replica on the embedded store; the lock is this process's.
type FileTokens struct {
	mem  *MemTokens
	path string
}

// NewFileTokens keeps secrets in dir/secrets.json.
func NewFileTokens(dir string) *FileTokens {
	return &FileTokens{mem: NewMemTokens(), path: filepath.Join(dir, "secrets.json")}
}

func (f *FileTokens) read() (map[string]string, error) {
	data, err := os.ReadFile(f.path)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]string{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading secrets: %w", err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(data, &m); err != nil {
		return nil, fmt.Errorf("reading %s: %w", f.path, err)
	}
	return m, nil
}

// Secret returns the value stored under name.
func (f *FileTokens) Secret(_ context.Context, name string) (string, error) {
	f.mem.mu.Lock()
	defer f.mem.mu.Unlock()
	m, err := f.read()
	return m[name], err
}

// SetSecret stores value under name, replacing the file atomically.
func (f *FileTokens) SetSecret(_ context.Context, name, value string) error {
	f.mem.mu.Lock()
	defer f.mem.mu.Unlock()
	m, err := f.read()
	if err != nil {
		return err
	}
	m[name] = value
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(f.path), 0o700); err != nil {
		return err
	}
	tmp := f.path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, f.path)
}

// TryLock takes this process's lock called name.
func (f *FileTokens) TryLock(ctx context.Context, name string, ttl time.Duration) (func(), bool, error) {
	return f.mem.TryLock(ctx, name, ttl)
}
