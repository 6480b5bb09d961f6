-- Single sign-on: a person's account at an OpenID Connect identity provider (its issuer and subject), linked to their
-- portal account the first time they sign in through it. Later sign-ins find the person by the link, never again by
-- email address. One link per person and issuer; one person per issuer and subject.
CREATE TABLE provider_link (
    id             BIGINT        NOT NULL AUTO_INCREMENT,
    version        INT           NOT NULL DEFAULT 0,
    created_at     DATETIME(6)   NOT NULL,
    modified_at    DATETIME(6)   NOT NULL,
    person_id      BIGINT        NOT NULL,
    issuer         VARCHAR(255)  NOT NULL,
    subject        VARCHAR(255)  NOT NULL,
    provider_id    VARCHAR(20)   NOT NULL,
    last_sign_in_at DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT uq_provider_link_subject UNIQUE (issuer, subject),
    CONSTRAINT uq_provider_link_person UNIQUE (person_id, issuer),
    CONSTRAINT fk_provider_link_person FOREIGN KEY (person_id) REFERENCES person (id)
);
