package eval

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
)

// QuoteGold is one annotated quotation: where it is in an article of a
// gold set (byte offsets of the text between its marks), a short hash of
// that text to check the offsets, and its speaker (NoSpeaker for titles
// and scare quotes, UnclearSpeaker when the article does not say).
type QuoteGold struct {
	Topic, Doc string
	Start, End int
	Hash       string
	Speaker    string
}

// Speaker markers in quote gold.
const (
	NoSpeaker      = "NONE"
	UnclearSpeaker = "?"
)

// ReadQuoteGold reads a quote annotation file: one quotation a line, tab
// separated (topic, doc, start, end, hash, speaker); lines starting with
// '#' are comments.
func ReadQuoteGold(path string) ([]QuoteGold, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	return ParseQuoteGold(f, path)
}

// ParseQuoteGold reads quote annotations from r (named path in errors).
func ParseQuoteGold(r io.Reader, path string) ([]QuoteGold, error) {
	var out []QuoteGold
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		ln := sc.Text()
		if ln == "" || strings.HasPrefix(ln, "#") {
			continue
		}
		c := strings.Split(ln, "\t")
		if len(c) != 6 {
			return nil, fmt.Errorf("eval: %s:%d: want 6 fields, got %d", path, n, len(c))
		}
		s, err1 := strconv.Atoi(c[2])
		e, err2 := strconv.Atoi(c[3])
		if err1 != nil || err2 != nil || s < 0 || e < s {
			return nil, fmt.Errorf("eval: %s:%d: bad offsets", path, n)
		}
		out = append(out, QuoteGold{Topic: c[0], Doc: c[1], Start: s, End: e, Hash: c[4], Speaker: c[5]})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: %s: %w", path, err)
	}
	return out, nil
}

// QuoteHash is the hash QuoteGold stores: the first 8 hex digits of the
// SHA-256 of the quotation's bytes.
func QuoteHash(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:4])
}
