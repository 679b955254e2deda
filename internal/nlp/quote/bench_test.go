package quote

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"parallax/internal/shared"
)

// BenchmarkFind finds the quotations of 200 articles of dev-topics.jsonl
// (every 14th line; blank lines joined as the extractor joins paragraphs).
func BenchmarkFind(b *testing.B) {
	f, err := os.Open(filepath.Join(shared.TestData(b, "cluster"), "dev-topics.jsonl"))
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	var texts []string
	size := 0
	for n := 0; sc.Scan() && len(texts) < 200; n++ {
		var rec struct{ Text string }
		if n%14 != 0 || json.Unmarshal(sc.Bytes(), &rec) != nil || rec.Text == "" {
			continue
		}
		t := strings.ReplaceAll(rec.Text, "\n\n", "\n")
		texts = append(texts, t)
		size += len(t)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Find(t)
		}
	}
}
