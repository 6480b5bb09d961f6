-- Framework editions: a newer edition names the one it replaces and maps each of that edition's elements to
-- its own (the crosswalk), so learners' earlier ratings and evidence carry over; a notice says what in the
-- framework file is the portal's own wording. declared_active remembers what the file last said about being
-- active, so that a file changed to "active: true" takes effect at the next import, while an administrator's
-- own choice on the Content page stands until a file changes again.
ALTER TABLE framework ADD COLUMN notice TEXT;
ALTER TABLE framework ADD COLUMN replaces_code VARCHAR(40);
ALTER TABLE framework ADD COLUMN replaces_version VARCHAR(20);
ALTER TABLE framework ADD COLUMN declared_active BOOLEAN NOT NULL DEFAULT FALSE;

UPDATE framework SET declared_active = active;

CREATE TABLE framework_crosswalk (
    framework_id BIGINT      NOT NULL,
    from_code    VARCHAR(40) NOT NULL,
    to_code      VARCHAR(40) NOT NULL,
    PRIMARY KEY (framework_id, from_code, to_code),
    CONSTRAINT fk_crosswalk_framework FOREIGN KEY (framework_id) REFERENCES framework (id)
);
