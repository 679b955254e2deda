-- 0015: outlet names without ports. Some archives record a source as
-- "host:80"; new articles are stored as "host" (model.OutletName), and
-- this renames the stored ones: articles, story_sources (merging
-- "host:80" into "host"), each affected story's outlet count, version and
-- brief (marked stale, so it is rewritten with the new names).

CREATE TEMP TABLE ported AS
SELECT source AS old, substr(source, 1, instr(source, ':') - 1) AS new FROM (SELECT DISTINCT source FROM articles)
WHERE instr(source, ':') > 1
  AND substr(source, instr(source, ':') + 1) <> ''
  AND substr(source, instr(source, ':') + 1) NOT GLOB '*[^0-9]*'
  AND substr(source, 1, instr(source, ':') - 1) NOT GLOB '*[^A-Za-z0-9.-]*'
  AND substr(source, 1, instr(source, ':') - 1) GLOB '*.*';

CREATE TEMP TABLE ported_stories AS
SELECT DISTINCT ss.story_id FROM story_sources ss JOIN ported p ON p.old = ss.source;

UPDATE articles SET source = (SELECT new FROM ported WHERE old = articles.source)
WHERE source IN (SELECT old FROM ported);

INSERT INTO story_sources (story_id, source, n)
SELECT ss.story_id, p.new, ss.n FROM story_sources ss JOIN ported p ON p.old = ss.source WHERE true
ON CONFLICT (story_id, source) DO UPDATE SET n = story_sources.n + excluded.n;

DELETE FROM story_sources WHERE source IN (SELECT old FROM ported);

UPDATE stories SET
    outlets = (SELECT COUNT(*) FROM story_sources ss WHERE ss.story_id = stories.id AND ss.source <> ''),
    version = version + 1,
    stale = 1
WHERE id IN (SELECT story_id FROM ported_stories);

DROP TABLE ported_stories;
DROP TABLE ported;
