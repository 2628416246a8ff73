-- GB/T 2260 administrative divisions. Code lengths: 1 (the country, '0'), 2 province, 4 city, 6 county,
-- 9 street, 12 village. Provinces, cities and counties are loaded at start from the shipped CSV files;
-- streets and villages are imported by an administrator.
CREATE TABLE region (
    code        varchar(12)  PRIMARY KEY,
    name        varchar(100) NOT NULL,
    parent_code varchar(12)  REFERENCES region (code),
    level       varchar(10)  NOT NULL CHECK (level IN ('COUNTRY', 'PROVINCE', 'CITY', 'COUNTY', 'STREET', 'VILLAGE'))
);
CREATE INDEX region_parent_idx ON region (parent_code);
CREATE INDEX region_code_prefix_idx ON region (code text_pattern_ops);
INSERT INTO region (code, name, parent_code, level) VALUES ('0', '全国', NULL, 'COUNTRY');
