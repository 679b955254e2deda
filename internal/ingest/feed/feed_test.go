package feed

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file, url   string
		title, site string
		items       int
		first       Item
	}{
		{"rss2.xml", "https://gazette.example/rss.xml", "Harbour Gazette & Wire", "https://gazette.example/", 4, Item{
			GUID: "hg-1001", URL: "https://gazette.example/news/2025/harbour-budget",
			Title: "Council approves \u201cnew\u201d harbour budget", Author: "Ada Lovelace",
			Published: time.Date(2025, 3, 4, 8, 30, 0, 0, time.UTC),
		}},
		{"atom.xml", "https://courier.example/atom.xml", "Valley Courier", "https://courier.example/", 2, Item{
			GUID: "tag:courier.example,2025:bridge", URL: "https://courier.example/stories/bridge",
			Title: "Bridge reopens after repairs", Author: "Grace Hopper",
			Published: time.Date(2025, 3, 5, 13, 0, 0, 0, time.UTC),
		}},
		{"rss1.rdf", "https://tribune.example/rss", "Hill Tribune", "https://tribune.example/", 1, Item{
			URL: "https://tribune.example/a/1", Title: "Snow closes the pass",
			Published: time.Date(2025, 1, 10, 7, 0, 0, 0, time.UTC),
		}},
		{"rss091.xml", "http://oldtimes.example/rss", "Old Times", "http://oldtimes.example/", 1, Item{
			URL: "http://oldtimes.example/market", Title: "Market day moved",
		}},
		{"feed.json", "https://post.example/feed.json", "Coast Post", "https://post.example/", 1, Item{
			GUID: "42", URL: "https://post.example/2025/03/lighthouse", Title: "Lighthouse keeper retires",
			Author: "Mary Shelley", Published: time.Date(2025, 3, 1, 18, 0, 0, 0, time.UTC),
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			f, err := Parse(readFixture(t, tt.file), tt.url)
			if err != nil {
				t.Fatal(err)
			}
			if f.Title != tt.title || f.SiteURL != tt.site {
				t.Errorf("feed = %q %q, want %q %q", f.Title, f.SiteURL, tt.title, tt.site)
			}
			if len(f.Items) != tt.items {
				t.Fatalf("%d items, want %d", len(f.Items), tt.items)
			}
			got := f.Items[0]
			if got.GUID != tt.first.GUID || got.URL != tt.first.URL || got.Title != tt.first.Title ||
				got.Author != tt.first.Author || !got.Published.Equal(tt.first.Published) {
				t.Errorf("first item = %+v\nwant %+v", got, tt.first)
			}
			if got.Summary == "" && got.Content == "" {
				t.Error("first item has no body")
			}
		})
	}
}

func TestParseLenient(t *testing.T) {
	f, err := Parse(readFixture(t, "rss2.xml"), "https://gazette.example/rss.xml")
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ContentEncoded", func(t *testing.T) {
		if !strings.Contains(f.Items[0].Content, "seven to two") {
			t.Errorf("content = %q", f.Items[0].Content)
		}
	})
	t.Run("HTMLEntities", func(t *testing.T) {
		if s := f.Items[1].Summary; !strings.Contains(s, "port.") || !strings.Contains(s, "Talks resume") {
			t.Errorf("summary = %q", s)
		}
	})
	t.Run("BrokenDate", func(t *testing.T) {
		if !f.Items[1].Published.IsZero() {
			t.Errorf("unreadable date became %v", f.Items[1].Published)
		}
	})
	t.Run("PermalinkGUID", func(t *testing.T) {
		if f.Items[2].URL != "https://gazette.example/news/permalink-only" {
			t.Errorf("url = %q", f.Items[2].URL)
		}
	})
	t.Run("UnsafeLinkDropped", func(t *testing.T) {
		for _, it := range f.Items {
			if strings.HasPrefix(it.URL, "javascript") {
				t.Errorf("kept %q", it.URL)
			}
		}
	})
	t.Run("UpdatedOnly", func(t *testing.T) {
		a, err := Parse(readFixture(t, "atom.xml"), "https://courier.example/atom.xml")
		if err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC); !a.Items[1].Published.Equal(want) {
			t.Errorf("published = %v, want the updated date %v", a.Items[1].Published, want)
		}
	})
	t.Run("LeadingBOMAndSpace", func(t *testing.T) {
		b := append([]byte("\ufeff\n  "), readFixture(t, "rss091.xml")...)
		if _, err := Parse(b, ""); err != nil {
			t.Error(err)
		}
	})
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"Empty", "", ErrNotFeed},
		{"HTML", string(readFixture(t, "page.html")), ErrNotFeed},
		{"PlainText", "hello world", ErrNotFeed},
		{"TruncatedRSS", `<rss version="2.0"><channel><title>x</title><item><title>a`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse([]byte(tt.in), "https://x.example/")
			if tt.want == nil {
				return // must just not panic; lenient parsers may accept it
			}
			if !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestDiscover(t *testing.T) {
	got := Discover(readFixture(t, "page.html"), "https://gazette.example/section/")
	want := []string{"https://gazette.example/rss.xml", "https://gazette.example/atom.xml"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Discover = %v, want %v", got, want)
	}
}

func TestDefaultFeeds(t *testing.T) {
	fs := DefaultFeeds()
	if len(fs) < 6 {
		t.Fatalf("%d default feeds", len(fs))
	}
	for _, u := range fs {
		if !strings.HasPrefix(u, "https://") || strings.ContainsAny(u, " #") {
			t.Errorf("bad default feed %q", u)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2.xml", "atom.xml", "rss1.rdf", "rss091.xml", "feed.json"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		feed, err := Parse(data, "https://fuzz.example/feed")
		if err != nil {
			return
		}
		for _, it := range feed.Items {
			if it.URL != "" && !strings.HasPrefix(it.URL, "http://") && !strings.HasPrefix(it.URL, "https://") {
				t.Errorf("non-http item URL %q", it.URL)
			}
			if it.Key() == "" {
				t.Error("empty item key")
			}
		}
	})
}
