package sqlite

import "context"

// Test-only hooks for search_bench_test.go (package sqlite_test).

// CountWhere counts the articles matching an SQL condition.
func (db *DB) CountWhere(ctx context.Context, cond string, args ...any) (int, error) {
	var n int
	err := db.read.QueryRowContext(ctx, `SELECT COUNT(*) FROM articles WHERE `+cond, args...).Scan(&n)
	return n, err
}

// DropSearchTriggers stops indexing new articles and briefs (migration
// 0011's triggers), to measure what indexing costs.
func (db *DB) DropSearchTriggers(ctx context.Context) error {
	for _, t := range []string{"articles_fts_insert", "articles_fts_delete", "articles_fts_update",
		"stories_fts_insert", "stories_fts_delete", "stories_fts_update"} {
		if _, err := db.write.ExecContext(ctx, `DROP TRIGGER `+t); err != nil {
			return err
		}
	}
	return nil
}
