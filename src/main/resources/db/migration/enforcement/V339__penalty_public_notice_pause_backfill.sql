-- A 事先告知书 served by public notice (公告送达) pauses the decision limit for its 公告 period (邮政行政执法监督办法(2021)
-- art.17: 公告期间不计入), from the day published to the day before it is deemed served (民事诉讼法(2023) art.95) — done
-- by the notice's step since the automatic pause came in. A notice served so before then has no pause and its case a
-- decision limit that ignores the period. Such cases are marked here; at the next start
-- enforcement.internal.PublicNoticePauseBackfill enters the pause by the step's own rule and counts the limit again on
-- the working-day calendar with the rule catalogue's values (neither of which SQL has), then clears the mark.
ALTER TABLE penalty_case ADD COLUMN public_notice_pause_due boolean NOT NULL DEFAULT false;
UPDATE penalty_case c SET public_notice_pause_due = TRUE
WHERE c.notice_published_on IS NOT NULL AND c.notice_served_on > c.notice_published_on
  AND NOT EXISTS (SELECT 1 FROM penalty_case_suspension s WHERE s.case_id = c.id AND s.kind = 'PUBLIC_NOTICE'
                  AND s.started_on = c.notice_published_on);
CREATE INDEX penalty_case_public_notice_pause_due ON penalty_case (id) WHERE public_notice_pause_due;
