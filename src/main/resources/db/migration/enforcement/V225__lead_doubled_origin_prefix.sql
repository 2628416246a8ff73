-- Leads taken in from complaints and unrectified 责令改正 orders put the document's kind in front of a number that
-- already starts with it ("申诉申诉-320506-2026-000001", "责令改正通知书责令改正-320506-2026-000001"). The intake now
-- adds it only when missing; the leads taken in so far, and the facts their cases copied from the lead's summary,
-- read as the intake now writes them (cut: where the text goes on after the first kind). The audit trail keeps what
-- was written then.
UPDATE penalty_lead l
   SET source_detail = CASE WHEN l.source_detail LIKE d.doubled || '%' THEN substr(l.source_detail, d.cut) ELSE l.source_detail END,
       summary = CASE WHEN l.summary LIKE d.doubled || '%' THEN substr(l.summary, d.cut) ELSE l.summary END
  FROM (VALUES ('COMPLAINT', '申诉申诉', 3), ('INSPECTION', '责令改正通知书责令改正', 8)) AS d (source, doubled, cut)
 WHERE l.source = d.source AND (l.source_detail LIKE d.doubled || '%' OR l.summary LIKE d.doubled || '%');

UPDATE penalty_case c SET facts = substr(c.facts, d.cut)
  FROM (VALUES ('COMPLAINT', '申诉申诉', 3), ('INSPECTION', '责令改正通知书责令改正', 8)) AS d (source, doubled, cut)
 WHERE c.source = d.source AND c.facts LIKE d.doubled || '%';
