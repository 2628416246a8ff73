-- Publishing the 抽查事项清单 is a recorded act: each publication by a bureau is a numbered version with its date and
-- the items exactly as published (later changes to the catalogue do not alter a published version).
ALTER TABLE inspection_item
    ADD COLUMN created_by varchar(100);

CREATE TABLE inspection_item_list (
    id           bigserial PRIMARY KEY,
    bureau_id    bigint       NOT NULL REFERENCES bureau (id),
    region_code  varchar(12)  NOT NULL,
    version      integer      NOT NULL,
    published_on date         NOT NULL,
    published_by varchar(100) NOT NULL,
    published_at timestamptz  NOT NULL,
    UNIQUE (bureau_id, version)
);
CREATE INDEX inspection_item_list_region ON inspection_item_list (region_code, published_at);

CREATE TABLE inspection_item_list_entry (
    list_id     bigint       NOT NULL REFERENCES inspection_item_list (id) ON DELETE CASCADE,
    position    integer      NOT NULL,
    code        varchar(40)  NOT NULL,
    name        varchar(100) NOT NULL,
    object_type varchar(20)  NOT NULL,
    method      varchar(10)  NOT NULL,
    basis       varchar(200) NOT NULL,
    checklist   text[]       NOT NULL,
    PRIMARY KEY (list_id, position)
);
