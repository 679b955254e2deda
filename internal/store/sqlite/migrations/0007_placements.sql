-- 0007: extra placements of roundups. An article that covers several
-- stories has its own story in articles (story_id, event_id, passages)
-- and one row here for each other story it covers, with the event and
-- passages (a JSON list of [start, end] byte ranges of body, never empty)
-- about that story. The article appears in each such story: it counts in
-- the story's aggregates and events and is listed with it. Rows go with
-- the assignment: Assign replaces them, MergeStory moves them, a new
-- body and ResetStories delete them.

CREATE TABLE placements (
    article_id TEXT NOT NULL REFERENCES articles (id),
    story_id   TEXT NOT NULL REFERENCES stories (id),
    event_id   TEXT,
    passages   TEXT NOT NULL,
    PRIMARY KEY (article_id, story_id)
);

CREATE INDEX placements_story ON placements (story_id);
