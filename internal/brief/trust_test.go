package brief

import (
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
	"parallax/internal/nlp/date"
)

func TestResidue(t *testing.T) {
	for _, c := range []struct {
		name, s string
		want    bool
	}{
		{"Dateline", "VENICE , Louisiana | Mon May 31 , 2010 7:47 pm EDT", true},
		{"CommentHeader", "March 21 , 2011 at 5:52 pm | Our role is to keep the peace.", true},
		{"CommentStamp", "8th November 2011 - 17:42 This comment was removed by a moderator.", true},
		{"TweetEmbed", "Thoughts are with the officers tonight #PoliceShooting pic.twitter.com/abc123", true},
		{"Handle", "— Jane Roe (@janeroe) July 8, 2016", true},
		{"LiveVideo", "Live video of the oil spill in the Gulf of Mexico .", true},
		{"Caption", "Officers gather downtown on Friday. (Photo: Staff)", true},
		{"Byline", "By Jane Roe and John Doe", true},
		{"Link", "Read the full report at https://example.org/report today.", true},
		{"Prose", "The rig exploded on April 20, killing 11 workers.", false},
		{"ClockInProse", "At 9:45 p.m. the crew lost control of the well, officials said.", false},
		{"ByInProse", "By Monday afternoon, the fire had been put out.", false},
		{"VideoInProse", "Video of the shooting was posted online by a witness.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := residue(c.s); got != c.want {
				t.Errorf("residue(%q) = %v", c.s, got)
			}
		})
	}
}

func TestBareQuote(t *testing.T) {
	for _, c := range []struct {
		name, s string
		want    bool
	}{
		{"Bare", "“He always wanted to help and serve other people.”", true},
		{"BarePTB", "`` We will not stop until the well is capped . ''", true},
		{"Attributed", "“He always wanted to help,” his mother said.", false},
		{"AttributedBefore", "The chief told reporters: “We are heartbroken by what happened.”", false},
		{"ScareQuotes", "Officials described the plan as a “deal with the devil” on Monday in Geneva.", false},
		{"NoQuote", "The talks collapsed on Monday after a week of fighting.", false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := bareQuote(c.s); got != c.want {
				t.Errorf("bareQuote(%q) = %v", c.s, got)
			}
		})
	}
}

func TestOneDate(t *testing.T) {
	pub := time.Date(2010, 8, 10, 0, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		name, s, want string
	}{
		{"LeadingDate", "May 31 - BP said in August it would try again, weeks after the failed top kill.", "2010-05-31"},
		{"OnLeadingDate", "On July 15, BP capped the well; on August 4 the static kill began.", "2010-07-15"},
		{"FinestFirst", "In July BP said the well had been capped on July 15.", "2010-07-15"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, ok := oneDate(c.s, date.Find(c.s, pub))
			if !ok || m.Date.Format(time.DateOnly) != c.want {
				t.Errorf("oneDate(%q) = %v %v, want %s", c.s, m.Date, ok, c.want)
			}
		})
	}
}

