package quote

import (
	"strings"
	"testing"

	"parallax/internal/shared"
)

// seedBodies returns the GOLD body text of each seed document by id.
func seedBodies(t *testing.T) map[string]string {
	docs, _ := shared.Seeds(t)
	out := map[string]string{}
	for _, d := range docs {
		out[d.ID] = d.Body
	}
	return out
}

func TestSeedQuotes(t *testing.T) {
	bodies := seedBodies(t)
	want := []struct{ doc, prefix, speaker string }{
		{"000", "This is not a decision", "John Kirby"},
		{"000", "Unfortunately, Russia failed", "John Kirby"},
		{"000", "Russians would be coming home in body bags", "John Kirby"}, // issue 16: "(who ... said ‘…’)"
		{"002", "pledged solemnly", "Sergey Lavrov"},
		{"002", "Coalition actively supporting", "Brett McGurk"},
		{"002", "did carry out strikes", "Mark Toner"},
		{"003", "the United States is making preparations", "John Kerry"},
		{"004", "The UN will continue", ""},
	}
	got := map[string][]Quote{}
	for id, text := range bodies {
		got[id] = Find(text)
		for _, q := range got[id] {
			t.Logf("%s %-16q %.70s", id, q.Speaker, q.Text)
		}
	}
	for _, w := range want {
		found := false
		for _, q := range got[w.doc] {
			if strings.HasPrefix(q.Text, w.prefix) {
				found = true
				if w.speaker != "" && q.Speaker != w.speaker {
					t.Errorf("%s %q: speaker %q, want %q", w.doc, w.prefix, q.Speaker, w.speaker)
				}
			}
		}
		if !found {
			t.Errorf("%s: quote %q not found", w.doc, w.prefix)
		}
	}
}
