-- 已执行 means everything a decision demands is carried out (CaseExecution.executedOnce): paying the fine of a
-- 没收违法所得并处罚款 decision used to move the case to EXECUTED while the confiscation was still to hand over. Such
-- cases go back to 已送达 (执行中) until the handover is recorded. Imported cases were judged on import already; a
-- decision revoked or confirmed invalid demands nothing more.
UPDATE penalty_case c
SET status = 'DELIVERED'
WHERE c.status = 'EXECUTED'
  AND NOT c.imported
  AND c.decision_annulled_on IS NULL
  AND c.confiscated > 0
  AND NOT EXISTS (SELECT 1 FROM penalty_case_handover h WHERE h.case_id = c.id);
