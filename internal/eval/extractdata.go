package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
	f, err := os.Open(filepath.Join(dir, "meta.jsonl"))
	if err != nil {
		return nil, fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	set := &ExtractSet{Dir: dir}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var p Page
		if err := json.Unmarshal([]byte(line), &p); err != nil {
			return nil, fmt.Errorf("eval: meta.jsonl:%d: %w", n, err)
		}
		set.Pages = append(set.Pages, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval: meta.jsonl: %w", err)
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
