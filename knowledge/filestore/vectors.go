package filestore

import (
	"bufio"
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"net/url"
	"os"
	"path/filepath"

	"github.com/hoibao/hoibao/knowledge"
)

var _ knowledge.VectorCache = (*Store)(nil)

// Embedding vectors are cached in vectors/<model>.bin, an append-only file
// of records (hash length uint16, hash, dimensions uint32, float32s, all
// little-endian), read once into memory. A record cut short by a crash ends
// the file; later records of a hash win.

// vectorFile returns the cache file of a model.
func (s *Store) vectorFile(model string) string {
	return filepath.Join(s.dir, "vectors", url.PathEscape(model)+".bin")
}

// vectors returns the model's cache, loading it on first use; s.vmu held.
func (s *Store) vectors(model string) (map[string][]float32, error) {
	if m, ok := s.vcache[model]; ok {
		return m, nil
	}
	m := map[string][]float32{}
	f, err := os.Open(s.vectorFile(model))
	if errors.Is(err, fs.ErrNotExist) {
		s.vcache[model] = m
		return m, nil
	}
	if err != nil {
		return nil, fmt.Errorf("filestore: %w", err)
	}
	defer f.Close()
	r := bufio.NewReader(f)
	for {
		var hl uint16
		if binary.Read(r, binary.LittleEndian, &hl) != nil {
			break
		}
		hash := make([]byte, hl)
		var dims uint32
		if _, err := io.ReadFull(r, hash); err != nil || binary.Read(r, binary.LittleEndian, &dims) != nil || dims > 1<<16 {
			break
		}
		v := make([]float32, dims)
		if binary.Read(r, binary.LittleEndian, v) != nil {
			break
		}
		m[string(hash)] = v
	}
	s.vcache[model] = m
	return m, nil
}

// GetVectors returns the cached vectors of model for hashes.
func (s *Store) GetVectors(ctx context.Context, model string, hashes []string) (map[string][]float32, error) {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	m, err := s.vectors(model)
	if err != nil {
		return nil, err
	}
	out := make(map[string][]float32, len(hashes))
	for _, h := range hashes {
		if v, ok := m[h]; ok {
			out[h] = v
		}
	}
	return out, nil
}

// PutVectors appends vectors of model to its cache file.
func (s *Store) PutVectors(ctx context.Context, model string, vectors map[string][]float32) error {
	if len(vectors) == 0 {
		return nil
	}
	s.vmu.Lock()
	defer s.vmu.Unlock()
	m, err := s.vectors(model)
	if err != nil {
		return err
	}
	var buf []byte
	for h, v := range vectors {
		if len(h) > math.MaxUint16 {
			continue
		}
		buf = binary.LittleEndian.AppendUint16(buf, uint16(len(h)))
		buf = append(buf, h...)
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(v)))
		for _, x := range v {
			buf = binary.LittleEndian.AppendUint32(buf, math.Float32bits(x))
		}
	}
	path := s.vectorFile(model)
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	_, err = f.Write(buf)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("filestore: %w", err)
	}
	for h, v := range vectors {
		m[h] = append([]float32(nil), v...)
	}
	return nil
}
