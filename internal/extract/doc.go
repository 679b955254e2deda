// Package extract turns one fetched document into clean article text and
// metadata.
//
// # HTML
//
// The page is decoded to UTF-8 (BOM, Content-Type, <meta>, valid UTF-8,
// then statistical detection for undeclared legacy charsets such as
// windows-125x, ISO-8859-x, KOI8-R, Shift_JIS, EUC-KR, GB18030), parsed
// once, and elements nested deeper than 256 levels are lifted up. Nodes
// no extractor reads (comments, code scripts, styles, SVG, embeds, form
// controls, elements hidden by the hidden attribute or an inline style,
// and nav, footer and aside, these after trafilatura's date search when
// it runs) are removed once before the extractors clone the tree.
//
// With Options.Fallback (the default) go-trafilatura reads the tree in
// recall mode. Then captions, photo credits, bylines and datelines go
// (figcaption, or a small block whose class or id names one): readability
// and the distiller keep them inside the article block, news article
// bodies leave them out. Readability (readeck's maintained fork of
// go-readability) reads the tree next; when its text and trafilatura's
// agree closely (token-bag F1 at least .90), readability's paragraphs
// that trafilatura also holds are the text. Otherwise go-domdistiller
// reads the tree too and the three texts are merged paragraph by
// paragraph: a text that shares less than half its words (token-bag F1
// under .5) with every other text has read another block of the page and
// is left out (of two texts left, trafilatura's wins); the base is the
// text that agrees most with the others; a base paragraph is kept when at
// least two extractors hold most of its word 3-grams, and a paragraph the
// base lacks is added only when all three hold it. Without Fallback only
// go-trafilatura runs.
//
// Metadata comes from the page itself (JSON-LD, OpenGraph, <meta>,
// <time>, <link rel=canonical>, the URL) and then from go-trafilatura; its
// extensive date search runs only when the page gave no date.
//
// Special pages:
//   - AMP pages are read as ordinary HTML (amp-* elements are kept as
//     containers); Result.CanonicalURL points to the non-AMP page.
//   - Articles present only in JSON-LD: when the extracted text is short
//     (under 500 bytes) and the JSON-LD articleBody more than twice as
//     long, the articleBody is the text.
//   - Paginated articles: only the given page is extracted; next-page links
//     are not followed (fetching is the caller's job).
//   - Live blogs: the posts on the page come out as body paragraphs in page
//     order, not split into posts; reader comments are excluded.
//
// # Scraped text
//
// Text (one visible block per line) goes through a line classifier that
// separates body, title, boilerplate and reader comments (Result.Lines).
//
// # Limits
//
// Input over Options.MaxBytes (default 64 MiB) fails with ErrTooLarge.
// Decoded pages over 4 MiB run go-trafilatura alone; over 8 MiB no library
// runs and the text of the first <article> (else <main>, else <body>) minus
// navigation, header, footer, aside and forms is returned, in linear time.
// Measured on one core: a 50 MB page, 100 000 nested elements, a 10 MB
// single-line page and a 10 MB text line each finish in under 3 s and
// 700 MB of memory. Extract never panics: a panic inside a library gives
// ErrNoText.
package extract
