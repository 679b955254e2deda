package natstest

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/nats-io/nats.go"
)

// AssertStreamEmpty fails the test unless the JetStream stream of the
// server at url holds no message (every queued item was taken and acked).
func AssertStreamEmpty(t testing.TB, url, stream string) {
	t.Helper()
	nc, err := nats.Connect(url)
	if err != nil {
		t.Fatal(err)
	}
	defer nc.Close()
	msg, err := nc.Request("$JS.API.STREAM.INFO."+stream, nil, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	var info struct {
		State struct {
			Msgs int `json:"messages"`
		} `json:"state"`
		Error *struct {
			Description string `json:"description"`
		} `json:"error"`
	}
	if err := json.Unmarshal(msg.Data, &info); err != nil || info.Error != nil {
		t.Fatalf("stream info: %s (%v)", msg.Data, err)
	}
	if info.State.Msgs != 0 {
		t.Errorf("the shared stream still holds %d messages", info.State.Msgs)
	}
}
