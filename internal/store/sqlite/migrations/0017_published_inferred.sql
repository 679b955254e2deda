-- 0014: an article's publication date read from its own text (a stamp or
-- a dateline) is marked as inferred (#16, undated inputs).

ALTER TABLE articles ADD COLUMN published_inferred INTEGER NOT NULL DEFAULT 0;
