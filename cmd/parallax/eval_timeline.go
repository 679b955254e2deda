package main

import (
	"fmt"
	"time"

	"parallax/internal/brief"
	"parallax/internal/eval"
	"parallax/internal/model"
)

// briefTimeline is the brief stage's timeline summarizer: the dates (to
// the day) the most articles mention, each with its best-supported facts.
var briefTimeline eval.TimelineSummarizer = func(docs []*model.Article, dates, perDate int) []model.TimelineItem {
	return brief.Timeline(docs, brief.TimelineOptions{Dates: dates, PerDate: perDate, DayOnly: true})
}

// briefTimelineTask is briefTimeline for a task of the published
// protocol: dates only within the task's window.
var briefTimelineTask eval.TimelineSystem = func(t eval.TimelineTask) []model.TimelineItem {
	return brief.Timeline(t.Docs, brief.TimelineOptions{Dates: t.Dates, PerDate: t.PerDate, DayOnly: true, From: t.Start, To: t.End})
}

// protocolResult is one system's score in the published protocol.
type protocolResult struct {
	System  string  `json:"system"`
	Seconds float64 `json:"seconds"`
	eval.ProtocolScore
}

type timelineResult struct {
	System  string  `json:"system"`
	Seconds float64 `json:"seconds"`
	eval.TimelineScore
}

func evalTimeline(e *env, args []string) error {
	fs := newFlagSet(e, "eval timeline", "[--dir DIR] [--json]")
	dir := fs.String("dir", dataPath("summary", "timeline", "dev"), "Timeline17 set: timelines.json, meta.jsonl, TOPIC/docs/*.txt")
	asJSON := fs.Bool("json", false, "print one JSON object")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if err := needData(*dir); err != nil {
		return err
	}
	topics, err := eval.ReadTimelineSet(*dir)
	if err != nil {
		return err
	}
	run := func(name string, sum eval.TimelineSummarizer) timelineResult {
		start := time.Now()
		pred := eval.Timelines(topics, sum)
		return timelineResult{name, time.Since(start).Seconds(), eval.ScoreTimelines(topics, pred)}
	}
	res := []timelineResult{
		run("most-mentioned dates, first sentences", eval.MostMentioned),
		run("brief", briefTimeline),
	}
	proto := []protocolResult{
		runProtocol(topics, "most-mentioned dates, first sentences", eval.MostMentionedTask),
		runProtocol(topics, "brief", briefTimelineTask),
	}
	dates := eval.CompareDates(topics)
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"set": *dir, "results": res, "dates_vs_heideltime": dates,
			"protocol": proto, "published_datewise": eval.PublishedDatewise})
	}
	tw := newTable(e.Stdout)
	fmt.Fprintln(tw, "system\ttopics\tdates\tdate F1\tconcat R-1\tconcat R-2\tagree R-1\tagree R-2\tseconds")
	for _, r := range res {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.2f\t%.2f\t%.2f\t%.2f\t%.2f\t%.1f\n", r.System, r.Topics, r.Dates,
			r.DateF1, r.ConcatR1, r.ConcatR2, r.AgreeR1, r.AgreeR2, r.Seconds)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := printProtocol(e, proto); err != nil {
		return err
	}
	_, err = fmt.Fprintf(e.Stdout, "date resolution vs HeidelTime, (article, date) pairs: ours %d, HeidelTime %d, agree %d: P %.2f R %.2f F1 %.2f\n",
		dates.Pairs, dates.Heidel, dates.Agree, dates.Precision, dates.Recall, dates.F1)
	return err
}

// runProtocol runs and times one system in the published protocol.
func runProtocol(topics []*eval.TimelineTopic, name string, sys eval.TimelineSystem) protocolResult {
	start := time.Now()
	s := eval.RunProtocol(topics, sys)
	return protocolResult{name, time.Since(start).Seconds(), s}
}

// printProtocol prints the published protocol's table, with DATEWISE's
// published figures (the whole Timeline17, F1 only) beside ours.
func printProtocol(e *env, res []protocolResult) error {
	fmt.Fprintln(e.Stdout, "\nTimeline17, published protocol (Ghalandari & Ifrim 2020, news-tls + tilse align+ m:1; P and R averaged over gold timelines):")
	tw := newTable(e.Stdout)
	fmt.Fprintln(tw, "system\ttimelines\tdates\tAR-1 P\tAR-1 R\tAR-1 F\tAR-2 P\tAR-2 R\tAR-2 F\tdate P\tdate R\tdate F\tseconds")
	for _, r := range res {
		fmt.Fprintf(tw, "%s\t%d\t%.1f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.1f\n", r.System, r.Timelines, r.Dates,
			r.AR1.P, r.AR1.R, r.AR1.F, r.AR2.P, r.AR2.R, r.AR2.F, r.Date.P, r.Date.R, r.Date.F, r.Seconds)
	}
	p := eval.PublishedDatewise
	fmt.Fprintf(tw, "DATEWISE (published, all of Timeline17)\t17\t\t\t\t%.3f\t\t\t%.3f\t\t\t%.3f\t\n", p.AR1.F, p.AR2.F, p.Date.F)
	return tw.Flush()
}
