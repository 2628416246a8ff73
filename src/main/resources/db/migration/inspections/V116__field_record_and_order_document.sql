-- The field record made on the platform (issue 14): the time of day, the enterprise representative who attended, and
-- the result of every checklist line of every item checked (符合 / 不符合 / 不涉及). Photos and signatures are
-- attachments of the record (documents module, owner type inspection_record). A record made for a drawn target
-- names its plan (plan_id exists since V110).
ALTER TABLE inspection_record
    ADD COLUMN inspected_at   time,
    ADD COLUMN representative varchar(50);

CREATE TABLE inspection_record_line (
    record_id bigint       NOT NULL REFERENCES inspection_record (id) ON DELETE CASCADE,
    item_code varchar(40)  NOT NULL,
    position  integer      NOT NULL,
    line      varchar(200) NOT NULL,
    result    varchar(14)  NOT NULL CHECK (result IN ('COMPLIANT', 'NONCOMPLIANT', 'NOT_APPLICABLE')),
    PRIMARY KEY (record_id, item_code, position)
);

-- The 责令改正通知书 as issued: the legal basis cited (from the items' articles and the rule catalogue), the .docx kept
-- in the documents module (attachment of owner type rectification_order, kind ORDER_DOCUMENT), and the re-inspection's
-- result: RECTIFIED, or NOT_RECTIFIED (the order becomes a case lead that day).
ALTER TABLE rectification_order
    ADD COLUMN basis               varchar(1000),
    ADD COLUMN reinspected_on      date,
    ADD COLUMN reinspection_result varchar(14) CHECK (reinspection_result IN ('RECTIFIED', 'NOT_RECTIFIED')),
    ADD COLUMN reinspection_note   varchar(500);
