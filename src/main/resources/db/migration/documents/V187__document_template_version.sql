-- The administrator's replacements of the .docx templates the platform fills (documents.DocumentTemplates): each
-- upload of a replacement is a row with its file (content, its SHA-256 and size, the uploaded name), and so is each
-- return to the built-in template (content NULL). The newest row of a template key is in force; no row means the
-- built-in template. Rows are never changed or removed, so every earlier replacement stays readable: what a document
-- issued on a given day was filled from, and a version to go back to.
CREATE TABLE document_template_version (
    id           bigserial    PRIMARY KEY,
    template_key varchar(100) NOT NULL,
    content      bytea,
    sha256       char(64),
    size_bytes   integer,
    file_name    varchar(200),
    changed_by   varchar(100) NOT NULL,
    changed_at   timestamptz  NOT NULL,
    note         varchar(500),
    CHECK ((content IS NULL) = (sha256 IS NULL) AND (content IS NULL) = (size_bytes IS NULL)
        AND (content IS NULL) = (file_name IS NULL))
);
CREATE INDEX document_template_version_key ON document_template_version (template_key, id DESC);
