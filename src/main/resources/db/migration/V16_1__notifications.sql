-- Notifications: what happened that concerns a person (ids and a link only, never a reflection's or a note's words),
-- read or not, and waiting for the weekly digest or not.
CREATE TABLE notification (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    modified_at DATETIME(6)  NOT NULL,
    person_id   BIGINT       NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    about_name  VARCHAR(250),
    link        VARCHAR(300) NOT NULL,
    read_at     DATETIME(6),
    digest_due  BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (id),
    CONSTRAINT fk_notification_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_notification_person ON notification (person_id, read_at);
CREATE INDEX ix_notification_digest ON notification (digest_due, person_id);

-- Each person's choice per kind: PORTAL (in the portal only), EMAIL (an email at once) or DIGEST (a weekly email);
-- no row: the kind's default.
CREATE TABLE notification_choice (
    person_id BIGINT      NOT NULL,
    kind      VARCHAR(30) NOT NULL,
    delivery  VARCHAR(10) NOT NULL,
    PRIMARY KEY (person_id, kind),
    CONSTRAINT fk_notification_choice_person FOREIGN KEY (person_id) REFERENCES person (id)
);

-- The one-click links in notification emails, to change one's choices without signing in: only the SHA-256 hash of
-- each link's random token is kept, for 90 days.
CREATE TABLE notification_link (
    token_hash CHAR(64)    NOT NULL,
    person_id  BIGINT      NOT NULL,
    kind       VARCHAR(30) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    PRIMARY KEY (token_hash),
    CONSTRAINT fk_notification_link_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_notification_link_person ON notification_link (person_id);

-- Learners found behind the pace (the cohort dashboard's rule) by the daily check: since when, and when last told
-- (at most once a week). A row goes when they are back on pace. The manager's home counts those behind since the
-- manager's previous visit.
CREATE TABLE pace_watch (
    person_id    BIGINT      NOT NULL,
    cohort_id    BIGINT      NOT NULL,
    behind_since DATETIME(6) NOT NULL,
    told_at      DATETIME(6),
    PRIMARY KEY (person_id, cohort_id),
    CONSTRAINT fk_pace_watch_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_pace_watch_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
);
CREATE INDEX ix_pace_watch_cohort ON pace_watch (cohort_id, behind_since);

-- When each person last opened each home page, and the visit before: "since your last visit".
CREATE TABLE home_visit (
    person_id   BIGINT      NOT NULL,
    page        VARCHAR(10) NOT NULL,
    previous_at DATETIME(6),
    last_at     DATETIME(6) NOT NULL,
    PRIMARY KEY (person_id, page),
    CONSTRAINT fk_home_visit_person FOREIGN KEY (person_id) REFERENCES person (id)
);
