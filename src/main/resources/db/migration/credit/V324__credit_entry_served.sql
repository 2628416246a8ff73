-- The day the decision behind a penalty entry was served on the party (送达; for a 公告送达 the day it is deemed
-- served), or for a past case's decision served off the platform its decision day: an objection (异议, the party's
-- request to have its record repaired, 快递业信用管理暂行办法(2017) art.18) is taken only once the party holds the
-- decision (行政处罚法(2021) art.61). Entries taken in at the decision before they waited for the delivery get the day
-- the case records (NULL while it is not served: refused until its delivery is heard); inspection entries keep NULL.
ALTER TABLE credit_entry ADD COLUMN served_on date;
UPDATE credit_entry e
   SET served_on = CASE WHEN c.imported THEN coalesce(c.delivered_on, c.decided_on, e.occurred_on) ELSE c.delivered_on END
  FROM penalty_case c
 WHERE e.source = 'PENALTY' AND e.source_ref = 'penalty:' || c.id;
