package store

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// StoryListSQL is the SQL of ListStories, written once for both stores:
// the conditions on table stories (aliased s) after WHERE ("TRUE" for
// none), the ORDER BY list and their arguments. arg(i) writes the i-th
// placeholder (1-based): "?" for SQLite, "$i" for PostgreSQL; times are
// passed through format, the stores' fixed-width text form. Each sort has
// an index (SQLite 0014, PostgreSQL 0010); the outlet and entity filters
// read story_sources and entity_stories by their (source | type, name)
// indexes, never the articles.
func StoryListSQL(f StoryFilter, arg func(int) string, format func(time.Time) string) (where, order string, args []any, err error) {
	var conds []string
	add := func(cond string, vals ...any) {
		for range vals {
			args = append(args, nil)
			cond = strings.Replace(cond, "?", arg(len(args)), 1)
		}
		copy(args[len(args)-len(vals):], vals)
		conds = append(conds, cond)
	}
	if !f.After.IsZero() {
		add(`s.last_time >= ?`, format(f.After))
	}
	if !f.Before.IsZero() {
		add(`s.first_time < ?`, format(f.Before))
	}
	if f.MinArticles > 1 {
		add(`s.articles >= ?`, f.MinArticles)
	}
	if f.MinOutlets > 1 {
		add(`s.outlets >= ?`, f.MinOutlets)
	}
	if f.Outlet != "" {
		add(`s.id IN (SELECT story_id FROM story_sources WHERE source = ?)`, f.Outlet)
	}
	switch {
	case f.Entity != "" && f.EntityType != "":
		add(`s.id IN (SELECT story_id FROM entity_stories WHERE type = ? AND name = ?)`, f.EntityType, f.Entity)
	case f.Entity != "":
		add(`s.id IN (SELECT story_id FROM entity_stories WHERE name = ?)`, f.Entity)
	}
	where = "TRUE"
	if len(conds) > 0 {
		where = strings.Join(conds, " AND ")
	}
	order, err = storyOrder(f.Sort)
	return where, order, args, err
}

// storyOrder is the ORDER BY list of a sort. All but the default run
// every column descending, so that one index scanned backwards serves it.
func storyOrder(s StorySort) (string, error) {
	switch s {
	case SortActivity, "":
		return `s.activity_seq DESC, s.id`, nil
	case SortOutlets:
		return `s.outlets DESC, s.activity_seq DESC, s.id DESC`, nil
	case SortArticles:
		return `s.articles DESC, s.activity_seq DESC, s.id DESC`, nil
	case SortPublished:
		return `s.last_time DESC, s.activity_seq DESC, s.id DESC`, nil
	}
	return "", fmt.Errorf("%w: unknown sort %q", ErrInvalidFilter, s)
}

// ErrInvalidFilter is returned for a StoryFilter the store cannot run.
var ErrInvalidFilter = errors.New("store: invalid filter")

// ProfileListMax bounds the names an entity or outlet profile lists.
const ProfileListMax = 20

// EntityAliasesSQL selects (name, stories) for the other names an entity
// (the placeholders: its type, then its name) has in the briefs that
// name it, most used first. CROSS JOIN makes SQLite read the entity's
// rows first, then each story's (by entity_stories_story).
func EntityAliasesSQL(typeArg, nameArg string) string {
	return `SELECT o.name, COUNT(DISTINCT o.story_id) FROM entity_stories e CROSS JOIN entity_stories o
		WHERE e.type = ` + typeArg + ` AND e.name = ` + nameArg + `
		AND o.story_id = e.story_id AND o.type = e.type AND o.entity = e.entity AND o.name <> e.name
		GROUP BY o.name ORDER BY COUNT(DISTINCT o.story_id) DESC, o.name LIMIT ` + fmt.Sprint(ProfileListMax)
}
