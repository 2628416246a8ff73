-- The day of the first 听证通知 of the current notice round: a new notice (改期) may move the hearing no later than the
-- catalogue's penalty.hearing-latest counted from this day, so that repeated notices cannot keep the decision clock
-- paused (邮政行政执法监督办法(2021) art.17) without end. Cleared with the rest of the round on 退回调查. Cases noticed
-- before this column existed count from their latest notice (the earlier days were not kept on the case).
ALTER TABLE penalty_case ADD COLUMN hearing_first_notified_on DATE;
UPDATE penalty_case SET hearing_first_notified_on = hearing_notified_on WHERE hearing_notified_on IS NOT NULL;
