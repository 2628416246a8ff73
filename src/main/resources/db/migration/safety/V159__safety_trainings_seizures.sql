-- Bureau-kept safety records of a region: trainings (e.g. the counter-terrorism training of 200+ company heads) and
-- seizures of joint operations with other agencies (e.g. 查获假烟51条，案值1.9万元).
CREATE TABLE safety_training (
    id          BIGSERIAL PRIMARY KEY,
    region_code VARCHAR(12)   NOT NULL,
    held_on     DATE          NOT NULL,
    topic       VARCHAR(200)  NOT NULL,
    trainees    INTEGER       NOT NULL CHECK (trainees > 0),
    audience    VARCHAR(500)  NOT NULL,
    organiser   VARCHAR(200)  NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    demo        BOOLEAN       NOT NULL DEFAULT FALSE
);

CREATE INDEX safety_training_region ON safety_training (region_code, held_on);

CREATE TABLE safety_seizure (
    id          BIGSERIAL PRIMARY KEY,
    region_code VARCHAR(12)    NOT NULL,
    seized_on   DATE           NOT NULL,
    agencies    VARCHAR(500)   NOT NULL,
    item        VARCHAR(200)   NOT NULL,
    quantity    NUMERIC(15, 3) NOT NULL CHECK (quantity > 0),
    unit        VARCHAR(20)    NOT NULL,
    value_yuan  NUMERIC(15, 2) CHECK (value_yuan >= 0),
    note        VARCHAR(1000),
    created_at  TIMESTAMPTZ    NOT NULL,
    created_by  VARCHAR(100)   NOT NULL,
    demo        BOOLEAN        NOT NULL DEFAULT FALSE
);

CREATE INDEX safety_seizure_region ON safety_seizure (region_code, seized_on);
