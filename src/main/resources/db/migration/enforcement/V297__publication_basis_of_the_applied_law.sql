-- A published decision (双公示) cites the law the decision applies, in one rule (StatutoryRules#applicable, 从旧兼从轻:
-- the law of the act's day — the violation's end, else the day filed — unless the decision day's is lighter), as the
-- live publication does (DecisionPublication, CaseLaw). V259 rewrote the bases of the decisions of before 2025-06-01 by
-- the day decided, and left those decided since for acts of before it with the 2025 numbers. The rule needs the rule
-- catalogue's history of values (a lighter range at the decision), which a bean reads: every publication is marked here
-- and written again at the next start by enforcement.internal.PublicationBasisOfTheAppliedLaw, which clears the mark.
ALTER TABLE penalty_case ADD COLUMN publication_basis_due boolean NOT NULL DEFAULT false;
UPDATE penalty_case SET publication_basis_due = TRUE WHERE published_on IS NOT NULL;
CREATE INDEX penalty_case_publication_basis_due ON penalty_case (id) WHERE publication_basis_due;
