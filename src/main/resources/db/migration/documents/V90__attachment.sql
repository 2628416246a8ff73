-- One attachment store for every module (documents module): a file checked by content and size on upload, kept
-- encrypted (content_cipher: AES-256-GCM under the data key, outside the database, bound to the row's id), with an
-- owner reference (module, owner type, owner id, kind). The owning module decides who may read it.
-- A provisional upload (a form that failed validation keeps its files) has no owner id yet: it is held for the draft
-- token of the user who uploaded it until it expires (a scheduled job removes it) or the form succeeds.
-- legacy_id is the id the file had in its module's own table before V90, so links issued before stay valid.
CREATE TABLE attachment (
    id             bigserial    PRIMARY KEY,
    module         varchar(40)  NOT NULL,
    owner_type     varchar(40)  NOT NULL,
    owner_id       bigint,
    kind           varchar(40)  NOT NULL,
    file_name      varchar(200) NOT NULL,
    content_type   varchar(60)  NOT NULL,
    size_bytes     integer      NOT NULL,
    content_cipher bytea        NOT NULL,
    uploaded_at    timestamptz  NOT NULL,
    legacy_id      bigint,
    draft          varchar(64),
    draft_holder   varchar(100),
    expires_at     timestamptz,
    CHECK ((owner_id IS NULL) = (draft IS NOT NULL)),
    CHECK ((draft IS NULL) = (expires_at IS NULL) AND (draft IS NULL) = (draft_holder IS NULL))
);
CREATE INDEX attachment_owner_idx ON attachment (module, owner_type, owner_id) WHERE owner_id IS NOT NULL;
CREATE INDEX attachment_draft_idx ON attachment (draft) WHERE draft IS NOT NULL;
CREATE INDEX attachment_expiry_idx ON attachment (expires_at) WHERE expires_at IS NOT NULL;
CREATE UNIQUE INDEX attachment_legacy_idx ON attachment (module, legacy_id) WHERE legacy_id IS NOT NULL;

-- The three module tables' rows wait here (clear) for V91, which encrypts them into attachment and drops this table
-- (a dropped table's files are removed, so no clear copy stays behind in live rows).
CREATE TABLE attachment_moving (
    module       varchar(40)  NOT NULL,
    owner_type   varchar(40)  NOT NULL,
    owner_id     bigint       NOT NULL,
    kind         varchar(40)  NOT NULL,
    file_name    varchar(200) NOT NULL,
    content_type varchar(60)  NOT NULL,
    size_bytes   integer      NOT NULL,
    content      bytea        NOT NULL,
    uploaded_at  timestamptz  NOT NULL,
    legacy_id    bigint       NOT NULL
);
INSERT INTO attachment_moving (module, owner_type, owner_id, kind, file_name, content_type, size_bytes, content, uploaded_at, legacy_id)
SELECT 'filing', 'outlet_filing', filing_id, kind, file_name, content_type, size_bytes, content, uploaded_at, id
FROM filing_attachment;
INSERT INTO attachment_moving (module, owner_type, owner_id, kind, file_name, content_type, size_bytes, content, uploaded_at, legacy_id)
SELECT 'complaints', 'complaint', complaint_id, 'EVIDENCE', file_name, content_type, size_bytes, content, created_at, id
FROM complaint_attachment;
INSERT INTO attachment_moving (module, owner_type, owner_id, kind, file_name, content_type, size_bytes, content, uploaded_at, legacy_id)
SELECT 'workplans', 'work_progress', progress_id, 'PROGRESS', file_name, content_type, size_bytes, content, created_at, id
FROM work_progress_attachment;
DROP TABLE filing_attachment;
DROP TABLE complaint_attachment;
DROP TABLE work_progress_attachment;
