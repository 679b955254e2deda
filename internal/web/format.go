package web

import (
	"net/url"
	"strings"
	"time"

	"parallax/internal/nlp/sentence"
)

// storyTitle is a story's title, or a placeholder while it has none.
func storyTitle(t string) string {
	if strings.TrimSpace(t) == "" {
		return "Untitled story"
	}
	return t
}

// formatDate shows a time as "2 Jan 2006", or "" when unknown.
func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

// isoDate is t as YYYY-MM-DD for datetime attributes, or "".
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// dateRange shows first..last compactly: one date when both fall on the
// same day.
func dateRange(first, last time.Time) string {
	a, b := formatDate(first), formatDate(last)
	switch {
	case a == "" || a == b:
		return b
	case b == "":
		return a
	}
	return a + " – " + b
}

// formatDay shows a timeline date ("YYYY-MM-DD") as precisely as the text
// gave it: "2 March 2024", "March 2024" or "2024". Unparsable dates are
// shown as stored.
func formatDay(d, precision string) string {
	t, err := time.Parse(time.DateOnly, d)
	if err != nil {
		return d
	}
	switch precision {
	case "year":
		return t.Format("2006")
	case "month":
		return t.Format("January 2006")
	case "week":
		return "week of " + t.Format("2 January 2006")
	}
	return t.Format("2 January 2006")
}

// safeURL returns u when it is an absolute http(s) URL with a host, else
// "": only such URLs ever become links.
func safeURL(u string) string {
	p, err := url.Parse(strings.TrimSpace(u))
	if err != nil || p.Host == "" {
		return ""
	}
	if s := strings.ToLower(p.Scheme); s != "http" && s != "https" {
		return ""
	}
	return p.String()
}

// paragraphs splits clean text into its non-blank lines.
func paragraphs(text string) []string {
	var out []string
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line != "" {
			out = append(out, reflow(line)...)
		}
	}
	return out
}

// longParagraph is the length past which a paragraph is shown as several
// of reflowSentences sentences: archives of wire text (Timeline17) hold a
// whole article on one line.
const (
	longParagraph   = 1500
	reflowSentences = 4
)

// reflow cuts a long paragraph into paragraphs of a few sentences.
func reflow(p string) []string {
	if len(p) <= longParagraph {
		return []string{p}
	}
	ss := sentence.Split(p)
	var out []string
	from := 0 // every byte of p lands in one of the pieces
	for i := reflowSentences; i < len(ss); i += reflowSentences {
		if piece := strings.TrimSpace(p[from:ss[i].Start]); piece != "" {
			out = append(out, piece)
		}
		from = ss[i].Start
	}
	return append(out, strings.TrimSpace(p[from:]))
}
