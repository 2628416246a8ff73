-- The history of every bureau's own value of a rule: from valid_from on, region_code's own value of rule_code is value
-- (NULL: none, the enclosing bureau's or the catalogue's default applies). A record of a past day — an imported penalty
-- decision, a decision made before a bureau changed its 裁量基准 — is judged by the rule as it then stood
-- (StatutoryRules.valueOn), not by today's value. Written with every change from now on (StatutoryRules.override,
-- clearOverride, clearLowerOverride).
CREATE TABLE statutory_rule_override_history (
    id          bigserial     PRIMARY KEY,
    region_code varchar(12)   NOT NULL,
    rule_code   varchar(80)   NOT NULL,
    value       numeric(14,2),
    valid_from  timestamptz   NOT NULL
);
CREATE INDEX statutory_rule_override_history_rule_idx
    ON statutory_rule_override_history (rule_code, region_code, valid_from DESC);

-- The past, as the audit trail recorded it: every value set (rule.override, its after state) and every value cleared
-- (rule.reset, in the cleared bureau's region).
INSERT INTO statutory_rule_override_history (region_code, rule_code, value, valid_from)
SELECT region_code, object_id, CASE WHEN action = 'rule.override' THEN (after_state ->> 'value')::numeric END, occurred_at
FROM audit_event
WHERE object_type = 'StatutoryRule' AND object_id IS NOT NULL
  AND (action = 'rule.reset' OR action = 'rule.override' AND after_state ? 'value')
ORDER BY occurred_at, id;

-- A value standing now that the trail does not end on (set by a migration or a seed without an audit entry): in force
-- since it was last changed (never before the trail's last word on it).
INSERT INTO statutory_rule_override_history (region_code, rule_code, value, valid_from)
SELECT o.region_code, o.rule_code, o.value, greatest(o.changed_at, coalesce(last.valid_from, o.changed_at))
FROM statutory_rule_override o
LEFT JOIN (SELECT DISTINCT ON (region_code, rule_code) region_code, rule_code, value, valid_from
           FROM statutory_rule_override_history ORDER BY region_code, rule_code, valid_from DESC, id DESC) last
       ON last.region_code = o.region_code AND last.rule_code = o.rule_code
WHERE last.value IS DISTINCT FROM o.value;

-- A value the trail says stands but no longer does (removed by a migration, V250): gone since now.
INSERT INTO statutory_rule_override_history (region_code, rule_code, value, valid_from)
SELECT last.region_code, last.rule_code, NULL, greatest(now(), last.valid_from)
FROM (SELECT DISTINCT ON (region_code, rule_code) region_code, rule_code, value, valid_from
      FROM statutory_rule_override_history ORDER BY region_code, rule_code, valid_from DESC, id DESC) last
WHERE last.value IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM statutory_rule_override o
                  WHERE o.region_code = last.region_code AND o.rule_code = last.rule_code);
