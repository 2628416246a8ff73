-- The values, notes and 填报说明 of a report as its enterprise last submitted them (报送), apart from the enterprise's
-- working copy (stat_report_value, stat_report.comment): a report returned (已退回) is edited by the enterprise again,
-- and until it is sent again the bureau's lists, report page, API, trail and approval read what was sent, never the
-- edits. Every submission replaces them. A report never submitted in its revision (a draft, a correction's draft) has
-- none.
ALTER TABLE stat_report ADD COLUMN submitted_comment varchar(1000);

CREATE TABLE stat_report_submitted_value (
    report_id      bigint        NOT NULL REFERENCES stat_report (id) ON DELETE CASCADE,
    indicator_code varchar(60)   NOT NULL REFERENCES stat_indicator (code),
    value          numeric(20, 4),
    note           varchar(300),
    PRIMARY KEY (report_id, indicator_code)
);

-- Reports sent before this table: the working copy is what was sent (a report 已报送, 已审核 or 已被更正 cannot be
-- edited). A report 已退回 may have been edited since; its working copy is the nearest there is to what was sent.
INSERT INTO stat_report_submitted_value (report_id, indicator_code, value, note)
SELECT v.report_id, v.indicator_code, v.value, v.note
FROM stat_report_value v JOIN stat_report r ON r.id = v.report_id
WHERE r.status <> 'DRAFT';

UPDATE stat_report SET submitted_comment = comment WHERE status <> 'DRAFT';
