-- One 文号, one plan of the bureau (GB/T 9704-2012 7.2.4), now held by the database too: the check in code
-- (workplans.WorkPlans.requireNumberFree, under a lock) is passed by any writer that does not take the lock, and two
-- plans under one number would be two documents under one 文号. Look-alike 文号 are one 文号: the key is
-- kernel.Text.identifierKeySql's expression (as enforcement/V252), and it must stay the one that method writes. A blank
-- 文号 is none (requireNumberFree passes it).
--
-- Plans saved before the rule may already share a 文号 within a bureau. Deterministically, the first of them (lowest
-- id) holds it; every later one keeps its 文号 exactly as stored — the paper already issued bears it, so it is never
-- renumbered or suffixed (as platform.DataMigration.normaliseNumbers keeps a colliding number) — and is marked as the
-- twin of that first plan (document_number_twin_of), which leaves it out of the index. A plan saved from now on is
-- never marked, so no new twin can be written.
ALTER TABLE work_plan ADD COLUMN document_number_twin_of bigint;
COMMENT ON COLUMN work_plan.document_number_twin_of IS
    'A plan saved before V274 under the 文号 of an earlier plan of its bureau (that plan''s id): kept as stored, outside the unique index';

UPDATE work_plan p
SET document_number_twin_of = (
        SELECT min(q.id) FROM work_plan q
        WHERE q.bureau_id = p.bureau_id AND q.id < p.id AND q.document_number IS NOT NULL AND btrim(q.document_number) <> ''
          AND translate(folded(q.document_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', '')
            = translate(folded(p.document_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''))
WHERE p.document_number IS NOT NULL AND btrim(p.document_number) <> '';

CREATE UNIQUE INDEX work_plan_document_number_unique ON work_plan (bureau_id,
    translate(folded(document_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''))
    WHERE document_number IS NOT NULL AND btrim(document_number) <> '' AND document_number_twin_of IS NULL;
