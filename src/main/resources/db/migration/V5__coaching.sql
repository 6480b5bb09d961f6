-- Coaching: coach profiles, what coachees wish for, pairings with their agreement, session records,
-- shared actions, and coach ratings kept beside (never over) self-ratings. A coach's private notes live
-- in coaching_session.coach_notes and are read by the coach alone.

-- Who someone's line manager is and which team they are in: a coach may never be either.
ALTER TABLE person ADD COLUMN line_manager_id BIGINT;
ALTER TABLE person ADD COLUMN team VARCHAR(120);
ALTER TABLE person ADD CONSTRAINT fk_person_line_manager FOREIGN KEY (line_manager_id) REFERENCES person (id);

-- Whether a programme's managers allow coaching inside one's own organisation (the coach must allow it too).
ALTER TABLE programme ADD COLUMN own_organisation_coaching BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE coach_profile (
    person_id              BIGINT        NOT NULL,
    version                INT           NOT NULL DEFAULT 0,
    created_at             DATETIME(6)   NOT NULL,
    modified_at            DATETIME(6)   NOT NULL,
    biography              VARCHAR(2000),
    capacity               INT           NOT NULL DEFAULT 2,
    takes_own_organisation BOOLEAN       NOT NULL DEFAULT FALSE,
    available              BOOLEAN       NOT NULL DEFAULT TRUE,
    PRIMARY KEY (person_id),
    CONSTRAINT fk_coach_profile_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE TABLE coach_accreditation (
    coach_id BIGINT       NOT NULL,
    name     VARCHAR(120) NOT NULL,
    PRIMARY KEY (coach_id, name),
    CONSTRAINT fk_accreditation_coach FOREIGN KEY (coach_id) REFERENCES coach_profile (person_id)
);

CREATE TABLE coach_specialism (
    coach_id BIGINT       NOT NULL,
    name     VARCHAR(120) NOT NULL,
    PRIMARY KEY (coach_id, name),
    CONSTRAINT fk_specialism_coach FOREIGN KEY (coach_id) REFERENCES coach_profile (person_id)
);

CREATE TABLE coach_profession (
    coach_id      BIGINT NOT NULL,
    profession_id BIGINT NOT NULL,
    PRIMARY KEY (coach_id, profession_id),
    CONSTRAINT fk_coach_profession_coach FOREIGN KEY (coach_id) REFERENCES coach_profile (person_id),
    CONSTRAINT fk_coach_profession_profession FOREIGN KEY (profession_id) REFERENCES profession (id)
);

-- What a coachee would like from a coach (specialisms), stated by themselves.
CREATE TABLE coachee_wish (
    person_id BIGINT       NOT NULL,
    name      VARCHAR(120) NOT NULL,
    PRIMARY KEY (person_id, name),
    CONSTRAINT fk_wish_person FOREIGN KEY (person_id) REFERENCES person (id)
);

CREATE TABLE coaching_pairing (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    version       INT           NOT NULL DEFAULT 0,
    created_at    DATETIME(6)   NOT NULL,
    modified_at   DATETIME(6)   NOT NULL,
    coach_id      BIGINT        NOT NULL,
    coachee_id    BIGINT        NOT NULL,
    cohort_id     BIGINT,
    state         VARCHAR(20)   NOT NULL,
    proposed_by   BIGINT        NOT NULL,
    proposed_at   DATETIME(6)   NOT NULL,
    respond_by    DATE          NOT NULL,
    accepted_at   DATETIME(6),
    active_at     DATETIME(6),
    ended_at      DATETIME(6),
    ended_by      BIGINT,
    end_reason    VARCHAR(1000),
    PRIMARY KEY (id),
    CONSTRAINT fk_pairing_coach FOREIGN KEY (coach_id) REFERENCES coach_profile (person_id),
    CONSTRAINT fk_pairing_coachee FOREIGN KEY (coachee_id) REFERENCES person (id),
    CONSTRAINT fk_pairing_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
);

CREATE INDEX ix_pairing_coach ON coaching_pairing (coach_id, state);
CREATE INDEX ix_pairing_coachee ON coaching_pairing (coachee_id, state);
CREATE INDEX ix_pairing_cohort ON coaching_pairing (cohort_id, state);

CREATE TABLE coaching_agreement (
    pairing_id        BIGINT        NOT NULL,
    version           INT           NOT NULL DEFAULT 0,
    created_at        DATETIME(6)   NOT NULL,
    modified_at       DATETIME(6)   NOT NULL,
    goals             VARCHAR(4000) NOT NULL,
    sessions          INT           NOT NULL,
    session_minutes   INT           NOT NULL,
    frequency         VARCHAR(200)  NOT NULL,
    venue             VARCHAR(200),
    confidentiality   VARCHAR(4000) NOT NULL,
    coach_agreed_at   DATETIME(6),
    coachee_agreed_at DATETIME(6),
    PRIMARY KEY (pairing_id),
    CONSTRAINT fk_agreement_pairing FOREIGN KEY (pairing_id) REFERENCES coaching_pairing (id)
);

CREATE TABLE coaching_session (
    id               BIGINT        NOT NULL AUTO_INCREMENT,
    version          INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    modified_at      DATETIME(6)   NOT NULL,
    pairing_id       BIGINT        NOT NULL,
    starts_at        DATETIME(6)   NOT NULL,
    minutes          INT           NOT NULL,
    chemistry        BOOLEAN       NOT NULL DEFAULT FALSE,
    status           VARCHAR(20)   NOT NULL,
    coach_notes      TEXT,
    feedback_rating  INT,
    feedback_comment VARCHAR(2000),
    feedback_at      DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_session_pairing FOREIGN KEY (pairing_id) REFERENCES coaching_pairing (id)
);

CREATE INDEX ix_session_pairing ON coaching_session (pairing_id, starts_at);

CREATE TABLE coaching_action (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    version     INT           NOT NULL DEFAULT 0,
    created_at  DATETIME(6)   NOT NULL,
    modified_at DATETIME(6)   NOT NULL,
    pairing_id  BIGINT        NOT NULL,
    session_id  BIGINT,
    action_text VARCHAR(1000) NOT NULL,
    done        BOOLEAN       NOT NULL DEFAULT FALSE,
    created_by  BIGINT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_action_pairing FOREIGN KEY (pairing_id) REFERENCES coaching_pairing (id),
    CONSTRAINT fk_action_session FOREIGN KEY (session_id) REFERENCES coaching_session (id)
);

CREATE INDEX ix_action_pairing ON coaching_action (pairing_id, created_at);

-- A coach's rating of a coachee against the framework: kept beside the coachee's own self-assessments.
CREATE TABLE coach_assessment (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    version      INT         NOT NULL DEFAULT 0,
    created_at   DATETIME(6) NOT NULL,
    modified_at  DATETIME(6) NOT NULL,
    coach_id     BIGINT      NOT NULL,
    coachee_id   BIGINT      NOT NULL,
    framework_id BIGINT      NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_coach_assessment_coach FOREIGN KEY (coach_id) REFERENCES person (id),
    CONSTRAINT fk_coach_assessment_coachee FOREIGN KEY (coachee_id) REFERENCES person (id),
    CONSTRAINT fk_coach_assessment_framework FOREIGN KEY (framework_id) REFERENCES framework (id)
);

CREATE INDEX ix_coach_assessment_lookup ON coach_assessment (coachee_id, framework_id, id);

CREATE TABLE coach_rating (
    assessment_id BIGINT NOT NULL,
    element_id    BIGINT NOT NULL,
    rating        INT    NOT NULL,
    PRIMARY KEY (assessment_id, element_id),
    CONSTRAINT fk_coach_rating_assessment FOREIGN KEY (assessment_id) REFERENCES coach_assessment (id),
    CONSTRAINT fk_coach_rating_element FOREIGN KEY (element_id) REFERENCES framework_element (id)
);
