package cluster

import (
	"regexp"
	"strings"
)

// charRef is an SGML or HTML character reference ("&HT;", "&QL;", "&amp;"),
// as some wire archives leave in titles and texts.
var charRef = regexp.MustCompile(`&[A-Za-z][A-Za-z0-9]{0,15};`)

// blankRefs blanks the character references of s, keeping its length (the
// passages of a roundup are offsets into the text). Left in, "&HT;" reads
// as a title word that every article of one archive shares.
func blankRefs(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charRef.ReplaceAllStringFunc(s, func(m string) string { return strings.Repeat(" ", len(m)) })
}
