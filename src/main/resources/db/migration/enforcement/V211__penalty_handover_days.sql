-- 并处: a decision may impose a fine and confiscate beside it, so the days it fixed to pay the fine (penalty.payment,
-- 行政处罚法(2021) art.67) and the days to hand over what it confiscates (penalty.confiscation-handover) are kept apart.
-- Until now payment_days held the handover days of a CONFISCATION decision (which carried no fine of its own).
ALTER TABLE penalty_case ADD COLUMN handover_days integer CHECK (handover_days >= 0);
UPDATE penalty_case SET handover_days = payment_days WHERE penalty = 'CONFISCATION' AND payment_days IS NOT NULL;
