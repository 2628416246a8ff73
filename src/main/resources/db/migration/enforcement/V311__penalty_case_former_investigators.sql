-- 行政处罚法(2021) art.58 (法制审核 by staff other than the investigators) and art.64(四) (a hearing hosted by someone who
-- did not investigate): anyone who ever investigated the case is set apart, not only today's team. 更换调查人员
-- (CaseTeam#replaceTeam) replaces penalty_case_investigator's rows; the people it removes are kept here, and
-- CaseTeam#investigated reads both. user_id: the account where known (compared by account), else the name is.
CREATE TABLE penalty_case_former_investigator (
    id                 bigserial    PRIMARY KEY,
    case_id            bigint       NOT NULL REFERENCES penalty_case (id),
    user_id            bigint,
    name               varchar(60)  NOT NULL,
    certificate_number varchar(40),
    left_on            date         NOT NULL
);
CREATE INDEX penalty_case_former_investigator_case ON penalty_case_former_investigator (case_id);

-- The teams replaced before this table: each 更换调查人员's audit entry names them, "…：更换调查人员：原甲（证号）、乙（证号），现…".
INSERT INTO penalty_case_former_investigator (case_id, user_id, name, certificate_number, left_on)
SELECT DISTINCT ON (c.id, m.part[2]) c.id, i.user_id, left(m.part[1], 60), left(m.part[2], 40), (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
FROM audit_event e
JOIN penalty_case c ON c.id::text = e.object_id
CROSS JOIN LATERAL regexp_matches(substring(e.summary FROM '更换调查人员：原(.*?)，现'), '([^、（]+)（([^）]+)）', 'g') AS m(part)
LEFT JOIN inspector i ON i.certificate_number = m.part[2]
WHERE e.object_type = 'penalty_case' AND e.action = 'case.team-change'
  AND NOT EXISTS (SELECT 1 FROM penalty_case_investigator t WHERE t.case_id = c.id AND t.certificate_number = m.part[2])
ORDER BY c.id, m.part[2], e.occurred_at;

-- Who collected evidence of a case and is on its team no more (an item names its collectors "甲（证号）、乙（证号）").
INSERT INTO penalty_case_former_investigator (case_id, user_id, name, certificate_number, left_on)
SELECT DISTINCT ON (ev.case_id, m.part[2]) ev.case_id, i.user_id, left(m.part[1], 60), left(m.part[2], 40), ev.collected_on
FROM penalty_case_evidence ev
CROSS JOIN LATERAL regexp_matches(ev.collected_by, '([^、（]+)（([^）]+)）', 'g') AS m(part)
LEFT JOIN inspector i ON i.certificate_number = m.part[2]
WHERE NOT EXISTS (SELECT 1 FROM penalty_case_investigator t WHERE t.case_id = ev.case_id AND t.certificate_number = m.part[2])
  AND NOT EXISTS (SELECT 1 FROM penalty_case_former_investigator f WHERE f.case_id = ev.case_id AND f.certificate_number = m.part[2])
ORDER BY ev.case_id, m.part[2], ev.collected_on;

-- The staff who took an investigation step (evidence, 陈述申辩 recorded, 调查终结报告) and are on its team no more.
INSERT INTO penalty_case_former_investigator (case_id, user_id, name, certificate_number, left_on)
SELECT DISTINCT ON (c.id, u.id) c.id, u.id, u.display_name, NULL, (e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date
FROM audit_event e
JOIN penalty_case c ON c.id::text = e.object_id
JOIN user_account u ON u.id = e.actor_user_id AND u.kind = 'STAFF'
WHERE e.object_type = 'penalty_case' AND e.action IN ('case.evidence', 'case.statement', 'case.conclude')
  AND NOT EXISTS (SELECT 1 FROM penalty_case_investigator t WHERE t.case_id = c.id AND t.user_id = u.id)
  AND NOT EXISTS (SELECT 1 FROM penalty_case_former_investigator f WHERE f.case_id = c.id AND f.user_id = u.id)
ORDER BY c.id, u.id, e.occurred_at;
