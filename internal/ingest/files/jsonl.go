package files

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"parallax/internal/model"
)

// rawRec mirrors Rec with published as given.
type rawRec struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Published string          `json:"published"`
	Lang      string          `json:"lang"`
}

// readJSONL streams a JSONL file line by line; a bad line becomes an error
// Item naming FILE:LINE and the next line goes on.
func readJSONL(ctx context.Context, p string, opts Options, emit func(Item) error) error {
	f, err := os.Open(p)
	if err != nil {
		return emit(Item{Origin: p, Kind: Record, Err: fmt.Errorf("%s: %w", p, missing(err))})
	}
	defer f.Close()
	return ReadJSONL(ctx, f, p, opts, emit)
}

// ReadJSONL streams JSONL records from r, named name in origins and
// errors; a bad line becomes an error Item naming NAME:LINE and the next
// line goes on. Only ctx ending or emit failing stops it.
func ReadJSONL(ctx context.Context, rd io.Reader, name string, opts Options, emit func(Item) error) error {
	r := bufio.NewReaderSize(rd, 64<<10)
	max := opts.maxBytes()
	lines, nonEmpty := 0, 0
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(r, max)
		if len(line) == 0 && !tooLong && err != nil {
			if err != io.EOF {
				return emit(Item{Origin: name, Kind: Record, Err: fmt.Errorf("%s: %w", name, err)})
			}
			break
		}
		lines++
		origin := fmt.Sprintf("%s:%d", name, lines)
		if tooLong {
			nonEmpty++
			if e := emit(Item{Origin: origin, Kind: Record, Err: fmt.Errorf("%s: %w: line longer than %d bytes", origin, ErrTooLarge, max)}); e != nil {
				return e
			}
		} else if len(bytes.TrimSpace(line)) > 0 {
			nonEmpty++
			if e := emit(parseRecord(origin, line)); e != nil {
				return e
			}
		}
		if err != nil {
			break
		}
	}
	if nonEmpty == 0 {
		return emit(Item{Origin: name, Kind: Record, Err: fmt.Errorf("%s: %w", name, ErrEmpty)})
	}
	return nil
}

// readLine returns the next line without its newline. A line longer than
// max is consumed and reported as tooLong without being kept in memory.
func readLine(r *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, e := r.ReadLine()
		if !tooLong {
			if int64(len(line)+len(chunk)) > max {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if e != nil {
			return line, tooLong, e
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

func parseRecord(origin string, line []byte) Item {
	it := Item{Origin: origin, Kind: Record}
	if bytes.IndexByte(line, 0) >= 0 {
		it.Err = fmt.Errorf("%s: %w", origin, ErrBinary)
		return it
	}
	if !utf8.Valid(line) {
		it.Err = fmt.Errorf("%s: %w at byte %d", origin, ErrEncoding, invalidAt(line))
		return it
	}
	var raw rawRec
	if err := json.Unmarshal(line, &raw); err != nil {
		it.Err = fmt.Errorf("%s: %w: %v", origin, ErrJSON, err)
		return it
	}
	rec := &Rec{URL: strings.TrimSpace(raw.URL), Source: strings.TrimSpace(raw.Source), Title: strings.TrimSpace(raw.Title),
		Text: raw.Text, HTML: raw.HTML, Lang: strings.TrimSpace(raw.Lang)}
	id, err := idString(raw.ID)
	if err != nil {
		it.Err = fmt.Errorf("%s: %w: id: %v", origin, ErrJSON, err)
		return it
	}
	rec.ID = id
	if err := checkRec(rec); err != nil {
		it.Err = fmt.Errorf("%s: %w", origin, err)
		return it
	}
	if strings.TrimSpace(rec.Text) == "" && strings.TrimSpace(rec.HTML) == "" {
		it.Err = fmt.Errorf("%s: %w", origin, ErrNoBody)
		return it
	}
	if raw.Published != "" {
		t, err := ParseTime(raw.Published)
		if err != nil {
			it.Warn = append(it.Warn, fmt.Sprintf("%s: published %q not understood; kept without a date", origin, raw.Published))
		}
		rec.Published = t
	}
	it.Rec = rec
	return it
}

// checkRec applies the model's validation (shared with the store and the
// web API) to the fields a record gives: an id that could not be viewed,
// or a NUL in any field (as in the text, which makes it binary), rejects
// the record.
func checkRec(r *Rec) error {
	if r.ID != "" {
		if err := model.CheckID(r.ID); err != nil {
			return err
		}
	}
	if err := model.CheckURL("url", r.URL); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{
		{"title", r.Title}, {"source", r.Source}, {"lang", r.Lang}, {"text", r.Text}, {"html", r.HTML},
	} {
		if err := model.CheckField(f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}

// idString accepts a JSON string or number as an id.
func idString(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", errors.New("must be a string or a number")
}

// ParseTime reads a publication time as RFC 3339 or YYYY-MM-DD (and a few
// close variants); the result is UTC.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t.UTC(), nil
		}
	}
	return time.Time{}, fmt.Errorf("files: cannot parse time %q (want RFC 3339 or YYYY-MM-DD)", s)
}
