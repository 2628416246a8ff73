-- Look-alike 文号 are one 文号 (kernel.Text.identifierKey; SQL kernel.Text.identifierKeySql): the decision number's
-- uniqueness check (kernel.UniqueIdentifiers.taken) probes this index instead of scanning every case. The expression
-- must stay the one Text.identifierKeySql writes (a test asks the planner to use it).
CREATE INDEX penalty_case_decision_number_ident ON penalty_case (translate(folded(decision_number), U&'-_\058A\05BE\1400\1806\2E17\2E1A\2E3A\2E3B\2E40\2E5D\301C\3030\30A0', ''));
