package warc

import "errors"

// Sentinel errors; every error this package returns wraps one of them.
var (
	ErrHeader    = errors.New("warc: malformed record header")
	ErrTruncated = errors.New("warc: file truncated")
	ErrTooLarge  = errors.New("warc: record too large")
	ErrGzip      = errors.New("warc: corrupt gzip data")
	ErrHTTP      = errors.New("warc: malformed HTTP response in record")
	ErrNotWARC   = errors.New("warc: not a WARC file")
)
