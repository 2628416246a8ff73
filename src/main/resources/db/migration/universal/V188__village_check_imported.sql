-- Past 通邮 checks come in by import with their real dates (VillageCheckImport, POST /api/v1/universal/checks/import):
-- marked so lists and the audit tell them from checks recorded at the time.
ALTER TABLE village_check ADD COLUMN imported boolean NOT NULL DEFAULT false;
