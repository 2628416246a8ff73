-- Renewal reminders sent (快递业务经营许可管理办法: renewal applied ≥ 30 days before expiry; reminders at 90, 60 and 30
-- days before it): one row per licence and threshold, so a reminder goes out once even when the daily job runs late or
-- twice.
CREATE TABLE licence_renewal_reminder (
    licence_number varchar(60) NOT NULL,
    days_before    integer     NOT NULL CHECK (days_before IN (90, 60, 30)),
    sent_on        date        NOT NULL,
    PRIMARY KEY (licence_number, days_before)
);
