-- A coachee holds at most one open or active pairing (proposed, first conversation or active), enforced by the
-- database as well as by the coaching service: two tabs, or two managers proposing different coaches at the same
-- moment, can no longer give one person two coaches. open_coachee_id is the coachee while the pairing is open and
-- NULL otherwise (a generated column, so no code can forget it), and a unique key stands on it.

-- Earlier data may hold such doubles: the one to keep is the latest pairing under way (first conversation or
-- active), else the latest proposal; the others are closed as they would have been (a proposal expires, a pairing
-- under way ends, with no reason recorded).
UPDATE coaching_pairing
SET state = CASE WHEN state = 'PROPOSED' THEN 'EXPIRED' ELSE 'ENDED' END, ended_at = CURRENT_TIMESTAMP(6)
WHERE state IN ('PROPOSED', 'CHEMISTRY', 'ACTIVE')
  AND id NOT IN (SELECT keep_id FROM (
        SELECT COALESCE(MAX(CASE WHEN state <> 'PROPOSED' THEN id END), MAX(id)) AS keep_id
        FROM coaching_pairing WHERE state IN ('PROPOSED', 'CHEMISTRY', 'ACTIVE') GROUP BY coachee_id) kept);

ALTER TABLE coaching_pairing ADD COLUMN open_coachee_id BIGINT
    GENERATED ALWAYS AS (CASE WHEN state IN ('PROPOSED', 'CHEMISTRY', 'ACTIVE') THEN coachee_id END);

CREATE UNIQUE INDEX uk_pairing_open_coachee ON coaching_pairing (open_coachee_id);
