-- The ground a 不予行政处罚决定 rests on (NoPenaltyGround: 行政处罚法(2021) art.33), which its 不予行政处罚决定书 cites.
-- Cases ended without penalty before this column existed keep none (their decision was not issued on the platform).
ALTER TABLE penalty_case ADD COLUMN no_penalty_ground VARCHAR(30);
