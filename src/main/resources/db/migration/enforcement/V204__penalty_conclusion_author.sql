-- The staff account that made a case's 调查终结报告: its legal review (法制审核, 行政处罚法 art.58) is made by someone else.
-- Cases concluded before this was kept have none (their investigators are still excluded from reviewing them).
ALTER TABLE penalty_case ADD COLUMN concluded_by_user_id bigint;
