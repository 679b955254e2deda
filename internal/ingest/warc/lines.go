package warc

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// maxLine bounds one header line.
const maxLine = 64 << 10

// errLongLine means a header line exceeded maxLine.
var errLongLine = fmt.Errorf("%w: line over %d bytes", ErrHeader, maxLine)

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
// stream it returns the partial line with io.EOF; past maxLine, the part
// read with errLongLine.
func (l *lineReader) line() ([]byte, error) {
	var out []byte
	for {
		chunk, err := l.br.ReadSlice('\n')
		l.pos += int64(len(chunk))
		if len(out)+len(chunk) > maxLine {
			return out, errLongLine
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
