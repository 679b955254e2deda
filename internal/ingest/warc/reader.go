package warc

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// Options bound what a Reader keeps in memory.
type Options struct {
	// MaxRecordBytes is the largest content block read into memory; larger
	// records are skipped with ErrTooLarge. Default 64 MiB.
	MaxRecordBytes int64
}

// DefaultMaxRecordBytes is the default record size limit.
const DefaultMaxRecordBytes = 64 << 20

// Reader reads records one at a time from a WARC stream, gzip-compressed
// (detected by its magic bytes, one or several records per member) or
// plain.
type Reader struct {
	max  int64
	src  *countReader // the file as given
	gz   bool
	z    *gzip.Reader
	zerr *stickyErr  // the current member's decompression error
	l    *lineReader // decompressed member, or the plain file

	n, good     int   // records started, records read
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
	if rd.gz {
		rd.zerr = &stickyErr{}
		rd.l = newLineReader(rd.zerr)
	} else {
		rd.l = newLineReader(src)
	}
	return rd
}

// Next returns the next record, or io.EOF after the last. A record that
// cannot be read is returned as a *RecordError; calling Next again goes on
// with the following record, except after an error wrapping ErrTruncated,
// which ends the stream.
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
// again=true means there was nothing left in the member.
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
		return nil, false, r.midRecord(r.n+1, r.offset(r.l.pos), err)
	}
	start := r.offset(r.l.pos)
	line, err := r.l.line()
	if err != nil && !(err == io.EOF && len(line) > 0 && r.gz && r.zerr.err == nil) {
		return nil, false, r.midRecord(r.n+1, start, err)
	}
	if !isVersion(line) {
		if r.resync {
			return nil, true, nil
		}
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
		if errors.Is(err, ErrHeader) || errors.Is(err, errLongLine) {
			return nil, r.skip(num, off, err)
		}
		return nil, r.midRecord(num, off, err)
	}
	if n > r.max {
		if err := r.l.discard(n); err != nil {
			return nil, r.midRecord(num, off, err)
		}
		return nil, &RecordError{num, off, fmt.Errorf("%w: %d bytes, limit %d", ErrTooLarge, n, r.max)}
	}
	content, err := r.l.full(n)
	if err != nil {
		return nil, r.midRecord(num, off, err)
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

// midRecord classifies a read failure inside a record: the end of the file
// (truncated: the stream ends), a corrupt gzip member (skipped), or a
// member that ended before its record did (skipped).
func (r *Reader) midRecord(num int, off int64, err error) error {
	if r.gz {
		zerr := r.zerr.err
		r.inMember = false
		switch {
		case zerr == nil && err != errLongLine:
			return &RecordError{num, off, fmt.Errorf("%w: record runs past the end of its gzip member", ErrHeader)}
		case zerr == nil:
			return &RecordError{num, off, fmt.Errorf("%w: %v", ErrHeader, err)}
		case !errors.Is(zerr, io.ErrUnexpectedEOF):
			if r.src.seekMagic() != nil {
				r.done = true
			}
			return &RecordError{num, off, fmt.Errorf("%w: %v", ErrGzip, zerr)}
		}
	} else if err == errLongLine {
		r.resync = true
		return &RecordError{num, off, fmt.Errorf("%w: %v", ErrHeader, err)}
	}
	r.done = true
	return &RecordError{num, off, fmt.Errorf("%w: file ends inside record %d, after %d good records", ErrTruncated, num, r.good)}
}

// openMember starts decompressing the next gzip member.
func (r *Reader) openMember() error {
	r.memberStart = r.src.pos
	var err error
	if r.z == nil {
		r.z, err = gzip.NewReader(r.src)
	} else {
		err = r.z.Reset(r.src)
	}
	switch {
	case err == io.EOF:
		r.done = true
		return io.EOF
	case errors.Is(err, io.ErrUnexpectedEOF):
		r.done = true
		return &RecordError{r.n + 1, r.memberStart, fmt.Errorf("%w: inside a gzip header, after %d good records", ErrTruncated, r.good)}
	case err != nil:
		if r.src.pos == r.memberStart {
			_, _ = r.src.ReadByte()
		}
		if r.src.seekMagic() != nil {
			r.done = true
		}
		r.n++
		return &RecordError{r.n, r.memberStart, fmt.Errorf("%w: %v", ErrGzip, err)}
	}
	r.z.Multistream(false)
	r.zerr.r, r.zerr.err = r.z, nil
	r.l.reset(r.zerr)
	r.inMember = true
	return nil
}

// stickyErr remembers the first error other than io.EOF read through it.
type stickyErr struct {
	r   io.Reader
	err error
}

func (s *stickyErr) Read(p []byte) (int, error) {
	n, err := s.r.Read(p)
	if err != nil && err != io.EOF && s.err == nil {
		s.err = err
	}
	return n, err
}
