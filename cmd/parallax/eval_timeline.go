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
	dates := eval.CompareDates(topics)
	if *asJSON {
		return printJSON(e.Stdout, map[string]any{"set": *dir, "results": res, "dates_vs_heideltime": dates})
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
	_, err = fmt.Fprintf(e.Stdout, "date resolution vs HeidelTime, (article, date) pairs: ours %d, HeidelTime %d, agree %d: P %.2f R %.2f F1 %.2f\n",
		dates.Pairs, dates.Heidel, dates.Agree, dates.Precision, dates.Recall, dates.F1)
	return err
}
