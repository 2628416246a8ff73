-- Notifications may also go to one department of a bureau (e.g. a reminder of missing work-plan progress); the
-- audience is then the department's id.
ALTER TABLE notification DROP CONSTRAINT notification_audience_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_audience_kind_check
    CHECK (audience_kind IN ('REGION', 'ENTERPRISE', 'DEPARTMENT'));
