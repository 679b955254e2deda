package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// A page's own statement of when it was published, read from its text
// when no metadata gives it: a stamp line ("Published: 3 October 2016",
// "Updated On Oct 3, 2016 10:02 IST", "Posted on 2016-10-03") or a
// dateline ("VENICE, Louisiana | Mon May 31, 2010 7:47pm EDT"). Only
// dates with a year count; the first lines of the text are searched.
const (
	// stampLines is how many lines from the top a stamp or dateline may be.
	stampLines = 25
	// datelineMax bounds a dateline's length: a line of place and time,
	// not a sentence that mentions a date.
	datelineMax = 90
)

var (
	// stampRe is a publication stamp: its label, then the rest of the line.
	stampRe = regexp.MustCompile(`^(?i:(?:first\s+|originally\s+)?(published|posted|updated|last\s+updated|modified|date|dated))(?:\s+(?i:on|at))?\s*[:\-–—|]?\s*(.*)$`)
	// textDateRes find a date with a year: "May 31, 2010", "31 May 2010",
	// "2010-05-31", "05/31/2010" (US order; day first when the first
	// number cannot be a month).
	monthDayYearRe = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b`)
	dayMonthYearRe = regexp.MustCompile(`(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d\d)\b`)
	isoDateRe      = regexp.MustCompile(`\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b`)
	slashDateRe    = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)\b`)
)

var monthNums = map[string]time.Month{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

// textPublished returns the publication date a text gives itself in its
// first lines: the first stamp labelled published or posted, else the
// first other stamp (updated, date), else the first dateline; zero when
// none. A stamp whose label ends its line takes its date from the next.
func textPublished(lines []string, now time.Time) time.Time {
	var other, dateline time.Time
	for i, l := range lines[:min(len(lines), stampLines)] {
		l = strings.TrimSpace(l)
		if m := stampRe.FindStringSubmatch(l); m != nil {
			rest := m[2]
			if strings.TrimSpace(rest) == "" && i+1 < len(lines) {
				rest = lines[i+1]
			}
			if d := findTextDate(rest, now); !d.IsZero() {
				label := strings.ToLower(m[1])
				if label == "published" || label == "posted" {
					return d
				}
				if other.IsZero() {
					other = d
				}
				continue
			}
		}
		if dateline.IsZero() && len(l) <= datelineMax && isDateline(l) {
			dateline = findTextDate(l, now)
		}
	}
	if !other.IsZero() {
		return other
	}
	return dateline
}

// isDateline reports whether a short line is a place or outlet and a time
// rather than a sentence: its date opens or closes it (a clock time and
// zone may follow), or a bar or a bullet sets it apart.
func isDateline(l string) bool {
	loc := firstDateLoc(l)
	if loc == nil {
		return false
	}
	head, tail := strings.TrimSpace(l[:loc[0]]), strings.TrimSpace(l[loc[1]:])
	if strings.ContainsAny(l, "|•·") {
		return true
	}
	if head == "" || strings.HasSuffix(head, ",") && strings.Count(head, " ") <= 3 {
		return tail == "" || clockTail.MatchString(tail)
	}
	return tail == "" && strings.Count(head, " ") <= 4 && !strings.ContainsAny(head, ".!?")
}

// clockTail is what may follow a dateline's date: a clock time and zone.
var clockTail = regexp.MustCompile(`^(?i)(?:at\s+)?\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$`)

// firstDateLoc is the span of the first date with a year in s.
func firstDateLoc(s string) []int {
	var best []int
	for _, re := range []*regexp.Regexp{monthDayYearRe, dayMonthYearRe, isoDateRe, slashDateRe} {
		if loc := re.FindStringIndex(s); loc != nil && (best == nil || loc[0] < best[0]) {
			best = loc
		}
	}
	return best
}

// findTextDate reads the first valid date with a year in s (UTC
// midnight); zero when none, or when it lies before 1990 or after now.
func findTextDate(s string, now time.Time) time.Time {
	loc := firstDateLoc(s)
	if loc == nil {
		return time.Time{}
	}
	part := s[loc[0]:loc[1]]
	var y, d int
	var mo time.Month
	switch {
	case monthDayYearRe.MatchString(part):
		m := monthDayYearRe.FindStringSubmatch(part)
		mo, d, y = monthNums[strings.ToLower(m[1])], atoi(m[2]), atoi(m[3])
	case dayMonthYearRe.MatchString(part):
		m := dayMonthYearRe.FindStringSubmatch(part)
		d, mo, y = atoi(m[1]), monthNums[strings.ToLower(m[2])], atoi(m[3])
	case isoDateRe.MatchString(part):
		m := isoDateRe.FindStringSubmatch(part)
		y, mo, d = atoi(m[1]), time.Month(atoi(m[2])), atoi(m[3])
	default:
		m := slashDateRe.FindStringSubmatch(part)
		a, b := atoi(m[1]), atoi(m[2])
		if a > 12 {
			a, b = b, a
		}
		mo, d, y = time.Month(a), b, atoi(m[3])
	}
	t := time.Date(y, mo, d, 0, 0, 0, 0, time.UTC)
	if mo < 1 || mo > 12 || d < 1 || t.Day() != d || y < 1990 || t.After(now.Add(24*time.Hour)) {
		return time.Time{}
	}
	return t
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }
