package store

import (
	"context"
	"strings"
	"unicode/utf8"
)

// Rejections are capped per input so that a file of a million bad lines
// cannot fill the disk: the store keeps the first RejectedPerInput
// rejections of each input (a file, not its lines) with their reason cut
// to MaxReasonBytes, and counts the rest.
const (
	RejectedPerInput = 20
	MaxReasonBytes   = 300
)

// RejectedInput is the input a rejected origin belongs to: the file of a
// JSONL line ("FILE:LINE") or of a WARC record ("FILE#recordN"); other
// origins (a file, a URL) are their own input.
func RejectedInput(origin string) string {
	if i := strings.LastIndex(origin, "#record"); i > 0 && allDigits(origin[i+len("#record"):]) {
		return origin[:i]
	}
	if strings.Contains(origin, "://") {
		return origin // a URL: "host:8080" is a port, not a line
	}
	if i := strings.LastIndexByte(origin, ':'); i > 0 && allDigits(origin[i+1:]) {
		return origin[:i]
	}
	return origin
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ShortReason cuts a rejection reason to MaxReasonBytes on a rune
// boundary, with "…" when it was cut.
func ShortReason(reason string) string {
	if len(reason) <= MaxReasonBytes {
		return reason
	}
	cut := MaxReasonBytes - len("…")
	for cut > 0 && !utf8.RuneStart(reason[cut]) {
		cut--
	}
	return reason[:cut] + "…"
}

// Rejection is one kept rejection.
type Rejection struct {
	Origin string `json:"origin"`
	Reason string `json:"reason"`
}

// RejectedSummary summarises the rejections of one input: how many, and
// the first ones kept.
type RejectedSummary struct {
	Input    string      `json:"input"`
	Total    int64       `json:"total"`
	Examples []Rejection `json:"examples"`
}

// RejectionLister is implemented by stores that can summarise their
// rejections per input (both of ours).
type RejectionLister interface {
	// Rejections returns up to limit inputs with the most rejections
	// (then by name), each with up to examples of its kept rejections in
	// the order recorded.
	Rejections(ctx context.Context, limit, examples int) ([]RejectedSummary, error)
}
