package extract

import "golang.org/x/net/html"

// flatten moves the children of any node deeper than limit up to the node
// at depth limit, keeping document order. It walks iteratively.
func flatten(root *html.Node, limit int) {
	type item struct {
		n     *html.Node
		depth int
	}
	stack := []item{{root, 0}}
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth >= limit {
			liftDescendants(it.n)
			continue
		}
		for c := it.n.FirstChild; c != nil; c = c.NextSibling {
			stack = append(stack, item{c, it.depth + 1})
		}
	}
}

// liftDescendants makes every descendant of n a direct child of n, in
// document order, keeping leaf nodes (text and empty elements).
func liftDescendants(n *html.Node) {
	var leaves []*html.Node
	var stack []*html.Node
	for c := n.LastChild; c != nil; c = c.PrevSibling {
		stack = append(stack, c)
	}
	for len(stack) > 0 {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.FirstChild == nil {
			leaves = append(leaves, c)
			continue
		}
		for k := c.LastChild; k != nil; k = k.PrevSibling {
			stack = append(stack, k)
		}
	}
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		n.RemoveChild(c)
		c = next
	}
	for _, l := range leaves {
		if l.Parent != nil {
			l.Parent.RemoveChild(l)
		}
		n.AppendChild(l)
	}
}
