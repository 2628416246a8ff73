-- An alert's detail as a UI bundle key with its values (finding: the detail was stored as Chinese text only, so an
-- English page showed it in Chinese): detail_key is safety.alert.detail.<kind>, detail_args its values as texts in
-- the key's {0}, {1} … order; the page words it in the reader's language. detail keeps the Chinese (the search, the
-- API, the export and the notification read it).
-- Existing rows get their key and values read back from their Chinese detail, as each rule wrote it; a detail of
-- another shape (cut at 1000 characters mid-value, an older wording) keeps no key and is shown as stored.
-- Written to run again harmlessly (IF NOT EXISTS, only rows without a key).
ALTER TABLE safety_alert ADD COLUMN IF NOT EXISTS detail_key varchar(80);
ALTER TABLE safety_alert ADD COLUMN IF NOT EXISTS detail_args text[];

UPDATE safety_alert SET detail_key = 'safety.alert.detail.pseudonymEnterprises',
    detail_args = regexp_match(detail, '^寄件人（证件假名 (.+?)）(\d{4}-\d{2}-\d{2}) 经 (\d+) 家企业寄件 (\d+) 件：(.*)$')
WHERE detail_key IS NULL AND rule = 'PSEUDONYM_ENTERPRISES'
  AND detail ~ '^寄件人（证件假名 (.+?)）(\d{4}-\d{2}-\d{2}) 经 (\d+) 家企业寄件 (\d+) 件：(.*)$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.pseudonymVolume',
    detail_args = regexp_match(detail, '^寄件人（证件假名 (.+?)）(\d{4}-\d{2}-\d{2}) 在(.*)寄件 (\d+) 件$')
WHERE detail_key IS NULL AND rule = 'PSEUDONYM_VOLUME'
  AND detail ~ '^寄件人（证件假名 (.+?)）(\d{4}-\d{2}-\d{2}) 在(.*)寄件 (\d+) 件$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.courierSelf',
    detail_args = regexp_match(detail, '^(.*)快递员 (.+?) (\d{4}-\d{2}-\d{2}) 收寄本人证件寄出的快件 (\d+) 件（运单 (.*)）$')
WHERE detail_key IS NULL AND rule = 'COURIER_SELF'
  AND detail ~ '^(.*)快递员 (.+?) (\d{4}-\d{2}-\d{2}) 收寄本人证件寄出的快件 (\d+) 件（运单 (.*)）$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.outletRealName',
    detail_args = regexp_match(detail, '^网点 (.*?)（备案编号 (.+?)）(\d{4}-\d{2}-\d{2}) 实名率 ([0-9.]+)%（应实名 (\d+) 件，实名 (\d+) 件）$')
WHERE detail_key IS NULL AND rule = 'OUTLET_REAL_NAME'
  AND detail ~ '^网点 (.*?)（备案编号 (.+?)）(\d{4}-\d{2}-\d{2}) 实名率 ([0-9.]+)%（应实名 (\d+) 件，实名 (\d+) 件）$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.noOutletRealName',
    detail_args = regexp_match(detail, '^(.*) 未注明网点的收寄记录 (\d{4}-\d{2}-\d{2}) 实名率 ([0-9.]+)%（应实名 (\d+) 件，实名 (\d+) 件）$')
WHERE detail_key IS NULL AND rule = 'OUTLET_REAL_NAME'
  AND detail ~ '^(.*) 未注明网点的收寄记录 (\d{4}-\d{2}-\d{2}) 实名率 ([0-9.]+)%（应实名 (\d+) 件，实名 (\d+) 件）$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.machineIdle',
    detail_args = regexp_match(detail, '^安检机 (.*)（序列号 (.+?)）工作日 (\d{4}-\d{2}-\d{2}) 无过机记录$')
WHERE detail_key IS NULL AND rule = 'MACHINE_IDLE'
  AND detail ~ '^安检机 (.*)（序列号 (.+?)）工作日 (\d{4}-\d{2}-\d{2}) 无过机记录$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.outletExemptShare',
    detail_args = regexp_match(detail, '^网点 (.*?)（备案编号 (.+?)）(\d{4}-\d{2}-\d{2}) 豁免实名收寄件（协议客户、信件）占比 ([0-9.]+)%（收寄 (\d+) 件，豁免 (\d+) 件）$')
WHERE detail_key IS NULL AND rule = 'EXEMPT_SHARE'
  AND detail ~ '^网点 (.*?)（备案编号 (.+?)）(\d{4}-\d{2}-\d{2}) 豁免实名收寄件（协议客户、信件）占比 ([0-9.]+)%（收寄 (\d+) 件，豁免 (\d+) 件）$';

UPDATE safety_alert SET detail_key = 'safety.alert.detail.noOutletExemptShare',
    detail_args = regexp_match(detail, '^(.*) 未注明网点的收寄记录 ?(\d{4}-\d{2}-\d{2}) 豁免实名收寄件（协议客户、信件）占比 ([0-9.]+)%（收寄 (\d+) 件，豁免 (\d+) 件）$')
WHERE detail_key IS NULL AND rule = 'EXEMPT_SHARE'
  AND detail ~ '^(.*) 未注明网点的收寄记录 ?(\d{4}-\d{2}-\d{2}) 豁免实名收寄件（协议客户、信件）占比 ([0-9.]+)%（收寄 (\d+) 件，豁免 (\d+) 件）$';
