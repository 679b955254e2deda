package files

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"
)

// Options bound what Walk reads.
type Options struct {
	// MaxBytes is the largest .html/.txt file, and the longest JSONL line
	// (or WARC record), that is read; larger ones are rejected unread.
	// Default DefaultMaxBytes.
	MaxBytes int64
}

// DefaultMaxBytes is the default input size limit: 4 MiB, some 8 times
// the largest page of the extraction gold set (Common Crawl cuts its
// records at 1 MiB). Processing one input takes up to about 90 times its
// size in memory at the limit (extraction, tokens, vectors, the compressed
// raw copy: a line of 8 MB of text peaked at 725 MB), so the limit keeps
// ingest within a few hundred MB; --max-bytes raises it.
const DefaultMaxBytes = 4 << 20

func (o Options) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// kindOf maps a file name to its kind by extension.
func kindOf(name string) (Kind, bool) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".html", ".htm", ".xhtml":
		return HTML, true
	case ".txt", ".text":
		return Text, true
	case ".jsonl", ".ndjson":
		return Record, true
	}
	return 0, false
}

// Walk reads every path in order (folders recursively, names sorted) and
// calls emit once per article or rejected input. Inside folders, files with
// other extensions and hidden files are passed over (logged by the caller
// through skipped); a file named explicitly with another extension is an
// error Item. Walk stops early only when ctx ends or emit returns an error.
func Walk(ctx context.Context, paths []string, opts Options, emit func(Item) error, skipped func(path string)) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		fi, err := os.Stat(p)
		if err != nil {
			if err := emit(Item{Origin: p, Err: fmt.Errorf("%s: %w", p, missing(err))}); err != nil {
				return err
			}
			continue
		}
		if !fi.IsDir() {
			if err := readFile(ctx, p, fi, true, opts, emit); err != nil {
				return err
			}
			continue
		}
		if err := walkDir(ctx, p, opts, emit, skipped); err != nil {
			return err
		}
	}
	return nil
}

func missing(err error) error {
	if errors.Is(err, fs.ErrNotExist) {
		return ErrMissing
	}
	return err
}

func walkDir(ctx context.Context, root string, opts Options, emit func(Item) error, skipped func(string)) error {
	var names []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return emit(Item{Origin: p, Err: fmt.Errorf("%s: %w", p, err)})
		}
		if p != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(names)
	for _, p := range names {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, ok := kindOf(p); !ok && !registered(p) {
			if skipped != nil {
				skipped(p)
			}
			continue
		}
		fi, err := os.Stat(p)
		if err != nil {
			if err := emit(Item{Origin: p, Err: fmt.Errorf("%s: %w", p, missing(err))}); err != nil {
				return err
			}
			continue
		}
		if err := readFile(ctx, p, fi, false, opts, emit); err != nil {
			return err
		}
	}
	return nil
}

// readFile emits the Items of one regular file.
func readFile(ctx context.Context, p string, fi fs.FileInfo, named bool, opts Options, emit func(Item) error) error {
	if read, ok := formatOf(p); ok {
		return read(ctx, p, opts, emit)
	}
	kind, ok := kindOf(p)
	if !ok {
		return emit(Item{Origin: p, Err: fmt.Errorf("%s: %w", p, ErrUnknownKind)})
	}
	if kind == Record {
		return readJSONL(ctx, p, opts, emit)
	}
	if fi.Size() > opts.maxBytes() {
		return emit(Item{Origin: p, Kind: kind, Err: fmt.Errorf("%s: %w: %d bytes, limit %d", p, ErrTooLarge, fi.Size(), opts.maxBytes())})
	}
	data, err := readLimited(p, opts.maxBytes())
	if err != nil {
		return emit(Item{Origin: p, Kind: kind, Err: fmt.Errorf("%s: %w", p, err)})
	}
	if err := checkText(data, kind == Text); err != nil {
		return emit(Item{Origin: p, Kind: kind, Err: fmt.Errorf("%s: %w", p, err)})
	}
	return emit(Item{Origin: p, Kind: kind, Data: data})
}

// readLimited reads at most max bytes, failing if the file is longer (it may
// have grown since it was stat'ed).
func readLimited(p string, max int64) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, missing(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, max+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: limit %d bytes", ErrTooLarge, max)
	}
	return data, nil
}

// checkText rejects empty and binary data, and (when strict) data that is
// not UTF-8. HTML may declare another charset, which extraction decodes.
func checkText(data []byte, strictUTF8 bool) error {
	if len(bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))) == 0 {
		return ErrEmpty
	}
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 && !isUTF16(data) {
		return ErrBinary
	}
	if strictUTF8 && !utf8.Valid(data) {
		return fmt.Errorf("%w at byte %d", ErrEncoding, invalidAt(data))
	}
	return nil
}

func isUTF16(data []byte) bool {
	return bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff})
}

// invalidAt returns the offset of the first invalid UTF-8 byte.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return -1
}
