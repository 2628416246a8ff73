-- Anomaly rule (f) EXEMPT_SHARE (attack on the safety module, M3): an outlet's, or an enterprise's parcels naming no
-- outlet, whose day's exempt share (协议客户 and 信件, both the enterprise's own declaration) exceeds the rule
-- catalogue's safety.alerts.exempt-share. Its subject is a filing number or "<credit code>（未注明网点）@<county>".
ALTER TABLE safety_alert DROP CONSTRAINT safety_alert_rule_check;
ALTER TABLE safety_alert ADD CONSTRAINT safety_alert_rule_check
    CHECK (rule IN ('PSEUDONYM_ENTERPRISES', 'PSEUDONYM_VOLUME', 'COURIER_SELF', 'OUTLET_REAL_NAME', 'MACHINE_IDLE',
                    'EXEMPT_SHARE'));
