-- 0014: an article's sequence number on the shared work queue (NULL when
-- it did not come through one): of exact duplicates still pending, the
-- one queued first is kept, whichever worker stored first (#15).

ALTER TABLE articles ADD COLUMN queue_seq BIGINT;
