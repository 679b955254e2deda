-- 0009: saved follows, their feed entries and webhook deliveries (as
-- SQLite's 0013). next_at is NULL once a delivery is made or given up.

CREATE TABLE follows (
    id             BIGSERIAL PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    target         TEXT NOT NULL,
    webhook_url    TEXT NOT NULL DEFAULT '',
    webhook_secret TEXT NOT NULL DEFAULT '',
    created        TEXT COLLATE "C" NOT NULL,
    seen_at        TEXT COLLATE "C" NOT NULL
);

CREATE TABLE follow_entries (
    follow_id BIGINT NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    entry_id  TEXT COLLATE "C" NOT NULL,
    title     TEXT NOT NULL,
    path      TEXT NOT NULL,
    updated   TEXT COLLATE "C" NOT NULL,
    seen      TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (follow_id, entry_id)
);
CREATE INDEX follow_entries_seen ON follow_entries (follow_id, seen);

CREATE TABLE deliveries (
    id           BIGSERIAL PRIMARY KEY,
    follow_id    BIGINT NOT NULL REFERENCES follows (id) ON DELETE CASCADE,
    entries      TEXT NOT NULL,
    created      TEXT COLLATE "C" NOT NULL,
    attempts     INTEGER NOT NULL DEFAULT 0,
    next_at      TEXT COLLATE "C",
    last_error   TEXT NOT NULL DEFAULT '',
    last_attempt TEXT COLLATE "C",
    delivered    TEXT COLLATE "C"
);
CREATE INDEX deliveries_due ON deliveries (next_at) WHERE next_at IS NOT NULL;
CREATE INDEX deliveries_follow ON deliveries (follow_id, id);
