-- What the 行政处罚决定书 told the party is what counts: the payment period (行政处罚法(2021) art.67, 15 days), the daily
-- 加处罚款 rate (art.72, 3 %; the total is capped at the fine itself, kept on the case) and the remedies it states
-- (行政复议 within 60 days, 行政复议法(2023) art.20; 行政诉讼 within 6 months, 行政诉讼法(2017) art.46) are fixed on the case
-- when the decision is made, not read again from the rule catalogue at delivery, payment or a reissue: a law changed
-- after the decision does not change the terms the party was given.
ALTER TABLE penalty_case
    ADD COLUMN payment_days integer,
    ADD COLUMN surcharge_percent numeric(5,2),
    ADD COLUMN review_days integer,
    ADD COLUMN litigation_months integer;

-- Cases decided before these columns: the national values in force now (the national bureau's override where it set one,
-- otherwise the statute's value) — the only ones their documents can have stated, since these rules are national only.
UPDATE penalty_case
SET payment_days = COALESCE((SELECT value FROM statutory_rule_override WHERE region_code = '0' AND rule_code = 'penalty.payment'), 15),
    surcharge_percent = COALESCE((SELECT value FROM statutory_rule_override WHERE region_code = '0' AND rule_code = 'penalty.late-surcharge'), 3),
    review_days = COALESCE((SELECT value FROM statutory_rule_override WHERE region_code = '0' AND rule_code = 'remedy.administrative-review'), 60),
    litigation_months = COALESCE((SELECT value FROM statutory_rule_override WHERE region_code = '0' AND rule_code = 'remedy.litigation'), 6)
WHERE decided_on IS NOT NULL;
