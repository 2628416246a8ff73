-- The working-day calendar: days off (法定节假日) and weekend days worked (调休上班) per year, as announced by the
-- State Council. A year is "loaded" once a row exists in calendar_year.
CREATE TABLE calendar_year (
    year      integer     PRIMARY KEY,
    source    varchar(200) NOT NULL,
    loaded_at timestamptz NOT NULL,
    loaded_by varchar(100) NOT NULL
);

CREATE TABLE calendar_day (
    day  date        PRIMARY KEY,
    kind varchar(8)  NOT NULL CHECK (kind IN ('HOLIDAY', 'WORKDAY')),
    name varchar(60) NOT NULL
);
