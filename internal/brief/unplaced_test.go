package brief

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

// TestUnplaced: a story whose articles have no publication date says what
// its timeline could not place (dates that need one); a dated story says
// nothing. Framing names an outlet-less article by its title, never its id.
func TestUnplaced(t *testing.T) {
	docs := []*model.Article{
		{ID: "a1b2c3", Title: "Talks with Russia suspended", Text: "The US suspended talks with Russia on Wednesday.\nThe deal of Sep. 30 collapsed."},
		{ID: "d4e5f6", Source: "ShadowProof", Text: "The talks were cut off yesterday after the deal collapsed in Geneva.\nThe truce of 2016-09-12 failed."},
	}
	b := Build(docs, Options{})
	want := &model.Unplaced{Articles: 2, Dates: 3, Examples: []string{"Wednesday", "Sep. 30", "yesterday"}}
	if !reflect.DeepEqual(b.Unplaced, want) {
		t.Errorf("unplaced %+v, want %+v", b.Unplaced, want)
	}
	var names []string
	for _, f := range b.Framing {
		names = append(names, f.Source)
	}
	if !reflect.DeepEqual(names, []string{"ShadowProof", "“Talks with Russia suspended”, outlet unknown"}) {
		t.Errorf("framing rows %q", names)
	}
	// what the text dates itself still stands in the timeline
	dated := false
	for _, it := range append(b.Timeline, b.Background...) {
		dated = dated || it.Date == "2016-09-12" && strings.Contains(it.Text, "truce")
	}
	if !dated {
		t.Errorf("timeline %+v, background %+v: lacks the explicitly dated truce", b.Timeline, b.Background)
	}
	for _, d := range docs {
		d.Published = time.Date(2016, 10, 4, 0, 0, 0, 0, time.UTC)
	}
	if u := Build(docs, Options{}).Unplaced; u != nil {
		t.Errorf("dated story: unplaced %+v", u)
	}
}

// TestUnknownOutletLabel names outlet-less articles by title or text.
func TestUnknownOutletLabel(t *testing.T) {
	for _, c := range []struct{ title, text, want string }{
		{"Short title", "", "“Short title”, outlet unknown"},
		{"One two three four five six seven eight nine", "", "“One two three four five six seven eight…”, outlet unknown"},
		{"", "First line of the text\nSecond line", "“First line of the text”, outlet unknown"},
		{"", " ", "untitled article, outlet unknown"},
	} {
		if got := UnknownOutletLabel(c.title, c.text); got != c.want {
			t.Errorf("%q %q: %q, want %q", c.title, c.text, got, c.want)
		}
	}
}
