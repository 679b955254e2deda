package model

import "testing"

func TestOutletName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"HostWithPort", "wfaa.com:80", "wfaa.com"},
		{"HostWithTLSPort", "news.example.co.uk:8443", "news.example.co.uk"},
		{"Host", "chicagotribune.com", "chicagotribune.com"},
		{"Trimmed", "  abc11.com:80 ", "abc11.com"},
		{"NameWithColon", "Le Monde: 24", "Le Monde: 24"},
		{"WordAndDigits", "localhost:8080", "localhost:8080"},
		{"PortNotDigits", "example.com:http", "example.com:http"},
		{"EmptyPort", "example.com:", "example.com:"},
		{"IPv6", "[::1]:80", "[::1]:80"},
		{"Name", "BBC News", "BBC News"},
		{"Empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := OutletName(tt.in); got != tt.want {
				t.Errorf("OutletName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
