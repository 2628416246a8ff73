-- A renewal or change approved here that the registry did not apply because the licence was revoked or cancelled before
-- it heard the decision (LicenceDecisionNotApplied): the decision never took effect — the day licensing learnt it and the
-- registry's reason, shown on the application's page and its API.
ALTER TABLE licence_application ADD COLUMN not_in_effect_on date;
ALTER TABLE licence_application ADD COLUMN not_in_effect_reason text;

-- Where a renewal's, change's or branch application's premises come from when the licence has none on record here (a
-- licence issued off the platform): STATED — as the application states them; REGISTERED_ADDRESS — not stated, the
-- holder's registered address and county. Null: the premises are the licence's on record, or a new licence's own.
ALTER TABLE licence_application ADD COLUMN premises_taken text
    CHECK (premises_taken IN ('STATED', 'REGISTERED_ADDRESS'));
