package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// openMember starts decompressing the next gzip member.
func (r *Reader) openMember() error {
	r.memberStart = r.src.pos
	r.src.startKeeping(int(min(r.max, 1<<30)))
	var err error
	if r.z == nil {
		r.z, err = gzip.NewReader(r.src)
	} else {
		err = r.z.Reset(r.src)
	}
	if err == io.EOF {
		r.done = true
		return io.EOF
	}
	if err != nil {
		r.n++
		return r.badMember(r.n, err)
	}
	r.z.Multistream(false)
	r.zerr.r, r.zerr.err = r.z, nil
	return r.load()
}

// load decompresses the member whole when it is at most MaxRecordBytes, so
// that its checksum and size are verified before any of its records is
// parsed; a larger member is streamed after the part already read.
func (r *Reader) load() error {
	r.buf.Reset()
	if _, err := r.buf.ReadFrom(io.LimitReader(r.zerr, r.max+1)); err != nil {
		r.n++
		return r.midRecord(r.n, r.memberStart, err)
	}
	r.src.keep = false
	var member io.Reader = bytes.NewReader(r.buf.Bytes())
	if int64(r.buf.Len()) > r.max {
		member = io.MultiReader(member, r.zerr)
	}
	r.l.reset(member)
	r.inMember = true
	return nil
}

// settle is called after record num has been read from a gzip member: if
// the member ends there, it reads the member's trailer, so that a member
// that fails its check turns the record into an error instead of letting
// it out. It returns nil when the record is sound or another record
// follows in the member.
func (r *Reader) settle(num int, off int64) error {
	if !r.gz {
		return nil
	}
	err := r.l.skipBlank()
	switch {
	case err == nil:
		return nil
	case r.zerr.err == nil:
		r.inMember = false
		return nil
	}
	return r.midRecord(num, off, err)
}

// badMember reports record num as lost to a corrupt gzip member, and
// moves to the next member header, searching from just after the bad
// member's start when its bytes were kept. With none left, a member cut
// short is reported as the end of a truncated file.
func (r *Reader) badMember(num int, err error) error {
	r.inMember = false
	if !r.src.rewind() && r.src.pos == r.memberStart {
		_, _ = r.src.ReadByte()
	}
	if r.src.seekMagic() != nil {
		r.done = true
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return r.truncated(num, r.memberStart)
		}
	}
	return &RecordError{num, r.memberStart, fmt.Errorf("%w: %v", ErrGzip, err)}
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
