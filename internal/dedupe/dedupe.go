// Package dedupe recognises articles Parallax has already seen: exact
// copies by canonical URL and by a hash of their normalised text.
package dedupe

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
)

// ContentHash returns a hex SHA-256 of the text's words, lower-cased and
// joined by single spaces, so that copies differing only in whitespace,
// punctuation or case hash alike. Text without any word hashes to "".
func ContentHash(text string) string {
	var b strings.Builder
	b.Grow(len(text))
	inWord := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if !inWord && b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteRune(unicode.ToLower(r))
			inWord = true
			continue
		}
		inWord = false
	}
	if b.Len() == 0 {
		return ""
	}
	sum := sha256.Sum256([]byte(b.String()))
	return hex.EncodeToString(sum[:])
}

// ID derives a stable article id from a content hash.
func ID(contentHash string) string {
	if len(contentHash) < 16 {
		return "a" + contentHash
	}
	return "a" + contentHash[:16]
}
