-- Each text an enterprise (or the bureau's staff) submits on an open ledger record — a hazard's rectification, an
-- incident's follow-up — kept as submitted: the note, the names of the files sent with it, when and by whom. The
-- record's own column (safety_hazard.rectification, safety_incident.follow_up) stays the latest; before this table a
-- second submission replaced the first out of view (attack: POST …/hazards/2/rectification twice).
CREATE TABLE safety_ledger_submission (
    id           BIGSERIAL     PRIMARY KEY,
    ledger       VARCHAR(40)   NOT NULL CHECK (ledger IN ('safety_hazard', 'safety_incident')),
    record_id    BIGINT        NOT NULL,
    note         VARCHAR(2000),
    file_names   VARCHAR(4000),
    submitted_at TIMESTAMPTZ,
    submitted_by VARCHAR(100),
    CHECK ((submitted_at IS NULL) = (submitted_by IS NULL))
);

CREATE INDEX safety_ledger_submission_record ON safety_ledger_submission (ledger, record_id, id);

-- the text a record holds now was submitted before submissions were kept: one row, its time and author not recorded
INSERT INTO safety_ledger_submission (ledger, record_id, note)
SELECT 'safety_hazard', id, rectification FROM safety_hazard WHERE rectification IS NOT NULL ORDER BY id;
INSERT INTO safety_ledger_submission (ledger, record_id, note)
SELECT 'safety_incident', id, follow_up FROM safety_incident WHERE follow_up IS NOT NULL ORDER BY id;
