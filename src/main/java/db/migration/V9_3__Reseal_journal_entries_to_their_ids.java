package db.migration;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.leadingtogether.journal.JournalCipher;
import org.leadingtogether.journal.JournalKey;
import org.leadingtogether.journal.JournalResealing;

import java.util.logging.Logger;

/**
 * Journal texts bound to their entry: every stored entry is sealed again ({@link JournalResealing}). A Java migration
 * because only the portal holds the key; it finds the key by the same rule as the running portal
 * ({@code JOURNAL_KEY}, or the embedded database's own key file).
 */
public class V9_3__Reseal_journal_entries_to_their_ids extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V9_3__Reseal_journal_entries_to_their_ids.class.getName());

    @Override
    public void migrate(Context context) throws Exception {
        Config config = ConfigProvider.getConfig();
        JournalCipher cipher = new JournalCipher(JournalKey.resolve(config.getOptionalValue("journal.key", String.class),
                config.getValue("db.url", String.class)));
        int entries = new JournalResealing(cipher).resealAll(context.getConnection());
        LOG.info(() -> "Journal entries sealed again, bound to their ids: " + entries);
    }
}
