-- 0008: the clusterer's saved state (cluster.Snapshot), so that a process
-- starts from it instead of replaying every stored article. One row: the
-- state and the assignment sequence number it covers. It is written in
-- the transaction of the clustering decisions it follows
-- (ApplyClustering), and deleted with them (ResetStories).

CREATE TABLE cluster_state (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    seq   INTEGER NOT NULL,
    data  BLOB NOT NULL,
    saved TEXT NOT NULL -- when, RFC 3339
);
