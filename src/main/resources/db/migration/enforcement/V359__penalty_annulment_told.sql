-- A decision revoked or declared invalid (撤销, 确认无效) is no longer executed, and the party holding it is told so at
-- once (行政处罚法(2021) art.48, 75): since the last session also one served by public notice (公告送达) and annulled while
-- the notice ran. One annulled so before then was never told. The day the party was told (or found told) is kept here:
-- enforcement.internal.AnnulmentNotices tells, at startup, every annulled decision whose public notice is on record and
-- which has no day here yet — once, and idempotently (the notification's key is the live one's, so a party already
-- told is not told twice).
ALTER TABLE penalty_case ADD COLUMN annulment_told_on date;
