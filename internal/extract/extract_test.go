package extract

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"parallax/internal/shared"
)

func readTestdata(t testing.TB, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestExtractHTMLArticle(t *testing.T) {
	res, err := Extract(readTestdata(t, "article.html"), Options{URL: "https://gazette.example/2021/03/04/bridge-reopens", Mode: Auto, Fallback: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, got, want string
	}{
		{"Title", res.Title, "Harbour bridge reopens after repairs"},
		{"Byline", res.Byline, "Mara Quill"},
		{"Site", res.Site, "The Example Gazette"},
		{"Language", res.Language, "en"},
		{"CanonicalURL", res.CanonicalURL, "https://gazette.example/2021/03/04/bridge-reopens"},
		{"Image", res.Image, "https://gazette.example/img/bridge.jpg"},
		{"Published", res.Published.Format(time.RFC3339), "2021-03-04T09:30:00Z"},
		{"Modified", res.Modified.Format(time.RFC3339), "2021-03-05T12:00:00Z"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got != tt.want {
				t.Errorf("got %q, want %q", tt.got, tt.want)
			}
		})
	}
	for _, want := range []string{"four hundred rivets", "A long detour ends", "another fifty years"} {
		if !strings.Contains(res.Text, want) {
			t.Errorf("text lacks %q", want)
		}
	}
	for _, bad := range []string{"Ferry fares", "All rights reserved", "Tobias", "Privacy policy"} {
		if strings.Contains(res.Text, bad) {
			t.Errorf("text holds boilerplate %q", bad)
		}
	}
	if strings.Contains(res.Text, "\n\n") {
		t.Errorf("text has empty paragraphs")
	}
}

func TestExtractScrapedText(t *testing.T) {
	res, err := Extract(readTestdata(t, "scraped.txt"), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if res.Title != "Harbour bridge reopens after repairs" {
		t.Errorf("title %q", res.Title)
	}
	if res.Byline != "Mara Quill" {
		t.Errorf("byline %q", res.Byline)
	}
	tests := []struct {
		name string
		line string
		want Class
	}{
		{"Menu", "Home", Boilerplate},
		{"Share", "Share on Facebook", Boilerplate},
		{"Lead", "The old harbour bridge reopened", Body},
		{"Heading", "A long detour ends", Body},
		{"Caption", "Photo: the bridge at dusk", Boilerplate},
		{"Tags", "Tags: bridge", Boilerplate},
		{"RelatedLink", "Ferry fares to rise", Boilerplate},
		{"CommentAuthor", "Tobias said...", Comment},
		{"CommentText", "I walked across this morning", Comment},
		{"Footer", "Copyright 2021", Boilerplate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, l := range res.Lines {
				if strings.HasPrefix(l.Text, tt.line) {
					if l.Class != tt.want {
						t.Errorf("line %d %q: class %v, want %v", l.N, l.Text, l.Class, tt.want)
					}
					return
				}
			}
			t.Fatalf("no line starts with %q", tt.line)
		})
	}
}

func TestExtractLegacyEncodings(t *testing.T) {
	tests := []struct {
		file, want string
	}{
		{"cp1251-meta.html", "три новые линии трамвая"},
		{"cp1251-nometa.html", "три новые линии трамвая"},
		{"sjis-meta.html", "新しい橋を求めてきた"},
		{"sjis-nometa.html", "新しい橋を求めてきた"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			res, err := Extract(readTestdata(t, tt.file), Options{Mode: Auto})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(res.Text, tt.want) {
				t.Errorf("text lacks %q:\n%s", tt.want, res.Text)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		opts Options
		want error
	}{
		{"Empty", []byte(" \n\t \r\n"), Options{}, ErrEmpty},
		{"Nothing", nil, Options{}, ErrEmpty},
		{"Binary", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), Options{}, ErrBinary},
		{"TooLarge", []byte(strings.Repeat("a", 100)), Options{MaxBytes: 10}, ErrTooLarge},
		{"TextNotUTF8", []byte("caf\xe9 au lait, a sentence long enough to count as body text here."), Options{Mode: Text}, ErrEncoding},
		{"NoText", []byte("<html><body><nav></nav></body></html>"), Options{Mode: HTML}, ErrNoText},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Extract(tt.data, tt.opts)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err %v, want %v", err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "extract: ") {
				t.Errorf("error %q lacks the package prefix", err)
			}
		})
	}
}

