package extract

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// decodeHTML converts an HTML page to UTF-8. The charset comes from, in
// order: a byte-order mark, the Content-Type header, a <meta> declaration,
// valid UTF-8, and finally statistical detection.
func decodeHTML(data []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(data, contentType)
	if !certain {
		switch {
		case utf8.Valid(data):
			return data
		default:
			if e := detect(data); e != nil {
				enc, name = e, "detected"
			}
		}
	}
	if name == "utf-8" || enc == encoding.Nop || enc == unicode.UTF8 {
		return bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	}
	out, _, err := transform.Bytes(enc.NewDecoder(), data)
	if err != nil {
		return data
	}
	return out
}

// detect guesses the charset of non-UTF-8 bytes.
func detect(data []byte) encoding.Encoding {
	sample := data[:min(len(data), 64<<10)]
	r, err := chardet.NewHtmlDetector().DetectBest(sample)
	if err != nil || r == nil {
		return nil
	}
	e, err := htmlindex.Get(strings.ToLower(r.Charset))
	if err != nil {
		return nil
	}
	return e
}
