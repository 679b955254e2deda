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

// BenchmarkAssignBigStory assigns articles, one per transaction, to a
// story that already holds 2,000 articles from 300 outlets in 20 events:
// the cost of keeping a long-running story's counts, first and last
// times and events.
func BenchmarkAssignBigStory(b *testing.B) {
	ctx := context.Background()
	db, err := Open(ctx, filepath.Join(b.TempDir(), "bench.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	add := func(i int) string {
		id := "a" + strconv.Itoa(i)
		a := &model.Article{ID: id, CanonicalURL: "https://example.com/" + id, ContentHash: "h" + id,
			Source: "outlet" + strconv.Itoa(i%300) + ".example", Title: "Title " + id, Text: "Text of " + id,
			Published: time.Unix(int64(1e9+i*60), 0)}
		if added, _, err := db.AddArticle(ctx, a); err != nil || !added {
			b.Fatalf("AddArticle: %v %v", added, err)
		}
		return id
	}
	const big = 2000
	for i := range big {
		if err := db.Assign(ctx, add(i), model.Placement{StoryID: "big", EventID: "e" + strconv.Itoa(i%20)}, nil); err != nil {
			b.Fatal(err)
		}
	}
	i := big
	for b.Loop() {
		b.StopTimer()
		id := add(i)
		b.StartTimer()
		if err := db.Assign(ctx, id, model.Placement{StoryID: "big", EventID: "e" + strconv.Itoa(i%20)}, nil); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
