package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"strings"
	"testing"
)

func TestClusterCommand(t *testing.T) {
	in := strings.Join([]string{
		`{"id":"b","title":"Flood hits Riverton","text":"Heavy rain flooded Riverton on Monday, the mayor of Riverton said.","published":"2024-03-05"}`,
		`not json`,
		`{"id":"a","title":"Riverton braces for rain","text":"Forecasters warned Riverton of heavy rain and floods.","published":"2024-03-04T08:00:00Z"}`,
		`{"id":"c","title":"Chess final in Oslo","text":"Magnus Carlsen won the chess final in Oslo.","published":"bad date"}`,
	}, "\n")
	var out, errb bytes.Buffer
	e := &env{Stdin: strings.NewReader(in), Stdout: &out, Stderr: &errb, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if code := run(context.Background(), e, []string{"cluster", "--in", "-"}); code != 0 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	var got []clusterOutput
	dec := json.NewDecoder(&out)
	for dec.More() {
		var o clusterOutput
		if err := dec.Decode(&o); err != nil {
			t.Fatal(err)
		}
		got = append(got, o)
	}
	if len(got) != 2 || got[0].ID != "b" || got[1].ID != "a" {
		t.Fatalf("want b, a in input order, got %+v", got)
	}
	if got[0].Story != "s-a" || got[1].Story != "s-a" {
		t.Errorf("the story opens with the earlier article a: %+v", got)
	}
	for _, line := range []string{"-:2:", "-:4:"} {
		if !strings.Contains(errb.String(), line) {
			t.Errorf("stderr lacks %q: %s", line, errb.String())
		}
	}
}
