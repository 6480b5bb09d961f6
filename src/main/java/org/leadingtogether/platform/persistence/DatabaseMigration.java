package org.leadingtogether.platform.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.logging.Logger;

/**
 * Defines the portal's only datasource and brings its schema up to date at start-up, on H2 and MariaDB
 * alike, before any feature reads or writes.
 *
 * <p>Every datasource value comes from MicroProfile Config, so one WAR runs on the embedded H2 default
 * ({@code META-INF/microprofile-config.properties}) and on MariaDB when the environment sets
 * {@code DB_CLASS}, {@code DB_URL}, {@code DB_USER} and {@code DB_PASSWORD}.
 *
 * <p>Bean-managed transactions: Flyway manages its own, one per migration. The application's class
 * loader is passed in so that Flyway finds {@code classpath:db/migration} inside the WAR. Other start-up
 * beans that touch the database declare {@code @DependsOn("DatabaseMigration")}.
 */
@DataSourceDefinition(
        name = DatabaseMigration.DATASOURCE,
        className = "${MPCONFIG=db.class}",
        url = "${MPCONFIG=db.url}",
        user = "${MPCONFIG=db.user}",
        password = "${MPCONFIG=db.password}",
        minPoolSize = 2,
        maxPoolSize = DatabaseMigration.CONNECTIONS,
        // READ COMMITTED: each statement sees what is committed when it runs. The services count (places, bookings,
        // open pairings) after taking row locks; under MariaDB's default, REPEATABLE READ, a count read after the
        // lock could still come from the snapshot the transaction took at its first read, before the lock, and be
        // stale. The locks, not the snapshot, are what keep two changes apart (BookingIT, CohortIT, CoachingIT race
        // them), and the unique keys stand under both.
        isolationLevel = Connection.TRANSACTION_READ_COMMITTED,
        properties = {
                // Every connection of the pool has the same credentials, so there is nothing to match. Matching (on
                // by default for a pool defined this way) reads the credentials through one shared, locked set on
                // every connection taken from the pool, several times a page: under load dozens of requests queued.
                "fish.payara.match-connections=false",
                // When the database goes away and comes back, the pool would otherwise keep handing out connections
                // closed under it, and every page would fail until a restart. Each connection is checked before it
                // is handed out (Connection.isValid: a round trip on MariaDB, at no cost on H2); a broken one is
                // dropped with all its fellows, and new ones are made as soon as the database answers again.
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=custom-validation",
                "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
                "fish.payara.fail-all-connections=true",
                // ...but a connection checked within the last second is handed out unchecked. Under load each
                // connection serves dozens of requests a second, and every check also loads the checking class through
                // the application's class loader, whose single lock two hundred request threads queued on. A
                // database that goes away is still noticed within a second; the request that meets it first is
                // answered with the "temporarily unavailable" page, like any other while it is away.
                "fish.payara.validate-atmost-once-period-in-seconds=1",
                // A request waits at most 15 seconds for a free connection (not the default minute) before it is
                // told the portal is busy. Not 5: in a sign-in rush on two cores every connection was held by a page
                // waiting for its share of the cores, and pages that had waited 5 s were told to try again, where
                // a few seconds more would have served them (IntegrityIT locks a table for 8 s to show it). A
                // database that cannot be reached is still answered at once: making a connection fails straight
                // away, with no waiting for one to come free.
                "fish.payara.max-wait-time-in-millis=" + DatabaseMigration.CONNECTION_WAIT_MILLIS})
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    /** The JNDI name of the portal's datasource, used by persistence.xml and by this class. */
    public static final String DATASOURCE = "java:app/jdbc/portal";

    /** The most connections the portal holds to the database at once. */
    public static final int CONNECTIONS = 40;

    /** How long a request waits for one of the {@link #CONNECTIONS} to come free before it is told the portal is busy. */
    public static final int CONNECTION_WAIT_MILLIS = 15_000;

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = DATASOURCE)
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion
                + " (" + result.migrationsExecuted + " migrations applied now)");
    }
}
