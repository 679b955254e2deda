package brief

import "testing"

func TestDropDateline(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"WASHINGTON (AP) -- The Senate passed the bill on Tuesday.", "The Senate passed the bill on Tuesday."},
		{"(NYT42) NEW YORK -- Oct. 20, 1999 -- NY-METS-HONEYMOONERS, 10-20 -- The Mets' Tuesday night loss ruined their plans.",
			"The Mets' Tuesday night loss ruined their plans."},
		{"SAN JOSE, Calif. -- Oct. 20, 1999 -- ADV. FOR SUN., OCT. 24 -- ONLINE-AUCTIONS-2-COX, 10-20 -- As Americans flock to online auctions, swindlers follow.",
			"As Americans flock to online auctions, swindlers follow."},
		{"BEIJING — Chinese officials said on Monday that talks would resume.", "Chinese officials said on Monday that talks would resume."},
		// Not datelines: a name, a lower-case word, a clause after the dash.
		{"Barack Obama — Who else? — spoke first.", "Barack Obama — Who else? — spoke first."},
		{"The senator -- who had voted against it -- changed his mind.", "The senator -- who had voted against it -- changed his mind."},
		{"NASA — the agency said — will launch.", "NASA — the agency said — will launch."},
		{"Police said the man -- AGED 40 -- Fled.", "Police said the man -- AGED 40 -- Fled."},
		{"No dash at all.", "No dash at all."},
		{"", ""},
	} {
		if got := dropDateline(c.in); got != c.want {
			t.Errorf("dropDateline(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func FuzzDropDateline(f *testing.F) {
	f.Add("WASHINGTON (AP) -- The Senate passed it.")
	f.Add("a — B — C")
	f.Fuzz(func(t *testing.T, s string) {
		got := dropDateline(s)
		if len(got) > len(s) || s[len(s)-len(got):] != got {
			t.Fatalf("dropDateline(%q) = %q, not a suffix", s, got)
		}
	})
}
