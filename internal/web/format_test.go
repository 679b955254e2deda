package web

import (
	"strings"
	"testing"
	"time"

	"parallax/internal/model"
)

func TestSafeURL(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"HTTPS", "https://example.com/a?b=c", "https://example.com/a?b=c"},
		{"HTTP", "http://example.com", "http://example.com"},
		{"UpperScheme", "HTTPS://Example.com/x", "https://Example.com/x"},
		{"Spaces", "  https://example.com/  ", "https://example.com/"},
		{"JavaScript", "javascript:alert(1)", ""},
		{"JavaScriptMixedCase", "JaVaScRiPt:alert(1)", ""},
		{"Data", "data:text/html,<script>alert(1)</script>", ""},
		{"Relative", "/articles/1", ""},
		{"SchemeRelative", "//evil.example/x", ""},
		{"NoHost", "https:///path", ""},
		{"FTP", "ftp://example.com/file", ""},
		{"Empty", "", ""},
		{"Garbage", "http://[::1", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := safeURL(tc.in); got != tc.want {
				t.Errorf("safeURL(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzSafeURL(f *testing.F) {
	for _, s := range []string{"https://a.b/c", "javascript:alert(1)", " http://x", "data:,x", "//x/y", "HTTP://X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		out := safeURL(in)
		if out != "" && !strings.HasPrefix(out, "http://") && !strings.HasPrefix(out, "https://") {
			t.Errorf("safeURL(%q) = %q: not http(s)", in, out)
		}
	})
}

func TestFormatDay(t *testing.T) {
	tests := []struct{ name, date, precision, want string }{
		{"Day", "2024-03-02", "day", "2 March 2024"},
		{"NoPrecision", "2024-03-02", "", "2 March 2024"},
		{"Month", "2024-03-01", "month", "March 2024"},
		{"Year", "2024-01-01", "year", "2024"},
		{"Week", "2016-09-26", "week", "week of 26 September 2016"},
		{"Unparsable", "sometime", "day", "sometime"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := formatDay(tc.date, tc.precision); got != tc.want {
				t.Errorf("formatDay(%q, %q) = %q, want %q", tc.date, tc.precision, got, tc.want)
			}
		})
	}
}

func TestDateRange(t *testing.T) {
	d := func(day, hour int) time.Time { return time.Date(2024, 3, day, hour, 0, 0, 0, time.UTC) }
	tests := []struct {
		name        string
		first, last time.Time
		want        string
	}{
		{"SameDay", d(2, 1), d(2, 20), "2 Mar 2024"},
		{"Span", d(2, 1), d(5, 1), "2 Mar 2024 – 5 Mar 2024"},
		{"NoFirst", time.Time{}, d(5, 1), "5 Mar 2024"},
		{"NoLast", d(2, 1), time.Time{}, "2 Mar 2024"},
		{"Unknown", time.Time{}, time.Time{}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := dateRange(tc.first, tc.last); got != tc.want {
				t.Errorf("dateRange = %q, want %q", got, tc.want)
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	got := paragraphs("One.\n\n  Two.  \n\nThree.\n")
	if strings.Join(got, "|") != "One.|Two.|Three." {
		t.Errorf("paragraphs = %q", got)
	}
	// a whole article on one line is shown in paragraphs of a few
	// sentences, every word kept
	long := strings.Repeat("The rig burned for two days off the coast of Louisiana . ", 60)
	got = paragraphs(long)
	if len(got) != 15 {
		t.Errorf("long line: %d paragraphs, want 15", len(got))
	}
	if strings.Join(got, " ") != strings.TrimSpace(long) {
		t.Errorf("long line: text changed")
	}
}

func TestGroupActors(t *testing.T) {
	es := []model.Entity{
		{Name: "Paris", Type: "PLACE"},
		{Name: "Event X", Type: "EVENT"},
		{Name: "Ann Lee", Type: "PERSON", Aliases: []string{"Lee", "ann lee", "Lee", " "}},
		{Name: "Acme", Type: "ORG"},
		{Name: "Bob Roy", Type: "PERSON"},
		{Name: "Thing", Type: ""},
	}
	var got []string
	for _, g := range groupActors(es) {
		var names []string
		for _, e := range g.Entities {
			names = append(names, e.Name+"("+strings.Join(e.Aliases, ",")+")")
		}
		got = append(got, g.Label+":"+strings.Join(names, ";"))
	}
	want := "People:Ann Lee(Lee);Bob Roy()|Organisations:Acme()|Places:Paris()|Other:Thing()|EVENT:Event X()"
	if strings.Join(got, "|") != want {
		t.Errorf("groups = %q\nwant     %q", strings.Join(got, "|"), want)
	}
	if len(groupActors(nil)) != 0 {
		t.Error("groups of no entities")
	}
}
