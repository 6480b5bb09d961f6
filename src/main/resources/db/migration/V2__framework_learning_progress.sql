-- Frameworks as data (versioned), learning modules imported from content files, each learner's
-- lesson completions and notes, content import runs, and dated self-assessments.

CREATE TABLE framework (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    version           INT          NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    modified_at       DATETIME(6)  NOT NULL,
    code              VARCHAR(40)  NOT NULL,
    framework_version VARCHAR(20)  NOT NULL,
    title             VARCHAR(200) NOT NULL,
    short_title       VARCHAR(100),
    summary           TEXT,
    active            BOOLEAN      NOT NULL DEFAULT FALSE,
    source_path       VARCHAR(300),
    PRIMARY KEY (id),
    CONSTRAINT uk_framework_code_version UNIQUE (code, framework_version)
);

CREATE TABLE framework_scale_point (
    framework_id BIGINT       NOT NULL,
    scale_value  INT          NOT NULL,
    label        VARCHAR(60)  NOT NULL,
    description  VARCHAR(300),
    PRIMARY KEY (framework_id, scale_value),
    CONSTRAINT fk_scale_point_framework FOREIGN KEY (framework_id) REFERENCES framework (id)
);

CREATE TABLE framework_dimension (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    modified_at  DATETIME(6)  NOT NULL,
    framework_id BIGINT       NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    tier         VARCHAR(20)  NOT NULL,
    description  TEXT,
    position     INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_dimension_code UNIQUE (framework_id, code),
    CONSTRAINT fk_dimension_framework FOREIGN KEY (framework_id) REFERENCES framework (id)
);

CREATE TABLE framework_element (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    modified_at  DATETIME(6)  NOT NULL,
    dimension_id BIGINT       NOT NULL,
    code         VARCHAR(40)  NOT NULL,
    name         VARCHAR(200) NOT NULL,
    description  TEXT,
    position     INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_element_code UNIQUE (dimension_id, code),
    CONSTRAINT fk_element_dimension FOREIGN KEY (dimension_id) REFERENCES framework_dimension (id)
);

CREATE INDEX ix_element_code ON framework_element (code);

CREATE TABLE learning_module (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    version         INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    modified_at     DATETIME(6)  NOT NULL,
    module_key      VARCHAR(100) NOT NULL,
    title           VARCHAR(200) NOT NULL,
    summary         VARCHAR(500) NOT NULL,
    minutes         INT          NOT NULL,
    content_version INT          NOT NULL,
    intro_html      TEXT,
    source_path     VARCHAR(300),
    content_hash    CHAR(64),
    published       BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_module_key UNIQUE (module_key)
);

CREATE TABLE learning_module_element (
    module_id    BIGINT      NOT NULL,
    element_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (module_id, element_code),
    CONSTRAINT fk_module_element_module FOREIGN KEY (module_id) REFERENCES learning_module (id)
);

CREATE TABLE lesson (
    id                BIGINT       NOT NULL AUTO_INCREMENT,
    version           INT          NOT NULL DEFAULT 0,
    created_at        DATETIME(6)  NOT NULL,
    modified_at       DATETIME(6)  NOT NULL,
    module_id         BIGINT       NOT NULL,
    lesson_key        VARCHAR(100) NOT NULL,
    position          INT          NOT NULL,
    title             VARCHAR(200) NOT NULL,
    minutes           INT          NOT NULL,
    reading_html      TEXT,
    reflection_prompt TEXT,
    questions_json    TEXT,
    active            BOOLEAN      NOT NULL DEFAULT TRUE,
    PRIMARY KEY (id),
    CONSTRAINT uk_lesson_key UNIQUE (lesson_key),
    CONSTRAINT fk_lesson_module FOREIGN KEY (module_id) REFERENCES learning_module (id)
);

CREATE INDEX ix_lesson_module ON lesson (module_id, position);

CREATE TABLE lesson_completion (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    person_id    BIGINT      NOT NULL,
    lesson_id    BIGINT      NOT NULL,
    completed_at DATETIME(6) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uk_completion UNIQUE (person_id, lesson_id),
    CONSTRAINT fk_completion_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_completion_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
);

CREATE INDEX ix_completion_lesson ON lesson_completion (lesson_id);

CREATE TABLE lesson_note (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    version     INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(6) NOT NULL,
    modified_at DATETIME(6) NOT NULL,
    person_id   BIGINT      NOT NULL,
    lesson_id   BIGINT      NOT NULL,
    note        TEXT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_note_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_note_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
);

CREATE INDEX ix_note_person_lesson ON lesson_note (person_id, lesson_id);

CREATE TABLE content_import (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    started_at     DATETIME(6)  NOT NULL,
    trigger_name   VARCHAR(100) NOT NULL,
    content_dir    VARCHAR(500) NOT NULL,
    modules_live   INT          NOT NULL,
    modules_changed INT         NOT NULL,
    error_count    INT          NOT NULL,
    PRIMARY KEY (id)
);

CREATE TABLE content_import_error (
    import_id BIGINT        NOT NULL,
    position  INT           NOT NULL,
    path      VARCHAR(300)  NOT NULL,
    line      INT           NOT NULL,
    message   VARCHAR(1000) NOT NULL,
    PRIMARY KEY (import_id, position),
    CONSTRAINT fk_import_error_import FOREIGN KEY (import_id) REFERENCES content_import (id)
);

CREATE TABLE self_assessment (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    version      INT         NOT NULL DEFAULT 0,
    created_at   DATETIME(6) NOT NULL,
    modified_at  DATETIME(6) NOT NULL,
    person_id    BIGINT      NOT NULL,
    framework_id BIGINT      NOT NULL,
    strengths    TEXT,
    to_develop   TEXT,
    PRIMARY KEY (id),
    CONSTRAINT fk_assessment_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_assessment_framework FOREIGN KEY (framework_id) REFERENCES framework (id)
);

CREATE INDEX ix_assessment_person ON self_assessment (person_id, created_at);

CREATE TABLE self_rating (
    assessment_id BIGINT NOT NULL,
    element_id    BIGINT NOT NULL,
    rating        INT    NOT NULL,
    PRIMARY KEY (assessment_id, element_id),
    CONSTRAINT fk_rating_assessment FOREIGN KEY (assessment_id) REFERENCES self_assessment (id),
    CONSTRAINT fk_rating_element FOREIGN KEY (element_id) REFERENCES framework_element (id)
);
