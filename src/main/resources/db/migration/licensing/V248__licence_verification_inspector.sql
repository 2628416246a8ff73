-- 现场核查 by inspectors of the roster (检查人员名录库), each having shown the 执法证 (邮政法(2015) art.63): who verified,
-- with the certificate number as the roster writes it (Inspectors.certificateNumber) and the roster entry it matched.
-- inspector_id is the inspections module's roster id, kept as a plain value (a module never joins another's tables).
CREATE TABLE licence_verification_inspector (
    application_id     bigint       NOT NULL REFERENCES licence_application (id),
    position           integer      NOT NULL,
    inspector_id       bigint       NOT NULL,
    name               varchar(50)  NOT NULL,
    certificate_number varchar(40)  NOT NULL,
    PRIMARY KEY (application_id, position)
);

-- the team's names joined: up to 10 inspectors of up to 50 characters each
ALTER TABLE licence_application ALTER COLUMN inspectors TYPE varchar(600);
