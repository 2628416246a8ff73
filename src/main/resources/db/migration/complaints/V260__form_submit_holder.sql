-- A complaint form refused with evidence attached, corrected and double-clicked, filed two complaints: the request's
-- hash counted the files held for the form, which the first submit took. The hash is now the form's values and the
-- files sent with it; who held files for the form is kept apart (SHA-256 of the draft's holder, null when nothing was
-- held), so the second click of the one who held them gets the first receipt and another visitor with the same token
-- does not.
ALTER TABLE complaint_idempotency ADD COLUMN held_by char(64);
