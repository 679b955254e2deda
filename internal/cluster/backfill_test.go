package cluster

import (
	"testing"
	"time"
)

// TestApart measures an article's time from a story's span: after its
// latest article (a live stream), before its first (an archive ingested
// after newer news, a backfill) or within it.
func TestApart(t *testing.T) {
	day := 24 * time.Hour
	first := time.Date(2016, 7, 7, 0, 0, 0, 0, time.UTC)
	s := &story{first: first, last: first.Add(10 * day)}
	for _, tt := range []struct {
		name string
		at   time.Time
		want time.Duration
	}{
		{"after the latest article", first.Add(13 * day), 3 * day},
		{"within the span", first.Add(4 * day), 0},
		{"on the first day", first, 0},
		{"before the first article (a backfill)", first.Add(-30 * day), 30 * day},
	} {
		if got := s.apart(tt.at); got != tt.want {
			t.Errorf("%s: apart = %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := (&story{last: first}).apart(first.Add(-day)); got != 0 {
		t.Errorf("a story without a first time (an old snapshot): apart = %v, want 0", got)
	}
}

// TestBackfill adds an archive's article years older than a story on the
// same subject: the story is no candidate (it began more than a Window
// after the article), so the article opens a story of its own, and the
// archive's next article joins that one; then the live story still takes
// a follow-up. Before stories knew their first time, a story of 2016 took
// an article of 2009 as if no time had passed.
func TestBackfill(t *testing.T) {
	c := New(DefaultOptions())
	live := time.Date(2016, 7, 8, 0, 0, 0, 0, time.UTC)
	old := time.Date(2009, 3, 2, 0, 0, 0, 0, time.UTC)
	text := func(town string) string {
		return "Police in " + town + " said a gunman opened fire on officers during a protest march downtown. " +
			"Chief Warren Brown of the " + town + " police department said officers returned fire. " +
			"The gunman, identified as Micah Roberts, was killed after a standoff in a parking garage. " +
			"Mayor Anne Rawlings said the city would mourn the officers who died protecting the march."
	}
	for i := range 8 { // enough articles to leave the cold start
		c.Add(Doc{ID: "warm" + string(rune('a'+i)), Title: "Weather report " + string(rune('a'+i)),
			Text: "Rain and wind are expected across the region " + string(rune('a'+i)) + " with cooler temperatures later.",
			Lang: "en", Published: live.Add(-time.Duration(20-i) * 24 * time.Hour)})
	}
	a := c.Add(Doc{ID: "live1", Title: "Gunman kills officers at Dallas protest", Text: text("Dallas"), Lang: "en", Published: live})
	b := c.Add(Doc{ID: "live2", Title: "Dallas mourns officers killed by gunman", Text: text("Dallas"), Lang: "en", Published: live.Add(time.Hour)})
	if a.Story != b.Story {
		t.Fatalf("the live story split: %s, %s", a.Story, b.Story)
	}
	o1 := c.Add(Doc{ID: "old1", Title: "Gunman kills officers at Dallas protest", Text: text("Dallas"), Lang: "en", Published: old})
	if o1.Story == a.Story {
		t.Fatalf("an article of %s joined a story of %s", old.Format("2006"), live.Format("2006"))
	}
	o2 := c.Add(Doc{ID: "old2", Title: "Dallas mourns officers killed by gunman", Text: text("Dallas"), Lang: "en", Published: old.Add(time.Hour)})
	if o2.Story != o1.Story {
		t.Errorf("the archive's second article went to %s, not to its first's story %s", o2.Story, o1.Story)
	}
	l3 := c.Add(Doc{ID: "live3", Title: "Dallas gunman identified as Micah Roberts", Text: text("Dallas"), Lang: "en", Published: live.Add(2 * time.Hour)})
	if l3.Story != a.Story {
		t.Errorf("after the archive, a live follow-up went to %s, not %s", l3.Story, a.Story)
	}
}
