package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"parallax/internal/eval"
	"parallax/internal/shared"
)

// TestEvalTimelineProtocol runs `parallax eval timeline --json` on the
// Timeline17 dev split and checks the published protocol's figures: every
// gold timeline scored, each figure a fraction in a plausible range, the
// brief above the most-mentioned baseline, DATEWISE's published figures
// beside them.
func TestEvalTimelineProtocol(t *testing.T) {
	dir := shared.TestData(t, "summary", "timeline", "dev")
	code, stdout, stderr := runCmd(t, "", "eval", "timeline", "--dir", dir, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Results   []struct{ System string } `json:"results"`
		Protocol  []protocolResult          `json:"protocol"`
		Published eval.ProtocolScore        `json:"published_datewise"`
	}
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("output %q: %v", stdout, err)
	}
	if len(got.Results) != 2 || len(got.Protocol) != 2 {
		t.Fatalf("results %d, protocol %d", len(got.Results), len(got.Protocol))
	}
	if got.Published.AR1.F != .120 || got.Published.AR2.F != .035 || got.Published.Date.F != .544 {
		t.Errorf("published %+v", got.Published)
	}
	base, br := got.Protocol[0], got.Protocol[1]
	for _, r := range got.Protocol {
		if r.Timelines != 8 {
			t.Errorf("%s: %d timelines, want 8", r.System, r.Timelines)
		}
		for _, x := range []eval.ProtocolPRF{r.AR1, r.AR2, r.Date} {
			if x.P <= 0 || x.P > 1 || x.R <= 0 || x.R > 1 || x.F <= 0 || x.F > 1 {
				t.Errorf("%s: %+v out of (0, 1]", r.System, x)
			}
		}
		if r.Dates < 10 || r.Dates > 60 {
			t.Errorf("%s: %.1f dates per timeline", r.System, r.Dates)
		}
	}
	if br.AR1.F <= base.AR1.F || br.AR2.F <= base.AR2.F || br.Date.F <= base.Date.F {
		t.Errorf("brief %+v not above the baseline %+v", br.ProtocolScore, base.ProtocolScore)
	}
	if br.AR1.F < .08 || br.AR2.F < .03 || br.Date.F < .45 {
		t.Errorf("brief AR-1 %.3f AR-2 %.3f date F1 %.3f: below dev's level", br.AR1.F, br.AR2.F, br.Date.F)
	}
	t.Logf("brief AR-1 %.3f AR-2 %.3f date F1 %.3f; baseline %.3f %.3f %.3f", br.AR1.F, br.AR2.F, br.Date.F,
		base.AR1.F, base.AR2.F, base.Date.F)
}

// TestPrintProtocol checks the text table: our rows and DATEWISE's.
func TestPrintProtocol(t *testing.T) {
	var out bytes.Buffer
	e := &env{Stdout: &out}
	s := eval.ProtocolScore{Timelines: 8, Dates: 37, AR1: eval.ProtocolPRF{P: .1, R: .2, F: .133}}
	if err := printProtocol(e, []protocolResult{{System: "brief", ProtocolScore: s}}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"AR-1 F", "AR-2 F", "date F", "brief", "0.133", "DATEWISE", "0.120", "0.035", "0.544"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("no %q in\n%s", want, out.String())
		}
	}
}
