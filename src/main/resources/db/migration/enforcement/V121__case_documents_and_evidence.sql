-- The documents of a penalty case (issue 15): every document a step produces (立案审批表, 询问笔录, 现场检查（勘验）笔录,
-- 案件调查终结报告, 法制审核意见书, 行政处罚事先告知书, 听证告知书/通知书/笔录, 行政处罚决定书, 送达回证, 结案报告,
-- 当场行政处罚决定书, 案件移送书, 延期（分期）缴纳罚款批准书) with its 文号, kept as a .docx in the documents module
-- (attachment of owner type penalty_case). A reissued document is a new version with the same 文号; the one it
-- replaces stays, marked superseded_by.
CREATE TABLE penalty_case_document (
    id             bigserial PRIMARY KEY,
    case_id        bigint       NOT NULL REFERENCES penalty_case (id),
    kind           varchar(24)  NOT NULL,
    number         varchar(60)  NOT NULL,
    version        integer      NOT NULL DEFAULT 1,
    evidence_id    bigint,
    attachment_id  bigint       NOT NULL,
    file_name      varchar(200) NOT NULL,
    issued_on      date         NOT NULL,
    issued_by      varchar(100) NOT NULL,
    reissue_reason varchar(500),
    superseded_by  bigint REFERENCES penalty_case_document (id),
    created_at     timestamptz  NOT NULL
);
CREATE INDEX penalty_case_document_case ON penalty_case_document (case_id);

-- 调查取证: the evidence list. Each item is collected by at least two of the case's investigators (行政处罚法(2021)
-- art.42, 55), named with their certificate numbers; its file (a scan, a photo) is an attachment of the case (kind
-- EVIDENCE) whose id is kept here. Audio and video are described by their storage medium (the attachment store takes
-- images and PDFs only).
CREATE TABLE penalty_case_evidence (
    id            bigserial PRIMARY KEY,
    case_id       bigint        NOT NULL REFERENCES penalty_case (id),
    kind          varchar(16)   NOT NULL CHECK (kind IN ('INQUIRY_RECORD', 'SITE_RECORD', 'DOCUMENTARY', 'PHOTO', 'AUDIO', 'VIDEO')),
    title         varchar(200)  NOT NULL,
    content       varchar(4000),
    place         varchar(200),
    subject       varchar(100),
    collected_on  date          NOT NULL,
    collected_by  varchar(400)  NOT NULL,
    attachment_id bigint,
    created_by    varchar(100)  NOT NULL,
    created_at    timestamptz   NOT NULL
);
CREATE INDEX penalty_case_evidence_case ON penalty_case_evidence (case_id);
