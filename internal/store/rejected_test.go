package store

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRejectedInput(t *testing.T) {
	tests := []struct{ origin, want string }{
		{"data/batch.jsonl:17", "data/batch.jsonl"},
		{"a.warc.gz#record12", "a.warc.gz"},
		{"a.warc.gz", "a.warc.gz"},
		{"page.html", "page.html"},
		{"C:notes.txt", "C:notes.txt"},
		{"dir:2/x.jsonl:3", "dir:2/x.jsonl"},
		{"https://example.com:8080", "https://example.com:8080"},
		{"https://example.com/news/1", "https://example.com/news/1"},
		{"weird.jsonl:", "weird.jsonl:"},
		{"x#recordA", "x#recordA"},
	}
	for _, tt := range tests {
		if got := RejectedInput(tt.origin); got != tt.want {
			t.Errorf("RejectedInput(%q) = %q, want %q", tt.origin, got, tt.want)
		}
	}
}

func TestShortReason(t *testing.T) {
	if s := ShortReason("short"); s != "short" {
		t.Errorf("short reason changed: %q", s)
	}
	for _, long := range []string{strings.Repeat("x", 1000), strings.Repeat("é", 1000), strings.Repeat("日本", 200)} {
		s := ShortReason(long)
		if len(s) > MaxReasonBytes || !utf8.ValidString(s) || !strings.HasSuffix(s, "…") || !strings.HasPrefix(long, strings.TrimSuffix(s, "…")) {
			t.Errorf("ShortReason of %d bytes = %d bytes %q", len(long), len(s), s[:20])
		}
	}
}
