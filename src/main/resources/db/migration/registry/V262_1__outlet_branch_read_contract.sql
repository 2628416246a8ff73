-- The registry's read contract for the filing module's V263 (FilingBranchColumns), which fills each stored filing with
-- the branch (分支机构) its outlet is run through: an outlet's branch and a branch's name, nothing else. Numbered 262.1
-- so that it exists before that data migration runs.
CREATE VIEW outlet_branch AS
SELECT id AS outlet_id, branch_id
FROM terminal_outlet;

CREATE VIEW branch_name AS
SELECT id, name
FROM branch;
