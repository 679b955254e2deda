package pipeline

import (
	"testing"
	"time"

	"parallax/internal/ingest/files"
)

// TestPrepareUndated checks what a text says about itself: a publication
// date from its stamp, marked inferred (a date the input gives is not);
// the outlet from a "Source:" line, else its "By" line; an outlet given
// as host:port without its port.
func TestPrepareUndated(t *testing.T) {
	body := "\nThe United States said on Monday that it was suspending its participation in bilateral channels with Russia.\n\n" +
		"The State Department spokesman said the decision was not taken lightly after days of bombing in Aleppo.\n"
	now := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	given := time.Date(2016, 10, 4, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name      string
		item      files.Item
		published string
		inferred  bool
		source    string
	}{
		{"StampInferred", files.Item{Origin: "a.txt", Kind: files.Text,
			Data: []byte("Talks suspended\n\nBy ShadowProof\n\nPublished: 3 October 2016\n" + body)}, "2016-10-03", true, "ShadowProof"},
		{"SourceLineBeatsByline", files.Item{Origin: "b.txt", Kind: files.Text,
			Data: []byte("Talks suspended\n\nBy Jane Roe\n" + body + "\nSource: https://www.example.org/a/1\n")}, "", false, "example.org"},
		{"Undated", files.Item{Origin: "c.txt", Kind: files.Text, Data: []byte("Talks suspended\n" + body)}, "", false, ""},
		{"RecordDateNotInferred", files.Item{Origin: "d.jsonl:1", Kind: files.Record, Rec: &files.Rec{
			Text: "Published: 3 October 2016\n" + body, Published: given}}, "2016-10-04", false, ""},
		{"RecordDateFromText", files.Item{Origin: "e.jsonl:1", Kind: files.Record, Rec: &files.Rec{
			Text: "Published: 3 October 2016\n" + body, Source: "wfaa.com:80"}}, "2016-10-03", true, "wfaa.com"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, err := Prepare(c.item, now)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != c.published || a.PublishedInferred != c.inferred || a.Source != c.source {
				t.Errorf("published %q inferred %v source %q; want %q %v %q", got, a.PublishedInferred, a.Source,
					c.published, c.inferred, c.source)
			}
		})
	}
}
