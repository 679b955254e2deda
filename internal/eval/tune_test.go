package eval

import (
	"os"
	"strconv"
	"strings"
	"testing"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/shared"
)

// TestClusterTune prints the B-cubed figures on both development files for
// the default options, then for each variant in PARALLAX_TUNE
// ("Threshold=0.15,Window=30;Threshold=0.2" — durations in days).
func TestClusterTune(t *testing.T) {
	spec := os.Getenv("PARALLAX_TUNE")
	if spec == "" {
		t.Skip("set PARALLAX_TUNE=default or a list of variants")
	}
	var sets []*ClusterSet
	for _, name := range []string{"dev.jsonl", "dev-topics.jsonl"} {
		set, err := ReadClusterSet(shared.TestData(t, "cluster", name))
		if err != nil {
			t.Fatal(err)
		}
		sets = append(sets, set)
	}
	for _, variant := range strings.Split(spec, ";") {
		o := cluster.DefaultOptions()
		for _, kv := range strings.Split(variant, ",") {
			k, v, ok := strings.Cut(kv, "=")
			if !ok {
				continue
			}
			x, err := strconv.ParseFloat(v, 64)
			if err != nil {
				t.Fatal(err)
			}
			setOpt(t, &o, k, x)
		}
		var fs []float64
		line := ""
		for _, s := range sets {
			p, r, f := ScoreCluster(s, o)
			fs = append(fs, f)
			line += " | P " + ff(p) + " R " + ff(r) + " F " + ff(f)
		}
		t.Logf("%-40s min %s%s", variant, ff(min(fs[0], fs[1])), line)
	}
}

func ff(x float64) string { return strconv.FormatFloat(x, 'f', 4, 64) }

func setOpt(t *testing.T, o *cluster.Options, k string, x float64) {
	day := time.Duration(x * float64(24*time.Hour))
	switch k {
	case "Threshold":
		o.Threshold = x
	case "Window":
		o.Window = day
	case "GapPenalty":
		o.GapPenalty = x
	case "SizeDiscount":
		o.SizeDiscount = x
	case "Background":
		o.Background = x
	case "NearWeight":
		o.NearWeight = x
	case "Recent":
		o.Recent = int(x)
	case "TitleWeight":
		o.TitleWeight = x
	case "LeadWeight":
		o.LeadWeight = x
	case "LeadWords":
		o.LeadWords = int(x)
	case "ProperBoost":
		o.ProperBoost = x
	case "IndexTerms":
		o.IndexTerms = int(x)
	default:
		t.Fatalf("unknown option %s", k)
	}
}
