package main

import (
	"net/netip"
	"testing"
)

func TestParsePrefixes(t *testing.T) {
	tests := []struct {
		in      string
		want    []string
		wantErr bool
	}{
		{"127.0.0.0/8,::1/128", []string{"127.0.0.0/8", "::1/128"}, false},
		{" 10.0.0.7 , 192.168.1.0/24 ", []string{"10.0.0.7/32", "192.168.1.0/24"}, false},
		{"10.1.2.3/8", []string{"10.0.0.0/8"}, false},
		{"", []string{}, false},
		{"localhost", nil, true},
		{"10.0.0.0/40", nil, true},
	}
	for _, tt := range tests {
		got, err := parsePrefixes(tt.in)
		if (err != nil) != tt.wantErr {
			t.Errorf("parsePrefixes(%q) error %v, want error %v", tt.in, err, tt.wantErr)
			continue
		}
		if tt.wantErr {
			continue
		}
		if len(got) != len(tt.want) {
			t.Errorf("parsePrefixes(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i, w := range tt.want {
			if got[i] != netip.MustParsePrefix(w) {
				t.Errorf("parsePrefixes(%q)[%d] = %v, want %v", tt.in, i, got[i], w)
			}
		}
	}
}
