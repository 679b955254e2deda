package warc

import (
	"bufio"
	"bytes"
	"errors"
	"io"
)

// maxLine bounds one header line.
const maxLine = 64 << 10

// errLongLine means a header line exceeded maxLine.
var errLongLine = errors.New("header line too long")

// lineReader reads header lines and content from a stream and counts the
// bytes it consumed (the offset within a plain file or a gzip member).
type lineReader struct {
	br  *bufio.Reader
	pos int64
}

func newLineReader(r io.Reader) *lineReader {
	return &lineReader{br: bufio.NewReaderSize(r, 64<<10)}
}

func (l *lineReader) reset(r io.Reader) {
	l.br.Reset(r)
	l.pos = 0
}

// line returns the next line without its CRLF or LF. At the end of the
// stream it returns the partial line with io.EOF.
func (l *lineReader) line() ([]byte, error) {
	var out []byte
	for {
		chunk, err := l.br.ReadSlice('\n')
		l.pos += int64(len(chunk))
		if len(out)+len(chunk) > maxLine {
			return nil, errLongLine
		}
		out = append(out, chunk...)
		if err == bufio.ErrBufferFull {
			continue
		}
		if err != nil {
			return out, err
		}
		out = bytes.TrimSuffix(out, []byte("\n"))
		return bytes.TrimSuffix(out, []byte("\r")), nil
	}
}

// skipBlank consumes CR and LF bytes; it returns io.EOF when nothing else
// is left.
func (l *lineReader) skipBlank() error {
	for {
		b, err := l.br.ReadByte()
		if err != nil {
			return err
		}
		if b != '\r' && b != '\n' {
			return l.br.UnreadByte()
		}
		l.pos++
	}
}

// full reads exactly n bytes.
func (l *lineReader) full(n int64) ([]byte, error) {
	buf := make([]byte, n)
	k, err := io.ReadFull(l.br, buf)
	l.pos += int64(k)
	return buf[:k], err
}

// discard skips n bytes.
func (l *lineReader) discard(n int64) error {
	k, err := io.CopyN(io.Discard, l.br, n)
	l.pos += k
	return err
}

// countReader counts the bytes read through it; it is an io.ByteReader so
// that gzip reads exactly one member and no further.
type countReader struct {
	br  *bufio.Reader
	pos int64
}

func (c *countReader) Read(p []byte) (int, error) {
	n, err := c.br.Read(p)
	c.pos += int64(n)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	b, err := c.br.ReadByte()
	if err == nil {
		c.pos++
	}
	return b, err
}

// seekMagic skips to the next gzip member header; io.EOF if there is none.
func (c *countReader) seekMagic() error {
	for {
		head, err := c.br.Peek(3)
		if len(head) == 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 8 {
			return nil
		}
		if err != nil {
			c.pos += int64(len(head))
			_, _ = c.br.Discard(len(head))
			return io.EOF
		}
		_, _ = c.br.Discard(1)
		c.pos++
	}
}
