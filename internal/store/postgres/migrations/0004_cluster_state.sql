-- 0004: the clusterer's saved state (SQLite's 0008): cluster.Snapshot and
-- the assignment sequence number it covers, written with the clustering
-- decisions it follows (ApplyClustering), deleted by ResetStories.

CREATE TABLE cluster_state (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   BIGINT NOT NULL,
    data  BYTEA NOT NULL,
    saved TIMESTAMPTZ NOT NULL
);
