-- 退回调查 ends a round (调查终结, 法制审核, 事先告知, 听证): the documents of that round — 调查终结报告, 法制审核意见书,
-- 事先告知书, 听证告知书, 听证通知书, 听证笔录 — stay with the case as issued but are no longer its documents in force;
-- each is marked with the return that ended its round (a later reissue still keeps it as predecessor, superseded_by).
ALTER TABLE penalty_case_document ADD COLUMN returned_by bigint REFERENCES penalty_case_return (id);

-- documents issued before a return: the first return after them ended their round
UPDATE penalty_case_document d
SET returned_by = (SELECT r.id FROM penalty_case_return r WHERE r.case_id = d.case_id AND r.created_at > d.created_at
                   ORDER BY r.created_at, r.id LIMIT 1)
WHERE d.kind IN ('INVESTIGATION_REPORT', 'REVIEW_OPINION', 'PRIOR_NOTICE', 'HEARING_RIGHT_NOTICE', 'HEARING_NOTICE',
                 'HEARING_RECORD')
  AND EXISTS (SELECT 1 FROM penalty_case_return r WHERE r.case_id = d.case_id AND r.created_at > d.created_at);
