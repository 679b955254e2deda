package entity

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// ErrModel marks a model file that cannot be read.
var ErrModel = errors.New("entity: bad model file")

const modelMagic = "PXNER1"

// WriteTo writes the model compactly: features sorted by hash (delta
// varints), each with a bit mask of its non-zero labels and their weights
// quantised to 16 bits, all gzipped. The bytes depend only on the weights.
func (m *Tagger) WriteTo(w io.Writer) (int64, error) {
	keys := make([]uint64, 0, m.index.n)
	rows := map[uint64]int32{}
	maxAbs := float32(0)
	m.index.each(func(k uint64, r int32) {
		keys = append(keys, k)
		rows[k] = r
	})
	for _, v := range m.w {
		maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
	}
	slices.Sort(keys)
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var buf bytes.Buffer
	buf.WriteString(modelMagic)
	put := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	put(nLabels)
	put(uint64(math.Float32bits(scale)))
	put(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		put(k - prev)
		prev = k
		row := m.w[int(rows[k])*nLabels:][:nLabels]
		var q [nLabels]int64
		mask := uint64(0)
		for i, v := range row {
			q[i] = int64(math.Round(float64(v / scale)))
			if q[i] != 0 {
				mask |= 1 << i
			}
		}
		put(mask)
		for i := range q {
			if q[i] != 0 {
				buf.Write(binary.AppendVarint(nil, q[i]))
			}
		}
	}
	return writeGzip(w, buf.Bytes(), "model")
}

// openGzip opens a file written by writeGzip and reads its magic: the
// reader after it, or an ErrModel naming what.
func openGzip(r io.Reader, magic, what string) (*bufio.Reader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%w: %s: %w", ErrModel, what, err)
	}
	br := bufio.NewReader(zr)
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return nil, fmt.Errorf("%w: %s: no header", ErrModel, what)
	}
	return br, nil
}

// writeGzip writes b to w gzipped at the best compression and returns the
// bytes written; what names the file in errors.
func writeGzip(w io.Writer, b []byte, what string) (int64, error) {
	cw := &countWriter{w: w}
	zw, err := gzip.NewWriterLevel(cw, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	if _, err := zw.Write(b); err != nil {
		return cw.n, fmt.Errorf("%s: %w", what, err)
	}
	if err := zw.Close(); err != nil {
		return cw.n, fmt.Errorf("%s: %w", what, err)
	}
	return cw.n, nil
}

type countWriter struct {
	w io.Writer
	n int64
}

func (c *countWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// ReadTagger reads a model written by WriteTo.
func ReadTagger(r io.Reader) (*Tagger, error) {
	br, err := openGzip(r, modelMagic, "model")
	if err != nil {
		return nil, err
	}
	var head [3]uint64
	for i := range head {
		if head[i], err = binary.ReadUvarint(br); err != nil {
			return nil, fmt.Errorf("%w: header: %w", ErrModel, err)
		}
	}
	if head[0] != nLabels || head[2] > 1<<26 {
		return nil, fmt.Errorf("%w: %d labels, %d features", ErrModel, head[0], head[2])
	}
	scale := math.Float32frombits(uint32(head[1]))
	n := int(head[2])
	m := &Tagger{index: newTable(n), w: make([]float32, n*nLabels)}
	key := uint64(0)
	for r := 0; r < n; r++ {
		d, err := binary.ReadUvarint(br)
		if err != nil {
			return nil, fmt.Errorf("%w: feature %d: %w", ErrModel, r, err)
		}
		key += d
		mask, err := binary.ReadUvarint(br)
		if err != nil || mask >= 1<<nLabels {
			return nil, fmt.Errorf("%w: feature %d mask", ErrModel, r)
		}
		for i := 0; i < nLabels; i++ {
			if mask&(1<<i) == 0 {
				continue
			}
			q, err := binary.ReadVarint(br)
			if err != nil {
				return nil, fmt.Errorf("%w: feature %d weight: %w", ErrModel, r, err)
			}
			m.w[r*nLabels+i] = float32(q) * scale
		}
		m.index.put(key, int32(r))
	}
	return m, nil
}
