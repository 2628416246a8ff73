-- A change (变更) that moves the premises records the move as one of its items (经营场所, address and county before →
-- after), shown in its changes list and decided with it.
ALTER TABLE licence_application_change DROP CONSTRAINT licence_application_change_field_check;
ALTER TABLE licence_application_change ADD CONSTRAINT licence_application_change_field_check CHECK (field IN ('legalName',
    'legalRepresentative', 'registeredCapital', 'scope', 'serviceArea', 'branches', 'premises'));

-- One open application of a kind per applicant (the submission refuses a second one under the applicant's lock): the
-- database's backstop. Past applications imported undecided are the import's to judge and stay out of it. Applications
-- duplicated before the lock existed would make the index fail: then it is left out with a warning, to be created once
-- the duplicates are decided.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM licence_application
                   WHERE NOT imported AND status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'REVIEWED', 'VERIFIED')
                   GROUP BY applicant_credit_code, kind HAVING count(*) > 1) THEN
        CREATE UNIQUE INDEX licence_application_one_open ON licence_application (applicant_credit_code, kind)
            WHERE NOT imported AND status IN ('SUBMITTED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'REVIEWED', 'VERIFIED');
    ELSE
        RAISE WARNING 'licence_application_one_open not created: an applicant has two open applications of one kind';
    END IF;
END $$;
