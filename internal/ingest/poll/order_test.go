package poll

import (
	"strings"
	"testing"
)

func TestInterleaveHosts(t *testing.T) {
	in := []Feed{{URL: "https://a.example/1"}, {URL: "https://a.example/2"}, {URL: "https://a.example/3"},
		{URL: "https://B.example/1"}, {URL: "https://c.example:8080/1"}, {URL: "https://c.example:8080/2"}, {URL: "%zz"}}
	var got []string
	for _, f := range interleaveHosts(in) {
		got = append(got, f.URL)
	}
	want := "https://a.example/1 https://B.example/1 https://c.example:8080/1 %zz https://a.example/2 https://c.example:8080/2 https://a.example/3"
	if strings.Join(got, " ") != want {
		t.Errorf("order:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if len(interleaveHosts(nil)) != 0 {
		t.Error("nil feeds")
	}
}
