package follow_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"parallax/internal/follow"
	"parallax/internal/model"
	"parallax/internal/store"
	"parallax/internal/store/sqlite"
)

func quiet() *slog.Logger { return slog.New(slog.NewTextHandler(io.Discard, nil)) }

func open(t *testing.T, path string) store.Store {
	t.Helper()
	st, err := sqlite.Open(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// receiver is a webhook endpoint that answers each call with the next of
// its statuses (200 once they run out) and keeps what it received.
type receiver struct {
	mu       sync.Mutex
	statuses []int
	bodies   [][]byte
	sigs     []string
}

func (rc *receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	rc.mu.Lock()
	defer rc.mu.Unlock()
	rc.bodies = append(rc.bodies, body)
	rc.sigs = append(rc.sigs, r.Header.Get(follow.SignatureHeader))
	status := http.StatusOK
	if len(rc.statuses) > 0 {
		status, rc.statuses = rc.statuses[0], rc.statuses[1:]
	}
	w.WriteHeader(status)
}

// queueOne stores a follow with a webhook to url and queues one delivery
// of one new entry.
func queueOne(t *testing.T, st store.Store, url string) int64 {
	t.Helper()
	ctx := context.Background()
	id, err := st.AddFollow(ctx, model.Follow{Name: "Bridge", Kind: model.FollowSearch, Target: "bridge",
		WebhookURL: url, WebhookSecret: "k3y"})
	if err != nil {
		t.Fatal(err)
	}
	e := model.FollowEntry{ID: "urn:parallax:article:a1", Title: "Bridge closed", Path: "/articles/a1", Updated: time.Now()}
	if fresh, err := st.RecordFollowEntries(ctx, id, []model.FollowEntry{e}, time.Now(), true); err != nil || len(fresh) != 1 {
		t.Fatalf("record = %v, %v", fresh, err)
	}
	return id
}

// TestWebhookRetried: a receiver answers 500 first; the delivery is
// retried after its backoff by a deliverer over the store reopened (the
// attempt was persisted), and both calls carry the same body with a
// valid signature.
func TestWebhookRetried(t *testing.T) {
	ctx := context.Background()
	rc := &receiver{statuses: []int{http.StatusInternalServerError}}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	path := filepath.Join(t.TempDir(), "p.db")
	st := open(t, path)
	id := queueOne(t, st, srv.URL+"/hook")
	opts := follow.DeliverOptions{AllowPrivate: true, Backoff: 200 * time.Millisecond, BaseURL: "http://parallax.test", Log: quiet()}
	if sent, err := follow.NewDeliverer(st, opts).Pass(ctx); err != nil || sent != 0 {
		t.Fatalf("first pass = %d, %v; want 0 sent (the receiver failed)", sent, err)
	}
	f, _ := st.Follow(ctx, id)
	if f.Delivery.Attempts != 1 || !strings.Contains(f.Delivery.LastError, "500") || f.Delivery.Pending != 1 {
		t.Fatalf("after a 500: %+v", f.Delivery)
	}
	if sent, _ := follow.NewDeliverer(st, opts).Pass(ctx); sent != 0 || len(rc.bodies) != 1 {
		t.Fatalf("retried before its backoff: sent %d, calls %d", sent, len(rc.bodies))
	}
	// Restart: a new store handle and deliverer go on with the same delivery.
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = open(t, path)
	defer st.Close()
	time.Sleep(250 * time.Millisecond)
	if sent, err := follow.NewDeliverer(st, opts).Pass(ctx); err != nil || sent != 1 {
		t.Fatalf("retry pass = %d, %v; want 1", sent, err)
	}
	if len(rc.bodies) != 2 || string(rc.bodies[0]) != string(rc.bodies[1]) {
		t.Fatalf("calls %d; bodies differ: %s / %s", len(rc.bodies), rc.bodies[0], rc.bodies[len(rc.bodies)-1])
	}
	for i, b := range rc.bodies {
		if !follow.Verify(b, "k3y", rc.sigs[i]) || follow.Verify(b, "other", rc.sigs[i]) || !strings.HasPrefix(rc.sigs[i], "sha256=") {
			t.Errorf("call %d: signature %q does not check", i, rc.sigs[i])
		}
	}
	var p follow.Payload
	if err := json.Unmarshal(rc.bodies[1], &p); err != nil {
		t.Fatal(err)
	}
	if p.Follow.ID != id || p.Follow.Name != "Bridge" || len(p.Entries) != 1 || p.Entries[0].ID != "urn:parallax:article:a1" ||
		p.Entries[0].URL != "http://parallax.test/articles/a1" {
		t.Errorf("payload %+v", p)
	}
	f, _ = st.Follow(ctx, id)
	if f.Delivery.Pending != 0 || f.Delivery.Attempts != 2 || f.Delivery.Delivered.IsZero() {
		t.Errorf("after delivery: %+v", f.Delivery)
	}
	if sent, _ := follow.NewDeliverer(st, opts).Pass(ctx); sent != 0 || len(rc.bodies) != 2 {
		t.Errorf("delivered twice")
	}
}

// TestWebhookPrivateRefused: without AllowPrivate a webhook on a loopback
// address is refused like a feed would be, recorded as a failure, and
// given up after the last attempt.
func TestWebhookPrivateRefused(t *testing.T) {
	ctx := context.Background()
	rc := &receiver{}
	srv := httptest.NewServer(rc)
	defer srv.Close()
	st := open(t, filepath.Join(t.TempDir(), "p.db"))
	defer st.Close()
	id := queueOne(t, st, srv.URL)
	d := follow.NewDeliverer(st, follow.DeliverOptions{MaxAttempts: 1, Log: quiet()})
	if sent, err := d.Pass(ctx); err != nil || sent != 0 {
		t.Fatalf("pass = %d, %v", sent, err)
	}
	f, _ := st.Follow(ctx, id)
	if len(rc.bodies) != 0 || !strings.Contains(f.Delivery.LastError, "not allowed") || f.Delivery.Failed != 1 || f.Delivery.Pending != 0 {
		t.Errorf("calls %d, delivery %+v", len(rc.bodies), f.Delivery)
	}
}

func TestSign(t *testing.T) {
	// RFC 4231 test case 2.
	got := follow.Sign([]byte("what do ya want for nothing?"), "Jefe")
	if want := "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"; got != want {
		t.Errorf("Sign = %s, want %s", got, want)
	}
}
