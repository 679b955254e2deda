package sqlite

import (
	"context"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// BenchmarkAddArticle measures storing new articles of about 4 KB each,
// one transaction per article.
func BenchmarkAddArticle(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	text := strings.Repeat("A sentence of an ordinary news article. ", 100)
	i := 0
	for b.Loop() {
		id := strconv.Itoa(i)
		a := &model.Article{ID: id, CanonicalURL: "https://example.com/" + id, ContentHash: "h" + id,
			Source: "example.com", Title: "Title " + id, Text: text, Published: time.Unix(int64(i), 0)}
		if added, _, err := db.AddArticle(ctx, a); err != nil || !added {
			b.Fatalf("AddArticle: %v %v", added, err)
		}
		i++
	}
}
