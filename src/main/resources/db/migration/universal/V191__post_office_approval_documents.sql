-- The documents of a post-office closure/relocation approval (邮政法(2015) art.9; issue 18): the decision's 文号
-- (issued by the numbering module at 批准 / 不予批准, or the real number of an imported past approval), the region of the
-- bureau that decided (whose name the decision and the notice bear), the nearest alternative post office an approval
-- names for the public notice, and the day the closure or move takes effect as the notice announces it. The documents
-- themselves are attachments of the approval (documents module, owner universal/post_office_approval).
ALTER TABLE post_office_approval
    ADD COLUMN decision_number    varchar(60),
    ADD COLUMN decision_region    varchar(12) COLLATE "C",
    ADD COLUMN alternative_office varchar(300),
    ADD COLUMN effective_on       date,
    ADD CONSTRAINT post_office_approval_number_decided CHECK (decision_number IS NULL OR decided_on IS NOT NULL);

-- A 文号 is unique within the city (地市) of the post office: numbers the platform issues carry the bureau's region
-- code; a real number an import brings must not repeat one of the same city.
CREATE UNIQUE INDEX post_office_approval_number ON post_office_approval (substring(region_code, 1, 4), decision_number)
    WHERE decision_number IS NOT NULL;
