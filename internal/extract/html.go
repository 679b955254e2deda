package extract

import (
	"bytes"
	"fmt"
	nurl "net/url"
	"strings"

	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// maxDepth bounds element nesting; deeper elements are lifted up to this
// depth so that recursive tree walks stay shallow.
const maxDepth = 256

// Size limits of the HTML path (decoded bytes). Larger pages skip the
// second and third extractors (ensembleMaxBytes), or every library
// (libraryMaxBytes) for a linear-time reading of the page's main block:
// the libraries' heuristics are superlinear on huge trees.
const (
	ensembleMaxBytes = 4 << 20
	libraryMaxBytes  = 8 << 20
)

// extractHTML runs the HTML path.
func extractHTML(data []byte, opts Options) (*Result, error) {
	page := decodeHTML(data, opts.ContentType)
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		return nil, fmt.Errorf("%w: parse html: %v", ErrNoText, err)
	}
	flatten(doc, maxDepth)
	pageURL, _ := nurl.Parse(opts.URL)
	if pageURL != nil && (pageURL.Scheme == "" || pageURL.Host == "") {
		pageURL = nil
	}
	res := &Result{}
	meta := readMeta(doc, pageURL)
	if len(page) > libraryMaxBytes {
		res.Text = plainText(doc)
		mergeMeta(res, meta, nil)
		if res.Text == "" {
			return res, ErrNoText
		}
		return res, nil
	}
	// Navigation and footers go before trafilatura unless its date
	// search needs them, and before the other extractors in any case.
	needDate := meta.published.IsZero()
	prune(doc, !needDate)
	text, tmeta, err := runTrafilatura(doc, pageURL, needDate)
	if needDate {
		prune(doc, true)
	}
	if opts.Fallback && len(page) <= ensembleMaxBytes {
		text = ensemble(doc, pageURL, text)
	} else if err != nil {
		return nil, err
	}
	res.Text = preferLDBody(text, meta.body)
	mergeMeta(res, meta, tmeta)
	if strings.TrimSpace(res.Text) == "" {
		return res, ErrNoText
	}
	return res, nil
}

// runTrafilatura extracts the main text and metadata with go-trafilatura.
func runTrafilatura(doc *html.Node, pageURL *nurl.URL, needDate bool) (string, *trafilatura.Metadata, error) {
	r, err := trafilatura.ExtractDocument(doc, trafilaturaOptions(pageURL, needDate))
	if err != nil {
		return "", nil, fmt.Errorf("%w: %v", ErrNoText, err)
	}
	return nodeText(r.ContentNode), &r.Metadata, nil
}

// preferLDBody returns the JSON-LD articleBody instead of the extracted
// text when the page holds its article only there: the extracted text is
// short and the JSON-LD body more than twice as long.
func preferLDBody(text, ldBody string) string {
	ldBody = tidyParagraphs(ldBody)
	if len(text) < 500 && len(ldBody) > 2*len(text) {
		return ldBody
	}
	return text
}
