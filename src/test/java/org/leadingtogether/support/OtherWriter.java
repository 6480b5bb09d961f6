package org.leadingtogether.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Another writer to the portal's database, on a connection of its own outside the portal's pool and transactions, for
 * in-container tests that make a deadlock for real: it takes locks the portal's change will need, waits until that
 * change waits for it, then asks for a lock the change holds, and the database breaks the circle by giving one of the
 * two up. {@link #weigh} makes the other writer the bigger change, so the database gives up the portal's, which is
 * what such a test is about.
 */
public final class OtherWriter {

    private OtherWriter() {
    }

    /** A connection to the portal's database ({@code DB_URL}, as the portal under test is given it). */
    public static Connection connect() throws SQLException {
        org.mariadb.jdbc.MariaDbDataSource source = new org.mariadb.jdbc.MariaDbDataSource(System.getenv("DB_URL"));
        return source.getConnection(System.getenv("DB_USER"), System.getenv("DB_PASSWORD"));
    }

    /** Runs one statement with its parameters in order. */
    public static void execute(Connection db, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        }
    }

    /**
     * Writes two hundred rows nobody reads (form intents of no one) in {@code db}'s transaction, so that in a deadlock
     * the database, which gives up the change that wrote less, gives up the portal's.
     */
    public static void weigh(Connection db) throws SQLException {
        try (PreparedStatement weight = db.prepareStatement(
                "INSERT INTO form_intent (person_id, intent, created_at) VALUES (-1, ?, CURRENT_TIMESTAMP)")) {
            String key = UUID.randomUUID().toString();
            for (int i = 0; i < 200; i++) {
                weight.setString(1, "deadlock-weight/" + key + "/" + i);
                weight.executeUpdate();
            }
        }
    }

    /**
     * Makes a deadlock with {@code change}, run on a thread of its own, and gives what the change gave. This writer, made
     * the bigger ({@link #weigh}), first runs {@code firstLock} with {@code firstKey}: a lock the change will need, such
     * as a locking read of the place in an index where it is to write, or a row it refers to. It waits until the change
     * waits for that lock ({@code waitsAt}, the start of its statement), then asks with {@code rowLock} for a row the
     * change holds ({@code rowKey}), and the database gives one of the two up; this writer then rolls back. Fails if the
     * database broke no deadlock meanwhile (the change did not wait where the test meant it to), or if the change fails
     * or takes more than a minute.
     */
    public static <T> T deadlock(Callable<T> change, String firstLock, Object firstKey, String waitsAt, String rowLock, Object rowKey)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = connect()) {
            long before = deadlocks(other);
            other.setAutoCommit(false);
            other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            weigh(other);
            execute(other, firstLock, firstKey);
            Future<T> changing = pool.submit(change);
            waitForStatement(other, waitsAt, changing);
            execute(other, rowLock, rowKey);
            other.rollback();
            T result = changing.get(60, TimeUnit.SECONDS);
            if (deadlocks(other) <= before) {
                throw new AssertionError("no deadlock was made: the change did not wait at '" + waitsAt + "…' for this writer's lock");
            }
            return result;
        } finally {
            pool.shutdownNow();
        }
    }

    /** How many deadlocks the database has broken since it started (its {@code Innodb_deadlocks} figure). */
    public static long deadlocks(Connection db) throws SQLException {
        try (PreparedStatement statement = db.prepareStatement("SHOW GLOBAL STATUS LIKE 'Innodb_deadlocks'");
             ResultSet rows = statement.executeQuery()) {
            if (!rows.next()) {
                throw new AssertionError("the database does not count its deadlocks (no Innodb_deadlocks)");
            }
            return rows.getLong(2);
        }
    }

    /**
     * Waits until another connection to the same database is running a statement that starts with {@code sql}, and so
     * waits for a lock; fails if {@code running} ends first, or after a minute.
     */
    public static void waitForStatement(Connection db, String sql, Future<?> running) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < until) {
            try (PreparedStatement statement = db.prepareStatement("""
                    SELECT COUNT(*) FROM information_schema.PROCESSLIST
                    WHERE ID <> CONNECTION_ID() AND DB = DATABASE() AND INFO LIKE ?""")) {
                statement.setString(1, sql + "%");
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
            }
            if (running.isDone()) {
                running.get();
                throw new AssertionError("finished without waiting at '" + sql + "…'");
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no statement '" + sql + "…' was seen waiting");
    }
}
