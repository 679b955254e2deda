package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strings"
)

// maxLine is the longest JSONL line the gold readers accept.
const maxLine = 64 << 20

// readJSONL decodes each non-blank line of a JSONL file into a T and hands
// it to each; an error names the file and line.
func readJSONL[T any](path string, each func(T) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), maxLine)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		var v T
		if err := json.Unmarshal([]byte(line), &v); err != nil {
			return fmt.Errorf("eval: %s:%d: %w", path, n, err)
		}
		if err := each(v); err != nil {
			return fmt.Errorf("eval: %s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("eval: %s: %w", path, err)
	}
	return nil
}
