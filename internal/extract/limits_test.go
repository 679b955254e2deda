package extract

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestExtractLimits feeds the documented worst cases: each must finish and
// give text or a clear error.
func TestExtractLimits(t *testing.T) {
	if testing.Short() {
		t.Skip("large inputs")
	}
	para := "<p>" + strings.Repeat("The council met again today to discuss the bridge. ", 8) + "</p>\n"
	var big bytes.Buffer
	big.WriteString("<html><head><title>Big</title></head><body><article>")
	for big.Len() < 50<<20 {
		big.WriteString(para)
	}
	big.WriteString("</article></body></html>")
	line := "<html><body><p>" + strings.Repeat("word and more words. ", 10<<20/21) + "</p></body></html>"
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"Page50MB", big.Bytes(), "council met again"},
		{"Nested100k", []byte(strings.Repeat("<div>", 100000) + para + strings.Repeat("</div>", 100000)), "council met again"},
		{"OneLine10MB", []byte(line), "word and more words"},
		{"Text10MBLine", []byte(strings.Repeat("word and more words. ", 10<<20/21)), "word and more words"},
		{"UndeclaredCP1251", readTestdata(t, "cp1251-nometa.html"), "три новые линии трамвая"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract(tt.data, DefaultOptions())
			if err != nil {
				if !errors.Is(err, ErrNoText) && !errors.Is(err, ErrTooLarge) {
					t.Fatalf("unclear error %v", err)
				}
				return
			}
			if !strings.Contains(res.Text, tt.want) {
				t.Errorf("text lacks %q: %.200q", tt.want, res.Text)
			}
		})
	}
}
