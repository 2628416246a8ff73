-- 责令停业整顿 is proposed and decided as a length in days, counted from the day after the 行政处罚决定书 is delivered
-- (attack 27 M1): the 事先告知书 must state the period the party is told of (行政处罚法(2021) art.44), the decision may
-- not exceed it (art.45), and a 决定书 printed before delivery cannot name calendar days that begin after delivery.
-- suspension_from/suspension_until keep the actual days, fixed when the decision is delivered.
ALTER TABLE penalty_case ADD COLUMN proposed_suspension_days integer CHECK (proposed_suspension_days > 0);
ALTER TABLE penalty_case ADD COLUMN suspension_days integer CHECK (suspension_days > 0);
-- decisions made before keep the first and last day they stated (suspension_days NULL): their documents print those.
