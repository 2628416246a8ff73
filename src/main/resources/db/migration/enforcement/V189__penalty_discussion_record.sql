-- 集体讨论 (行政处罚法(2021) art.57): who of the bureau's heads took part and what they concluded, beside the day
-- (discussed_on, V110) the decision already records. Participants are kept as one text, names joined by 、.
ALTER TABLE penalty_case
    ADD COLUMN discussion_participants text,
    ADD COLUMN discussion_conclusion text;
