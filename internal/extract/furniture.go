package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Captions and article furniture: image captions and credits, bylines and
// datelines. Readability and the distiller keep them when they sit inside
// the article block; news gold bodies (and trafilatura) leave them out.
// They are removed after trafilatura has read the page, before the other
// extractors.

// furnitureMarks are class or id fragments naming caption-like blocks.
var furnitureMarks = []string{"caption", "credit", "byline", "timestamp", "dateline"}

// furnitureMaxText bounds the text of a block removed as furniture, so
// that a wrapper whose class merely mentions a caption keeps its article.
const furnitureMaxText = 1500

// pruneFurniture removes caption, credit, byline and dateline blocks under
// root.
func pruneFurniture(root *html.Node) {
	removeAll(root, func(n *html.Node) bool { return n.Type == html.ElementNode && isFurniture(n) })
}

// isFurniture reports whether n is a caption, credit, byline or dateline.
func isFurniture(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figcaption:

	case atom.Html, atom.Body, atom.Head, atom.Article, atom.Main:
		return false
	default:
		if !hasMark(n) {
			return false
		}
	}
	return textLen(n, furnitureMaxText) < furnitureMaxText
}

// hasMark reports whether n's class or id holds a furniture mark.
func hasMark(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		v := strings.ToLower(a.Val)
		for _, m := range furnitureMarks {

			if strings.Contains(v, m) {
				return true
			}
		}
	}
	return false
}

// textLen returns the length of the text under n, counting up to limit.
func textLen(n *html.Node, limit int) int {
	total := 0
	stack := []*html.Node{n}
	for len(stack) > 0 && total < limit {
		c := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if c.Type == html.TextNode {
			total += len(strings.TrimSpace(c.Data))
		}
		for k := c.FirstChild; k != nil; k = k.NextSibling {
			stack = append(stack, k)
		}
	}
	return total
}
