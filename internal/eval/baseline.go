package eval

import (
	"math"
	"time"

	"parallax/internal/cluster"
	"parallax/internal/nlp/token"
)

// Baseline is the cluster sets' README baseline, simply: each article, in
// time order, joins the most cosine-similar TF-IDF centroid among the
// clusters updated within window if the cosine reaches threshold, else
// opens a cluster. Document frequencies are updated online; active
// clusters are scanned. `parallax eval cluster` runs it beside the
// clusterer on every stream, and the cluster benchmark times it.
type Baseline struct {
	threshold float64
	window    time.Duration
	df        map[string]int
	n         int
	fitted    bool // document frequencies fixed by Fit
	active    []*baseCluster
	next      int
}

type baseCluster struct {
	id   int
	w    map[string]float64
	norm float64
	last time.Time
}

// NewBaseline returns the baseline with the README's settings (cosine .20,
// 7 days).
func NewBaseline() *Baseline {
	return &Baseline{threshold: 0.20, window: 7 * 24 * time.Hour, df: map[string]int{}}
}

// Fit fixes the document frequencies to those of docs, as the README's
// scikit-learn baseline fits its TF-IDF on a whole file before clustering;
// without Fit they are counted online.
func (b *Baseline) Fit(docs []cluster.Doc) {
	for _, d := range docs {
		seen := map[string]bool{}
		for _, t := range token.Terms(d.Title + "\n" + d.Text) {
			if !seen[t] {
				seen[t] = true
				b.df[t]++
			}
		}
	}
	b.n, b.fitted = len(docs), true
}

// Add places d and returns its cluster number.
func (b *Baseline) Add(d cluster.Doc) int {
	tf := map[string]float64{}
	for _, t := range token.Terms(d.Title + "\n" + d.Text) {
		tf[t]++
	}
	if !b.fitted {
		b.n++
		for t := range tf {
			b.df[t]++
		}
	}
	var norm float64
	for t, c := range tf {
		w := c * (math.Log(float64(b.n+1)/float64(b.df[t]+1)) + 1)
		tf[t] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	kept := b.active[:0]
	var best *baseCluster
	bestSim := 0.0
	for _, c := range b.active {
		if d.Published.Sub(c.last) > b.window {
			continue
		}
		kept = append(kept, c)
		var s float64
		for t, w := range tf {
			s += w * c.w[t]
		}
		if c.norm > 0 && norm > 0 {
			s /= norm * math.Sqrt(c.norm)
		}
		if s >= b.threshold && s > bestSim {
			best, bestSim = c, s
		}
	}
	b.active = kept
	if best == nil {
		b.next++
		best = &baseCluster{id: b.next, w: map[string]float64{}}
		b.active = append(b.active, best)
	}
	for t, w := range tf {
		if norm == 0 {
			break
		}
		old := best.w[t]
		nw := old + w/norm
		best.w[t] = nw
		best.norm += nw*nw - old*old
	}
	best.last = d.Published
	return best.id
}
