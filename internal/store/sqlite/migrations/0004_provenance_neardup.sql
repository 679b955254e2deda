-- 0004: near-duplicate links and provenance.
-- duplicate_of: the article this one is a near-duplicate of (wire copy,
-- syndicated repost), NULL for an original.
-- provenance: where and when each article's input was fetched, and the
-- input itself compressed, so extraction can be rerun without fetching.

ALTER TABLE articles ADD COLUMN duplicate_of TEXT REFERENCES articles (id);

CREATE INDEX articles_duplicate_of ON articles (duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE provenance (
    article_id TEXT PRIMARY KEY REFERENCES articles (id),
    origin     TEXT NOT NULL,
    fetched    TEXT,
    format     TEXT NOT NULL, -- how raw is encoded
    raw        BLOB NOT NULL
);
