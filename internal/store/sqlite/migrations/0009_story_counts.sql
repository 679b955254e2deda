-- 0009: a story's aggregates kept incrementally. Assigning an article to
-- a story used to recount the whole story (every placed article) for its
-- outlet count, first and last times and events; now each placement
-- change adjusts them: story_sources counts a story's articles per
-- source, and the four extremes below give first_time and last_time
-- (publication times when any article has one, else the times the
-- articles were seen).

CREATE TABLE story_sources (
    story_id TEXT NOT NULL,
    source   TEXT NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (story_id, source)
) WITHOUT ROWID;

ALTER TABLE stories ADD COLUMN pub_min TEXT;
ALTER TABLE stories ADD COLUMN pub_max TEXT;
ALTER TABLE stories ADD COLUMN seen_min TEXT;
ALTER TABLE stories ADD COLUMN seen_max TEXT;

INSERT INTO story_sources (story_id, source, n)
SELECT story_id, source, COUNT(*) FROM (
    SELECT story_id, source FROM articles WHERE story_id IS NOT NULL
    UNION ALL
    SELECT p.story_id, a.source FROM placements p JOIN articles a ON a.id = p.article_id
) GROUP BY story_id, source;

UPDATE stories SET
    pub_min  = (SELECT MIN(published) FROM (SELECT published FROM articles WHERE story_id = stories.id
               UNION ALL SELECT a.published FROM placements p JOIN articles a ON a.id = p.article_id WHERE p.story_id = stories.id)),
    pub_max  = (SELECT MAX(published) FROM (SELECT published FROM articles WHERE story_id = stories.id
               UNION ALL SELECT a.published FROM placements p JOIN articles a ON a.id = p.article_id WHERE p.story_id = stories.id)),
    seen_min = (SELECT MIN(sort_time) FROM (SELECT sort_time FROM articles WHERE story_id = stories.id
               UNION ALL SELECT a.sort_time FROM placements p JOIN articles a ON a.id = p.article_id WHERE p.story_id = stories.id)),
    seen_max = (SELECT MAX(sort_time) FROM (SELECT sort_time FROM articles WHERE story_id = stories.id
               UNION ALL SELECT a.sort_time FROM placements p JOIN articles a ON a.id = p.article_id WHERE p.story_id = stories.id));
