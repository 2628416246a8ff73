-- One open pause (中止计时) per case: the service refuses a second while one lasts (422 rule already-suspended), and
-- this index keeps it so for every writer (a racing request, an import, a script). A second open one met here is a
-- 409 naming the field and rule (rule duplicate).
--
-- Rows written before the index cannot break it unless a case already has several open pauses, which the service never
-- allowed but nothing stopped below it. Resolved deterministically and without changing any case's clock: the
-- earliest open pause (started_on, then id — the one the service treats as the ongoing one) stays open; every later one
-- lies wholly inside it (it lasts until today too), so it is ended on its own first day, a day the kept pause already
-- covers (days shared by pauses count once, 邮政行政执法监督办法(2021) art.17).
UPDATE penalty_case_suspension s
SET ended_on = s.started_on
WHERE s.ended_on IS NULL
  AND EXISTS (SELECT 1 FROM penalty_case_suspension e
              WHERE e.case_id = s.case_id AND e.ended_on IS NULL
                AND (e.started_on, e.id) < (s.started_on, s.id));

CREATE UNIQUE INDEX penalty_case_suspension_one_open ON penalty_case_suspension (case_id) WHERE ended_on IS NULL;
