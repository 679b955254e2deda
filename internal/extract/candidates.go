package extract

import (
	"log/slog"
	nurl "net/url"

	readability "codeberg.org/readeck/go-readability/v2"
	distiller "github.com/markusmobius/go-domdistiller"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// candidate is one extractor's reading of the page, as plain text with
// one paragraph per line.
type candidate struct {
	name string
	text string
}

// runReadability extracts the main text with readability (readeck's
// maintained fork of go-readability). It works on its own copy of doc.
func runReadability(doc *html.Node, pageURL *nurl.URL) (c candidate) {
	c.name = "readability"
	defer recoverCandidate(c.name)
	art, err := readability.FromDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return c
	}
	c.text = nodeText(art.Node)
	return c
}

// runDistiller extracts the main text with go-domdistiller. The
// distiller changes the tree it reads, so it runs last, on doc itself.
func runDistiller(doc *html.Node, pageURL *nurl.URL) (c candidate) {
	c.name = "distiller"
	defer recoverCandidate(c.name)
	res, err := distiller.Apply(doc, &distiller.Options{OriginalURL: pageURL, SkipPagination: true})
	if err != nil || res == nil || res.Node == nil {
		return c
	}
	c.text = nodeText(res.Node)
	return c
}

// recoverCandidate turns a panic inside a third-party extractor into an
// empty candidate.
func recoverCandidate(name string) {
	if r := recover(); r != nil {
		slog.Debug("extractor panicked", "extractor", name, "panic", r)
	}
}

// trafilaturaOptions are the options of the first extractor: recall focus
// (the other extractors vote its extra paragraphs out), comments excluded,
// no built-in fallback (the ensemble replaces it). Its date search runs
// (extensive) only when the page's own metadata gave no date.
func trafilaturaOptions(pageURL *nurl.URL, needDate bool) trafilatura.Options {
	dates := trafilatura.Disabled
	if needDate {
		dates = trafilatura.Extensive
	}
	return trafilatura.Options{
		OriginalURL:     pageURL,
		ExcludeComments: true,
		Focus:           trafilatura.FavorRecall,
		HtmlDateMode:    dates,
	}
}
