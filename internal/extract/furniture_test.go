package extract

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestPruneFurniture(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"Figcaption", `<article><p>body</p><figure><img src=x><figcaption>A man walks. Photo: AP</figcaption></figure></article>`, "body"},
		{"CaptionClass", `<p>body</p><div class="image"><img src=x><span class="newsCaption">Protesters (Image: Getty)</span></div>`, "body"},
		{"Credit", `<p>body</p><p class="photo-credits">Getty Images</p>`, "body"},
		{"BylineAndTimestamp", `<p class="byline">By A. Writer</p><span class="timestamp">Published 11:26 pm</span><p>body</p>`, "body"},
		{"ArticleKept", `<article class="has-caption"><p>body</p></article>`, "body"},
		{"LongWrapperKept", `<div class="caption-wrapper"><p>` + strings.Repeat("word ", 400) + `</p></div>`, strings.Repeat("word", 400)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			pruneFurniture(doc)
			if got := strings.ReplaceAll(textContent(doc), " ", ""); got != tt.want {
				t.Errorf("text %q, want %q", got, tt.want)
			}
		})
	}
}
