-- 送达方式 of the 行政处罚决定书 (行政处罚法(2021) art.61, by the 民事诉讼法's rules of service): the 送达回证 stated
-- 直接送达 whatever happened. The method is recorded at the 送达 step, with the note its method needs (留置: 拒收事由
-- and witnesses; 电子: the fax or e-mail address the party confirmed in writing; 委托: the entrusted body; 公告: where
-- published). Decisions delivered before keep NULL: their method was never recorded, and the page and a reissued
-- 送达回证 say so rather than guess.
ALTER TABLE penalty_case ADD COLUMN delivery_method varchar(20)
    CHECK (delivery_method IN ('DIRECT', 'LEFT_AT_ADDRESS', 'POSTAL', 'ELECTRONIC', 'ENTRUSTED', 'PUBLIC_NOTICE'));
ALTER TABLE penalty_case ADD COLUMN delivery_note varchar(200);
