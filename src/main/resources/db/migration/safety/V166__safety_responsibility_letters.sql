-- 安全生产责任书: one letter per enterprise and year, signed between the bureau and the enterprise. The enterprise's
-- name is copied at recording time (the registry is read through its API); the region decides which bureaus see it.
-- The scanned letter is kept by the documents module's attachments (owner type SafetyLetter).
CREATE TABLE safety_responsibility_letter (
    id                     BIGSERIAL PRIMARY KEY,
    year                   SMALLINT     NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    enterprise_id          BIGINT       NOT NULL,
    enterprise_credit_code VARCHAR(18)  NOT NULL,
    enterprise_name        VARCHAR(200) NOT NULL,
    region_code            VARCHAR(12)  NOT NULL,
    signed_on              DATE         NOT NULL,
    bureau_signatory       VARCHAR(50)  NOT NULL,
    enterprise_signatory   VARCHAR(50)  NOT NULL,
    created_at             TIMESTAMPTZ  NOT NULL,
    created_by             VARCHAR(100) NOT NULL,
    demo                   BOOLEAN      NOT NULL DEFAULT FALSE,
    CONSTRAINT safety_responsibility_letter_once UNIQUE (enterprise_credit_code, year)
);

CREATE INDEX safety_responsibility_letter_region ON safety_responsibility_letter (region_code, year);
