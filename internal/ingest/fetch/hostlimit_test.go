package fetch

import (
	"context"
	"testing"
	"time"
)

func TestHostLimiterSpacesRequestsPerHost(t *testing.T) {
	h := newHostLimiter(time.Hour, 1)
	ctx := context.Background()
	if err := h.wait(ctx, "a.example"); err != nil {
		t.Fatal(err)
	}
	if err := h.wait(ctx, "B.example"); err != nil {
		t.Fatalf("another host must not wait: %v", err)
	}
	short, cancel := context.WithTimeout(ctx, 10*time.Millisecond)
	defer cancel()
	if err := h.wait(short, "A.EXAMPLE"); err == nil {
		t.Fatal("second request to the same host within the interval was let through")
	}
	if err := newHostLimiter(-1, 1).wait(short, "a.example"); err != nil {
		t.Fatal(err)
	}
}
