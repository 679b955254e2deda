package web

import (
	"fmt"
	"html/template"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// svgDoc writes one inline SVG picture for a page: server-rendered, so
// that the page needs no script; accessible, with a <title> and a <desc>
// that the picture names (role="img", aria-labelledby). Every text it
// writes is escaped; colours are presentation attributes, which the
// strict CSP allows (it refuses style attributes).
type svgDoc struct {
	b strings.Builder
}

// newSVG starts a picture w×h (user units, scaled to the page's width)
// with id (unique in the page), title and desc.
func newSVG(id string, w, h int, title, desc string) *svgDoc {
	s := &svgDoc{}
	fmt.Fprintf(&s.b, `<svg class="chart" id="%s" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-labelledby="%s-t %s-d" xmlns="http://www.w3.org/2000/svg">`,
		esc(id), w, h, w, h, esc(id), esc(id))
	fmt.Fprintf(&s.b, `<title id="%s-t">%s</title><desc id="%s-d">%s</desc>`, esc(id), esc(title), esc(id), esc(desc))
	return s
}

// esc escapes text for SVG inside HTML (text and attribute values).
func esc(s string) string { return template.HTMLEscapeString(s) }

// n1 is a coordinate rounded to one decimal, without a trailing ".0".
func n1(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	return strings.TrimSuffix(s, ".0")
}

func (s *svgDoc) rect(x, y, w, h float64, fill string) {
	fmt.Fprintf(&s.b, `<rect x="%s" y="%s" width="%s" height="%s" fill="%s"/>`, n1(x), n1(y), n1(w), n1(h), fill)
}

func (s *svgDoc) line(x1, y1, x2, y2 float64, class string) {
	fmt.Fprintf(&s.b, `<line class="%s" x1="%s" y1="%s" x2="%s" y2="%s"/>`, class, n1(x1), n1(y1), n1(x2), n1(y2))
}

func (s *svgDoc) circle(x, y, r float64, class string) {
	fmt.Fprintf(&s.b, `<circle class="%s" cx="%s" cy="%s" r="%s"/>`, class, n1(x), n1(y), n1(r))
}

// text writes txt at (x, y); anchor is start, middle or end; rotate, when
// not 0, turns it about (x, y).
func (s *svgDoc) text(x, y float64, anchor, class, txt string, rotate int) {
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" text-anchor="%s" class="%s"`, n1(x), n1(y), anchor, class)
	if rotate != 0 {
		fmt.Fprintf(&s.b, ` transform="rotate(%d %s %s)"`, rotate, n1(x), n1(y))
	}
	fmt.Fprintf(&s.b, `>%s</text>`, esc(txt))
}

// group opens a <g> with a tooltip title; closeGroup ends it.
func (s *svgDoc) group(tip string) { fmt.Fprintf(&s.b, `<g><title>%s</title>`, esc(tip)) }
func (s *svgDoc) closeGroup()      { s.b.WriteString(`</g>`) }

// HTML ends the picture.
func (s *svgDoc) HTML() template.HTML {
	s.b.WriteString(`</svg>`)
	return template.HTML(s.b.String()) // every text above went through esc
}

// clip shortens s to at most n runes, with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
