package eval

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Page is one document of an extraction gold set.
type Page struct {
	Name   string `json:"name"`
	URL    string `json:"url"`
	Title  string `json:"title"`
	Source string `json:"source"` // "aeb" or "readability"
}

// ExtractSet is an extraction gold set: dir holds meta.jsonl, html/, gold/.
type ExtractSet struct {
	Dir   string
	Pages []Page
}

// ReadExtractSet reads DIR/meta.jsonl; pages are sorted by name, as
// score.py walks the gold folder.
func ReadExtractSet(dir string) (*ExtractSet, error) {
	set := &ExtractSet{Dir: dir}
	err := readJSONL(filepath.Join(dir, "meta.jsonl"), func(p Page) error {
		set.Pages = append(set.Pages, p)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(set.Pages, func(i, j int) bool { return set.Pages[i].Name < set.Pages[j].Name })
	return set, nil
}

// Gold returns the gold text of a page.
func (s *ExtractSet) Gold(p Page) (string, error) {
	b, err := os.ReadFile(filepath.Join(s.Dir, "gold", p.Name+".txt"))
	if err != nil {
		return "", fmt.Errorf("eval: %w", err)
	}
	return string(b), nil
}

// Input returns a page's input: html/NAME.html, or with textDir set
// (the scraped-text set) textDir/NAME.txt.
func (s *ExtractSet) Input(p Page, textDir string) ([]byte, error) {
	path := filepath.Join(s.Dir, "html", p.Name+".html")
	if textDir != "" {
		path = filepath.Join(textDir, p.Name+".txt")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	return b, nil
}
