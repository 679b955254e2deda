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

// navAtoms are navigation and footers. The extractors drop them anyway,
// but trafilatura's date search reads them: when it runs, they are
// removed only after trafilatura.
var navAtoms = map[atom.Atom]bool{atom.Nav: true, atom.Footer: true}

// prune removes comments, code scripts and pruneAtoms elements under root,
// and navAtoms elements too when nav is set.
func prune(root *html.Node, nav bool) {
	var drop []*html.Node
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.CommentNode || n.Type == html.ElementNode && (pruneAtoms[n.DataAtom] || codeScript(n) || nav && navAtoms[n.DataAtom]) {
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

// codeScript reports whether n is a script element holding code rather
// than JSON data.
func codeScript(n *html.Node) bool {
	return n.DataAtom == atom.Script && !strings.Contains(strings.ToLower(attr(n, "type")), "json")
}
