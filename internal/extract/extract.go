package extract

import (
	"bytes"
	"fmt"
	"strings"
	"time"
)

// Mode selects how the input is read.
type Mode int

const (
	// Auto sniffs the input: markup is read as HTML, anything else as Text.
	Auto Mode = iota
	// HTML reads the input as an HTML page.
	HTML
	// Text reads the input as scraped text, one visible block per line.
	Text
)

// DefaultMaxBytes is the input size limit used when Options.MaxBytes is 0.
const DefaultMaxBytes = 64 << 20

// Options tune Extract. The zero value is usable; see DefaultOptions.
type Options struct {
	URL         string // page URL if known (resolves relative links, dates in URLs, site name)
	Mode        Mode
	ContentType string // HTTP Content-Type header if known (charset)
	Fallback    bool   // HTML: also run a second extractor and keep the better result
	MaxBytes    int64  // refuse larger input with ErrTooLarge; 0 = default 64 MiB
}

// DefaultOptions returns Auto mode with the fallback extractor on.
func DefaultOptions() Options {
	return Options{Mode: Auto, Fallback: true, MaxBytes: DefaultMaxBytes}
}

// Class is the class of one line in text mode.
type Class int

const (
	// Blank is an empty line.
	Blank Class = iota
	// Body is article text.
	Body
	// Title is the article title.
	Title
	// Boilerplate is navigation, widgets, captions, link lists and the like.
	Boilerplate
	// Comment is a reader comment or its author line.
	Comment
)

// String names the class.
func (c Class) String() string {
	switch c {
	case Blank:
		return "blank"
	case Body:
		return "body"
	case Title:
		return "title"
	case Boilerplate:
		return "boilerplate"
	case Comment:
		return "comment"
	}
	return fmt.Sprintf("Class(%d)", int(c))
}

// Line is one input line in text mode with its class.
type Line struct {
	N     int // 1-based line number
	Text  string
	Class Class
}

// Result is the extracted article.
type Result struct {
	Title, Byline, Site, Language, CanonicalURL, Image, Description string
	Published, Modified                                             time.Time
	// PublishedInText says Published was read from the text itself (a
	// stamp such as "Published: ..." or a dateline), not from metadata.
	PublishedInText bool
	// Text is the clean text, one paragraph per line, "\n" between paragraphs.
	Text string
	// Lines is set in text mode only: every input line with its class.
	Lines []Line
}

// Extract reads one document and returns its article text and metadata.
// It never panics; errors wrap one of the package's sentinel errors.
func Extract(data []byte, opts Options) (res *Result, err error) {
	defer func() {
		if r := recover(); r != nil {
			res, err = nil, fmt.Errorf("%w: internal error: %v", ErrNoText, r)
		}
	}()
	limit := opts.MaxBytes
	if limit <= 0 {
		limit = DefaultMaxBytes
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("%w: %d bytes > %d", ErrTooLarge, len(data), limit)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	if isBinary(data) {
		return nil, ErrBinary
	}
	mode := opts.Mode
	if mode == Auto {
		mode = sniff(data)
	}
	if mode == HTML {
		res, err = extractHTML(data, opts)
	} else {
		res, err = extractText(data, opts)
	}
	if err == nil && res.Published.IsZero() {
		// no metadata date: the one the text gives itself, if any
		if res.Published = textPublished(textLines(res), time.Now()); !res.Published.IsZero() {
			res.PublishedInText = true
		}
	}
	return res, err
}

// textLines is what textPublished reads: every input line in text mode
// (stamps and datelines are rarely body), the clean text's lines else.
func textLines(res *Result) []string {
	if res.Lines == nil {
		return strings.Split(res.Text, "\n")
	}
	out := make([]string, len(res.Lines))
	for i, l := range res.Lines {
		out[i] = l.Text
	}
	return out
}
