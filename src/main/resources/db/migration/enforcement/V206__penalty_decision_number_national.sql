-- A decision's 文号 names one decision nationally (the automatic numbers carry their region; a hand-typed or imported
-- one may not repeat another region's). PenaltyCases checks it before saving; the index holds it against two saves at
-- once. Where data recorded before this rule already repeats a number across regions, the per-region index stays (the
-- check in code still refuses every new repetition) rather than failing the upgrade.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM penalty_case WHERE decision_number IS NOT NULL
                   GROUP BY decision_number HAVING count(*) > 1) THEN
        CREATE UNIQUE INDEX penalty_case_decision_number_national ON penalty_case (decision_number);
        DROP INDEX penalty_case_decision_number;
    END IF;
END $$;
