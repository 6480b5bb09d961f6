-- The foundation schema: reference data (organisations, professions), people with their roles,
-- and the sign-in throttle that locks an email address after repeated failures.
-- Written once for both databases: MariaDB, and H2 in MariaDB mode for the embedded default.

CREATE TABLE organisation (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    modified_at DATETIME(6)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    sector      VARCHAR(40)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_organisation_name UNIQUE (name)
);

CREATE TABLE profession (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    modified_at DATETIME(6)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_profession_name UNIQUE (name)
);

CREATE TABLE person (
    id                   BIGINT       NOT NULL AUTO_INCREMENT,
    version              INT          NOT NULL DEFAULT 0,
    created_at           DATETIME(6)  NOT NULL,
    modified_at          DATETIME(6)  NOT NULL,
    email                VARCHAR(254) NOT NULL,
    given_name           VARCHAR(100) NOT NULL,
    family_name          VARCHAR(100) NOT NULL,
    job_title            VARCHAR(150),
    profession_id        BIGINT,
    organisation_id      BIGINT,
    active               BOOLEAN      NOT NULL DEFAULT TRUE,
    password_hash        VARCHAR(255),
    must_change_password BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT uk_person_email UNIQUE (email),
    CONSTRAINT fk_person_profession FOREIGN KEY (profession_id) REFERENCES profession (id),
    CONSTRAINT fk_person_organisation FOREIGN KEY (organisation_id) REFERENCES organisation (id)
);

CREATE INDEX ix_person_family_name ON person (family_name, given_name);

CREATE TABLE person_role (
    person_id BIGINT      NOT NULL,
    role      VARCHAR(30) NOT NULL,
    PRIMARY KEY (person_id, role),
    CONSTRAINT fk_person_role_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE
);

CREATE TABLE sign_in_throttle (
    email_key       VARCHAR(254) NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    failed_attempts INT          NOT NULL DEFAULT 0,
    last_failure_at DATETIME(6),
    locked_until    DATETIME(6),
    PRIMARY KEY (email_key)
);

INSERT INTO profession (name, created_at, modified_at) VALUES
    ('Nursing', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Midwifery', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Medicine', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Allied health', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Pharmacy', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Paramedic', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Social work', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Care management', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Support work', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP),
    ('Management and non-clinical', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
