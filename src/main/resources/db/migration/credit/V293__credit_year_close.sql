-- 年度信用信息归集: each bureau closes a year's credit data of its own region (its entries, their corrections and the
-- objections to them) by the day the rule catalogue gives (credit.year-close: 15 February of the next year), once.
CREATE TABLE credit_year_close (
    id          bigserial PRIMARY KEY,
    region_code varchar(12)  NOT NULL,
    year        integer      NOT NULL,
    due_on      date         NOT NULL,
    closed_on   date         NOT NULL,
    closed_by   varchar(100) NOT NULL,
    created_at  timestamptz  NOT NULL,
    UNIQUE (region_code, year)
);
