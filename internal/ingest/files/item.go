// Package files reads local inputs for `parallax ingest`: single files or
// folders of .html/.htm pages, .txt scraped articles and .jsonl article
// records. Every input, good or bad, becomes an Item; a bad one carries an
// error naming the input (and line) so the rest of the batch goes on.
package files

import (
	"errors"
	"time"
)

// Kind says what an Item's payload is.
type Kind int

const (
	// HTML is a web page.
	HTML Kind = iota
	// Text is an already-scraped article: one block of the page a line.
	Text
	// Record is one JSONL line.
	Record
)

func (k Kind) String() string {
	switch k {
	case HTML:
		return "html"
	case Text:
		return "text"
	case Record:
		return "jsonl"
	}
	return "unknown"
}

// Sentinel errors; each Item error wraps one of them.
var (
	ErrMissing     = errors.New("files: no such file or folder")
	ErrUnknownKind = errors.New("files: unknown extension (want .html, .htm, .txt or .jsonl)")
	ErrEmpty       = errors.New("files: empty input")
	ErrBinary      = errors.New("files: binary data, not text")
	ErrEncoding    = errors.New("files: not valid UTF-8")
	ErrTooLarge    = errors.New("files: input too large")
	ErrJSON        = errors.New("files: malformed JSON line")
	ErrNoBody      = errors.New("files: record has neither text nor html")
)

// Item is one input article, or the error that stopped it.
type Item struct {
	Origin string // path, with ":LINE" for a JSONL record
	Kind   Kind
	Data   []byte   // the file's bytes (HTML, Text)
	Rec    *Rec     // the record (Record)
	Err    error    // non-nil: the input is rejected for this reason
	Warn   []string // problems that did not stop the input
	// Read is when the input was read, stamped in input order by whoever
	// walks the inputs; zero: when it is extracted. An article without a
	// date of its own is placed by it, so parallel extraction must not
	// reorder it.
	Read time.Time
}

// Rec is one JSONL article record. All fields are optional except one of
// Text and HTML.
type Rec struct {
	ID        string    `json:"id"`
	URL       string    `json:"url"`
	Source    string    `json:"source"`
	Title     string    `json:"title"`
	Text      string    `json:"text"`
	HTML      string    `json:"html"`
	Published time.Time `json:"-"`
	Lang      string    `json:"lang"`
	// Fetched is when the input was captured (a WARC-Date), if known.
	Fetched time.Time `json:"fetched,omitzero"`
}
