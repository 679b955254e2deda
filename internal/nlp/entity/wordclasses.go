package entity

import (
	"bytes"
	_ "embed"
	"encoding/binary"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// The word classes the tagger reads (see LearnWordClasses): the classes of
// one corpus at three sizes, coarse to fine, as Brown-cluster prefixes are
// used (Ratinov and Roth 2009).
var classSizes = []string{"64", "256", "1024", "r256", "r1024"}

const (
	classMinCount = 3
	classPasses   = 20
	classMagic    = "PXWC1"
)

// wordClasses maps a word to its class at each size (0: none, else the
// class + 1).
type wordClasses struct {
	levels int
	m      map[string][]uint16
}

func newWordClasses(levels []map[string]int) *wordClasses {
	wc := &wordClasses{levels: len(levels), m: map[string][]uint16{}}
	for l, m := range levels {
		for w, c := range m {
			row := wc.m[w]
			if row == nil {
				row = make([]uint16, len(levels))
				wc.m[w] = row
			}
			row[l] = uint16(c + 1)
		}
	}
	return wc
}

// get returns the classes of a word, trying an all-capitals word in
// title case and a capitalised one in lower case when it is not known as
// written; nil when none is known.
func (wc *wordClasses) get(w string) []uint16 {
	if wc == nil {
		return nil
	}
	if r := wc.m[w]; r != nil {
		return r
	}
	r, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return nil
	}
	if n < len(w) && !hasLower(w) {
		if r := wc.m[w[:n]+strings.ToLower(w[n:])]; r != nil {
			return r
		}
	}
	return wc.m[strings.ToLower(w)]
}

// hasLower reports whether w has a letter that upper-casing changes.
func hasLower(w string) bool {
	for _, r := range w {
		if unicode.ToUpper(r) != r {
			return true
		}
	}
	return false
}

// WriteTo writes the classes: the words in order, each with its classes,
// gzipped; the bytes depend only on the classes.
func (wc *wordClasses) WriteTo(w io.Writer) (int64, error) {
	words := make([]string, 0, len(wc.m))
	for k := range wc.m {
		words = append(words, k)
	}
	slices.Sort(words)
	var buf bytes.Buffer
	buf.WriteString(classMagic)
	put := func(v uint64) { buf.Write(binary.AppendUvarint(nil, v)) }
	put(uint64(wc.levels))
	put(uint64(len(words)))
	for _, k := range words {
		put(uint64(len(k)))
		buf.WriteString(k)
		for _, c := range wc.m[k] {
			put(uint64(c))
		}
	}
	return writeGzip(w, buf.Bytes(), "word classes")
}

// readWordClasses reads what WriteTo wrote.
func readWordClasses(r io.Reader) (*wordClasses, error) {
	br, err := openGzip(r, classMagic, "word classes")
	if err != nil {
		return nil, err
	}
	levels, err1 := binary.ReadUvarint(br)
	n, err2 := binary.ReadUvarint(br)
	if err1 != nil || err2 != nil || levels == 0 || levels > 8 || n > 1<<24 {
		return nil, fmt.Errorf("%w: word classes: bad header", ErrModel)
	}
	wc := &wordClasses{levels: int(levels), m: make(map[string][]uint16, n)}
	all := make([]uint16, int(n)*int(levels))
	for i := 0; i < int(n); i++ {
		l, err := binary.ReadUvarint(br)
		if err != nil || l == 0 || l > 1<<10 {
			return nil, fmt.Errorf("%w: word classes: word %d", ErrModel, i)
		}
		b := make([]byte, l)
		if _, err := io.ReadFull(br, b); err != nil {
			return nil, fmt.Errorf("%w: word classes: word %d: %w", ErrModel, i, err)
		}
		row := all[i*int(levels) : (i+1)*int(levels) : (i+1)*int(levels)]
		for k := range row {
			c, err := binary.ReadUvarint(br)
			if err != nil || c > 1<<16-1 {
				return nil, fmt.Errorf("%w: word classes: word %d class", ErrModel, i)
			}
			row[k] = uint16(c)
		}
		wc.m[string(b)] = row
	}
	return wc, nil
}

//go:embed wordclasses.bin.gz
var wordClassData []byte

var (
	classesOnce sync.Once
	classes     *wordClasses
)

// defaultClasses returns the embedded word classes, decoded once; nil when
// none are embedded.
func defaultClasses() *wordClasses {
	classesOnce.Do(func() {
		if len(wordClassData) == 0 {
			return
		}
		wc, err := readWordClasses(bytes.NewReader(wordClassData))
		if err != nil {
			panic(err) // the embedded file is written by TestBuildWordClasses and read back by its tests
		}
		classes = wc
	})
	return classes
}
