-- 0002: a story's version counts changes to its articles, so that a brief
-- built from an older version does not clear the stale mark.
ALTER TABLE stories ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
