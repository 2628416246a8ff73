-- 公告送达 (民事诉讼法(2023) art.95): a decision served by public notice takes effect on the day it is deemed served,
-- thirty days after publication; its PenaltyDelivered (licence revoked on a 吊销, credit entry) is published on that day
-- by the daily job enforcement.deemed-services, not when the publication is recorded. The day it was published is kept
-- here, so it is published once. Decisions served by public notice before this had it published when the
-- publication was recorded: they are marked told, so none is published twice. (Applied out of order on a database that
-- has V295's delivery_published_on; on a new one V295 comes later, with no row to mark.)
ALTER TABLE penalty_case ADD COLUMN deemed_service_told_on date;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema()
               AND table_name = 'penalty_case' AND column_name = 'delivery_published_on') THEN
        EXECUTE 'UPDATE penalty_case SET deemed_service_told_on = delivery_published_on'
            ' WHERE delivery_published_on IS NOT NULL AND NOT imported';
    END IF;
END
$$;
