-- 复核 of the party's 陈述申辩 (行政处罚法(2021) art.45): the decision records whether the facts, reasons and evidence the
-- party put forward were adopted and why; the 决定书 states this review. Null without a statement (and for decisions
-- made before it was kept).
ALTER TABLE penalty_case
    ADD COLUMN statement_adopted boolean,
    ADD COLUMN statement_review  varchar(2000);
