-- The latest self-assessment of each member against a framework is looked up by person and framework
-- (cohort heat map, progress overview).
CREATE INDEX ix_assessment_person_framework ON self_assessment (person_id, framework_id, id);
