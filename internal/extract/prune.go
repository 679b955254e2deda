package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// pruneAtoms are elements none of the extractors reads text from; they
// are removed once, before the extractors each clone and walk the tree.
// Scripts stay (JSON-LD metadata and date search read them).
var pruneAtoms = map[atom.Atom]bool{
	atom.Style: true, atom.Svg: true, atom.Math: true, atom.Template: true,
}

// prune removes comments and pruneAtoms elements under root.
func prune(root *html.Node) {
	var drop []*html.Node
	stack := []*html.Node{root}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if n.Type == html.CommentNode || n.Type == html.ElementNode && pruneAtoms[n.DataAtom] {
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
