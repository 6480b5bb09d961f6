-- Each lesson names the framework elements it teaches (evidence and coverage are counted per lesson, no
-- longer per module) and the setting of its case-study scene. Content imports keep warnings (things to fix
-- that do not stop a module going live) beside errors.
ALTER TABLE lesson ADD COLUMN setting VARCHAR(40);

CREATE TABLE lesson_element (
    lesson_id    BIGINT      NOT NULL,
    element_code VARCHAR(40) NOT NULL,
    PRIMARY KEY (lesson_id, element_code),
    CONSTRAINT fk_lesson_element_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id)
);

CREATE INDEX ix_lesson_element_code ON lesson_element (element_code);

ALTER TABLE content_import ADD COLUMN warning_count INT NOT NULL DEFAULT 0;
ALTER TABLE content_import_error ADD COLUMN severity VARCHAR(10) NOT NULL DEFAULT 'ERROR';
