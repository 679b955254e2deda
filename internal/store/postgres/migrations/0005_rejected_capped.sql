-- 0005: rejections capped per input (#19.1; SQLite's 0010). `rejected`
-- keeps the first store.RejectedPerInput rejections of each input (a file,
-- not its lines); rejected_inputs counts them all. Rows stored before are
-- each their own input.

ALTER TABLE rejected ADD COLUMN input TEXT NOT NULL DEFAULT '';
UPDATE rejected SET input = origin;
ALTER TABLE rejected ADD COLUMN seq BIGSERIAL; -- the order recorded
CREATE INDEX rejected_input ON rejected (input, seq);

CREATE TABLE rejected_inputs (
    input TEXT PRIMARY KEY,
    kept  INTEGER NOT NULL, -- rows of this input in rejected
    total BIGINT NOT NULL   -- rejections recorded, kept or not
);
INSERT INTO rejected_inputs (input, kept, total)
    SELECT input, COUNT(*), COUNT(*) FROM rejected GROUP BY input;
