-- The default inspection items name the fine rule of the violation type that punishes their breach (as V249 did for
-- 运单与用户信息安全), now that the catalogue holds the types (rules.ViolationType):
-- 快递包装 (duty: 快递暂行条例(2025) packaging chapter, arts.37–45) → PACKAGING, 条例(2025) art.56, ¥5–20 k after a
-- 责令改正 refused;
-- 投诉处理 → COMPLAINT_NON_COOPERATION, 快递市场管理办法(2023) art.55 (警告; serious ≤ ¥3 k);
-- 实名收寄 keeps fine.real-name.min → REAL_NAME, 邮件快件实名收寄管理办法(2018) (¥5–10 k; serious ¥10–30 k).
-- Only the default items (bureau_id IS NULL) still holding the rule they were seeded with: a bureau's edit is kept.
UPDATE inspection_item SET rule_code = 'fine.packaging.min'
WHERE code = 'PACKAGING' AND bureau_id IS NULL AND rule_code IS NULL;
UPDATE inspection_item SET rule_code = 'fine.complaint-non-cooperation.max'
WHERE code = 'COMPLAINT' AND bureau_id IS NULL AND rule_code = 'complaint.prior-complaint-wait';