func TestSniff(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want Mode
	}{
		{"Doctype", "<!DOCTYPE html><p>x</p>", HTML},
		{"Fragment", "\ufeff  <div><p>hello</p></div>", HTML},
		{"Text", "A title\n\nSome words here. And more.", Text},
		{"TextWithAngle", "a < b and c > d in this sentence.", Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := sniff([]byte(tt.in)); got != tt.want {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}

// TestExtractHostile checks that pathological inputs return instead of
// crashing: deep nesting, one huge line, many lines.
func TestExtractHostile(t *testing.T) {
	para := "<p>" + strings.Repeat("The council met again today to discuss the bridge. ", 20) + "</p>"
	tests := []struct {
		name string
		data string
		mode Mode
	}{
		{"DeepNesting", strings.Repeat("<div>", 100000) + para + strings.Repeat("</div>", 100000), HTML},
		{"DeepUnclosed", strings.Repeat("<span><b>", 50000) + para, HTML},
		{"HugeLine", strings.Repeat("word and more words. ", 200000), Text},
		{"ManyLines", strings.Repeat("Menu item\n\nA sentence of a decent length that reads like body text here.\n", 20000), Text},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Extract([]byte(tt.data), Options{Mode: tt.mode, Fallback: true})
			if err != nil && !errors.Is(err, ErrNoText) {
				t.Fatal(err)
			}
			if err == nil && res.Text == "" {
				t.Error("no error and no text")
			}
		})
	}
}

func FuzzExtractHTML(f *testing.F) {
	for _, name := range []string{"article.html", "cp1251-meta.html", "sjis-nometa.html"} {
		f.Add(readTestdata(f, name))
	}
	f.Add([]byte("<html><body><p>short</p>"))
	addDevSeeds(f, "dev", "html", ".html")
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(data, Options{Mode: HTML, Fallback: true})
		if err == nil && strings.TrimSpace(res.Text) == "" {
			t.Error("no error and no text")
		}
	})
}

func FuzzExtractText(f *testing.F) {
	f.Add(readTestdata(f, "scraped.txt"))
	f.Add([]byte("in ,\n\nTitle line here\n\nBody sentence one is here. Another one.\n"))
	addDevSeeds(f, "dev-text", "", ".txt")
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := Extract(data, Options{Mode: Text})
		if err != nil {
			return
		}
		if len(res.Lines) == 0 || res.Text == "" {
			t.Errorf("no error but lines %d text %q", len(res.Lines), res.Text)
		}
		for i, l := range res.Lines {
			if l.N != i+1 {
				t.Fatalf("line %d numbered %d", i+1, l.N)
			}
		}
	})
}

func TestExtractJSONLDOnly(t *testing.T) {
	body := strings.Repeat("The tram line opened on Monday after ten years of work. ", 20)
	page := `<html><head><title>Tram opens</title><script type="application/ld+json">` +
		`{"@type":"NewsArticle","headline":"Tram opens","datePublished":"2022-05-02T10:00:00Z","articleBody":"` + body + `"}` +
		`</script></head><body><div id="app">Loading</div></body></html>`
	res, err := Extract([]byte(page), DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(res.Text, "tram line opened on Monday") {
		t.Errorf("text %q lacks the JSON-LD body", res.Text)
	}
	if res.Title != "Tram opens" || res.Published.IsZero() {
		t.Errorf("title %q published %v", res.Title, res.Published)
	}
}

// addDevSeeds adds the first dev pages (if the shared data is present) to
// a fuzz corpus.
func addDevSeeds(f *testing.F, set, sub, ext string) {
	dir, err := shared.Data("extract", set, sub)
	if err != nil {
		return
	}
	names, _ := filepath.Glob(filepath.Join(dir, "*"+ext))
	for _, n := range names[:min(len(names), 8)] {
		if data, err := os.ReadFile(n); err == nil {
			f.Add(data)
		}
	}
}
