-- Images and PDFs filed with a complaint (checked by content and size on upload).
CREATE TABLE complaint_attachment (
    id           bigserial PRIMARY KEY,
    complaint_id bigint       NOT NULL REFERENCES complaint (id) ON DELETE CASCADE,
    file_name    varchar(200) NOT NULL,
    content_type varchar(40)  NOT NULL,
    size_bytes   integer      NOT NULL,
    content      bytea        NOT NULL,
    created_at   timestamptz  NOT NULL
);
CREATE INDEX complaint_attachment_complaint ON complaint_attachment (complaint_id);
