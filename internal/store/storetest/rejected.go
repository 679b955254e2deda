package storetest

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"parallax/internal/store"
)

// testRejectedCapped records many rejections of one file (its lines) and
// a few of another: every one counts, only the first RejectedPerInput of
// each input are kept, reasons are cut, and recording again adds nothing.
func testRejectedCapped(t *testing.T, s store.Store) {
	ctx := context.Background()
	const n = store.RejectedPerInput + 30
	long := strings.Repeat("é", store.MaxReasonBytes) // 2 bytes a rune
	record := func() {
		for i := 1; i <= n; i++ {
			if err := s.RecordRejected(ctx, fmt.Sprintf("junk.jsonl:%d", i), "malformed JSON line "+long); err != nil {
				t.Fatal(err)
			}
		}
		for _, o := range []string{"b.warc.gz#record1", "b.warc.gz#record2", "c.html"} {
			if err := s.RecordRejected(ctx, o, "no text"); err != nil {
				t.Fatal(err)
			}
		}
	}
	record()
	if got := mustStats(t, s).Rejected; got != n+3 {
		t.Errorf("Stats.Rejected = %d, want %d", got, n+3)
	}
	// Recording the kept ones again is a no-op.
	for i := 1; i <= store.RejectedPerInput; i++ {
		if err := s.RecordRejected(ctx, fmt.Sprintf("junk.jsonl:%d", i), "malformed JSON line "+long); err != nil {
			t.Fatal(err)
		}
	}
	if got := mustStats(t, s).Rejected; got != n+3 {
		t.Errorf("after recording the kept ones again, Stats.Rejected = %d, want %d", got, n+3)
	}
	l, ok := s.(store.RejectionLister)
	if !ok {
		t.Fatal("store does not list its rejections")
	}
	sums, err := l.Rejections(ctx, 10, 100)
	if err != nil {
		t.Fatal(err)
	}
	if len(sums) != 3 {
		t.Fatalf("got %d inputs, want 3: %+v", len(sums), sums)
	}
	junk := sums[0]
	if junk.Input != "junk.jsonl" || junk.Total != n || len(junk.Examples) != store.RejectedPerInput {
		t.Fatalf("junk.jsonl summary: input %q total %d kept %d, want junk.jsonl %d %d", junk.Input, junk.Total,
			len(junk.Examples), n, store.RejectedPerInput)
	}
	if junk.Examples[0].Origin != "junk.jsonl:1" || junk.Examples[1].Origin != "junk.jsonl:2" {
		t.Errorf("examples not in the order recorded: %+v", junk.Examples[:2])
	}
	if r := junk.Examples[0].Reason; len(r) > store.MaxReasonBytes || !strings.HasSuffix(r, "…") || !strings.HasPrefix(r, "malformed JSON line é") {
		t.Errorf("reason not cut to %d bytes: %d bytes", store.MaxReasonBytes, len(r))
	}
	if sums[1].Input != "b.warc.gz" || sums[1].Total != 2 || sums[2].Input != "c.html" || sums[2].Total != 1 {
		t.Errorf("other inputs = %+v", sums[1:])
	}
}
