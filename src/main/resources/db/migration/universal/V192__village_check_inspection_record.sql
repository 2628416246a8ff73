-- A 通邮 check recorded on the platform is also an inspection record (issue 18: "records reuse the inspection record"),
-- made in the same transaction by inspections.InspectionRecords: a 普遍服务监督检查 of the postal enterprise serving the
-- village, placed in the village's region, so 检查企业N家 / 出检N人次 count it. Past checks brought in by the import
-- carry no inspection record (null): a bureau's past inspections come with the inspections import and its orders.
ALTER TABLE village_check ADD COLUMN inspection_record_id bigint REFERENCES inspection_record (id);
CREATE UNIQUE INDEX village_check_inspection_record ON village_check (inspection_record_id)
    WHERE inspection_record_id IS NOT NULL;

-- The inspections side, in this migration because the task that brought it had this one version: the kind
-- 普遍服务监督检查 and the 抽查事项 建制村通邮 (邮政法(2015) art.15: the postal enterprise provides the universal
-- service; art.19: the delivery frequency; the province's village rule).
ALTER TABLE inspection_record DROP CONSTRAINT inspection_record_kind_check;
ALTER TABLE inspection_record ADD CONSTRAINT inspection_record_kind_check
    CHECK (kind IN ('RANDOM', 'SPECIAL', 'SUPERVISION', 'COMPLAINT', 'UNIVERSAL'));

INSERT INTO inspection_item (code, name, object_type, method, legal_text, article, rule_code, checklist, sort_order) VALUES
('VILLAGE_DELIVERY', '建制村通邮', 'POST_OFFICE', 'ON_SITE', 'POSTAL_LAW', 19, 'universal.delivery.village',
 ARRAY['按建制村通邮档案的通邮方式投递到村', '投递频次不低于本省规定', '邮件交接记录完整', '邮件按址投递，无积压、延误'], 130);
