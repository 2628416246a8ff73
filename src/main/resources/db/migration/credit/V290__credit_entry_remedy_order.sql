-- The newest remedy (变更/撤销/确认无效 by 复议, 诉讼 or 纠正) an entry has taken in, so that an older one delivered
-- again later (the event registry retries) does not propose its correction over the newer one's: its order among the
-- case's outcomes (the outcome's id, in the order they were recorded; NULL for one taken in before it was carried)
-- and its day.
ALTER TABLE credit_entry ADD COLUMN remedy_sequence bigint;
ALTER TABLE credit_entry ADD COLUMN remedy_on date;
