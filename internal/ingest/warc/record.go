package warc

import (
	"bytes"
	"fmt"
	"net/textproto"
	"strconv"
	"strings"
	"time"
)

// Record is one WARC record: its named header fields and its content
// block (for a response record, the HTTP response as sent).
type Record struct {
	Number  int   // 1-based position in the file
	Offset  int64 // byte offset in the file; for .gz files, of the gzip member holding it
	Header  textproto.MIMEHeader
	Content []byte
}

// Type is the WARC-Type ("response", "request", "warcinfo", ...).
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// TargetURI is the WARC-Target-URI, without the angle brackets that WARC
// 1.0 writers sometimes put around it.
func (r *Record) TargetURI() string {
	return strings.Trim(strings.TrimSpace(r.Header.Get("WARC-Target-URI")), "<>")
}

// Date is the WARC-Date (when the content was captured); zero if absent
// or unreadable.
func (r *Record) Date() time.Time {
	t, err := time.Parse(time.RFC3339Nano, strings.TrimSpace(r.Header.Get("WARC-Date")))
	if err != nil {
		return time.Time{}
	}
	return t.UTC()
}

// RecordError is a record that could not be read. Reading may go on with
// the next record unless Err wraps ErrTruncated.
type RecordError struct {
	Number int
	Offset int64
	Err    error
}

func (e *RecordError) Error() string {
	return fmt.Sprintf("record %d at offset %d: %v", e.Number, e.Offset, e.Err)
}

func (e *RecordError) Unwrap() error { return e.Err }

// parseHeader reads a record's header lines after its version line, up to
// the blank line, and returns the fields and the Content-Length.
func parseHeader(l *lineReader) (textproto.MIMEHeader, int64, error) {
	h := textproto.MIMEHeader{}
	var last string
	for n := 0; ; n++ {
		line, err := l.line()
		if err != nil {
			return nil, 0, err
		}
		if len(line) == 0 {
			break
		}
		if n > 1000 {
			return nil, 0, fmt.Errorf("%w: more than 1000 fields", ErrHeader)
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" { // folded continuation
			vs := h[last]
			vs[len(vs)-1] += " " + string(bytes.TrimSpace(line))
			continue
		}
		name, value, ok := bytes.Cut(line, []byte(":"))
		if !ok || len(bytes.TrimSpace(name)) == 0 {
			return nil, 0, fmt.Errorf("%w: field without a name: %.60q", ErrHeader, line)
		}
		last = textproto.CanonicalMIMEHeaderKey(string(bytes.TrimSpace(name)))
		h.Add(last, string(bytes.TrimSpace(value)))
	}
	cl := h.Get("Content-Length")
	if cl == "" {
		return nil, 0, fmt.Errorf("%w: no Content-Length", ErrHeader)
	}
	n, err := strconv.ParseInt(cl, 10, 64)
	if err != nil || n < 0 {
		return nil, 0, fmt.Errorf("%w: bad Content-Length %.40q", ErrHeader, cl)
	}
	return h, n, nil
}

// isVersion tells whether a line opens a WARC record.
func isVersion(line []byte) bool {
	return bytes.HasPrefix(line, []byte("WARC/")) && len(line) < 32
}
