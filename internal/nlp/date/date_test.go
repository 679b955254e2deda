package date

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"parallax/internal/shared"
)

// ref is a Tuesday.
var ref = time.Date(2016, 10, 4, 15, 30, 0, 0, time.UTC)

// show renders mentions as "text=2016-10-03/day*" (* when relative).
func show(ms []Mention) string {
	var b []string
	for _, m := range ms {
		s := fmt.Sprintf("%s=%s/%s", m.Text, m.Date.Format("2006-01-02"), m.Precision)
		if m.Relative {
			s += "*"
		}
		b = append(b, s)
	}
	return strings.Join(b, " | ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, in string
		ref      time.Time
		want     string
	}{
		{"MonthDay", "Talks began September 9 and ended Sep. 30.", ref,
			"September 9=2016-09-09/day* | Sep. 30=2016-09-30/day*"},
		{"MonthDayYear", "On Sept. 9, 2016, they met.", ref, "Sept. 9, 2016=2016-09-09/day"},
		{"MonthDayYearNoRef", "On Sept. 9, 2016, and Oct. 3 they met.", time.Time{}, "Sept. 9, 2016=2016-09-09/day"},
		{"DayMonthYear", "It happened on 9 September 2016 in Geneva.", ref, "9 September 2016=2016-09-09/day"},
		{"DayOfMonth", "the 3rd of October", ref, "3rd of October=2016-10-03/day*"},
		{"Ordinal", "on October 3rd, 2016,", ref, "October 3rd, 2016=2016-10-03/day"},
		{"ISO", "published 2016-10-03T10:00Z", ref, "2016-10-03=2016-10-03/day"},
		{"US", "dated 10/03/2016 and 9/9/16.", ref, "10/03/2016=2016-10-03/day | 9/9/16=2016-09-09/day"},
		{"MonthYear", "since September 2016, not June, 2015", ref,
			"September 2016=2016-09-01/month | June, 2015=2015-06-01/month"},
		{"BareMonth", "In March they met; by mid-September it was over.", ref,
			"March=2016-03-01/month* | September=2016-09-01/month*"},
		{"BareMonthFuture", "elections in November", ref, "November=2016-11-01/month*"},
		{"Years", "in 2015, a 2016 law and Trump's 2016 campaign ended in 2017.", ref,
			"2015=2015-01-01/year | 2016=2016-01-01/year | 2016=2016-01-01/year | 2017=2017-01-01/year"},
		{"NotYears", "2,000 people, $2016, 2016-17 budget, 1500 troops and 2016 votes", ref, ""},
		{"YearBeforeNoun", "an alleged 1996 massacre", ref, "1996=1996-01-01/year"},
		{"MayVerb", "He may go. March on! Will said so. Jan Egeland spoke.", ref, ""},
		{"May", "It happened in May and on May 5.", ref, "May=2016-05-01/month* | May 5=2016-05-05/day*"},
		{"Times", "At 9:30 on September 9am", ref, ""},
		{"Weekday", "Kerry announced Monday that talks ended. Monday's call failed.", ref,
			"Monday=2016-10-03/day* | Monday=2016-10-03/day*"},
		{"WeekdayToday", "on Tuesday", ref, "Tuesday=2016-10-04/day*"},
		{"WeekdayLast", "last Tuesday and last Friday", ref,
			"last Tuesday=2016-09-27/day* | last Friday=2016-09-30/day*"},
		{"WeekdayNext", "next Wednesday and next Tuesday", ref,
			"next Wednesday=2016-10-05/day* | next Tuesday=2016-10-11/day*"},
		{"WeekdayFuture", "They will meet on Thursday.", ref, "Thursday=2016-10-06/day*"},
		{"WeekdaySetTo", "The council is still set to vote Monday.", ref, "Monday=2016-10-10/day*"},
		{"WeekdaySetPast", "He set the table Monday.", ref, "Monday=2016-10-03/day*"},
		{"WeekdayDate", "on Monday, Oct. 3, 2016", ref, "Oct. 3, 2016=2016-10-03/day"},
		{"WeekdayNoRef", "on Monday", time.Time{}, ""},
		{"Words", "Yesterday, today and tomorrow; tonight.", ref,
			"Yesterday=2016-10-03/day* | today=2016-10-04/day* | tomorrow=2016-10-05/day* | tonight=2016-10-04/day*"},
		{"NamesNotDates", "USA Today said. Piers Morgan Tonight aired.", ref, ""},
		{"DayBefore", "the day before yesterday", ref, "the day before yesterday=2016-10-02/day*"},
		{"Parts", "this morning and last night", ref, "this morning=2016-10-04/day* | last night=2016-10-03/day*"},
		{"Periods", "Last week, last month, this month, next year", ref,
			"Last week=2016-09-26/week* | last month=2016-09-01/month* | this month=2016-10-01/month* | next year=2017-01-01/year*"},
		{"Weeks", "Earlier this week and next week", ref,
			"this week=2016-10-03/week* | next week=2016-10-10/week*"},
		{"WeekOnMonday", "last week", time.Date(2016, 10, 3, 0, 0, 0, 0, time.UTC), "last week=2016-09-26/week*"},
		{"WeekOnSunday", "this week", time.Date(2016, 10, 9, 0, 0, 0, 0, time.UTC), "this week=2016-10-03/week*"},
		{"PeriodJanuary", "last month", time.Date(2017, 1, 10, 0, 0, 0, 0, time.UTC), "last month=2016-12-01/month*"},
		{"Ago", "two days ago, 3 weeks ago, a month ago, five years ago", ref,
			"two days ago=2016-10-02/day* | 3 weeks ago=2016-09-12/week* | a month ago=2016-09-01/month* | five years ago=2011-01-01/year*"},
		{"YearInferencePast", "Jan. 20", ref, "Jan. 20=2016-01-20/day*"},
		{"YearInferenceFuture", "Dec. 5", ref, "Dec. 5=2016-12-05/day*"},
		{"YearInferenceFutureCue", "The vote will be held on Jan. 20.", ref, "Jan. 20=2017-01-20/day*"},
		{"MonthFuture", "He will step down in October.", time.Date(2010, 7, 27, 0, 0, 0, 0, time.UTC),
			"October=2010-10-01/month*"},
		{"MonthPast", "The rig exploded in October.", time.Date(2010, 7, 27, 0, 0, 0, 0, time.UTC),
			"October=2009-10-01/month*"},
		{"MonthOfYear", "a warrant in March of 1998", ref, "March of 1998=1998-03-01/month"},
		{"YearInferenceFewDays", "Oct. 6", ref, "Oct. 6=2016-10-06/day*"},
		{"YearInferenceNear", "Dec. 5", time.Date(2016, 11, 20, 0, 0, 0, 0, time.UTC), "Dec. 5=2016-12-05/day*"},
		{"YearInferenceJanuary", "Dec. 30", time.Date(2017, 1, 3, 0, 0, 0, 0, time.UTC), "Dec. 30=2016-12-30/day*"},
		{"InvalidDay", "September 31 and 2016-02-30", ref, ""},
		{"LeapDay", "Feb. 29", ref, "Feb. 29=2016-02-29/day*"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := show(Find(tt.in, tt.ref)); got != tt.want {
				t.Errorf("Find(%q)\n got %s\nwant %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestPrecisionString(t *testing.T) {
	for p, want := range map[Precision]string{Day: "day", Week: "week", Month: "month", Year: "year", 7: "unknown"} {
		if got := p.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", p, got, want)
		}
	}
}

// TestSeeds checks the relative dates of the seed articles against their
// publication dates.
func TestSeeds(t *testing.T) {
	dir := shared.TestData(t, "seeds")
	tests := []struct {
		file, published, text, want string
	}{
		{"003_", "2016-09-28", "Wednesday", "2016-09-28"},
		{"004_", "2016-10-04", "Monday", "2016-10-03"},
		{"004_", "2016-10-04", "Yesterday", "2016-10-03"},
		{"001_", "2016-09-28", "Sept. 9", "2016-09-09"},
		{"002_", "2016-10-04", "Oct. 3", "2016-10-03"},
	}
	for _, tt := range tests {
		t.Run(tt.file+tt.text, func(t *testing.T) {
			files, _ := filepath.Glob(filepath.Join(dir, tt.file+"*.txt"))
			if len(files) != 1 {
				t.Fatalf("seed %s not found", tt.file)
			}
			data, err := os.ReadFile(files[0])
			if err != nil {
				t.Fatal(err)
			}
			pub, _ := time.Parse("2006-01-02", tt.published)
			found := false
			for _, m := range Find(string(data), pub) {
				if m.Text == tt.text {
					found = true
					if got := m.Date.Format("2006-01-02"); got != tt.want {
						t.Errorf("%q = %s, want %s", m.Text, got, tt.want)
					}
				}
			}
			if !found {
				t.Errorf("%q not found", tt.text)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"", "Sept. 9, 2016", "2016-10-03", "10/3/16", "last week", "9th of May",
		"mid-March", "two days ago", "Monday, Oct. 3", "\xff2016", "Feb. 29"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, m := range Find(s, ref) {
			if m.Start < prev || m.End <= m.Start || m.End > len(s) {
				t.Fatalf("bad span [%d,%d) after %d in %q", m.Start, m.End, prev, s)
			}
			if m.Text != s[m.Start:m.End] {
				t.Fatalf("Text %q != text[Start:End] in %q", m.Text, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(m.Text) {
				t.Fatalf("mention %q splits a rune", m.Text)
			}
			if m.Date.Hour() != 0 || m.Date.Location() != time.UTC {
				t.Fatalf("date %v not UTC midnight", m.Date)
			}
			prev = m.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	text := strings.Repeat("Secretary of State John Kerry told Russian Foreign Minister Sergey Lavrov on "+
		"Wednesday that the United States would suspend talks agreed on Sept. 9, 2016. Yesterday, "+
		"officials said 2,000 people died in 2015 and two days ago.\n", 20)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Find(text, ref)
	}
}

// TestTableWordsFitMaxWord guards lex's shortcut of not lower-casing long
// words.
func TestTableWordsFitMaxWord(t *testing.T) {
	for _, m := range []map[string]bool{triggers, yearLead, monthLead, futureCue} {
		for w := range m {
			if len(w) > maxWord {
				t.Errorf("%q is longer than maxWord", w)
			}
		}
	}
}
