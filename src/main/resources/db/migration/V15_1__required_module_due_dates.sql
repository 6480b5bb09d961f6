-- A cohort's due dates for its programme's required modules: optional, one per module, within the cohort's dates.
-- A module no longer required keeps its row harmlessly (only the programme's required modules are read).
CREATE TABLE cohort_module_due (
    cohort_id  BIGINT       NOT NULL,
    module_key VARCHAR(100) NOT NULL,
    due_date   DATE         NOT NULL,
    PRIMARY KEY (cohort_id, module_key),
    CONSTRAINT fk_cohort_module_due_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
);
