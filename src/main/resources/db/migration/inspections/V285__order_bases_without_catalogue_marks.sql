-- 责令改正通知书 issued before orders cited law only (4100772e, 2026-12-04) kept as their basis the rule catalogue's
-- basis of the items' rules: the 建制村通邮 item's rule universal.delivery.village added
-- "、邮政法(2015) 第19条；地方实践（未确认）". Both sides read an order's basis (the enterprise on its portal and API), and an
-- enterprise must never read the catalogue's working marks. They are taken out of the kept text, as
-- StatutoryRule.basisFor(Audience.OUTSIDE) renders a basis: the legal texts stay. The .docx issued then is the document
-- as served and stays as it is.
UPDATE rectification_order
SET basis = regexp_replace(basis,
        '[；、](地方实践（未确认）|产品规则（非法律规定，可配置）|邮政行业统计报表制度（未确认，可配置）|双公示制度（全国通行做法）)', '', 'g')
WHERE basis ~ '(地方实践（未确认）|产品规则（非法律规定，可配置）|邮政行业统计报表制度（未确认，可配置）|双公示制度（全国通行做法）)';
