-- Issue 17 (attack finding): parcel records naming a closed outlet were accepted whatever their time. The registry now
-- keeps the day an outlet closed (撤销备案 approved, or closed by the bureau): records accepted from that day on are
-- refused, earlier ones (late uploads) stay valid. Outlets closed before this migration get the day of their audit
-- entry 'outlet.close' (both ways of closing write one), else the day they were recorded (loaded as closed).
ALTER TABLE terminal_outlet ADD COLUMN closed_on date;

UPDATE terminal_outlet o
SET closed_on = coalesce(
        (SELECT max(a.occurred_at AT TIME ZONE 'Asia/Shanghai')::date FROM audit_event a
         WHERE a.object_type = 'TerminalOutlet' AND a.object_id = o.id::text AND a.action = 'outlet.close'),
        (o.created_at AT TIME ZONE 'Asia/Shanghai')::date)
WHERE o.status = 'CLOSED';

ALTER TABLE terminal_outlet ADD CONSTRAINT terminal_outlet_closed_on
    CHECK ((status = 'CLOSED') = (closed_on IS NOT NULL));

-- the safety module's read contract (V163) shows the day too
CREATE OR REPLACE VIEW outlet_name AS
SELECT filing_number, name, enterprise_id, region_code, status, closed_on
FROM terminal_outlet
WHERE filing_number IS NOT NULL;
