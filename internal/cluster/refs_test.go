package cluster

import "testing"

func TestBlankRefs(t *testing.T) {
	tests := []struct{ in, want string }{
		{"&HT; &HT; ROUTINE &HT; VOTERS", "          ROUTINE      VOTERS"},
		{"AT&amp;T and &QL;quoted&QR;", "AT     T and     quoted    "},
		{"no references & no semicolon", "no references & no semicolon"},
		{"&1; &toolongtobeareference;", "&1; &toolongtobeareference;"},
	}
	for _, tc := range tests {
		got := blankRefs(tc.in)
		if got != tc.want || len(got) != len(tc.in) {
			t.Errorf("blankRefs(%q) = %q, want %q (same length)", tc.in, got, tc.want)
		}
	}
}
