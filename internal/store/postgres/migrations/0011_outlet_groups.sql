-- 0010: the operator's outlet labels (as SQLite's 0014), read against
-- story_sources by source for coverage bars and blindspots; the labels'
-- version joins each story's version, so cached story pages change with
-- an import.

CREATE TABLE outlet_groups (
    dimension TEXT COLLATE "C" NOT NULL,
    outlet    TEXT COLLATE "C" NOT NULL,
    value     TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (dimension, outlet)
);

CREATE INDEX outlet_groups_outlet ON outlet_groups (outlet, dimension, value);

CREATE TABLE outlet_groups_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version BIGINT NOT NULL
);
INSERT INTO outlet_groups_version (id, version) VALUES (1, 0);
