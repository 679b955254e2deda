package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// Options bound what a Reader keeps in memory.
type Options struct {
	// MaxRecordBytes is the largest content block read into memory; larger
	// records are skipped with ErrTooLarge. It also bounds the gzip member
	// that is decompressed and checked whole before any of its records
	// comes out. Default 64 MiB.
	MaxRecordBytes int64
}

// DefaultMaxRecordBytes is the default record size limit.
const DefaultMaxRecordBytes = 64 << 20

// Reader reads records one at a time from a WARC stream, gzip-compressed
// (detected by its magic bytes, one or several records per member) or
// plain.
//
// In a gzip file no record comes out before its member's checksum and size
// have been verified: a member up to MaxRecordBytes decompressed is read
// and checked whole first, and a larger one is streamed, its last record
// held back until the member's trailer is checked. (Only in a member that
// is larger and holds several records can records before the last come
// out ahead of the check; the Common Crawl layout has one record a member.)
type Reader struct {
	max  int64
	src  *countReader // the file as given
	gz   bool
	z    *gzip.Reader
	zerr *stickyErr   // the current member's decompression error
	buf  bytes.Buffer // the current member decompressed, or its first MaxRecordBytes+1
	l    *lineReader  // decompressed member, or the plain file

	n, good     int   // records started (every error claims one), records read
	memberStart int64 // compressed offset of the current member
	inMember    bool
	resync      bool // plain: looking for the next version line after a bad record
	done        bool
}

// NewReader returns a Reader over r.
func NewReader(r io.Reader, opts Options) *Reader {
	if opts.MaxRecordBytes <= 0 {
		opts.MaxRecordBytes = DefaultMaxRecordBytes
	}
	src := &countReader{br: bufio.NewReaderSize(r, 64<<10)}
	head, _ := src.br.Peek(2)
	rd := &Reader{max: opts.MaxRecordBytes, src: src, gz: len(head) == 2 && head[0] == 0x1f && head[1] == 0x8b}
	rd.l = newLineReader(src)
	if rd.gz {
		rd.zerr = &stickyErr{}
	}
	return rd
}

// Next returns the next record, or io.EOF after the last. A record that
// cannot be read is returned as a *RecordError; calling Next again goes on
// with the following record, except after an error wrapping ErrTruncated,
// which ends the stream. A stream that does not begin with a WARC record
// gives one error wrapping ErrNotWARC, then io.EOF.
func (r *Reader) Next() (*Record, error) {
	for !r.done {
		if r.gz && !r.inMember {
			if err := r.openMember(); err != nil {
				return nil, err
			}
			continue
		}
		rec, again, err := r.next()
		if again {
			continue
		}
		return rec, err
	}
	return nil, io.EOF
}

// next reads one record from the current member or the plain file;
// again=true means there was nothing to return yet (the member is over, or
// a line was skipped while resynchronising).
func (r *Reader) next() (rec *Record, again bool, err error) {
	if err := r.l.skipBlank(); err != nil {
		if r.gz && r.zerr.err == nil {
			r.inMember = false // member over
			return nil, true, nil
		}
		if !r.gz && err == io.EOF {
			r.done = true
			return nil, false, io.EOF
		}
		r.n++
		return nil, false, r.midRecord(r.n, r.offset(r.l.pos), err)
	}
	start := r.offset(r.l.pos)
	line, err := r.l.line()
	if err == io.EOF && len(line) > 0 && (!r.gz || r.zerr.err == nil) {
		err = nil // the last line, without its newline
	}
	bad := err == errLongLine || err == nil && !isVersion(line)
	switch {
	case bad && r.n == 0:
		r.done = true
		return nil, false, fmt.Errorf("%w: it does not begin with a WARC/1.x line (got %.40q)", ErrNotWARC, line)
	case bad && r.resync:
		return nil, true, nil
	case err == errLongLine:
		r.n++
		return nil, false, r.skip(r.n, start, err)
	case err != nil:
		r.n++
		return nil, false, r.midRecord(r.n, start, err)
	case bad:
		r.n++
		return nil, false, r.skip(r.n, start, fmt.Errorf("%w: expected a WARC/1.x line, got %.40q", ErrHeader, line))
	}
	r.resync = false
	r.n++
	rec, err = r.read(r.n, start)
	return rec, false, err
}

// read reads the header and content of record num, whose version line has
// been read.
func (r *Reader) read(num int, off int64) (*Record, error) {
	h, n, err := parseHeader(r.l)
	if err != nil {
		if errors.Is(err, ErrHeader) {
			return nil, r.skip(num, off, err)
		}
		return nil, r.midRecord(num, off, err)
	}
	if n > r.max {
		if err := r.l.discard(n); err != nil {
			return nil, r.midRecord(num, off, err)
		}
		if err := r.settle(num, off); err != nil {
			return nil, err
		}
		return nil, &RecordError{num, off, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, n, r.max)}
	}
	content, err := r.l.full(n)
	if err != nil {
		return nil, r.midRecord(num, off, err)
	}
	if err := r.settle(num, off); err != nil {
		return nil, err
	}
	r.good++
	return &Record{Number: num, Offset: off, Header: h, Content: content}, nil
}

// offset maps a position in the decompressed member to a file offset.
func (r *Reader) offset(pos int64) int64 {
	if r.gz {
		return r.memberStart
	}
	return pos
}

// skip reports a bad record and arranges to go on after it: in a gzip
// file with the next member, in a plain one at the next version line.
func (r *Reader) skip(num int, off int64, err error) error {
	if r.gz {
		_, derr := io.Copy(io.Discard, r.l.br)
		r.inMember = false
		if derr != nil || r.zerr.err != nil {
			return r.midRecord(num, off, err)
		}
	} else {
		r.resync = true
	}
	return &RecordError{num, off, err}
}

// midRecord classifies a read failure inside record num: a corrupt gzip
// member (skipped), a member that ended before its record did (skipped),
// or the end of the file (truncated: the stream ends).
func (r *Reader) midRecord(num int, off int64, err error) error {
	if !r.gz {
		return r.truncated(num, off)
	}
	r.inMember = false
	if r.zerr.err == nil {
		return &RecordError{num, off, fmt.Errorf("%w: record runs past the end of its gzip member", ErrHeader)}
	}
	return r.badMember(num, r.zerr.err)
}

// truncated ends the stream with an error for record num.
func (r *Reader) truncated(num int, off int64) error {
	r.done = true
	return &RecordError{num, off, fmt.Errorf("%w: file ends inside record %d, after %d good records", ErrTruncated, num, r.good)}
}
