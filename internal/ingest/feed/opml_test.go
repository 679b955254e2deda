package feed

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseOPML(t *testing.T) {
	tests := []struct {
		file string
		want []Subscription
	}{
		{"miniflux.opml", []Subscription{
			{URL: "https://gazette.example/rss.xml", Title: "Harbour Gazette", SiteURL: "https://gazette.example/", Category: "World"},
			{URL: "https://courier.example/atom.xml", Title: "Valley Courier", SiteURL: "https://courier.example/", Category: "World"},
			{URL: "https://tribune.example/rss", Title: "Hill Tribune", SiteURL: "https://tribune.example/", Category: "Local"},
		}},
		{"freshrss.opml", []Subscription{
			{URL: "https://post.example/feed.json", Title: "Coast Post & Friends", SiteURL: "https://post.example/", Category: "News / Europe"},
			{URL: "http://oldtimes.example/rss091.xml", Title: "Uncategorised"},
		}},
		{"feedly.opml", []Subscription{
			{URL: "https://gadgets.example/feed/", Title: "Gadget Log", SiteURL: "https://gadgets.example", Category: "tech"},
			{URL: "https://top.example/rss", Title: "Top level"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got, err := ParseOPML(bytes.NewReader(readFixture(t, tt.file)))
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d subscriptions %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("[%d] = %+v, want %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}

func TestParseOPMLRejects(t *testing.T) {
	for name, in := range map[string]string{
		"Empty":   "",
		"NotOPML": "<rss><channel/></rss>",
		"NotXML":  "{\"json\": true}",
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := ParseOPML(strings.NewReader(in)); !errors.Is(err, ErrOPML) {
				t.Errorf("err = %v, want ErrOPML", err)
			}
		})
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	in := []Subscription{
		{URL: "https://a.example/rss", Title: "A <&> \"quoted\"", SiteURL: "https://a.example/", Category: "World"},
		{URL: "https://b.example/atom?x=1&y=2", Title: "B"},
		{URL: "https://c.example/feed", Title: "C", Category: "World"},
	}
	var buf bytes.Buffer
	if err := WriteOPML(&buf, "Parallax feeds", in); err != nil {
		t.Fatal(err)
	}
	out, err := ParseOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	want := []Subscription{in[0], in[2], in[1]} // grouped by category, in first-seen order
	if len(out) != len(want) {
		t.Fatalf("round trip gave %+v", out)
	}
	for i := range want {
		if out[i] != want[i] {
			t.Errorf("[%d] = %+v, want %+v", i, out[i], want[i])
		}
	}
}

func FuzzParseOPML(f *testing.F) {
	for _, name := range []string{"miniflux.opml", "freshrss.opml", "feedly.opml"} {
		f.Add(readFixture(f, name))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		subs, err := ParseOPML(bytes.NewReader(data))
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, s := range subs {
			if !strings.HasPrefix(s.URL, "http://") && !strings.HasPrefix(s.URL, "https://") {
				t.Errorf("non-http subscription %q", s.URL)
			}
			if seen[s.URL] {
				t.Errorf("duplicate %q", s.URL)
			}
			seen[s.URL] = true
		}
		var buf bytes.Buffer
		if err := WriteOPML(&buf, "fuzz", subs); err != nil {
			t.Fatal(err)
		}
		again, err := ParseOPML(&buf)
		if err != nil || len(again) != len(subs) {
			t.Fatalf("re-read of written OPML: %d subs, err %v; had %d", len(again), err, len(subs))
		}
	})
}
