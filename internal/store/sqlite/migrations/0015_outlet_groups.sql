-- 0014: the operator's outlet labels (outlet, dimension, value), read
-- against story_sources by source for coverage bars and blindspots; the
-- labels' version joins each story's version, so that cached story pages
-- change with an import.

CREATE TABLE outlet_groups (
    dimension TEXT NOT NULL,
    outlet    TEXT NOT NULL,
    value     TEXT NOT NULL,
    PRIMARY KEY (dimension, outlet)
) WITHOUT ROWID;

CREATE INDEX outlet_groups_outlet ON outlet_groups (outlet, dimension, value);

CREATE TABLE outlet_groups_version (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL
);
INSERT INTO outlet_groups_version (id, version) VALUES (1, 0);
