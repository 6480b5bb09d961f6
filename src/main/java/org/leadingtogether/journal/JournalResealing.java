package org.leadingtogether.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Seals every stored journal entry's texts again, bound to their entry as well as to their author and field (see
 * {@link JournalEntry}): entries written before that binding could have had a text moved to another entry of the same
 * author unnoticed. Run once, by the schema migration {@code V9_3}, with plain JDBC on the migration's connection, a
 * page of entries at a time so that a large journal table does not have to fit in memory. A text that does not open
 * with its old binding (changed or moved already) stops the migration, loudly: sealing it again would make it look
 * genuine.
 */
public final class JournalResealing {

    private static final List<String> FIELDS = List.of("title", "stages", "learned", "change");
    private static final int PAGE = 500;

    private final JournalCipher cipher;

    public JournalResealing(JournalCipher cipher) {
        this.cipher = cipher;
    }

    /** Reseals every entry; returns how many entries were sealed again. */
    public int resealAll(Connection db) throws SQLException {
        int done = 0;
        long after = 0;
        while (true) {
            int inPage = 0;
            try (PreparedStatement select = db.prepareStatement("SELECT id, author_id, title_sealed, stages_sealed, learned_sealed,"
                    + " change_sealed FROM journal_entry WHERE id > ? ORDER BY id LIMIT " + PAGE)) {
                select.setLong(1, after);
                try (ResultSet rows = select.executeQuery();
                     PreparedStatement update = db.prepareStatement("""
                             UPDATE journal_entry SET title_sealed = ?, stages_sealed = ?, learned_sealed = ?, change_sealed = ?
                             WHERE id = ?""")) {
                    while (rows.next()) {
                        long id = rows.getLong(1);
                        long author = rows.getLong(2);
                        for (int i = 0; i < FIELDS.size(); i++) {
                            update.setString(i + 1, reseal(rows.getString(3 + i), author, id, FIELDS.get(i)));
                        }
                        update.setLong(5, id);
                        update.addBatch();
                        after = id;
                        inPage++;
                    }
                    if (inPage > 0) {
                        update.executeBatch();
                    }
                }
            }
            done += inPage;
            if (inPage < PAGE) {
                return done;
            }
        }
    }

    /** One stored value, opened with its old binding and sealed with the new one. */
    String reseal(String sealed, long authorId, long entryId, String field) {
        String plain = cipher.open(sealed, JournalEntry.legacyContext(authorId, field));
        return cipher.seal(plain, JournalEntry.sealContext(authorId, entryId, field));
    }
}
