package extract

import (
	"bytes"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"unicode/utf8"
)

// extractText runs the scraped-text path: split into lines, classify each,
// keep the body lines as the text.
func extractText(data []byte, _ Options) (*Result, error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("%w at byte %d", ErrEncoding, invalidAt(data))
	}
	lines := splitLines(string(data))
	classify(lines)
	res := &Result{Lines: lines}
	var body []string
	for _, l := range lines {
		switch l.Class {
		case Title:
			if res.Title == "" {
				res.Title = strings.TrimSpace(l.Text)
			}
		case Body:
			body = append(body, strings.Join(strings.Fields(l.Text), " "))
		}
	}
	res.Byline = findByline(lines)
	res.Site = findSource(lines)
	res.Text = strings.Join(body, "\n")
	if res.Text == "" {
		return res, ErrNoText
	}
	return res, nil
}

var bylineRe = regexp.MustCompile(`^(?i:by)[\s\p{Zs}]+(\p{Lu}[\p{L}.'’-]*(?:[\s\p{Zs}]+(?:and[\s\p{Zs}]+)?\p{Lu}[\p{L}.'’-]*){0,5})[\s\p{Zs}]*$`)

// findByline returns the name from the first "By NAME" line that is not
// body text.
func findByline(lines []Line) string {
	for _, l := range lines {
		if l.Class == Body || l.Class == Comment {
			continue
		}
		if m := bylineRe.FindStringSubmatch(strings.TrimSpace(l.Text)); m != nil {
			return m[1]
		}
	}
	return ""
}

// invalidAt returns the offset of the first invalid UTF-8 sequence.
func invalidAt(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// splitLines cuts text into numbered lines (LF, CRLF or CR endings).
func splitLines(s string) []Line {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	s = strings.TrimSuffix(s, "\n")
	parts := strings.Split(s, "\n")
	lines := make([]Line, len(parts))
	for i, p := range parts {
		lines[i] = Line{N: i + 1, Text: p}
	}
	return lines
}

// sourceLineRe is a line naming where a text comes from: "Source: NAME".
var sourceLineRe = regexp.MustCompile(`^(?i:source)\s*:\s*(\S.{0,79})$`)

// findSource returns the outlet a "Source: NAME" line (not body text)
// names: a URL's host for a URL, the name else.
func findSource(lines []Line) string {
	for _, l := range lines {
		if l.Class == Comment {
			continue
		}
		m := sourceLineRe.FindStringSubmatch(strings.TrimSpace(l.Text))
		if m == nil {
			continue
		}
		name := strings.TrimSpace(m[1])
		if u, err := url.Parse(name); err == nil && u.Host != "" {
			return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
		if len(strings.Fields(name)) <= 6 {
			return strings.TrimRight(name, ".")
		}
	}
	return ""
}
