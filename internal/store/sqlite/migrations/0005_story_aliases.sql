-- 0005: story lineage. When clustering merges story from_id into into_id
-- (the older story), links to from_id must keep working: the web layer
-- redirects them to into_id. into_id is always the final successor: a
-- later merge of into_id re-points its aliases.

CREATE TABLE story_aliases (
    from_id TEXT PRIMARY KEY,
    into_id TEXT NOT NULL,
    merged  TEXT NOT NULL -- when, RFC 3339
);

CREATE INDEX story_aliases_into ON story_aliases (into_id);
