-- 0003: followed feeds with their polling state, and the keys of the feed
-- items already handed to the pipeline (so a poll skips them cheaply).

CREATE TABLE feeds (
    url              TEXT PRIMARY KEY,
    title            TEXT NOT NULL DEFAULT '',
    site_url         TEXT NOT NULL DEFAULT '',
    category         TEXT NOT NULL DEFAULT '',
    added            TEXT NOT NULL,
    etag             TEXT NOT NULL DEFAULT '',
    last_modified    TEXT NOT NULL DEFAULT '',
    last_poll        TEXT,                        -- NULL: never polled
    next_poll        TEXT,                        -- NULL: due now
    interval_seconds INTEGER NOT NULL DEFAULT 0,
    errors           INTEGER NOT NULL DEFAULT 0,  -- consecutive failed polls
    last_error       TEXT NOT NULL DEFAULT ''
);

CREATE TABLE feed_items (
    feed_url TEXT NOT NULL REFERENCES feeds (url) ON DELETE CASCADE,
    item_key TEXT NOT NULL,
    seen     TEXT NOT NULL,
    PRIMARY KEY (feed_url, item_key)
);

CREATE INDEX feed_items_seen ON feed_items (feed_url, seen);
