-- The 行政复议机关 a decision names in its remedies (行政处罚法(2021) art.59(五); 行政复议法(2023) art.27: the deciding
-- bureau's 上一级主管部门) is the one named when the decision was made: a reissued or re-rendered 决定书 (a 文号
-- corrected, a 变更 noted, a lost copy drawn again) states what the party was told, not the bureau above as the
-- platform holds it today (renamed, re-parented). Kept with the other terms the decision fixed (V202).
-- Decisions made before this column keep NULL: their documents fall back to today's body, the only one they can name.
ALTER TABLE penalty_case ADD COLUMN review_body text;
