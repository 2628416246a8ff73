-- The 责令改正 procedure on the platform: an order issued with a deadline in working days, the enterprise's reply
-- with its rectification report, the bureau's acceptance or rejection, and a re-inspection (复查) before the deadline.
-- Imported orders: rectified ones are ACCEPTED, the others ISSUED.
ALTER TABLE rectification_order
    ADD COLUMN status         varchar(10)   NOT NULL DEFAULT 'ISSUED'
        CHECK (status IN ('ISSUED', 'REPLIED', 'ACCEPTED', 'REJECTED')),
    ADD COLUMN working_days   integer,
    ADD COLUMN reply          varchar(2000),
    ADD COLUMN replied_on     date,
    ADD COLUMN decided_on     date,
    ADD COLUMN decision_note  varchar(500),
    ADD COLUMN reinspection_on date;
UPDATE rectification_order SET status = 'ACCEPTED' WHERE rectified_on IS NOT NULL;
CREATE INDEX rectification_order_enterprise ON rectification_order (enterprise_credit_code, issued_on);
