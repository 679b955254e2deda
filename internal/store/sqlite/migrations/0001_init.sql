-- 0001: articles, stories, events, duplicates and rejected inputs.
-- Portable SQL: TEXT and INTEGER columns, times as fixed-width RFC 3339 UTC
-- text ("2006-01-02T15:04:05.000000000Z", so text order is time order),
-- NULL for unknown times and for absent unique keys.

CREATE TABLE stories (
    id           TEXT PRIMARY KEY,
    title        TEXT NOT NULL DEFAULT '',
    articles     INTEGER NOT NULL DEFAULT 0,
    outlets      INTEGER NOT NULL DEFAULT 0,
    first_time   TEXT,
    last_time    TEXT,
    activity     TEXT NOT NULL,              -- wall-clock time the story last got an article
    activity_seq INTEGER NOT NULL DEFAULT 0, -- assign_seq of that article: the listing order
    stale        INTEGER NOT NULL DEFAULT 1, -- 1 when the brief must be rebuilt
    brief        TEXT,                       -- model.Brief as JSON, NULL until built
    brief_time   TEXT
);

CREATE INDEX stories_activity ON stories (activity_seq);
CREATE INDEX stories_stale ON stories (activity_seq) WHERE stale = 1;

CREATE TABLE articles (
    seq           INTEGER PRIMARY KEY,       -- insertion order (PostgreSQL: identity column)
    id            TEXT NOT NULL UNIQUE,
    url           TEXT NOT NULL DEFAULT '',
    canonical_url TEXT UNIQUE,               -- NULL when unknown
    source        TEXT NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    published     TEXT,                      -- NULL when unknown
    lang          TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    content_hash  TEXT UNIQUE,               -- NULL when unknown
    origin        TEXT NOT NULL DEFAULT '',
    fetched       TEXT,
    added         TEXT NOT NULL,             -- when it was stored
    sort_time     TEXT NOT NULL,             -- published, else fetched, else added
    story_id      TEXT REFERENCES stories (id),
    event_id      TEXT,
    assign_seq    INTEGER UNIQUE             -- assignment order, NULL while pending
);

CREATE INDEX articles_pending ON articles (sort_time, id) WHERE story_id IS NULL;
CREATE INDEX articles_story ON articles (story_id, sort_time);

CREATE TABLE events (
    story_id TEXT NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    id       TEXT NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (story_id, id)
);

CREATE TABLE duplicates (
    origin     TEXT NOT NULL,
    article_id TEXT NOT NULL REFERENCES articles (id),
    recorded   TEXT NOT NULL,
    PRIMARY KEY (origin, article_id)
);

CREATE TABLE rejected (
    origin   TEXT NOT NULL,
    reason   TEXT NOT NULL,
    recorded TEXT NOT NULL,
    PRIMARY KEY (origin, reason)
);
