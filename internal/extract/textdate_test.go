package extract

import (
	"strings"
	"testing"
	"time"
)

var testNow = time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)

// TestTextPublished checks the publication dates a text gives itself.
func TestTextPublished(t *testing.T) {
	cases := []struct {
		name, text, want string
	}{
		{"PublishedStamp", "Title\n\nPublished: 3 October 2016\n\nThe US said on Monday ...", "2016-10-03"},
		{"UpdatedOnNextLine", "Title\nauthor\nUpdated On\nSep 28, 2016 10:02 IST\nBody text here.", "2016-09-28"},
		{"PublishedBeatsUpdated", "Updated: Oct 4, 2016\nPosted on 2016-10-03\nBody.", "2016-10-03"},
		{"UpdatedBeatsDateline", "VENICE, Louisiana | Mon May 31, 2010 7:47pm EDT\nLast updated: June 1, 2010\nBody.", "2010-06-01"},
		{"Dateline", "VENICE, Louisiana | Mon May 31, 2010 7:47pm EDT\n\nBP said on Monday ...", "2010-05-31"},
		{"DatelineOwnLine", "Headline\nMay 31, 2010\nBP said on Monday ...", "2010-05-31"},
		{"DatelineClock", "31 May 2010 19:47 GMT\nBP said ...", "2010-05-31"},
		{"SlashDayFirst", "Date: 31/05/2010\nBody.", "2010-05-31"},
		// a sentence that mentions a date is no dateline
		{"SentenceWithDate", "Headline\nThe rig exploded on April 20, 2010, killing 11 workers and starting the spill.\nMore.", ""},
		{"NoYear", "Updated On\nOct 3\nBody.", ""},
		{"LabelWithoutDate", "Updated On\nNew Update\nBody.", ""},
		{"Future", "Published: 3 October 2099\nBody.", ""},
		{"Invalid", "Published: 31 February 2016\nBody.", ""},
		{"TooFarDown", strings.Repeat("line\n", 30) + "Published: 3 October 2016", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := textPublished(strings.Split(c.text, "\n"), testNow)
			s := ""
			if !got.IsZero() {
				s = got.Format(time.DateOnly)
			}
			if s != c.want {
				t.Errorf("got %q, want %q", s, c.want)
			}
		})
	}
}

// TestExtractTextDateAndSource checks that text-mode extraction reports
// a date from the text as such, and the outlet a "Source:" line names.
func TestExtractTextDateAndSource(t *testing.T) {
	doc := "Talks with Russia suspended\n\nBy ShadowProof\n\nPublished: 4 October 2016\n\n" +
		"The United States said on Monday that it was suspending its participation in bilateral channels with Russia.\n\n" +
		"The State Department spokesman said the decision was not taken lightly, after days of bombing in Aleppo.\n\n" +
		"Source: https://www.example.org/news/1\n"
	res, err := Extract([]byte(doc), Options{Mode: Text})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Published.Format(time.DateOnly); got != "2016-10-04" || !res.PublishedInText {
		t.Errorf("published %s (in text %v), want 2016-10-04 from the text", got, res.PublishedInText)
	}
	if res.Byline != "ShadowProof" || res.Site != "example.org" {
		t.Errorf("byline %q site %q", res.Byline, res.Site)
	}
}

func FuzzTextPublished(f *testing.F) {
	for _, s := range []string{"Published: 3 October 2016", "VENICE | Mon May 31, 2010 7:47pm EDT", "Updated On\n2016-10-03",
		"Date: 99/99/2016", "Dec 0, 2000", "1 sept 1999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := textPublished(strings.Split(s, "\n"), testNow)
		if !d.IsZero() && (d.Year() < 1990 || d.After(testNow.Add(24*time.Hour))) {
			t.Errorf("%q: %v out of range", s, d)
		}
	})
}
