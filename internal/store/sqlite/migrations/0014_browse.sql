-- 0014: the story list's filters and sorts, entity and outlet pages.
-- entity_stories lists, for each story with a brief, the names and
-- aliases of its entities (one row per name, with the entity's name in
-- that brief); outlet_framing holds, per story and outlet, the figures of
-- the brief's framing of it and its single-source claims. Triggers on
-- stories keep both current when a brief is saved or a story deleted (as
-- 0011's search index); existing briefs are read here. Indexes serve each
-- sort of the story list and the outlet filter.

CREATE TABLE entity_stories (
    type     TEXT NOT NULL,
    name     TEXT NOT NULL, -- the entity's name or one of its aliases
    story_id TEXT NOT NULL,
    entity   TEXT NOT NULL, -- the entity's name in the story's brief
    PRIMARY KEY (type, name, story_id)
) WITHOUT ROWID;
CREATE INDEX entity_stories_name ON entity_stories (name, story_id);
CREATE INDEX entity_stories_story ON entity_stories (story_id);

CREATE TABLE outlet_framing (
    source       TEXT NOT NULL,
    story_id     TEXT NOT NULL,
    claims       INTEGER NOT NULL, -- single-source claims of its articles
    all_claims   INTEGER NOT NULL, -- all single-source claims of the brief
    attributed   INTEGER NOT NULL,
    unattributed INTEGER NOT NULL,
    loaded       TEXT NOT NULL, -- JSON array of words
    speakers     TEXT NOT NULL, -- JSON array of names
    PRIMARY KEY (source, story_id)
) WITHOUT ROWID;
CREATE INDEX outlet_framing_story ON outlet_framing (story_id);

CREATE INDEX story_sources_source ON story_sources (source, story_id);
CREATE INDEX stories_by_outlets ON stories (outlets, activity_seq, id);
CREATE INDEX stories_by_articles ON stories (articles, activity_seq, id);
CREATE INDEX stories_by_published ON stories (last_time, activity_seq, id, first_time);

-- The rows of the stories' briefs: each entity's name, then its aliases.
CREATE VIEW entity_stories_doc AS
SELECT type, name, story_id, entity FROM (
    SELECT json_extract(e.value, '$.type') AS type, json_extract(e.value, '$.name') AS name,
           st.id AS story_id, json_extract(e.value, '$.name') AS entity
    FROM stories st, json_each(st.brief, '$.entities') e WHERE st.brief IS NOT NULL
    UNION ALL
    SELECT json_extract(e.value, '$.type'), a.value, st.id, json_extract(e.value, '$.name')
    FROM stories st, json_each(st.brief, '$.entities') e, json_each(e.value, '$.aliases') a
    WHERE st.brief IS NOT NULL
) WHERE type IS NOT NULL AND name IS NOT NULL AND name <> '' AND entity IS NOT NULL;

CREATE VIEW outlet_framing_doc AS
SELECT json_extract(f.value, '$.source') AS source, st.id AS story_id,
       (SELECT COUNT(*) FROM json_each(st.brief, '$.single_source') c
        WHERE json_extract(c.value, '$.source') IN (SELECT value FROM json_each(f.value, '$.articles'))) AS claims,
       json_array_length(st.brief, '$.single_source') AS all_claims,
       COALESCE(json_extract(f.value, '$.attributed'), 0) AS attributed,
       COALESCE(json_extract(f.value, '$.unattributed'), 0) AS unattributed,
       COALESCE(json_extract(f.value, '$.loaded'), '[]') AS loaded,
       COALESCE(json_extract(f.value, '$.speakers'), '[]') AS speakers
FROM stories st, json_each(st.brief, '$.framing') f
WHERE st.brief IS NOT NULL AND json_extract(f.value, '$.source') IS NOT NULL;

CREATE TRIGGER browse_insert AFTER INSERT ON stories WHEN new.brief IS NOT NULL BEGIN
    INSERT OR IGNORE INTO entity_stories SELECT * FROM entity_stories_doc WHERE story_id = new.id;
    INSERT OR IGNORE INTO outlet_framing SELECT * FROM outlet_framing_doc WHERE story_id = new.id;
END;

CREATE TRIGGER browse_update AFTER UPDATE OF brief ON stories BEGIN
    DELETE FROM entity_stories WHERE story_id = old.id;
    DELETE FROM outlet_framing WHERE story_id = old.id;
    INSERT OR IGNORE INTO entity_stories SELECT * FROM entity_stories_doc WHERE story_id = new.id;
    INSERT OR IGNORE INTO outlet_framing SELECT * FROM outlet_framing_doc WHERE story_id = new.id;
END;

CREATE TRIGGER browse_delete AFTER DELETE ON stories BEGIN
    DELETE FROM entity_stories WHERE story_id = old.id;
    DELETE FROM outlet_framing WHERE story_id = old.id;
END;

INSERT OR IGNORE INTO entity_stories SELECT * FROM entity_stories_doc;
INSERT OR IGNORE INTO outlet_framing SELECT * FROM outlet_framing_doc;
