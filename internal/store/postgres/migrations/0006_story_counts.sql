-- 0006: a story's aggregates kept incrementally (as SQLite's 0009):
-- story_sources counts a story's articles per source; the four extremes
-- give first_time and last_time (publication times when any article has
-- one, else the times the articles were seen).

CREATE TABLE story_sources (
    story_id TEXT COLLATE "C" NOT NULL,
    source   TEXT COLLATE "C" NOT NULL,
    n        INTEGER NOT NULL,
    PRIMARY KEY (story_id, source)
);

ALTER TABLE stories ADD COLUMN pub_min TEXT COLLATE "C";
ALTER TABLE stories ADD COLUMN pub_max TEXT COLLATE "C";
ALTER TABLE stories ADD COLUMN seen_min TEXT COLLATE "C";
ALTER TABLE stories ADD COLUMN seen_max TEXT COLLATE "C";

INSERT INTO story_sources (story_id, source, n)
SELECT story_id, source, COUNT(*) FROM (
    SELECT story_id, source FROM articles WHERE story_id IS NOT NULL
    UNION ALL
    SELECT p.story_id, a.source FROM placements p JOIN articles a ON a.id = p.article_id
) placed GROUP BY story_id, source;

UPDATE stories s SET pub_min = x.pub_min, pub_max = x.pub_max, seen_min = x.seen_min, seen_max = x.seen_max
FROM (
    SELECT story_id, MIN(published) AS pub_min, MAX(published) AS pub_max,
           MIN(sort_time) AS seen_min, MAX(sort_time) AS seen_max
    FROM (
        SELECT story_id, published, sort_time FROM articles WHERE story_id IS NOT NULL
        UNION ALL
        SELECT p.story_id, a.published, a.sort_time FROM placements p JOIN articles a ON a.id = p.article_id
    ) placed GROUP BY story_id
) x WHERE x.story_id = s.id;
