-- 0012: login sessions and API keys (store.Auth). Only hashes of the
-- cookie tokens and keys are stored; times are fixed-width UTC text, so
-- expires compares as time.
CREATE TABLE sessions (
    id      TEXT PRIMARY KEY,
    csrf    TEXT NOT NULL,
    created TEXT NOT NULL,
    expires TEXT NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires);

CREATE TABLE api_keys (
    name    TEXT PRIMARY KEY,
    hash    TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
