package org.leadingtogether.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.persistence.internal.databaseaccess.DatabaseCall;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventManager;
import org.eclipse.persistence.sessions.server.Server;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The SQL statements the persistence provider sends while some work runs on the calling thread, for tests that show
 * a page's statements do not grow with the data (the rule under Performance in the README). Counted where the
 * provider executes each call, so work on other threads (the minute's jobs) is left out, and so are the transaction's
 * own statements, which the database counts but the provider does not send as calls.
 */
@ApplicationScoped
public class SqlStatements {

    @PersistenceContext
    private EntityManager em;

    /** What some work returned, and the statements it sent, in order. */
    public record Counted<T>(T value, List<String> statements) {
    }

    public <T> Counted<T> of(Callable<T> work) throws Exception {
        Thread caller = Thread.currentThread();
        List<String> statements = new CopyOnWriteArrayList<>();
        SessionEventAdapter listener = new SessionEventAdapter() {
            @Override
            public void preExecuteCall(SessionEvent event) {
                if (Thread.currentThread() == caller && event.getCall() instanceof DatabaseCall call) {
                    statements.add(call.getSQLString());
                }
            }
        };
        // Each transaction's session copies the listeners of the shared one when it starts, so work begun after
        // this line is heard.
        SessionEventManager events = em.unwrap(Server.class).getEventManager();
        events.addListener(listener);
        try {
            T value = work.call();
            return new Counted<>(value, List.copyOf(statements));
        } finally {
            events.removeListener(listener);
        }
    }
}
