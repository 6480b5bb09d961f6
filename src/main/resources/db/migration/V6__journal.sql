-- Reflective journal: entries (the texts of their model's stages sealed together as one JSON array), the
-- framework elements and NMC Code themes they evidence, and coaches' comments. Every *_sealed column holds text encrypted by the portal
-- (AES-256-GCM, base64): nothing an author writes is readable from the database alone. What is plain is only
-- what must be queried without reading the text: dates, kind, model, element codes, themes, CPD hours, links.

CREATE TABLE journal_entry (
    id                  BIGINT        NOT NULL AUTO_INCREMENT,
    version             INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    modified_at         DATETIME(6)   NOT NULL,
    author_id           BIGINT        NOT NULL,
    status              VARCHAR(10)   NOT NULL,
    event_date          DATE,
    kind                VARCHAR(30),
    model               VARCHAR(20)   NOT NULL,
    title_sealed        VARCHAR(1200),
    stages_sealed       MEDIUMTEXT,
    learned_sealed      TEXT,
    change_sealed       TEXT,
    cpd_hours           DECIMAL(5, 2),
    participatory       BOOLEAN       NOT NULL DEFAULT FALSE,
    lesson_key          VARCHAR(100),
    coaching_session_id BIGINT,
    shared_pairing_id   BIGINT,
    shared_at           DATETIME(6),
    saved_at            DATETIME(6),
    PRIMARY KEY (id),
    CONSTRAINT fk_journal_author FOREIGN KEY (author_id) REFERENCES person (id),
    -- A session or pairing that is ever removed takes the link and the sharing with it, never the entry.
    CONSTRAINT fk_journal_session FOREIGN KEY (coaching_session_id) REFERENCES coaching_session (id) ON DELETE SET NULL,
    CONSTRAINT fk_journal_pairing FOREIGN KEY (shared_pairing_id) REFERENCES coaching_pairing (id) ON DELETE SET NULL
);

CREATE INDEX ix_journal_author ON journal_entry (author_id, event_date);
CREATE INDEX ix_journal_shared ON journal_entry (shared_pairing_id);

CREATE TABLE journal_entry_element (
    entry_id     BIGINT      NOT NULL,
    element_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (entry_id, element_code),
    CONSTRAINT fk_journal_element_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id)
);

CREATE INDEX ix_journal_element_code ON journal_entry_element (element_code);

CREATE TABLE journal_entry_theme (
    entry_id BIGINT      NOT NULL,
    theme    VARCHAR(40) NOT NULL,
    PRIMARY KEY (entry_id, theme),
    CONSTRAINT fk_journal_theme_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id)
);

CREATE TABLE journal_comment (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    version     INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(6) NOT NULL,
    modified_at DATETIME(6) NOT NULL,
    entry_id    BIGINT      NOT NULL,
    author_id   BIGINT      NOT NULL,
    text_sealed TEXT        NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT fk_comment_entry FOREIGN KEY (entry_id) REFERENCES journal_entry (id),
    CONSTRAINT fk_comment_author FOREIGN KEY (author_id) REFERENCES person (id)
);

CREATE INDEX ix_comment_entry ON journal_comment (entry_id, created_at);
