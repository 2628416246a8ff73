-- Gap-free business numbers per type, region and year: the row is locked by the incrementing UPDATE until the
-- business transaction commits, so a rolled-back transaction leaves no gap.
CREATE TABLE number_sequence (
    type        varchar(20) NOT NULL,
    region_code varchar(12) NOT NULL,
    year        integer     NOT NULL,
    last_value  bigint      NOT NULL,
    PRIMARY KEY (type, region_code, year)
);
