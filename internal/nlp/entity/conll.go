package entity

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"strings"
)

// ErrCoNLL marks a malformed CoNLL line.
var ErrCoNLL = errors.New("entity: malformed CoNLL line")

// Sentence is one tokenised sentence with its tags (IOB2 or BILOU; empty
// Tags when unknown).
type Sentence struct {
	Tokens []string
	Tags   []string
}

// CoNLLDoc is one document of a CoNLL file: its sentences in order.
type CoNLLDoc struct {
	Sentences []Sentence
}

// ReadCoNLL reads a CoNLL file: one "TOKEN ... TAG" line a token (the tag in
// the last column), a blank line after each sentence, "-DOCSTART-" lines
// between documents. Text before the first DOCSTART is one document.
func ReadCoNLL(r io.Reader) ([]CoNLLDoc, error) {
	var docs []CoNLLDoc
	var cur Sentence
	doc := -1
	flush := func() {
		if len(cur.Tokens) == 0 {
			return
		}
		if doc < 0 {
			docs, doc = append(docs, CoNLLDoc{}), 0
		}
		docs[doc].Sentences = append(docs[doc].Sentences, cur)
		cur = Sentence{}
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		f := strings.Fields(sc.Text())
		switch {
		case len(f) == 0:
			flush()
		case f[0] == "-DOCSTART-":
			flush()
			docs = append(docs, CoNLLDoc{})
			doc = len(docs) - 1
		case len(f) < 2:
			return nil, fmt.Errorf("%w %d: %q", ErrCoNLL, n, sc.Text())
		default:
			cur.Tokens = append(cur.Tokens, f[0])
			cur.Tags = append(cur.Tags, f[len(f)-1])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("conll: %w", err)
	}
	flush()
	return docs, nil
}
