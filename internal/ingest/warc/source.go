package warc

import (
	"bufio"
	"bytes"
	"io"
)

// gzipMagic opens every gzip member (ID1, ID2, CM=deflate).
var gzipMagic = []byte{0x1f, 0x8b, 8}

// countReader is a gzip file as read: it counts the bytes read through it,
// and keeps those of the member being opened, so that after a corrupt
// member the search for the next one can start again just after the bad
// member's first byte (corrupt data can make the decompressor read on
// into the members after it). It is an io.ByteReader so that gzip reads
// exactly one member and no further.
type countReader struct {
	br   *bufio.Reader
	pend []byte // bytes given back, read before br
	pos  int64

	kept  []byte // the current member's bytes, while keep is true
	keep  bool
	limit int // most bytes kept; past it, keep turns false
}

func (c *countReader) Read(p []byte) (int, error) {
	var n int
	var err error
	if len(c.pend) > 0 {
		n = copy(p, c.pend)
		c.pend = c.pend[n:]
	} else {
		n, err = c.br.Read(p)
	}
	c.pos += int64(n)
	c.record(p[:n]...)
	return n, err
}

func (c *countReader) ReadByte() (byte, error) {
	if len(c.pend) > 0 {
		b := c.pend[0]
		c.pend = c.pend[1:]
		c.pos++
		c.record(b)
		return b, nil
	}
	b, err := c.br.ReadByte()
	if err == nil {
		c.pos++
		c.record(b)
	}
	return b, err
}

func (c *countReader) record(b ...byte) {
	if !c.keep {
		return
	}
	if len(c.kept)+len(b) > c.limit {
		c.keep = false
		return
	}
	c.kept = append(c.kept, b...)
}

// startKeeping begins keeping the bytes read, up to limit.
func (c *countReader) startKeeping(limit int) {
	c.kept, c.keep, c.limit = c.kept[:0], true, limit
}

// rewind gives back the bytes kept since startKeeping, all but the first,
// and stops keeping; false if they were not all kept.
func (c *countReader) rewind() bool {
	ok := c.keep && len(c.kept) > 0
	c.keep = false
	if !ok {
		return false
	}
	back := c.kept[1:]
	c.pend = append(append(make([]byte, 0, len(back)+len(c.pend)), back...), c.pend...)
	c.pos -= int64(len(back))
	return true
}

// seekMagic skips to the next gzip member header; io.EOF if there is none.
func (c *countReader) seekMagic() error {
	for len(c.pend) > 0 {
		if i := bytes.Index(c.pend, gzipMagic); i >= 0 {
			c.skipPend(i)
			return nil
		}
		if len(c.pend) >= len(gzipMagic) {
			c.skipPend(len(c.pend) - 2) // the last two may begin a header
		}
		b, err := c.br.ReadByte()
		if err != nil {
			c.skipPend(len(c.pend))
			return io.EOF
		}
		c.pend = append(c.pend, b)
	}
	for {
		head, err := c.br.Peek(3)
		if bytes.Equal(head, gzipMagic) {
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

func (c *countReader) skipPend(n int) {
	c.pend = c.pend[n:]
	c.pos += int64(n)
}
