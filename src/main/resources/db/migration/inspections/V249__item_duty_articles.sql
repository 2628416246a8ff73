-- The default inspection items cite the article that lays down the duty checked, not the one that punishes its breach
-- (a 责令改正通知书 reads "违反了…的规定" from these):
-- 分支机构备案: 邮政法(2015) art.54 (快递企业设立分支机构…应当向邮政管理部门备案); art.73 is its penalty.
UPDATE inspection_item SET article = 54 WHERE code = 'BRANCH_FILING' AND bureau_id IS NULL AND legal_text = 'POSTAL_LAW' AND article = 73;
-- 运单与用户信息安全 (快递暂行条例(2025) art.35) is enforced by that regulation's art.54 (fine.waybill-data.*), not by the
-- 邮政法 art.76 fine for selling or leaking user information.
UPDATE inspection_item SET rule_code = 'fine.waybill-data.min' WHERE code = 'WAYBILL_DATA' AND bureau_id IS NULL
    AND rule_code = 'fine.user-information-leak.min';
