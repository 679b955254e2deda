-- 0002: roundup passages (SQLite's 0006). An article that covers several
-- stories (a daily digest, a blog roundup) belongs to its story only
-- through some parts of its text: passages holds them as a JSON list of
-- [start, end] byte ranges of body (kept as text, as store.EncodePassages
-- wrote it), NULL when all of the text belongs (the usual case). It goes
-- with the assignment: MergeStory keeps it, ResetStories and a new body
-- clear it.

ALTER TABLE articles ADD COLUMN passages TEXT;