func TestAnchor(t *testing.T) {
	pub := time.Date(2017, 1, 24, 0, 0, 0, 0, time.UTC)
	old := "Police shot a man on July 5 in Baton Rouge.\nThe rally on Thursday, July 7, 2016 was peaceful.\nThe sniper who targeted officers Thursday has been identified."
	if got := anchorOf(old, pub); !got.Equal(time.Date(2016, 7, 7, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("restamped page: anchor %v, want 2016-07-07", got)
	}
	recall := "In its first 2017 session, a jury on Monday convicted the gunman of the July 7, 2016 shooting.\nThe shooting began on July 7, 2016 at a rally and ended on July 8, 2016."
	if got := anchorOf(recall, pub); !got.Equal(pub) {
		t.Errorf("article of 2017 recalling 2016: anchor %v", got)
	}
	history := "Officers ran for cover on Thursday, July 8, 2016. (Photo: Staff)\nAlton Sterling was shot on July 5 in Baton Rouge.\nIt was the deadliest day for police since Sept. 11, 2001.\nThe sniper who targeted officers Thursday has been identified."
	if got := anchorOf(history, pub); !got.Equal(time.Date(2016, 7, 8, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("restamped page recalling 2001: anchor %v, want 2016-07-08", got)
	}
	same := "The rig exploded on April 20 and sank on April 22.\nOn Monday BP said it had capped the well."
	p2 := time.Date(2010, 7, 19, 0, 0, 0, 0, time.UTC)
	if got := anchorOf(same, p2); !got.Equal(p2) {
		t.Errorf("same-year background: anchor %v, want the publication date", got)
	}
	// the brief files the sniper's identification in July 2016
	docs := []*model.Article{{ID: "a", Text: old, Published: pub}}
	for _, it := range Timeline(docs, TimelineOptions{Dates: 10, PerDate: 3}) {
		if strings.Contains(it.Text, "identified") && it.Date != "2016-07-07" {
			t.Errorf("identification dated %s, want 2016-07-07", it.Date)
		}
	}
}

// trustDocs is a small synthetic story: background years before it,
// events on two days told backwards by a later article, residue lines,
// a bare quote and a tokenised archive sentence.
func trustDocs() []*model.Article {
	d1 := time.Date(2010, 4, 21, 0, 0, 0, 0, time.UTC)
	d2 := time.Date(2010, 6, 1, 0, 0, 0, 0, time.UTC)
	return []*model.Article{
		{ID: "a1", Source: "one", Published: d1, Text: strings.Join([]string{
			"The drilling rig exploded on Tuesday in the Gulf of Mexico, killing eleven oil workers.",
			"The Coast Guard searched the Gulf of Mexico for the missing oil workers after the rig exploded.",
			"VENICE , Louisiana | Tue Apr 20 , 2010 11:47 pm EDT",
			"In 1989 the Exxon Valdez spilled crude oil into the sound off Alaska.",
		}, "\n")},
		{ID: "a2", Source: "two", Published: d2, Text: strings.Join([]string{
			"“We will stop the leak in the Gulf of Mexico very soon.”",
			"May 31 - BP said the top kill had failed to stop the oil leak in the Gulf of Mexico.",
			"The rig exploded on April 20 in the Gulf of Mexico , killing eleven oil workers who do n't have a memorial yet .",
			"Live video of the oil leak in the Gulf of Mexico is shown on the BP site.",
			"In 1989 the Exxon Valdez spilled crude oil into the sound off Alaska, the worst spill before this oil leak.",
			"BP said on Monday that the oil leak in the Gulf of Mexico had not been stopped by the top kill.",
		}, "\n")},
		{ID: "a3", Source: "three", Published: d2.AddDate(0, 0, 1), Text: strings.Join([]string{
			"The rig exploded in the Gulf of Mexico on April 20, killing eleven oil workers.",
			"The top kill failed to stop the oil leak in the Gulf of Mexico, BP said on May 31.",
			"Fishermen along the Gulf of Mexico coast fear the oil leak will ruin the season.",
		}, "\n")},
	}
}

func TestBriefTrust(t *testing.T) {
	b := Build(trustDocs(), Options{MaxSentences: 5})
	t.Run("Summary", func(t *testing.T) {
		if len(b.Summary) == 0 {
			t.Fatalf("no summary: %+v", b)
		}
		for _, s := range b.Summary {
			if bareQuote(s.Text) || residue(s.Text) || strings.Contains(s.Text, " .") || strings.Contains(s.Text, "n't") && strings.Contains(s.Text, " n't") {
				t.Errorf("summary sentence %q: bare quote, residue or tokenised", s.Text)
			}
		}
	})
	t.Run("EventOrder", func(t *testing.T) {
		// a2 tells the failed top kill (31 May) before the explosion (20 April)
		c := newCorpus(trustDocs())
		var idx []int
		for i, s := range c.sents {
			if c.docs[s.art].ID == "a2" && (strings.HasPrefix(s.text, "May 31") || strings.HasPrefix(s.text, "The rig exploded")) {
				idx = append(idx, i)
			}
		}
		if len(idx) != 2 {
			t.Fatalf("found %d sentences", len(idx))
		}
		c.storyOrder(idx)
		c.eventOrder(idx)
		if !strings.HasPrefix(c.sents[idx[0]].text, "The rig exploded") {
			t.Errorf("event order starts with %q", c.sents[idx[0]].text)
		}
	})
	t.Run("Timeline", func(t *testing.T) {
		seen := map[string]bool{}
		for _, it := range b.Timeline {
			if residue(it.Text) {
				t.Errorf("residue entry %q", it.Text)
			}
			if seen[it.Text] {
				t.Errorf("sentence on two entries: %q", it.Text)
			}
			seen[it.Text] = true
			if strings.HasPrefix(it.Text, "May 31") && it.Date != "2010-05-31" {
				t.Errorf("%q filed under %s", it.Text, it.Date)
			}
			if it.Date < "2010-01-01" {
				t.Errorf("background %s %q in the timeline", it.Date, it.Text)
			}
		}
		if !seen["May 31 - BP said the top kill had failed to stop the oil leak in the Gulf of Mexico."] {
			t.Errorf("no May 31 entry: %+v", b.Timeline)
		}
		if len(b.Background) == 0 || b.Background[0].Date != "1989-01-01" {
			t.Errorf("background = %+v, want the 1989 spill", b.Background)
		}
	})
	t.Run("Claims", func(t *testing.T) {
		docs := trustDocs()
		for _, c := range b.SingleSource {
			whole := false
			for _, d := range docs {
				for _, ln := range strings.Split(d.Text, "\n") {
					whole = whole || Detokenize(ln) == c.Text || strings.HasSuffix(Detokenize(ln), " "+c.Text) || strings.HasPrefix(Detokenize(ln), c.Text)
				}
			}
			if !whole || bareQuote(c.Text) {
				t.Errorf("claim %q is no whole sentence, or a bare quote", c.Text)
			}
		}
	})
}
