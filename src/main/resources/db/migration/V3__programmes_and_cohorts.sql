-- Programmes and the cohorts within them, who manages them, who is enrolled, and every change of a
-- member's status (history is kept: withdrawn, deferred and completed members stay on record).

CREATE TABLE programme (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    version            INT           NOT NULL DEFAULT 0,
    created_at         DATETIME(6)   NOT NULL,
    modified_at        DATETIME(6)   NOT NULL,
    name               VARCHAR(200)  NOT NULL,
    description        TEXT,
    start_date         DATE          NOT NULL,
    end_date           DATE          NOT NULL,
    coaching_sessions  INT           NOT NULL DEFAULT 0,
    entitlement_hours  DECIMAL(6, 1) NOT NULL DEFAULT 0,
    entitlement_period VARCHAR(10)   NOT NULL DEFAULT 'MONTH',
    framework_id       BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT uk_programme_name UNIQUE (name),
    CONSTRAINT fk_programme_framework FOREIGN KEY (framework_id) REFERENCES framework (id)
);

CREATE TABLE programme_manager (
    programme_id BIGINT NOT NULL,
    person_id    BIGINT NOT NULL,
    PRIMARY KEY (programme_id, person_id),
    CONSTRAINT fk_programme_manager_programme FOREIGN KEY (programme_id) REFERENCES programme (id),
    CONSTRAINT fk_programme_manager_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE INDEX ix_programme_manager_person ON programme_manager (person_id);

CREATE TABLE programme_module (
    programme_id BIGINT       NOT NULL,
    module_key   VARCHAR(100) NOT NULL,
    PRIMARY KEY (programme_id, module_key),
    CONSTRAINT fk_programme_module_programme FOREIGN KEY (programme_id) REFERENCES programme (id)
);

CREATE TABLE cohort (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    modified_at  DATETIME(6)  NOT NULL,
    programme_id BIGINT       NOT NULL,
    name         VARCHAR(200) NOT NULL,
    start_date   DATE         NOT NULL,
    end_date     DATE         NOT NULL,
    capacity     INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_cohort_name UNIQUE (programme_id, name),
    CONSTRAINT fk_cohort_programme FOREIGN KEY (programme_id) REFERENCES programme (id)
);

CREATE TABLE cohort_manager (
    cohort_id BIGINT NOT NULL,
    person_id BIGINT NOT NULL,
    PRIMARY KEY (cohort_id, person_id),
    CONSTRAINT fk_cohort_manager_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_cohort_manager_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE INDEX ix_cohort_manager_person ON cohort_manager (person_id);

CREATE TABLE cohort_membership (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    version           INT          NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    modified_at       DATETIME(6)  NOT NULL,
    cohort_id         BIGINT       NOT NULL,
    person_id         BIGINT       NOT NULL,
    status            VARCHAR(20)  NOT NULL,
    enrolled_at       DATETIME(6)  NOT NULL,
    status_changed_at DATETIME(6)  NOT NULL,
    status_reason     VARCHAR(500),
    PRIMARY KEY (id),
    CONSTRAINT uk_membership UNIQUE (cohort_id, person_id),
    CONSTRAINT fk_membership_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_membership_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE INDEX ix_membership_person ON cohort_membership (person_id);

CREATE TABLE membership_event (
    id            BIGINT       NOT NULL AUTO_INCREMENT,
    membership_id BIGINT       NOT NULL,
    status        VARCHAR(20)  NOT NULL,
    changed_at    DATETIME(6)  NOT NULL,
    reason        VARCHAR(500),
    changed_by    BIGINT,
    PRIMARY KEY (id),
    CONSTRAINT fk_event_membership FOREIGN KEY (membership_id) REFERENCES cohort_membership (id)
);

CREATE INDEX ix_event_membership ON membership_event (membership_id, changed_at);
CREATE INDEX ix_completion_person ON lesson_completion (person_id, completed_at);
