-- 0008: login sessions and API keys (as SQLite's 0012). Only hashes of
-- the cookie tokens and keys are stored; times are fixed-width UTC text.
CREATE TABLE sessions (
    id      TEXT COLLATE "C" PRIMARY KEY,
    csrf    TEXT NOT NULL,
    created TEXT COLLATE "C" NOT NULL,
    expires TEXT COLLATE "C" NOT NULL
);
CREATE INDEX sessions_expires ON sessions (expires);

CREATE TABLE api_keys (
    name    TEXT COLLATE "C" PRIMARY KEY,
    hash    TEXT COLLATE "C" NOT NULL UNIQUE,
    created TEXT COLLATE "C" NOT NULL
);
