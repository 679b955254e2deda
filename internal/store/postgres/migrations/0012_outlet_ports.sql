-- 0011: outlet names without ports (as SQLite's 0015). Some archives
-- record a source as "host:80"; new articles are stored as "host"
-- (model.OutletName), and this renames the stored ones: articles,
-- story_sources (merging "host:80" into "host"), each affected story's
-- outlet count, version and brief (marked stale, so it is rewritten with
-- the new names).

CREATE TEMP TABLE ported ON COMMIT DROP AS
SELECT source AS old, regexp_replace(source, ':[0-9]+$', '') AS new
FROM (SELECT DISTINCT source FROM articles) a
WHERE source ~ '^[A-Za-z0-9.-]*\.[A-Za-z0-9.-]*:[0-9]+$';

CREATE TEMP TABLE ported_stories ON COMMIT DROP AS
SELECT DISTINCT ss.story_id FROM story_sources ss JOIN ported p ON p.old = ss.source;

UPDATE articles a SET source = p.new FROM ported p WHERE a.source = p.old;

INSERT INTO story_sources (story_id, source, n)
SELECT ss.story_id, p.new, SUM(ss.n) FROM story_sources ss JOIN ported p ON p.old = ss.source
GROUP BY ss.story_id, p.new
ON CONFLICT (story_id, source) DO UPDATE SET n = story_sources.n + excluded.n;

DELETE FROM story_sources ss USING ported p WHERE ss.source = p.old;

UPDATE stories s SET
    outlets = (SELECT COUNT(*) FROM story_sources ss WHERE ss.story_id = s.id AND ss.source <> ''),
    version = version + 1,
    stale = TRUE
WHERE s.id IN (SELECT story_id FROM ported_stories);
