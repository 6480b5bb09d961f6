-- 360 feedback (org.leadingtogether.feedback).

-- The booking feature's outbox also carries emails that are about no booking: 360 invitations and reminders.
ALTER TABLE booking_notice MODIFY booking_id BIGINT NULL;

-- A programme's rounds: when each opens and closes (answers are taken up to the end of closes_on, London time) and
-- how many raters each learner needs for their 360 to count as complete.
CREATE TABLE feedback_round (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    modified_at  DATETIME(6)  NOT NULL,
    programme_id BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    opens_on     DATE         NOT NULL,
    closes_on    DATE         NOT NULL,
    min_raters   INT          NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_fround_programme FOREIGN KEY (programme_id) REFERENCES programme (id)
);
CREATE INDEX ix_fround_programme ON feedback_round (programme_id, closes_on);

-- A learner's 360 in a round, against the framework active when they opened it. answers counts the raters who have
-- answered (kept with each answer, so the learner's page and the impact report never count rows).
CREATE TABLE feedback_request (
    id                BIGINT      NOT NULL AUTO_INCREMENT,
    version           INT         NOT NULL DEFAULT 0,
    created_at        DATETIME(6) NOT NULL,
    modified_at       DATETIME(6) NOT NULL,
    round_id          BIGINT      NOT NULL,
    learner_id        BIGINT      NOT NULL,
    framework_id      BIGINT      NOT NULL,
    self_rated_at     DATETIME(6),
    answers           INT         NOT NULL DEFAULT 0,
    reminded_at       DATETIME(6),
    shared_pairing_id BIGINT,
    shared_at         DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uk_frequest_round_learner UNIQUE (round_id, learner_id),
    CONSTRAINT fk_frequest_round FOREIGN KEY (round_id) REFERENCES feedback_round (id),
    CONSTRAINT fk_frequest_learner FOREIGN KEY (learner_id) REFERENCES person (id),
    CONSTRAINT fk_frequest_framework FOREIGN KEY (framework_id) REFERENCES framework (id),
    CONSTRAINT fk_frequest_pairing FOREIGN KEY (shared_pairing_id) REFERENCES coaching_pairing (id)
);
CREATE INDEX ix_frequest_learner ON feedback_request (learner_id);

-- Who was invited, in which group, and whether they have answered: deliberately no time of answering, and nothing
-- that leads from here to the answers.
CREATE TABLE feedback_rater (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    version      INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    modified_at  DATETIME(6)  NOT NULL,
    request_id   BIGINT       NOT NULL,
    relationship VARCHAR(20)  NOT NULL,
    email        VARCHAR(254) NOT NULL,
    answered     BOOLEAN      NOT NULL DEFAULT FALSE,
    reminders    INT          NOT NULL DEFAULT 0,
    PRIMARY KEY (id),
    CONSTRAINT uk_frater_request_email UNIQUE (request_id, email),
    CONSTRAINT fk_frater_request FOREIGN KEY (request_id) REFERENCES feedback_request (id)
);

-- The SHA-256 hashes of the secrets in raters' links: one per email sent (the invitation and each reminder).
CREATE TABLE feedback_link (
    token_hash CHAR(64)    NOT NULL,
    rater_id   BIGINT      NOT NULL,
    created_at DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash),
    CONSTRAINT fk_flink_rater FOREIGN KEY (rater_id) REFERENCES feedback_rater (id)
);
CREATE INDEX ix_flink_rater ON feedback_link (rater_id);

-- Answers: the learner's own (relationship SELF) and each rater's, with their group only.
CREATE TABLE feedback_response (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    request_id   BIGINT      NOT NULL,
    relationship VARCHAR(20) NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_fresponse_request FOREIGN KEY (request_id) REFERENCES feedback_request (id)
);
CREATE INDEX ix_fresponse_request ON feedback_response (request_id, relationship);

-- A rating per element answered ("not able to say" is no row).
CREATE TABLE feedback_rating (
    response_id  BIGINT      NOT NULL,
    element_code VARCHAR(40) NOT NULL,
    rating       INT         NOT NULL,
    PRIMARY KEY (response_id, element_code),
    CONSTRAINT fk_frating_response FOREIGN KEY (response_id) REFERENCES feedback_response (id)
);

-- Raters' comments, with the question answered and a random place in the list: neither group nor rater.
CREATE TABLE feedback_comment (
    id         BIGINT NOT NULL AUTO_INCREMENT,
    request_id BIGINT NOT NULL,
    question   INT    NOT NULL,
    body       TEXT   NOT NULL,
    sort_key   INT    NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_fcomment_request FOREIGN KEY (request_id) REFERENCES feedback_request (id)
);
CREATE INDEX ix_fcomment_request ON feedback_comment (request_id, question, sort_key);

-- Per request and dimension: sums and counts of the learner's own ratings and of everyone else's, kept as answers
-- arrive, so the programme impact report reads one small row per learner and dimension, never every rating.
CREATE TABLE feedback_score (
    request_id     BIGINT      NOT NULL,
    dimension_code VARCHAR(40) NOT NULL,
    self_total     INT         NOT NULL DEFAULT 0,
    self_count     INT         NOT NULL DEFAULT 0,
    others_total   INT         NOT NULL DEFAULT 0,
    others_count   INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (request_id, dimension_code),
    CONSTRAINT fk_fscore_request FOREIGN KEY (request_id) REFERENCES feedback_request (id)
);

-- The coach's notes of the debrief, belonging to the pairing they were written in.
CREATE TABLE feedback_debrief (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    version     INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(6) NOT NULL,
    modified_at DATETIME(6) NOT NULL,
    request_id  BIGINT      NOT NULL,
    pairing_id  BIGINT      NOT NULL,
    body        TEXT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_fdebrief_request FOREIGN KEY (request_id) REFERENCES feedback_request (id),
    CONSTRAINT fk_fdebrief_pairing FOREIGN KEY (pairing_id) REFERENCES coaching_pairing (id)
);
CREATE INDEX ix_fdebrief_request ON feedback_debrief (request_id);
