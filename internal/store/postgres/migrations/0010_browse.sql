-- 0010: the story list's filters and sorts, entity and outlet pages (as
-- SQLite's 0014). entity_stories lists, for each story with a brief, the
-- names and aliases of its entities; outlet_framing holds, per story and
-- outlet, the figures of the brief's framing of it and its single-source
-- claims. A trigger on stories keeps both current when a brief is saved
-- or a story deleted; existing briefs are read here. Indexes serve each
-- sort of the story list and the outlet filter.

CREATE TABLE entity_stories (
    type     TEXT COLLATE "C" NOT NULL,
    name     TEXT COLLATE "C" NOT NULL, -- the entity's name or one of its aliases
    story_id TEXT COLLATE "C" NOT NULL,
    entity   TEXT COLLATE "C" NOT NULL, -- the entity's name in the story's brief
    PRIMARY KEY (type, name, story_id)
);
CREATE INDEX entity_stories_name ON entity_stories (name, story_id);
CREATE INDEX entity_stories_story ON entity_stories (story_id);

CREATE TABLE outlet_framing (
    source       TEXT COLLATE "C" NOT NULL,
    story_id     TEXT COLLATE "C" NOT NULL,
    claims       INTEGER NOT NULL, -- single-source claims of its articles
    all_claims   INTEGER NOT NULL, -- all single-source claims of the brief
    attributed   INTEGER NOT NULL,
    unattributed INTEGER NOT NULL,
    loaded       JSONB NOT NULL, -- array of words
    speakers     JSONB NOT NULL, -- array of names
    PRIMARY KEY (source, story_id)
);
CREATE INDEX outlet_framing_story ON outlet_framing (story_id);

CREATE INDEX story_sources_source ON story_sources (source, story_id);
CREATE INDEX stories_by_outlets ON stories (outlets, activity_seq, id);
CREATE INDEX stories_by_articles ON stories (articles, activity_seq, id);
CREATE INDEX stories_by_published ON stories (last_time, activity_seq, id, first_time);

-- parallax_story_browse rewrites one story's rows (none without a brief).
CREATE FUNCTION parallax_story_browse(sid TEXT, sbrief JSONB) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM entity_stories WHERE story_id = sid;
    DELETE FROM outlet_framing WHERE story_id = sid;
    IF sbrief IS NULL THEN
        RETURN;
    END IF;
    INSERT INTO entity_stories (type, name, story_id, entity)
    SELECT e->>'type', n.name, sid, e->>'name'
    FROM jsonb_array_elements(CASE jsonb_typeof(sbrief->'entities') WHEN 'array' THEN sbrief->'entities' ELSE '[]' END) e,
         LATERAL (SELECT e->>'name' AS name
                  UNION ALL
                  SELECT jsonb_array_elements_text(CASE jsonb_typeof(e->'aliases') WHEN 'array' THEN e->'aliases' ELSE '[]' END)) n
    WHERE e->>'type' IS NOT NULL AND e->>'name' IS NOT NULL AND n.name IS NOT NULL AND n.name <> ''
    ON CONFLICT DO NOTHING;
    INSERT INTO outlet_framing (source, story_id, claims, all_claims, attributed, unattributed, loaded, speakers)
    SELECT f->>'source', sid,
        (SELECT COUNT(*) FROM jsonb_array_elements(CASE jsonb_typeof(sbrief->'single_source') WHEN 'array' THEN sbrief->'single_source' ELSE '[]' END) c
         WHERE COALESCE(f->'articles', '[]') ? (c->>'source')),
        COALESCE(jsonb_array_length(CASE jsonb_typeof(sbrief->'single_source') WHEN 'array' THEN sbrief->'single_source' END), 0),
        COALESCE((f->>'attributed')::int, 0), COALESCE((f->>'unattributed')::int, 0),
        COALESCE(f->'loaded', '[]'), COALESCE(f->'speakers', '[]')
    FROM jsonb_array_elements(CASE jsonb_typeof(sbrief->'framing') WHEN 'array' THEN sbrief->'framing' ELSE '[]' END) f
    WHERE f->>'source' IS NOT NULL
    ON CONFLICT DO NOTHING;
END $$;

CREATE FUNCTION parallax_story_browse_trigger() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM parallax_story_browse(OLD.id, NULL);
    ELSE
        PERFORM parallax_story_browse(NEW.id, NEW.brief);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER stories_browse AFTER INSERT OR DELETE OR UPDATE OF brief ON stories
    FOR EACH ROW EXECUTE FUNCTION parallax_story_browse_trigger();

SELECT parallax_story_browse(id, brief) FROM stories WHERE brief IS NOT NULL;
