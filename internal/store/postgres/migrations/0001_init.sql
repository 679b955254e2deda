-- 0001: the whole schema of the SQLite store at its version 5, in one step.
-- Times are fixed-width RFC 3339 UTC text with nine fraction digits, as in
-- SQLite, so that they round-trip to the nanosecond and sort as text; every
-- key and time column uses the "C" collation so that text order is byte
-- order whatever the database's locale (the same order as SQLite's).

CREATE TABLE stories (
    id           TEXT COLLATE "C" PRIMARY KEY,
    title        TEXT NOT NULL DEFAULT '',
    articles     INTEGER NOT NULL DEFAULT 0,
    outlets      INTEGER NOT NULL DEFAULT 0,
    first_time   TEXT COLLATE "C",
    last_time    TEXT COLLATE "C",
    activity     TEXT COLLATE "C" NOT NULL,  -- wall-clock time the story last got an article
    activity_seq BIGINT NOT NULL DEFAULT 0,  -- assign_seq of that article: the listing order
    stale        BOOLEAN NOT NULL DEFAULT TRUE,
    version      BIGINT NOT NULL DEFAULT 0,  -- counts changes to its articles
    brief        JSONB,                      -- model.Brief, NULL until built
    brief_time   TEXT COLLATE "C"
);

CREATE INDEX stories_activity ON stories (activity_seq);
CREATE INDEX stories_stale ON stories (activity_seq) WHERE stale;

CREATE TABLE articles (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, -- insertion order
    id            TEXT COLLATE "C" NOT NULL UNIQUE,
    url           TEXT NOT NULL DEFAULT '',
    canonical_url TEXT COLLATE "C" UNIQUE,   -- NULL when unknown
    source        TEXT COLLATE "C" NOT NULL DEFAULT '',
    title         TEXT NOT NULL DEFAULT '',
    byline        TEXT NOT NULL DEFAULT '',
    published     TEXT COLLATE "C",          -- NULL when unknown
    lang          TEXT NOT NULL DEFAULT '',
    body          TEXT NOT NULL DEFAULT '',
    content_hash  TEXT COLLATE "C" UNIQUE,   -- NULL when unknown
    origin        TEXT NOT NULL DEFAULT '',
    fetched       TEXT COLLATE "C",
    added         TEXT COLLATE "C" NOT NULL, -- when it was stored
    sort_time     TEXT COLLATE "C" NOT NULL, -- published, else fetched, else added
    story_id      TEXT COLLATE "C" REFERENCES stories (id),
    event_id      TEXT COLLATE "C",
    assign_seq    BIGINT UNIQUE,             -- assignment order, NULL while pending
    duplicate_of  TEXT COLLATE "C" REFERENCES articles (id) -- near-duplicate of, NULL for an original
);

CREATE INDEX articles_pending ON articles (sort_time, id) WHERE story_id IS NULL;
CREATE INDEX articles_story ON articles (story_id, sort_time);
CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE events (
    story_id TEXT COLLATE "C" NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
    id       TEXT COLLATE "C" NOT NULL,
    articles INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (story_id, id)
);

CREATE TABLE duplicates (
    origin     TEXT NOT NULL,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id),
    recorded   TEXT NOT NULL,
    PRIMARY KEY (origin, article_id)
);

CREATE TABLE rejected (
    origin   TEXT NOT NULL,
    reason   TEXT NOT NULL,
    recorded TEXT NOT NULL,
    PRIMARY KEY (origin, reason)
);

CREATE TABLE provenance (
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id),
    origin     TEXT NOT NULL,
    fetched    TEXT COLLATE "C",
    format     TEXT NOT NULL, -- how raw is encoded
    raw        BYTEA NOT NULL
);

-- Story lineage: links to a merged story lead to the story it became.
CREATE TABLE story_aliases (
    from_id TEXT COLLATE "C" PRIMARY KEY,
    into_id TEXT COLLATE "C" NOT NULL,
    merged  TEXT NOT NULL
);

CREATE INDEX story_aliases_into ON story_aliases (into_id);

-- Followed feeds with their polling state, and the keys of the items
-- already handed to the pipeline.
CREATE TABLE feeds (
    url              TEXT COLLATE "C" PRIMARY KEY,
    title            TEXT NOT NULL DEFAULT '',
    site_url         TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL DEFAULT '',
    added            TEXT COLLATE "C" NOT NULL,
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    last_poll        TEXT COLLATE "C",            -- NULL: never polled
    next_poll        TEXT COLLATE "C",            -- NULL: due now
    interval_seconds BIGINT NOT NULL DEFAULT 0,
    errors           INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
    last_error       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
    feed_url TEXT COLLATE "C" NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
    item_key TEXT COLLATE "C" NOT NULL,
    seen     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);

CREATE INDEX feed_items_seen ON feed_items (feed_url, seen);
