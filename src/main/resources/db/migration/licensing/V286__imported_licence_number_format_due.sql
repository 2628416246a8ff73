-- The licence numbers of past applications imported before the registry's format was checked on import are written in
-- that format where the form is certain (licensing.internal.ImportedLicenceNumberFormat, at start). It scanned every
-- imported application at every start, for good; since the import checks the format, only the applications imported
-- before can need it. They are marked here once; the start-up run rewrites what it can and clears the mark, keeping it
-- only on an application whose number has no certain form (logged at each start until a person corrects it).
ALTER TABLE licence_application ADD COLUMN licence_number_format_due boolean NOT NULL DEFAULT false;
UPDATE licence_application SET licence_number_format_due = TRUE WHERE imported AND licence_number IS NOT NULL;
CREATE INDEX licence_application_licence_number_format_due ON licence_application (id) WHERE licence_number_format_due;
