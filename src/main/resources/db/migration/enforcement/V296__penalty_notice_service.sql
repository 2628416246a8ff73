-- 送达 of the 事先告知书 (行政处罚法(2021) art.44, served by art.61's rules): the day it was served and the method, with
-- the note the method needs and, for 公告送达, the day the notice was published (deemed served thirty days later,
-- 民事诉讼法(2023) art.95: notice_served_on is then the deemed day). The 陈述申辩/听证 window (hearing_request_due) runs
-- from notice_served_on on the working-day calendar. Notices recorded before, or without their service, keep NULL: the
-- window ran from the notice's day, as they were told.
ALTER TABLE penalty_case ADD COLUMN notice_served_on date;
ALTER TABLE penalty_case ADD COLUMN notice_delivery_method varchar(20)
    CHECK (notice_delivery_method IN ('DIRECT', 'LEFT_AT_ADDRESS', 'POSTAL', 'ELECTRONIC', 'ENTRUSTED', 'PUBLIC_NOTICE'));
ALTER TABLE penalty_case ADD COLUMN notice_delivery_note varchar(200);
ALTER TABLE penalty_case ADD COLUMN notice_published_on date;
ALTER TABLE penalty_case ADD CONSTRAINT penalty_case_notice_published_on_public_notice
    CHECK (notice_published_on IS NULL OR notice_delivery_method = 'PUBLIC_NOTICE');
