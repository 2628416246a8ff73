-- An alert's detail as a UI bundle key with its values (finding: the detail was stored as Chinese text only, so an
-- English page showed it in Chinese): detail_key is safety.alert.detail.<kind>, detail_args its values as texts in
-- the key's {0}, {1} … order; the page words it in the reader's language. detail keeps the Chinese (the search, the
-- API, the export and the notification read it).
-- Existing rows get their key and values read back from their Chinese detail, by the shape each rule wrote it in (the
-- two shapes of one rule exclude each other: an outlet's starts 网点, an enterprise's group names 未注明网点); a detail
-- of another shape (cut at 1000 characters mid-value, an older wording) keeps no key and is shown as stored.
-- Written to run again harmlessly (IF NOT EXISTS, only rows without a key).
ALTER TABLE safety_alert ADD COLUMN IF NOT EXISTS detail_key varchar(80);
ALTER TABLE safety_alert ADD COLUMN IF NOT EXISTS detail_args text[];

UPDATE safety_alert a SET detail_key = 'safety.alert.detail.' || s.kind, detail_args = regexp_match(a.detail, s.shape)
FROM (VALUES
    ('PSEUDONYM_ENTERPRISES', 'pseudonymEnterprises',
     '^寄件人（证件假名 (.+?)）(\d{4}-\d{2}-\d{2}) 经 (\d+) 家企业寄件 (\d+) 件：(.*)$'),
    ('PSEUDONYM_VOLUME', 'pseudonymVolume', '^寄件人（证件假名 (.+?)）(\d{4}-\d{2}-\d{2}) 在(.*)寄件 (\d+) 件$'),
    ('COURIER_SELF', 'courierSelf', '^(.*)快递员 (.+?) (\d{4}-\d{2}-\d{2}) 收寄本人证件寄出的快件 (\d+) 件（运单 (.*)）$'),
    ('OUTLET_REAL_NAME', 'outletRealName',
     '^网点 (.*?)（备案编号 (.+?)）(\d{4}-\d{2}-\d{2}) 实名率 ([0-9.]+)%（应实名 (\d+) 件，实名 (\d+) 件）$'),
    ('OUTLET_REAL_NAME', 'noOutletRealName',
     '^(.*) 未注明网点的收寄记录 (\d{4}-\d{2}-\d{2}) 实名率 ([0-9.]+)%（应实名 (\d+) 件，实名 (\d+) 件）$'),
    ('MACHINE_IDLE', 'machineIdle', '^安检机 (.*)（序列号 (.+?)）工作日 (\d{4}-\d{2}-\d{2}) 无过机记录$'),
    ('EXEMPT_SHARE', 'outletExemptShare',
     '^网点 (.*?)（备案编号 (.+?)）(\d{4}-\d{2}-\d{2}) 豁免实名收寄件（协议客户、信件）占比 ([0-9.]+)%（收寄 (\d+) 件，豁免 (\d+) 件）$'),
    ('EXEMPT_SHARE', 'noOutletExemptShare',
     '^(.*) 未注明网点的收寄记录 ?(\d{4}-\d{2}-\d{2}) 豁免实名收寄件（协议客户、信件）占比 ([0-9.]+)%（收寄 (\d+) 件，豁免 (\d+) 件）$')
) AS s (rule, kind, shape)
WHERE a.detail_key IS NULL AND a.rule = s.rule AND a.detail ~ s.shape;
