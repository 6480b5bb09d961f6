package org.leadingtogether.platform.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * When a query fails because the connection broke, the persistence provider would by default reconnect and try
 * again three times, five seconds apart: with the database away, every page then waited many seconds before
 * failing. The connection pool already drops broken connections and makes new ones (see DatabaseMigration), so here
 * a broken connection fails the request at once, and the person sees the "temporarily unavailable" page within a
 * second or two instead (IntegrityIT measures it). Named in persistence.xml.
 */
public class FailFastSession implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
