package cluster

import "testing"

func TestNamesSite(t *testing.T) {
	for _, tc := range []struct {
		seg  string
		want bool
	}{
		{"WFMJ.com News weather sports for Youngstown-Warren Ohio", true},
		{"BBC.co.uk", true},
		{"News from nola.com.", true},
		{"Warren police officer helps shooting victim", false},
		{"U.S. troops leave", false},
		{"St. Louis police say", false},
		{"Shares rose 2.5 percent", false},
		{"Tribune Chronicle", false},
		{"the end.", false},
	} {
		if got := namesSite(tc.seg); got != tc.want {
			t.Errorf("namesSite(%q) = %v, want %v", tc.seg, got, tc.want)
		}
	}
}

func TestCleanTitleDropsSiteName(t *testing.T) {
	var b boiler
	got := b.cleanTitle("Warren police officer helps shooting victim - WFMJ.com News weather sports for Youngstown-Warren Ohio")
	if want := "Warren police officer helps shooting victim"; got != want {
		t.Errorf("cleanTitle = %q, want %q", got, want)
	}
	if got := b.cleanTitle("Amazon.com - Nola.com"); got == "" {
		t.Error("a title of site names only lost every segment")
	}
}
