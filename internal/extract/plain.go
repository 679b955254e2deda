package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// chromeAtoms are page furniture dropped by plainText.
var chromeAtoms = map[atom.Atom]bool{
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true, atom.Form: true,
}

// plainText is the linear-time reading used for pages too large for the
// libraries: the text of the first <article> (else <main>, else <body>),
// without navigation, headers, footers, asides and forms.
func plainText(doc *html.Node) string {
	root := findFirst(doc, atom.Article)
	if root == nil {
		root = findFirst(doc, atom.Main)
	}
	if root == nil {
		root = findFirst(doc, atom.Body)
	}
	if root == nil {
		root = doc
	}
	removeAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode && chromeAtoms[n.DataAtom] && n != root })
	return nodeText(root)
}

// findFirst returns the first element with the given atom, in document order.
func findFirst(root *html.Node, a atom.Atom) *html.Node {
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.ElementNode && n.DataAtom == a {
			return n
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
	return nil
}
