package warc

import (
	"bytes"
	"context"
	"testing"

	"parallax/internal/ingest/files"
)

// BenchmarkRead reads a 1,000-page WARC.gz into Items.
func BenchmarkRead(b *testing.B) {
	var buf bytes.Buffer
	w := NewWriter(&buf, true)
	for i := range 1000 {
		page := append(pageHTML(i), bytes.Repeat([]byte("<p>Some paragraph of article text goes here.</p>"), 60)...)
		if err := w.WriteResponse("https://news.example/", day, page); err != nil {
			b.Fatal(err)
		}
	}
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		n := 0
		err := Read(context.Background(), bytes.NewReader(data), "b.warc.gz", files.Options{}, func(it files.Item) error {
			n++
			return it.Err
		})
		if err != nil || n != 1000 {
			b.Fatalf("%d items, %v", n, err)
		}
	}
}
