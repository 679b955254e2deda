package extract

import (
	"bytes"
	"regexp"
)

// sniffLen is how much of the input the sniffers look at.
const sniffLen = 8192

// isBinary reports input that is not text: NUL bytes, or many control
// bytes, in its first bytes. UTF-16 with a BOM is text.
func isBinary(data []byte) bool {
	head := data[:min(len(data), sniffLen)]
	if bytes.HasPrefix(head, []byte{0xFF, 0xFE}) || bytes.HasPrefix(head, []byte{0xFE, 0xFF}) {
		return false
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, b := range head {
		if b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b {
			ctl++
		}
	}
	if ctl*20 > len(head) {
		return true
	}
	// Invalid UTF-8 alone is not binary: legacy charsets are decoded later.
	return false
}

var markupRe = regexp.MustCompile(`(?i)<(!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|meta\s|title>|div[\s>]|p[\s>]|article[\s>]|span[\s>]|a\s+href|br\s*/?>|table[\s>]|script[\s>])`)

// sniff returns HTML when the head of the input looks like markup.
func sniff(data []byte) Mode {
	head := data[:min(len(data), sniffLen)]
	head = bytes.TrimLeft(head, "\xef\xbb\xbf \t\r\n")
	if bytes.HasPrefix(head, []byte("<")) && markupRe.Match(head) {
		return HTML
	}
	if len(markupRe.FindAllIndex(head, 4)) >= 4 {
		return HTML
	}
	return Text
}
