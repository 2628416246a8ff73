-- 变更 and 延续 act on the licence in force: their application carries that licence's number from submission (the
-- number identifies the licence concerned, it is not a new licence), so the uniqueness of licence numbers holds for
-- the applications that issue one (NEW, BRANCH, imported ones) only.
DROP INDEX licence_application_licence;
CREATE UNIQUE INDEX licence_application_licence ON licence_application (licence_number)
    WHERE licence_number IS NOT NULL AND kind NOT IN ('CHANGE', 'RENEWAL');

-- What a change application changes, before → after (one row per item changed), as the licence stood at submission.
CREATE TABLE licence_application_change (
    application_id bigint       NOT NULL REFERENCES licence_application (id),
    position       integer      NOT NULL,
    field          varchar(30)  NOT NULL CHECK (field IN ('legalName', 'legalRepresentative', 'registeredCapital',
                                    'scope', 'serviceArea', 'branches')),
    before_value   text,
    after_value    text,
    PRIMARY KEY (application_id, position)
);

-- A renewed licence runs to a new expiry date, whose own 90/60/30-day reminders are due in turn: a reminder is now
-- once per licence, expiry date and threshold.
ALTER TABLE licence_renewal_reminder ADD COLUMN valid_until date;
UPDATE licence_renewal_reminder r SET valid_until = a.valid_until
    FROM licence_application a WHERE a.licence_number = r.licence_number AND a.kind NOT IN ('CHANGE', 'RENEWAL');
UPDATE licence_renewal_reminder SET valid_until = sent_on WHERE valid_until IS NULL;
ALTER TABLE licence_renewal_reminder ALTER COLUMN valid_until SET NOT NULL;
ALTER TABLE licence_renewal_reminder DROP CONSTRAINT licence_renewal_reminder_pkey;
ALTER TABLE licence_renewal_reminder ADD PRIMARY KEY (licence_number, valid_until, days_before);
