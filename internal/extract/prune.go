package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneAtoms are elements none of the extractors reads text from; they
// are removed once, before the extractors each clone and walk the tree.
// Scripts go too, except JSON ones (JSON-LD metadata, date search).
var pruneAtoms = map[atom.Atom]bool{
	atom.Style: true, atom.Svg: true, atom.Math: true, atom.Template: true,
	atom.Noscript: true, atom.Iframe: true, atom.Object: true, atom.Embed: true, atom.Canvas: true,
	atom.Select: true, atom.Button: true, atom.Input: true, atom.Textarea: true,
}

// navAtoms are navigation, footers and asides. The extractors drop them
// anyway, but trafilatura's date search reads them: when it runs, they
// are removed only after trafilatura.
var navAtoms = map[atom.Atom]bool{atom.Nav: true, atom.Footer: true, atom.Aside: true}

// prune removes comments, code scripts, hidden elements and pruneAtoms
// elements under root, and navAtoms elements too when nav is set.
func prune(root *html.Node, nav bool) {
	removeAll(root, func(n *html.Node) bool {
		return n.Type == html.CommentNode || n.Type == html.ElementNode && (pruneAtoms[n.DataAtom] || codeScript(n) || nav && navAtoms[n.DataAtom] || hidden(n))
	})
}

// codeScript reports whether n is a script element holding code rather
// than JSON data.
func codeScript(n *html.Node) bool {
	return n.DataAtom == atom.Script && !strings.Contains(strings.ToLower(attr(n, "type")), "json")
}

// hidden reports whether n is never rendered: the hidden attribute, or an
// inline style with display:none or visibility:hidden. Readability skips
// such elements too; removing them once spares every extractor the walk.
// The document's top elements are never hidden here.
func hidden(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Html, atom.Head, atom.Body:
		return false
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "style":
			if invisibleStyle(a.Val) {
				return true
			}
		}
	}
	return false
}

// invisibleStyle reports whether an inline style hides its element.
func invisibleStyle(style string) bool {
	s := strings.ToLower(strings.ReplaceAll(style, " ", ""))
	return strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden")
}

// removeAll removes every node under root that match reports (root
// included), without looking inside the removed ones.
func removeAll(root *html.Node, match func(*html.Node) bool) {
	var drop []*html.Node
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if match(n) {
			drop = append(drop, n)
			continue
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, c)
		}
	}
	for _, n := range drop {
		n.Parent.RemoveChild(n)
	}
}
