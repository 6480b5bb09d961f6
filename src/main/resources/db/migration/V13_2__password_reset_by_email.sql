-- Password reset by email: a link per request, kept only as the SHA-256 hash of its random token, valid for 30
-- minutes and once (used_at); choosing a password through one ends the person's other links.
CREATE TABLE password_reset (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    modified_at DATETIME(6)  NOT NULL,
    person_id   BIGINT       NOT NULL,
    token_hash  CHAR(64)     NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    used_at     DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_password_reset_hash UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_person FOREIGN KEY (person_id) REFERENCES person (id)
);
CREATE INDEX ix_password_reset_person ON password_reset (person_id, used_at);

-- The outbox also carries the account's emails (a reset link), which belong to no booking; such an email is not worth
-- sending after worthless_after, and its text (which holds the link) is not kept once it has gone or expired.
ALTER TABLE booking_notice MODIFY COLUMN booking_id BIGINT NULL;
ALTER TABLE booking_notice ADD COLUMN worthless_after DATETIME(6);
