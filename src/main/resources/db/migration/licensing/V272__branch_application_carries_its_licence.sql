-- A branch application (分支机构) acts on the licence its applicant holds in force, as a change and a renewal do: the
-- branch is recorded on that licence's branch list (快递业务经营许可管理办法: one enterprise, one licence; branches are a
-- licence item changed by 变更 and filed as 分支机构备案). Its row carries that licence's number from submission, so the
-- uniqueness of licence numbers holds for the applications that issue one (NEW, imported new licences) only.
-- Branch approvals decided before this version issued a number of their own; those rows keep it (history; the index
-- below no longer covers them, and nothing in them is rewritten).
DROP INDEX licence_application_licence;
CREATE UNIQUE INDEX licence_application_licence ON licence_application (licence_number)
    WHERE licence_number IS NOT NULL AND kind NOT IN ('CHANGE', 'RENEWAL', 'BRANCH');
