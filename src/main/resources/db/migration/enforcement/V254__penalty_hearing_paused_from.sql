-- The first day a requested hearing stops the decision clock (邮政行政执法监督办法(2021) art.17): the party's request day
-- when the request is recorded while the limit runs; NULL when it is recorded only after the limit had passed — the
-- hearing goes ahead (the party's right), but a request entered late with an earlier date does not revive an overdue
-- case. Requests recorded before this column existed are taken as recorded in time (their day was all that was kept).
ALTER TABLE penalty_case ADD COLUMN hearing_paused_from DATE;
UPDATE penalty_case SET hearing_paused_from = hearing_requested_on WHERE hearing_requested_on IS NOT NULL;
