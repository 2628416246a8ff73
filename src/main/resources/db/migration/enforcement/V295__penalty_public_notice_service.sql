-- 公告送达 (民事诉讼法(2023) art.95, applied by 行政处罚法(2021) art.61): a document served by public notice is deemed
-- served thirty days after the notice is published, not on the day it is published. The publication day is kept here;
-- delivered_on is then the deemed day, from which payment, handover, 行政复议 and 行政诉讼 run. Only a public-notice
-- service has one. Decisions served by public notice before this keep the day recorded as their service day (the
-- step asked for "the day served, for 公告送达 the day deemed served"): no publication day was recorded to count from.
ALTER TABLE penalty_case ADD COLUMN delivery_published_on date;
ALTER TABLE penalty_case ADD CONSTRAINT penalty_case_delivery_published_on_public_notice
    CHECK (delivery_published_on IS NULL OR delivery_method = 'PUBLIC_NOTICE');
