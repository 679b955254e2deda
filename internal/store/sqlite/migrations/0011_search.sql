-- 0011: full-text search (FTS5). Articles are indexed by title and text
-- (external content: the text is not stored twice), stories by title,
-- brief summary and the names (with aliases) of the brief's people,
-- organisations and places, one column per type so that person:, org:
-- and place: can match one. Triggers keep both indexes current when an
-- article is stored, its title or text change or it is deleted, and when
-- a story's brief or title is saved or the story is deleted; existing rows
-- are indexed here. Tokens: unicode61 with diacritics removed, Porter
-- stemming (PostgreSQL's "english" configuration is its counterpart).

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = 'articles', content_rowid = 'seq',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
END;

CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.seq, old.title, old.body);
    INSERT INTO articles_fts (rowid, title, body) VALUES (new.seq, new.title, new.body);
END;

INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');

-- What a search reads of each matching article, without its row: the row
-- holds the text before sort_time, and reading past it costs ten times
-- the match itself.
CREATE INDEX articles_search_meta ON articles (seq, sort_time, id, source, story_id);

-- stories_fts rows are keyed by story_search.rid (a story's own rowid
-- is not stable: VACUUM may renumber it).
CREATE TABLE story_search (
    rid      INTEGER PRIMARY KEY,
    story_id TEXT NOT NULL UNIQUE
);

CREATE VIRTUAL TABLE stories_fts USING fts5(
    title, summary, people, orgs, places,
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- What a search reads of each matching story, without its row (which
-- holds the brief).
CREATE INDEX stories_search_meta ON stories (id, last_time, first_time);

-- What a story's index row holds: the names and aliases of the brief's
-- entities of each type, one a line.
CREATE VIEW stories_fts_doc AS SELECT st.id AS id, st.title AS title,
    (SELECT group_concat(json_extract(s.value, '$.text'), char(10)) FROM json_each(st.brief, '$.summary') s) AS summary,
    (SELECT group_concat(n.value, char(10)) FROM json_each(st.brief, '$.entities') e, json_tree(e.value) n
        WHERE json_extract(e.value, '$.type') = 'PERSON' AND n.type = 'text' AND n.key IS NOT 'type'
        AND n.path IN ('$', '$.aliases')) AS people,
    (SELECT group_concat(n.value, char(10)) FROM json_each(st.brief, '$.entities') e, json_tree(e.value) n
        WHERE json_extract(e.value, '$.type') = 'ORG' AND n.type = 'text' AND n.key IS NOT 'type'
        AND n.path IN ('$', '$.aliases')) AS orgs,
    (SELECT group_concat(n.value, char(10)) FROM json_each(st.brief, '$.entities') e, json_tree(e.value) n
        WHERE json_extract(e.value, '$.type') = 'PLACE' AND n.type = 'text' AND n.key IS NOT 'type'
        AND n.path IN ('$', '$.aliases')) AS places
FROM stories st WHERE st.brief IS NOT NULL;

CREATE TRIGGER stories_fts_insert AFTER INSERT ON stories WHEN new.brief IS NOT NULL BEGIN
    INSERT OR IGNORE INTO story_search (story_id) VALUES (new.id);
    INSERT INTO stories_fts (rowid, title, summary, people, orgs, places)
    SELECT m.rid, d.title, d.summary, d.people, d.orgs, d.places
    FROM stories_fts_doc d JOIN story_search m ON m.story_id = d.id WHERE d.id = new.id;
END;

CREATE TRIGGER stories_fts_delete AFTER DELETE ON stories BEGIN
    DELETE FROM stories_fts WHERE rowid = (SELECT rid FROM story_search WHERE story_id = old.id);
    DELETE FROM story_search WHERE story_id = old.id;
END;

CREATE TRIGGER stories_fts_update AFTER UPDATE OF brief, title ON stories BEGIN
    DELETE FROM stories_fts WHERE rowid = (SELECT rid FROM story_search WHERE story_id = old.id);
    INSERT OR IGNORE INTO story_search (story_id) SELECT new.id WHERE new.brief IS NOT NULL;
    INSERT INTO stories_fts (rowid, title, summary, people, orgs, places)
    SELECT m.rid, d.title, d.summary, d.people, d.orgs, d.places
    FROM stories_fts_doc d JOIN story_search m ON m.story_id = d.id WHERE d.id = new.id;
END;

INSERT INTO story_search (story_id) SELECT id FROM stories WHERE brief IS NOT NULL;
INSERT INTO stories_fts (rowid, title, summary, people, orgs, places)
SELECT m.rid, d.title, d.summary, d.people, d.orgs, d.places
FROM stories_fts_doc d JOIN story_search m ON m.story_id = d.id;
