-- The object inspected (issue 14): the enterprise itself, or one of its branches (分支机构) or terminal outlets (末端网点)
-- by its registry id and its name as it was on the day, so a record, its page, the lists and the export name the
-- branch or outlet and not only the enterprise answering for it. Records made before name the enterprise.
ALTER TABLE inspection_record
    ADD COLUMN object_type varchar(12) NOT NULL DEFAULT 'ENTERPRISE'
        CHECK (object_type IN ('ENTERPRISE', 'BRANCH', 'OUTLET')),
    ADD COLUMN object_id   bigint,
    ADD COLUMN object_name varchar(200),
    ADD CONSTRAINT inspection_record_object CHECK (
        (object_type = 'ENTERPRISE' AND object_id IS NULL AND object_name IS NULL)
        OR (object_type <> 'ENTERPRISE' AND object_id IS NOT NULL AND object_name IS NOT NULL));
CREATE INDEX inspection_record_object_idx ON inspection_record (object_type, object_id) WHERE object_id IS NOT NULL;
