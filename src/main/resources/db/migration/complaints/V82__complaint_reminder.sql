-- The daily reminders sent (as ComplaintStepDue events, turned into notifications by the notifications module): one per
-- complaint, step and day, so a second run of the clock on the same day (another node, a retry) publishes nothing.
CREATE TABLE complaint_reminder (
    complaint_id bigint      NOT NULL REFERENCES complaint (id),
    status       varchar(20) NOT NULL,
    day          date        NOT NULL,
    PRIMARY KEY (complaint_id, status, day)
);
