-- Protected-time booking: learners' protected blocks and coaching sessions booked in coaches' slots (one
-- table, so "nobody holds two overlapping bookings" is one question), coaches' availability (repeating
-- patterns and one-off slots), private calendar feeds, and the outbox of booking emails.
-- Every instant is a UTC DATETIME(6) (see InstantConverter); local London times are made at the edges.

CREATE TABLE booking (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    version             INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    modified_at         DATETIME(6)   NOT NULL,
    kind                VARCHAR(20)   NOT NULL,
    person_id           BIGINT        NOT NULL,
    coach_id            BIGINT,
    pairing_id          BIGINT,
    session_id          BIGINT,
    cohort_id           BIGINT,
    starts_at           DATETIME(6)   NOT NULL,
    ends_at             DATETIME(6)   NOT NULL,
    minutes             INT           NOT NULL,
    purpose             VARCHAR(30)   NOT NULL,
    module_key          VARCHAR(100),
    status              VARCHAR(20)   NOT NULL,
    over_entitlement    BOOLEAN       NOT NULL DEFAULT FALSE,
    over_reason         VARCHAR(1000),
    closed_reason       VARCHAR(30),
    closed_note         VARCHAR(1000),
    closed_by           BIGINT,
    closed_at           DATETIME(6),
    booked_by           BIGINT        NOT NULL,
    ical_uid            VARCHAR(100)  NOT NULL,
    ical_sequence       INT           NOT NULL DEFAULT 0,
    -- The start while the booking stands, NULL once it is cancelled: the unique keys below then allow one
    -- standing booking per person per start and one per coach per start, whatever the code does.
    person_slot         DATETIME(6),
    coach_slot          DATETIME(6),
    -- Claimed by the one instance that sends the day-before reminder (a cluster never sends two).
    reminder_claimed_at DATETIME(6),
    reminder_claimed_by VARCHAR(100),
    PRIMARY KEY (id),
    CONSTRAINT uk_booking_ical_uid UNIQUE (ical_uid),
    CONSTRAINT uk_booking_person_slot UNIQUE (person_id, person_slot),
    CONSTRAINT uk_booking_coach_slot UNIQUE (coach_id, coach_slot),
    CONSTRAINT fk_booking_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_booking_coach FOREIGN KEY (coach_id) REFERENCES person (id),
    CONSTRAINT fk_booking_pairing FOREIGN KEY (pairing_id) REFERENCES coaching_pairing (id),
    CONSTRAINT fk_booking_session FOREIGN KEY (session_id) REFERENCES coaching_session (id),
    CONSTRAINT fk_booking_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
);

CREATE INDEX ix_booking_person ON booking (person_id, starts_at);
CREATE INDEX ix_booking_coach ON booking (coach_id, starts_at);
CREATE INDEX ix_booking_cohort ON booking (cohort_id, person_id);
CREATE INDEX ix_booking_due ON booking (status, starts_at);

-- A coach's repeating availability: every <day> from <from> to <until> (London time), cut into sessions of
-- <session_minutes> with <buffer_minutes> between them, bookable until <notice_hours> before each start.
CREATE TABLE coach_slot_pattern (
    id              BIGINT      NOT NULL AUTO_INCREMENT,
    version         INT         NOT NULL DEFAULT 0,
    created_at      DATETIME(6) NOT NULL,
    modified_at     DATETIME(6) NOT NULL,
    coach_id        BIGINT      NOT NULL,
    day_of_week     INT         NOT NULL,
    from_time       TIME        NOT NULL,
    until_time      TIME        NOT NULL,
    session_minutes INT         NOT NULL,
    buffer_minutes  INT         NOT NULL,
    notice_hours    INT         NOT NULL,
    first_day       DATE        NOT NULL,
    last_day        DATE,
    PRIMARY KEY (id),
    CONSTRAINT fk_slot_pattern_coach FOREIGN KEY (coach_id) REFERENCES person (id)
);

CREATE INDEX ix_slot_pattern_coach ON coach_slot_pattern (coach_id);

CREATE TABLE coach_one_off_slot (
    id           BIGINT      NOT NULL AUTO_INCREMENT,
    version      INT         NOT NULL DEFAULT 0,
    created_at   DATETIME(6) NOT NULL,
    modified_at  DATETIME(6) NOT NULL,
    coach_id     BIGINT      NOT NULL,
    starts_at    DATETIME(6) NOT NULL,
    minutes      INT         NOT NULL,
    notice_hours INT         NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_one_off_slot_coach FOREIGN KEY (coach_id) REFERENCES person (id)
);

CREATE INDEX ix_one_off_slot_coach ON coach_one_off_slot (coach_id, starts_at);

-- A private calendar feed: only a SHA-256 hash of its secret address is kept.
CREATE TABLE calendar_feed (
    person_id   BIGINT      NOT NULL,
    version     INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(6) NOT NULL,
    modified_at DATETIME(6) NOT NULL,
    token_hash  CHAR(64)    NOT NULL,
    PRIMARY KEY (person_id),
    CONSTRAINT uk_calendar_feed_token UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_person FOREIGN KEY (person_id) REFERENCES person (id)
);

-- Booking emails, written in the booking's own transaction and sent after it commits; an instance claims a
-- row before sending it, so a cluster sends each once, and a failure is tried again later.
CREATE TABLE booking_notice (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    version         INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(6)   NOT NULL,
    modified_at     DATETIME(6)   NOT NULL,
    booking_id      BIGINT        NOT NULL,
    kind            VARCHAR(20)   NOT NULL,
    recipient       VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            TEXT          NOT NULL,
    calendar        TEXT,
    calendar_method VARCHAR(10),
    sent_at         DATETIME(6),
    claimed_by      VARCHAR(100),
    claimed_until   DATETIME(6),
    attempts        INT           NOT NULL DEFAULT 0,
    last_error      VARCHAR(1000),
    PRIMARY KEY (id),
    CONSTRAINT fk_notice_booking FOREIGN KEY (booking_id) REFERENCES booking (id)
);

CREATE INDEX ix_notice_pending ON booking_notice (sent_at, claimed_until);
