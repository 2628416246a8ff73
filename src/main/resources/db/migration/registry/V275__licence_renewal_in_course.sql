-- A renewal (延续) accepted before a licence's expiry and not decided by then counts as granted (视为准予延续,
-- 行政许可法(2019) art.50): the licence stays in force past its recorded expiry until the decision. The registry keeps
-- the day such a renewal was accepted (told by licensing, RenewalAccepted; cleared when it is approved or refused), and a
-- licence past its expiry with a renewal accepted on or before it reads 有效, not 已过期.
ALTER TABLE express_licence ADD COLUMN renewal_accepted_on date;
