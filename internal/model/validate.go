package model

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Limits of the fields CheckID and CheckArticle accept.
const (
	MaxIDLen  = 256  // bytes
	MaxURLLen = 8192 // bytes
)

// ErrInvalid is wrapped by every validation error.
var ErrInvalid = errors.New("model: invalid field")

// CheckID reports whether id can name an article or story: it is what the
// CLI and the store accept and what /articles/{id} answers for, so that
// whatever is stored can be viewed. An id is 1 to MaxIDLen bytes of UTF-8
// without control characters or white space, and is not "." or "..".
func CheckID(id string) error {
	switch {
	case id == "":
		return fmt.Errorf("%w: id is empty", ErrInvalid)
	case len(id) > MaxIDLen:
		return fmt.Errorf("%w: id is %d bytes long, limit %d", ErrInvalid, len(id), MaxIDLen)
	case !utf8.ValidString(id):
		return fmt.Errorf("%w: id is not valid UTF-8", ErrInvalid)
	case id == "." || id == "..":
		return fmt.Errorf("%w: id %q", ErrInvalid, id)
	}
	for i, c := range id {
		if unicode.IsControl(c) || unicode.IsSpace(c) {
			return fmt.Errorf("%w: id has control or white-space character %U at byte %d", ErrInvalid, c, i)
		}
	}
	return nil
}

// CheckField rejects a text field holding a NUL byte, as the text of an
// input with one is rejected as binary.
func CheckField(name, v string) error {
	if i := strings.IndexByte(v, 0); i >= 0 {
		return fmt.Errorf("%w: %s has a NUL byte at byte %d", ErrInvalid, name, i)
	}
	return nil
}

// CheckURL rejects a URL that is too long or holds control characters;
// "" is fine (unknown).
func CheckURL(name, u string) error {
	if len(u) > MaxURLLen {
		return fmt.Errorf("%w: %s is %d bytes long, limit %d", ErrInvalid, name, len(u), MaxURLLen)
	}
	for i, c := range u {
		if unicode.IsControl(c) {
			return fmt.Errorf("%w: %s has control character %U at byte %d", ErrInvalid, name, c, i)
		}
	}
	return nil
}

// CheckArticle validates what the pipeline is about to store: the id, the
// URLs, and no NUL in any text field. The pipeline rejects an input that
// fails it; the stores refuse such an article.
func CheckArticle(a *Article) error {
	if err := CheckID(a.ID); err != nil {
		return err
	}
	if err := CheckURL("url", a.URL); err != nil {
		return err
	}
	if err := CheckURL("canonical url", a.CanonicalURL); err != nil {
		return err
	}
	for _, f := range []struct{ name, v string }{
		{"title", a.Title}, {"source", a.Source}, {"byline", a.Byline}, {"lang", a.Language}, {"text", a.Text}, {"origin", a.Origin},
	} {
		if err := CheckField(f.name, f.v); err != nil {
			return err
		}
	}
	return nil
}
