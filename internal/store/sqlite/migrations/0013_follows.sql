-- 0013: saved follows (a search, an entity or a story watched under a
-- name), the entries their feeds have shown (new ones counted from
-- seen_at) and their webhook deliveries, kept so that retries survive a
-- restart. next_at is NULL once a delivery is made or given up.

CREATE TABLE follows (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    target         TEXT NOT NULL,
    webhook_url    TEXT NOT NULL DEFAULT '',
    webhook_secret TEXT NOT NULL DEFAULT '',
    created        TEXT NOT NULL,
    seen_at        TEXT NOT NULL
);

CREATE TABLE follow_entries (
    follow_id INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    entry_id  TEXT NOT NULL,
    title     TEXT NOT NULL,
    path      TEXT NOT NULL,
    updated   TEXT NOT NULL,
    seen      TEXT NOT NULL,
    PRIMARY KEY (follow_id, entry_id)
);
CREATE INDEX follow_entries_seen ON follow_entries (follow_id, seen);

CREATE TABLE deliveries (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    follow_id    INTEGER NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    entries      TEXT NOT NULL,             -- JSON: the entries sent
    created      TEXT NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      TEXT,                      -- NULL: delivered or given up
    last_error   TEXT NOT NULL DEFAULT '',
    last_attempt TEXT,
    delivered    TEXT
);
CREATE INDEX deliveries_due ON deliveries (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX deliveries_follow ON deliveries (follow_id, id);
