package org.leadingtogether.learning;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports the content folder when the portal starts. A failure is logged and shown on the content status
 * page rather than stopping the portal: people can still sign in and use what was imported before.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
public class ContentStartup {

    private static final Logger LOG = Logger.getLogger(ContentStartup.class.getName());

    @Inject
    private ContentImport contentImport;

    @PostConstruct
    void importContent() {
        try {
            contentImport.run("start-up");
        } catch (RuntimeException failed) {
            LOG.log(Level.SEVERE, "Content import at start-up failed; the content already imported stays live", failed);
        }
    }
}
