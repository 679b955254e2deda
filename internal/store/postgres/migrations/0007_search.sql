-- 0007: full-text search (as SQLite's 0011). Articles carry a tsvector of
-- title (weight A) and text (B, its first 100,000 characters: a tsvector
-- holds at most 1 MB), set by a trigger when the article is stored or its
-- title or text change. story_search holds, for each story with a brief,
-- a tsvector of title (A), brief summary (B) and entity names with
-- aliases (C), and one per entity type for person:, org: and place:,
-- kept by triggers on stories. GIN indexes on all of them; existing rows
-- are indexed here. Configuration "parallax": "english" (Snowball stemming,
-- stop words), the counterpart of SQLite's Porter tokenizer, with
-- diacritics removed by unaccent as SQLite's remove_diacritics (when the
-- server lacks the unaccent extension, diacritics are kept).

CREATE TEXT SEARCH CONFIGURATION parallax (COPY = english);

DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
    ALTER TEXT SEARCH CONFIGURATION parallax
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'parallax: unaccent unavailable (%), search keeps diacritics', SQLERRM;
END $$;

CREATE FUNCTION parallax_article_doc(title TEXT, body TEXT) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT setweight(to_tsvector('parallax'::regconfig, title), 'A')
        || setweight(to_tsvector('parallax'::regconfig, left(body, 100000)), 'B')
$$;

ALTER TABLE articles ADD COLUMN search_doc tsvector;

CREATE FUNCTION parallax_article_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_doc := parallax_article_doc(NEW.title, NEW.body);
    RETURN NEW;
END $$;

CREATE TRIGGER articles_search BEFORE INSERT OR UPDATE OF title, body ON articles
    FOR EACH ROW EXECUTE FUNCTION parallax_article_search();

UPDATE articles SET search_doc = parallax_article_doc(title, body);

CREATE INDEX articles_search_doc ON articles USING gin (search_doc);

-- The names and aliases of a brief's entities of one type, one a line.
CREATE FUNCTION parallax_brief_names(brief JSONB, kind TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(string_agg(n #>> '{}', E'\n'), '') FROM (
        SELECT jsonb_path_query(brief, 'lax $.entities[*] ? (@.type == $k).name', jsonb_build_object('k', kind))
        UNION ALL
        SELECT jsonb_path_query(brief, 'lax $.entities[*] ? (@.type == $k).aliases[*]', jsonb_build_object('k', kind))
    ) AS x(n)
$$;

-- The text of a brief's summary sentences, one a line.
CREATE FUNCTION parallax_brief_summary(brief JSONB) RETURNS TEXT
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT COALESCE(string_agg(t #>> '{}', E'\n'), '') FROM jsonb_path_query(brief, 'lax $.summary[*].text') AS x(t)
$$;

CREATE TABLE story_search (
    story_id TEXT COLLATE "C" PRIMARY KEY,
    rid      BIGINT GENERATED ALWAYS AS IDENTITY, -- order of first indexing (SQLite's story_search.rid)
    doc      tsvector NOT NULL,
    people   tsvector NOT NULL,
    orgs     tsvector NOT NULL,
    places   tsvector NOT NULL
);

CREATE INDEX story_search_doc ON story_search USING gin (doc);
CREATE INDEX story_search_people ON story_search USING gin (people);
CREATE INDEX story_search_orgs ON story_search USING gin (orgs);
CREATE INDEX story_search_places ON story_search USING gin (places);

-- parallax_story_index writes (or removes, without a brief) one story's row.
CREATE FUNCTION parallax_story_index(sid TEXT, stitle TEXT, sbrief JSONB) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    p TEXT; o TEXT; l TEXT;
BEGIN
    IF sbrief IS NULL THEN
        DELETE FROM story_search WHERE story_id = sid;
        RETURN;
    END IF;
    p := parallax_brief_names(sbrief, 'PERSON');
    o := parallax_brief_names(sbrief, 'ORG');
    l := parallax_brief_names(sbrief, 'PLACE');
    INSERT INTO story_search (story_id, doc, people, orgs, places) VALUES (sid,
        setweight(to_tsvector('parallax'::regconfig, stitle), 'A')
            || setweight(to_tsvector('parallax'::regconfig, parallax_brief_summary(sbrief)), 'B')
            || setweight(to_tsvector('parallax'::regconfig, p || E'\n' || o || E'\n' || l), 'C'),
        to_tsvector('parallax'::regconfig, p), to_tsvector('parallax'::regconfig, o), to_tsvector('parallax'::regconfig, l))
    ON CONFLICT (story_id) DO UPDATE SET doc = EXCLUDED.doc, people = EXCLUDED.people,
        orgs = EXCLUDED.orgs, places = EXCLUDED.places;
END $$;

CREATE FUNCTION parallax_story_search() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM story_search WHERE story_id = OLD.id;
    ELSE
        PERFORM parallax_story_index(NEW.id, NEW.title, NEW.brief);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER stories_search AFTER INSERT OR DELETE OR UPDATE OF brief, title ON stories
    FOR EACH ROW EXECUTE FUNCTION parallax_story_search();

SELECT parallax_story_index(id, title, brief) FROM stories WHERE brief IS NOT NULL;
