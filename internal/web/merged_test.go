package web_test

import (
	"context"
	"net/http"
	"testing"

	"parallax/internal/web"
)

// TestMergedStoryRedirects: links to a story that clustering merged into
// an older one lead to the older one; unknown ids stay 404.
func TestMergedStoryRedirects(t *testing.T) {
	st := newTestStore(t)
	seed(t, st)
	if _, err := st.MergeStory(context.Background(), "s-pending", "s-bridge"); err != nil {
		t.Fatal(err)
	}
	h := web.NewHandler(st, quietLog())
	tests := []struct {
		name, target string
		status       int
		location     string
	}{
		{"Page", "/stories/s-pending", http.StatusMovedPermanently, "/stories/s-bridge"},
		{"PageQuery", "/stories/s-pending?x=1", http.StatusMovedPermanently, "/stories/s-bridge?x=1"},
		{"API", "/api/v1/stories/s-pending", http.StatusMovedPermanently, "/api/v1/stories/s-bridge"},
		{"AllPage", "/stories/s-pending/quotes?page=1", http.StatusMovedPermanently, "/stories/s-bridge/quotes?page=1"},
		{"APIPart", "/api/v1/stories/s-pending/articles?limit=2", http.StatusMovedPermanently, "/api/v1/stories/s-bridge/articles?limit=2"},
		{"Survivor", "/stories/s-bridge", http.StatusOK, ""},
		{"Unknown", "/stories/s-nothing", http.StatusNotFound, ""},
		{"UnknownAPI", "/api/v1/stories/s-nothing", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, _ := get(t, h, "GET", tt.target)
			if res.StatusCode != tt.status || res.Header.Get("Location") != tt.location {
				t.Errorf("GET %s = %d Location %q, want %d %q", tt.target, res.StatusCode, res.Header.Get("Location"), tt.status, tt.location)
			}
		})
	}
}
