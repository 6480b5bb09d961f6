-- One row per form submission that created something: the person and the intention key the form carried (made
-- when its page was shown) with what it asked for. The primary key lets the first submission through and
-- answers every repeat of it "already done" (see FormIntents). Rows older than a week are removed.
CREATE TABLE form_intent (
    person_id  BIGINT       NOT NULL,
    intent     VARCHAR(150) NOT NULL,
    created_at DATETIME(6)  NOT NULL,
    PRIMARY KEY (person_id, intent)
);

CREATE INDEX ix_form_intent_created ON form_intent (created_at);
