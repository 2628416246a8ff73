-- Issue 17 "an alert can become an inspection target": the step 列为检查对象 closes an open alert as TARGETED (the
-- inspections module lists the enterprise as a key inspection target from the published SafetyAlertTargeted event).
ALTER TABLE safety_alert DROP CONSTRAINT safety_alert_status_check;
ALTER TABLE safety_alert ADD CONSTRAINT safety_alert_status_check
    CHECK (status IN ('OPEN', 'DISMISSED', 'REFERRED', 'TARGETED'));

-- The staff page of the region's batches reads them newest first across enterprises (by day received).
CREATE INDEX safety_parcel_batch_received ON safety_parcel_batch (started_at DESC);
