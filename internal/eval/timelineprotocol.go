package eval

import (
	"math"
	"time"

	"parallax/internal/model"
)

// TimelineTask is what the published Timeline17 protocol (Ghalandari &
// Ifrim 2020, news-tls) tells a system about one gold timeline: the
// articles published from its first to its last date, the window its
// dates must fall in, how many dates to write and how many sentences per
// date (the gold timeline's mean, rounded half to even as Python does).
type TimelineTask struct {
	Docs       []*model.Article
	Start, End time.Time
	Dates      int
	PerDate    int

	gold []model.TimelineItem // what the task is scored against
}

// Gold is the gold timeline a task is scored against (for tuning and
// oracles; a system must not read it).
func (t TimelineTask) Gold() []model.TimelineItem { return t.gold }

// TimelineSystem writes a timeline for one task.
type TimelineSystem func(TimelineTask) []model.TimelineItem

// ProtocolPRF is a precision, a recall and their F1, as fractions.
type ProtocolPRF struct {
	P float64 `json:"precision"`
	R float64 `json:"recall"`
	F float64 `json:"f1"`
}

// ProtocolScore is a system's score in the published protocol: for each
// gold timeline, alignment ROUGE-1 and -2 (AR-1, AR-2: tilse's align+ m:1
// with stemming and stop words removed) and date selection; precision and
// recall averaged over the gold timelines, F1 from the averages.
type ProtocolScore struct {
	Timelines int         `json:"timelines"`
	AR1       ProtocolPRF `json:"ar1"`
	AR2       ProtocolPRF `json:"ar2"`
	Date      ProtocolPRF `json:"date"`
	Dates     float64     `json:"dates"` // mean number of predicted dates
}

// PublishedDatewise is DATEWISE, the best system of Ghalandari & Ifrim
// (2020, Table 3) on the whole of Timeline17, F1 only.
var PublishedDatewise = ProtocolScore{AR1: ProtocolPRF{F: .120}, AR2: ProtocolPRF{F: .035}, Date: ProtocolPRF{F: .544}}

// TimelineTasks returns the protocol's task for each gold timeline of a
// topic.
func TimelineTasks(t *TimelineTopic) []TimelineTask {
	var out []TimelineTask
	for _, g := range t.Gold {
		ds := dates(g)
		if len(ds) == 0 {
			continue
		}
		first, last := "", ""
		for d := range ds {
			if first == "" || d < first {
				first = d
			}
			if d > last {
				last = d
			}
		}
		start, err1 := time.Parse(time.DateOnly, first)
		end, err2 := time.Parse(time.DateOnly, last)
		if err1 != nil || err2 != nil {
			continue
		}
		task := TimelineTask{Start: start, End: end, Dates: len(ds), PerDate: meanSentences(g), gold: g}
		for _, d := range t.Docs {
			if day := d.Published.Format(time.DateOnly); day >= first && day <= last {
				task.Docs = append(task.Docs, d)
			}
		}
		out = append(out, task)
	}
	return out
}

// meanSentences is news-tls's summary length: the mean number of
// sentences per date of a gold timeline, rounded half to even, at least 1.
func meanSentences(g []model.TimelineItem) int {
	per := map[string]int{}
	for _, e := range g {
		per[e.Date] += max(1, countSentences(e.Text))
	}
	n := 0
	for _, c := range per {
		n += c
	}
	return max(1, int(math.RoundToEven(float64(n)/float64(len(per)))))
}

// RunProtocol runs a system on every gold timeline of the topics and
// scores it in the published protocol.
func RunProtocol(topics []*TimelineTopic, sys TimelineSystem) ProtocolScore {
	var s ProtocolScore
	for _, t := range topics {
		for _, task := range TimelineTasks(t) {
			s.add(task.gold, sys(task))
		}
	}
	return s.mean()
}

// add scores one predicted timeline against its gold one.
func (s *ProtocolScore) add(gold, pred []model.TimelineItem) {
	for _, x := range []struct {
		to *ProtocolPRF
		pr PR
	}{{&s.AR1, alignROUGE(gold, pred, 1)}, {&s.AR2, alignROUGE(gold, pred, 2)}, {&s.Date, datePR(gold, pred)}} {
		x.to.P += x.pr.P
		x.to.R += x.pr.R
	}
	s.Dates += float64(len(dates(pred)))
	s.Timelines++
}

// mean turns the sums into averages and F1s.
func (s ProtocolScore) mean() ProtocolScore {
	if s.Timelines == 0 {
		return s
	}
	n := float64(s.Timelines)
	for _, x := range []*ProtocolPRF{&s.AR1, &s.AR2, &s.Date} {
		x.P, x.R = x.P/n, x.R/n
		x.F = f1(x.P, x.R)
	}
	s.Dates /= n
	return s
}

// f1 is the harmonic mean of a precision and a recall.
func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
