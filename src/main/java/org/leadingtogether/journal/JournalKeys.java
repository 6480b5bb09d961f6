package org.leadingtogether.journal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The journal's cipher, made once when the application starts. The key is found by {@link JournalKey}'s rule;
 * a missing or malformed key stops the deployment at start-up, with a message naming {@code JOURNAL_KEY},
 * rather than at the first person who opens their journal.
 */
@ApplicationScoped
public class JournalKeys {

    private static final Logger LOG = Logger.getLogger(JournalKeys.class.getName());

    @Inject
    @ConfigProperty(name = "journal.key")
    private Optional<String> configuredKey;

    @Inject
    @ConfigProperty(name = "db.url")
    private String databaseUrl;

    private JournalCipher cipher;

    @PostConstruct
    void load() {
        try {
            cipher = new JournalCipher(JournalKey.resolve(configuredKey, databaseUrl));
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "The portal cannot start: {0}", e.getMessage());
            throw e;
        }
        LOG.info(() -> configuredKey.filter(k -> !k.isBlank()).isPresent()
                ? "Journal entries are encrypted with the key from JOURNAL_KEY"
                : "Journal entries are encrypted with the embedded database's own key (" + JournalKey.FILE_NAME + "): set JOURNAL_KEY in production");
    }

    /** Touches the bean when the application starts, so a bad key fails the start rather than a later request. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        cipher();
    }

    public JournalCipher cipher() {
        return cipher;
    }
}
