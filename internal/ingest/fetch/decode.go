package fetch

import (
	"bufio"
	"compress/flate"
	"compress/gzip"
	"compress/zlib"
	"fmt"
	"io"
	"strings"

	"github.com/andybalholm/brotli"
)

// acceptEncoding is what we ask servers for; the transport's own
// transparent gzip is off so that every encoding goes through readBody's
// size limit.
const acceptEncoding = "gzip, br, deflate"

// readBody reads a response body, decoding its Content-Encoding, and fails
// with ErrTooLarge when either the bytes on the wire or the decoded bytes
// exceed limit (the latter stops decompression bombs early).
func readBody(body io.Reader, encoding string, limit int64) ([]byte, error) {
	wire := &limitReader{r: body, n: limit}
	var r io.Reader = wire
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		zr, err := gzip.NewReader(wire)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip: %v", ErrEncoding, err)
		}
		defer zr.Close()
		r = zr
	case "br":
		r = brotli.NewReader(wire)
	case "deflate": // zlib-wrapped as the RFC says, or raw as some servers send it
		br := bufio.NewReader(wire)
		head, _ := br.Peek(2)
		if len(head) == 2 && head[0]&0x0f == 8 && (uint16(head[0])<<8|uint16(head[1]))%31 == 0 {
			zr, err := zlib.NewReader(br)
			if err != nil {
				return nil, fmt.Errorf("%w: deflate: %v", ErrEncoding, err)
			}
			defer zr.Close()
			r = zr
		} else {
			fr := flate.NewReader(br)
			defer fr.Close()
			r = fr
		}
	default:
		return nil, fmt.Errorf("%w: unsupported %q", ErrEncoding, encoding)
	}
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if wire.over {
		return nil, fmt.Errorf("%w: more than %d bytes on the wire", ErrTooLarge, limit)
	}
	if wire.err != nil {
		return nil, fmt.Errorf("fetch: read body: %w", wire.err)
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrEncoding, err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: more than %d bytes decoded", ErrTooLarge, limit)
	}
	return data, nil
}

// limitReader reads at most n bytes and records whether more were offered.
type limitReader struct {
	r    io.Reader
	n    int64
	over bool
	err  error // the first read error other than EOF
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		var one [1]byte
		if k, _ := l.r.Read(one[:]); k > 0 {
			l.over = true
			return 0, ErrTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	if err != nil && err != io.EOF && l.err == nil {
		l.err = err
	}
	return k, err
}
