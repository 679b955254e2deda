package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/transform"

	"parallax/internal/ingest/files"
)

func init() {
	files.Register(".warc", ReadFile)
	files.Register(".warc.gz", ReadFile)
}

// ReadFile streams the WARC file at path and emits one files.Item per HTML
// response record (Origin "PATH#recordN") and one error Item per bad
// record; other records (requests, metadata, redirects, images) are passed
// over. It stops early only when ctx ends or emit fails.
func ReadFile(ctx context.Context, path string, opts files.Options, emit func(files.Item) error) error {
	f, err := os.Open(path)
	if err != nil {
		return emit(files.Item{Origin: path, Kind: files.Record, Err: fmt.Errorf("%s: %w: %v", path, files.ErrMissing, err)})
	}
	defer f.Close()
	return Read(ctx, f, path, opts, emit)
}

// Read is ReadFile over an open stream named name.
func Read(ctx context.Context, r io.Reader, name string, opts files.Options, emit func(files.Item) error) error {
	max := opts.MaxBytes
	if max <= 0 {
		max = files.DefaultMaxBytes
	}
	rd := NewReader(r, Options{MaxRecordBytes: max})
	pages := 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			if e := emit(errItem(name, err)); e != nil || errors.Is(err, ErrNotWARC) {
				return e
			}
			continue
		}
		it, ok := item(name, rec, max)
		if !ok {
			continue
		}
		pages++
		if err := emit(it); err != nil {
			return err
		}
	}
	if pages == 0 && rd.n == 0 {
		return emit(files.Item{Origin: name, Kind: files.Record, Err: fmt.Errorf("%s: %w", name, files.ErrEmpty)})
	}
	return nil
}

// errItem is the Item for an error from Reader.Next: a record's, or the
// file's when it is not WARC at all.
func errItem(name string, err error) files.Item {
	origin := name
	var re *RecordError
	if errors.As(err, &re) {
		origin = fmt.Sprintf("%s#record%d", name, re.Number)
	}
	return files.Item{Origin: origin, Kind: files.Record, Err: fmt.Errorf("%s: %w", name, err)}
}

// item turns a record into an Item; ok=false for records that are not
// HTML pages.
func item(name string, rec *Record, max int64) (files.Item, bool) {
	origin := fmt.Sprintf("%s#record%d", name, rec.Number)
	if rec.Type() != "response" || !strings.HasPrefix(strings.ToLower(rec.Header.Get("Content-Type")), "application/http") {
		return files.Item{}, false
	}
	body, ok, err := page(rec.Content, max)
	if err != nil {
		return files.Item{Origin: origin, Kind: files.Record,
			Err: fmt.Errorf("%s: record %d at offset %d: %w", name, rec.Number, rec.Offset, err)}, true
	}
	if !ok {
		return files.Item{}, false
	}
	return files.Item{Origin: origin, Kind: files.Record, Rec: &files.Rec{
		URL: rec.TargetURI(), HTML: string(body), Fetched: rec.Date(),
	}}, true
}

// page returns the HTML body of an HTTP response, in UTF-8; ok=false when
// the response is not a successful HTML page.
func page(content []byte, max int64) (body []byte, ok bool, err error) {
	resp, err := http.ReadResponse(bufio.NewReader(bytes.NewReader(content)), nil)
	if err != nil {
		return nil, false, fmt.Errorf("%w: %v", ErrHTTP, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, false, nil
	}
	ct := resp.Header.Get("Content-Type")
	if ct != "" && !strings.Contains(strings.ToLower(ct), "html") {
		return nil, false, nil
	}
	body, err = decoded(resp.Body, resp.Header.Get("Content-Encoding"), max)
	if err != nil {
		return nil, false, err
	}
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, false, nil
	}
	return toUTF8(body, ct), true, nil
}

// decoded reads a body, undoing a gzip or deflate content encoding, up to
// max bytes after decoding.
func decoded(r io.Reader, encoding string, max int64) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(encoding)) {
	case "", "identity":
	case "gzip", "x-gzip":
		z, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("%w: gzip body: %v", ErrHTTP, err)
		}
		r = z
	case "deflate":
		r = flate.NewReader(r)
	default:
		return nil, fmt.Errorf("%w: unsupported content encoding %.20q", ErrHTTP, encoding)
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	if err != nil {
		return nil, fmt.Errorf("%w: body: %v", ErrHTTP, err)
	}
	if int64(len(b)) > max {
		return nil, fmt.Errorf("%w: body over %d bytes", ErrTooLarge, max)
	}
	return b, nil
}

// toUTF8 converts a page in a legacy charset (from the Content-Type or a
// <meta> declaration) to UTF-8, so it survives being carried as a string.
func toUTF8(body []byte, contentType string) []byte {
	if utf8.Valid(body) {
		return body
	}
	enc, _, _ := charset.DetermineEncoding(body, contentType)
	out, _, err := transform.Bytes(enc.NewDecoder(), body)
	if err != nil {
		return body
	}
	return out
}
