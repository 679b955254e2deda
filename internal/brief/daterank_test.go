package brief

import (
	"fmt"
	"math"
	"testing"
	"time"

	"parallax/internal/model"
)

// TestEchoWeekOf checks the week, counted from a date, of an article
// naming it.
func TestEchoWeekOf(t *testing.T) {
	day := time.Date(2011, 3, 19, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name string
		pub  time.Time
		want int
	}{
		{"SameDay", day, 0},
		{"SameDayEvening", day.Add(21 * time.Hour), 0},
		{"SixDaysOn", day.AddDate(0, 0, 6), 0},
		{"SevenDaysOn", day.AddDate(0, 0, 7), 1},
		{"ThreeWeeksOn", day.AddDate(0, 0, 22), 3},
		{"DayBefore", day.AddDate(0, 0, -1), -1},
		{"SevenDaysBefore", day.AddDate(0, 0, -7), -1},
		{"EightDaysBefore", day.AddDate(0, 0, -8), -2},
		{"OtherZone", time.Date(2011, 3, 19, 23, 0, 0, 0, time.FixedZone("EDT", -4*3600)), 0},
		{"Undated", time.Time{}, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := echoWeekOf(c.pub, day); got != c.want {
				t.Errorf("got week %d, want %d", got, c.want)
			}
		})
	}
}

// TestEchoScore checks the score of a date from its articles per week.
func TestEchoScore(t *testing.T) {
	cases := []struct {
		name  string
		weeks map[int]float64
		want  float64
	}{
		{"None", map[int]float64{}, 0},
		{"OneBurst", map[int]float64{0: 4}, 2},
		{"FourWeeks", map[int]float64{0: 1, 1: 1, 2: 1, 5: 1}, 4},
		{"AnnouncedAhead", map[int]float64{-1: 9}, 3 * forwardWeight},
		{"Both", map[int]float64{-2: 1, 0: 9}, forwardWeight + 3},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := echoScore(c.weeks); math.Abs(got-c.want) > 1e-12 {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}

// TestTopDatesEcho: two dates each named by four articles; the one the
// news names again week after week outranks the one named only by a
// burst of articles on its own day, though it comes later (ties go to the
// earlier date).
func TestTopDatesEcho(t *testing.T) {
	burst := time.Date(2011, 3, 1, 0, 0, 0, 0, time.UTC)
	event := time.Date(2011, 3, 19, 0, 0, 0, 0, time.UTC)
	var docs []*model.Article
	for i := range 4 {
		docs = append(docs, &model.Article{ID: fmt.Sprintf("b%d", i), Source: "wire", Published: burst,
			Text: fmt.Sprintf("On March 1, 2011, the council met for session number %d in the capital.", i+1)})
		docs = append(docs, &model.Article{ID: fmt.Sprintf("e%d", i), Source: "wire", Published: event.AddDate(0, 0, 8*i),
			Text: fmt.Sprintf("On March 19, 2011, the coalition began air strikes, report number %d recalled.", i+1)})
	}
	got := Timeline(docs, TimelineOptions{Dates: 1, DayOnly: true})
	if len(got) != 1 || got[0].Date != "2011-03-19" {
		t.Fatalf("got %+v, want the one date 2011-03-19", got)
	}
	got = Timeline(docs, TimelineOptions{Dates: 2, DayOnly: true})
	if len(got) != 2 || got[0].Date != "2011-03-01" || got[1].Date != "2011-03-19" {
		t.Errorf("got %+v, want both dates in order", got)
	}
}
