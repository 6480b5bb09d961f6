-- A comment on a shared journal entry belongs to the coaching pairing it was written in: a coach reads only the
-- comments of the pairing the entry is shared through now, so a new coach never sees a former coach's words. The
-- author still reads every comment on their entry.
ALTER TABLE journal_comment ADD COLUMN pairing_id BIGINT;

-- Comments already written: a coach's belongs to the latest pairing of that coach with the entry's author begun
-- before it was written.
UPDATE journal_comment SET pairing_id = (
    SELECT MAX(p.id) FROM coaching_pairing p JOIN journal_entry e ON e.id = journal_comment.entry_id
    WHERE p.coach_id = journal_comment.author_id AND p.coachee_id = e.author_id AND p.proposed_at <= journal_comment.created_at);

-- The author's replies: the pairing of the latest coach's comment on the same entry before the reply, else the pairing
-- the entry is shared through now. (Read through a derived table: MariaDB cannot read the table an UPDATE changes.)
UPDATE journal_comment SET pairing_id = COALESCE(
    (SELECT x.pairing_id FROM (SELECT id, entry_id, pairing_id, created_at FROM journal_comment WHERE pairing_id IS NOT NULL) x
     WHERE x.entry_id = journal_comment.entry_id AND x.created_at <= journal_comment.created_at
     ORDER BY x.created_at DESC, x.id DESC LIMIT 1),
    (SELECT e.shared_pairing_id FROM journal_entry e WHERE e.id = journal_comment.entry_id))
WHERE pairing_id IS NULL AND author_id = (SELECT e.author_id FROM journal_entry e WHERE e.id = journal_comment.entry_id);

CREATE INDEX ix_comment_pairing ON journal_comment (entry_id, pairing_id);
ALTER TABLE journal_comment ADD CONSTRAINT fk_comment_pairing FOREIGN KEY (pairing_id) REFERENCES coaching_pairing (id) ON DELETE SET NULL;
