-- Test fixture: the schema the earlier hand-written migrator (RegistrySchema, removed) made as version 1,
-- with its registry_schema_version table; RegistryChangelogTest adopts such a database.

CREATE TABLE registry_citizen (
    personal_id_number VARCHAR(12)  NOT NULL,
    full_name          VARCHAR(200) NOT NULL,
    date_of_birth      VARCHAR(10)  NOT NULL,
    birth_year         INTEGER      NOT NULL,
    birth_month        INTEGER,
    birth_day          INTEGER,
    sex                VARCHAR(6)   NOT NULL,
    nationality        VARCHAR(100),
    ethnicity          VARCHAR(100),
    religion           VARCHAR(100),
    place_of_origin    VARCHAR(500),
    place_of_residence VARCHAR(500),
    life_status        VARCHAR(10)  NOT NULL,
    CONSTRAINT pk_registry_citizen PRIMARY KEY (personal_id_number),
    CONSTRAINT ck_registry_citizen_sex CHECK (sex IN ('MALE', 'FEMALE')),
    CONSTRAINT ck_registry_citizen_life CHECK (life_status IN ('LIVING', 'DECEASED'))
);

CREATE TABLE registry_card (
    card_number        VARCHAR(20) NOT NULL,
    personal_id_number VARCHAR(12) NOT NULL,
    issue_date         DATE        NOT NULL,
    expiry_date        DATE,
    status             VARCHAR(16) NOT NULL,
    CONSTRAINT pk_registry_card PRIMARY KEY (card_number),
    CONSTRAINT fk_registry_card_citizen FOREIGN KEY (personal_id_number)
        REFERENCES registry_citizen (personal_id_number),
    CONSTRAINT ck_registry_card_status CHECK (status IN ('VALID', 'REPORTED_LOST', 'REVOKED', 'REPLACED')),
    CONSTRAINT ck_registry_card_dates CHECK (expiry_date IS NULL OR expiry_date >= issue_date)
);

CREATE INDEX idx_registry_card_citizen ON registry_card (personal_id_number);

CREATE TABLE registry_schema_version (
    version     INTEGER      NOT NULL,
    description VARCHAR(200) NOT NULL,
    applied_at  TIMESTAMP    NOT NULL,
    CONSTRAINT pk_registry_schema_version PRIMARY KEY (version)
);

INSERT INTO registry_schema_version (version, description, applied_at) VALUES (1, 'citizens and cards', CURRENT_TIMESTAMP);
