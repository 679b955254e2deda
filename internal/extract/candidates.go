package extract

import (
	"log/slog"
	nurl "net/url"

	readability "github.com/go-shiori/go-readability"
	distiller "github.com/markusmobius/go-domdistiller"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// candidate is one extractor's reading of the page, as plain text with
// one paragraph per line.
type candidate struct {
	name string
	text string
}

// readabilityCharThreshold is the article length (characters) under which
// readability retries with looser rules, one more pass over the page
// each time. Its default is 500; trafilatura already reads short
// articles, so retrying only below 200 saves passes at no cost in F1 on
// the dev set.
const readabilityCharThreshold = 200

// runReadability extracts the main text with go-readability. It works on
// its own copy of doc.
func runReadability(doc *html.Node, pageURL *nurl.URL) (c candidate) {
	c.name = "readability"
	defer recoverCandidate(c.name)
	defer primeByline(doc)()
	ps := readability.NewParser()
	ps.CharThresholds = readabilityCharThreshold
	art, err := ps.ParseDocument(doc, pageURL)
	if err != nil || art.Node == nil {
		return c
	}
	c.text = nodeText(art.Node)
	return c
}

// primeByline puts an empty author link at the top of doc's body and
// returns the function that removes it. Readability computes the text of
// every element it visits until it has found a byline, which is
// quadratic in the depth of the page; the primer ends that search at
// once. Readability removes the byline it finds, so the primer never
// reaches its output (bylines themselves are already pruned, see
// pruneFurniture).
func primeByline(doc *html.Node) func() {
	body := findElement(doc, atom.Body)
	if body == nil {
		return func() {}
	}
	m := &html.Node{Type: html.ElementNode, Data: "a", DataAtom: atom.A, Attr: []html.Attribute{{Key: "rel", Val: "author"}}}
	m.AppendChild(&html.Node{Type: html.TextNode, Data: "-"})
	body.InsertBefore(m, body.FirstChild)
	return func() {
		if m.Parent != nil {
			m.Parent.RemoveChild(m)
		}
	}
}

// findElement returns the first element of type a under n, searching
// the top levels of the tree (html, head, body) only.
func findElement(n *html.Node, a atom.Atom) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return c
		}
		if c.Type == html.ElementNode && c.DataAtom == atom.Html {
			if f := findElement(c, a); f != nil {
				return f
			}
		}
	}
	return nil
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
