package org.leadingtogether.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.coaching.SessionStatus;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.EntitlementPeriod;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.journal.EntryForm;
import org.leadingtogether.journal.EntryKind;
import org.leadingtogether.journal.JournalFixture;
import org.leadingtogether.journal.JournalService;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.DatabaseErrors;
import org.leadingtogether.platform.persistence.DatabaseMigration;
import org.leadingtogether.platform.persistence.InstantConverter;
import org.leadingtogether.support.LogRecords;
import org.leadingtogether.support.OneCohort;
import org.leadingtogether.support.OtherWriter;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsCoach;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.RunAsManager;
import org.leadingtogether.support.SqlStatements;
import org.leadingtogether.support.TestLearner;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications inside Payara Micro on MariaDB, with their emails received by GreenMail (on SMTP_PORT): an email at
 * once to the coach when a reflection is shared (the words never in it, the one-click link in it changing the choice
 * without signing in, and forgotten by the outbox once sent), the weekly digest listing what waited (written again after
 * a deadlock, one person at a time, and sent at the next check when the database was held up on Monday morning), the
 * pace check telling a learner at most once a week (checked again after a deadlock, one cohort at a time, and by the
 * next hour's check when the database was held up) and the manager's "fell behind since your last visit", and the
 * panels' confidentiality (only what is shared through a current pairing counts).
 */
@ExtendWith(ArquillianExtension.class)
class NotificationIT {

    private static final String COACH_EMAIL = "in-container-coach@example.org";
    private static final String LEARNER_EMAIL = "in-container-learner@example.org";
    private static final String OTHER_COACH_EMAIL = "in-container-other-coach@example.org";
    private static final Pattern CHOICE_LINK = Pattern.compile("/email-choices\\.xhtml\\?t=([A-Za-z0-9_-]{43})");

    private static GreenMail mail;

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(NotificationIT.class, JournalFixture.class, OtherWriter.class, LogRecords.class, SqlStatements.class)
                .addAsLibraries(new File(System.getProperty("greenmail.jar")));
    }

    @Inject
    private NotificationService notifications;

    @Inject
    private NotificationJobs jobs;

    @Inject
    private ComingUpQueries comingUp;

    @Inject
    private JournalService journal;

    @Inject
    private CoachingService coaching;

    @Inject
    private CohortService cohorts;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsCoach coach;

    @Inject
    private RunAsManager manager;

    @Inject
    private TestLearner testPeople;

    @Inject
    private JournalFixture fixture;

    @Inject
    private Cleaner cleaner;

    @Inject
    private SqlStatements sql;

    @PersistenceContext
    private EntityManager em;

    @BeforeEach
    void cleanSlate() {
        testPeople.reset();
        fixture.reset();
        cleaner.clear();
        synchronized (NotificationIT.class) {
            if (mail == null) {
                mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
                mail.start();
            }
        }
        mail.reset();
    }

    // ---------------------------------------------------------------- helpers

    /** Clears what notifications keep about the test people, in its own transaction. */
    @jakarta.ejb.Stateless
    public static class Cleaner {

        static final String ROUND = "Coming up IT round";

        @PersistenceContext
        private EntityManager em;

        public void clear() {
            String people = "(9000001, 9000002, 9000003, 9000004)";
            for (String table : List.of("notification", "notification_choice", "notification_link", "pace_watch", "home_visit")) {
                em.createNativeQuery("DELETE FROM " + table + " WHERE person_id IN " + people).executeUpdate();
            }
            em.createNativeQuery("DELETE FROM booking_notice WHERE booking_id IS NULL AND recipient LIKE 'in-container-%'").executeUpdate();
            em.createNativeQuery("DELETE FROM feedback_round WHERE name = ?").setParameter(1, ROUND).executeUpdate();
            // The cohorts earlier tests made with the learner in them, behind, are ended: the container's own pace check
            // (hourly, at 17 minutes past) would otherwise tell the learner of each of them in the middle of a later test.
            LocalDate today = LocalDate.now(ClockProducer.LONDON);
            em.createNativeQuery("""
                    UPDATE cohort SET end_date = ? WHERE end_date >= ? AND start_date < ?
                      AND programme_id IN (SELECT id FROM programme WHERE name LIKE 'Notification IT %')""")
                    .setParameter(1, today.minusDays(1)).setParameter(2, today).setParameter(3, today).executeUpdate();
        }

        /** A booking of the person's written straight to the table, of {@code kind} at {@code startsAt}, in {@code status}. */
        public void booking(long personId, String kind, Instant startsAt, String status) {
            em.createNativeQuery("""
                    INSERT INTO booking (created_at, modified_at, kind, person_id, starts_at, ends_at, minutes, purpose, status, booked_by, ical_uid)
                    VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, 60, 'OTHER', ?, ?, ?)""")
                    .setParameter(1, kind).setParameter(2, personId).setParameter(3, InstantConverter.column(startsAt))
                    .setParameter(4, InstantConverter.column(startsAt.plus(Duration.ofHours(1)))).setParameter(5, status)
                    .setParameter(6, personId).setParameter(7, UUID.randomUUID().toString()).executeUpdate();
        }

        /** An action of a pairing, done or not. */
        public void action(long pairingId, boolean done) {
            em.createNativeQuery("""
                    INSERT INTO coaching_action (created_at, modified_at, pairing_id, action_text, done, created_by)
                    VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 'Shadow the discharge huddle', ?, ?)""")
                    .setParameter(1, pairingId).setParameter(2, done).setParameter(3, TestLearner.COACH_ID).executeUpdate();
        }

        /** A 360 round of the programme, open from yesterday to the day after tomorrow ({@link #clear} removes it). */
        public void openRound(long programmeId) {
            LocalDate today = LocalDate.now(ClockProducer.LONDON);
            em.createNativeQuery("""
                    INSERT INTO feedback_round (created_at, modified_at, programme_id, name, opens_on, closes_on, min_raters)
                    VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, ?, ?, 5)""")
                    .setParameter(1, programmeId).setParameter(2, ROUND).setParameter(3, today.minusDays(1))
                    .setParameter(4, today.plusDays(2)).executeUpdate();
        }

        /** A notification of {@code kind} for the person, unread and waiting for the digest; gives its id. */
        public long waitingForTheDigest(long personId, NotificationKind kind) {
            em.createNativeQuery("INSERT INTO notification (created_at, modified_at, person_id, kind, about_name, link, digest_due) "
                    + "VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'Someone', '/learner/home.xhtml', TRUE)")
                    .setParameter(1, personId).setParameter(2, kind.name()).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT MAX(id) FROM notification WHERE person_id = ?").setParameter(1, personId)
                    .getSingleResult()).longValue();
        }

        /** Moves a notification's time to {@code at}, as if it had been written then. */
        public void writtenAt(long notificationId, Instant at) {
            em.createNativeQuery("UPDATE notification SET created_at = ? WHERE id = ?")
                    .setParameter(1, InstantConverter.column(at)).setParameter(2, notificationId).executeUpdate();
        }

        /** Moves a person's last visit to a home page back by some hours, as if they had been away. */
        public void visitedHoursAgo(long personId, String page, int hours) {
            em.createNativeQuery("UPDATE home_visit SET last_at = ? WHERE person_id = ? AND page = ?")
                    .setParameter(1, LocalDateTime.now(java.time.ZoneOffset.UTC).minusHours(hours)).setParameter(2, personId)
                    .setParameter(3, page).executeUpdate();
        }
    }

    private long savedEntry(String title) throws Exception {
        EntryForm form = new EntryForm();
        form.setTitle(title);
        form.setEventDate(LocalDate.of(2026, 10, 2));
        form.setKind(EntryKind.PRACTICE_EVENT);
        form.getStages().set(0, "What happened at the huddle, in words only the coach may read.");
        return learner.call(() -> journal.save(form, false)).id();
    }

    /** The emails to {@code address} received so far, waiting up to 30 s for at least {@code count}. */
    private static List<MimeMessage> mailTo(String address, int count) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(until)) {
            found = Arrays.stream(mail.getReceivedMessages()).filter(m -> {
                try {
                    return Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
                } catch (Exception unreadable) {
                    return false;
                }
            }).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }

    /**
     * The emails to {@code address} once the outbox has had 5 s to send anything more, to show that nothing more was
     * sent: {@link #mailTo} asked for one more than came would wait its full 30 s each time.
     */
    private static List<MimeMessage> mailOnceSettled(String address) throws Exception {
        Thread.sleep(5000);
        return mailTo(address, 0);
    }

    /** The decoded text of an email (its plain-text parts). */
    private static String text(MimeMessage message) throws Exception {
        Object content = message.getContent();
        if (content instanceof String plain) {
            return plain;
        }
        StringBuilder text = new StringBuilder();
        Multipart parts = (Multipart) content;
        for (int i = 0; i < parts.getCount(); i++) {
            if (parts.getBodyPart(i).getContent() instanceof String part) {
                text.append(part);
            }
        }
        return text.toString();
    }

    private static List<String> choiceTokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher link = CHOICE_LINK.matcher(text);
        while (link.find()) {
            tokens.add(link.group(1));
        }
        return tokens;
    }

    private long count(String sql, Object... parameters) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return ((Number) query.getSingleResult()).longValue();
    }

    /** Sends every digest that waits, as if next Monday had come; gives how many emails were written. */
    private int digestsNow() {
        return notifications.sendDigests(Instant.now().plus(Duration.ofDays(1)), Set.of()).written();
    }

    /**
     * Runs the digest's check as the container's timer does; if a check of the container's own is going, waits for it to
     * end and runs the test's after it.
     */
    private void digestCheck() throws InterruptedException {
        Instant until = Instant.now().plusSeconds(60);
        while (!jobs.sendDigestsDue()) {
            assertTrue(Instant.now().isBefore(until), "another run of the digest has not finished in a minute");
            Thread.sleep(200);
        }
    }

    /**
     * Runs {@code during} while a trigger of the test's own ({@code definition}: its timing, table and body) makes the
     * database answer as a test needs, and removes it after.
     */
    private static void whileTheDatabaseSays(String definition, LogRecords.Action during) throws Exception {
        try (Connection connection = pool().getConnection(); Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TRIGGER test_answer " + definition);
            try {
                during.run();
            } finally {
                ddl.execute("DROP TRIGGER test_answer");
            }
        }
    }

    /** The portal's own connection pool. */
    private static DataSource pool() throws NamingException {
        return (DataSource) new InitialContext().lookup(DatabaseMigration.DATASOURCE);
    }

    /** Takes every connection of the portal's pool, as a database held up by a long lock leaves them all in use. */
    private static List<Connection> everyConnection() throws Exception {
        DataSource pool = pool();
        List<Connection> held = new ArrayList<>();
        for (int i = 0; i < DatabaseMigration.CONNECTIONS; i++) {
            held.add(pool.getConnection());
        }
        return held;
    }

    // ---------------------------------------------------------------- tests

    @Test
    void aReflectionSharedEmailsTheCoachAtOnceWithoutItsWordsAndTheEmailsLinkChangesTheChoiceWithoutSigningIn() throws Exception {
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        String title = "Huddle notes " + UUID.randomUUID();
        long entry = savedEntry(title);
        learner.call(() -> {
            journal.share(entry, pairing);
            return null;
        });

        List<NotificationService.Row> coachs = coach.call(() -> notifications.findMine(10));
        assertEquals(1, coachs.size(), coachs.toString());
        assertTrue(coachs.get(0).title().endsWith(" shared a reflection with you"), coachs.get(0).title());
        assertFalse(coachs.get(0).title().contains(title), "never the reflection's words");
        assertEquals(1, (int) coach.call(() -> notifications.countUnread()));
        assertEquals("/coach/shared-entry.xhtml?id=" + entry, coach.call(() -> notifications.open(coachs.get(0).id())), "links to the page");
        assertEquals(0, (int) coach.call(() -> notifications.countUnread()), "opened is read");
        assertThrows(NotFoundException.class, () -> learner.call(() -> notifications.open(coachs.get(0).id())), "someone else's is not found");

        List<MimeMessage> emails = mailTo(COACH_EMAIL, 1);
        assertEquals(1, emails.size(), "one email at once (the default choice)");
        String body = text(emails.get(0));
        assertTrue(emails.get(0).getSubject().endsWith("shared a reflection with you"), emails.get(0).getSubject());
        assertTrue(body.contains("/coach/shared-entry.xhtml?id=" + entry), body);
        assertFalse(body.contains(title) || body.contains("huddle") || body.contains("Huddle"), "never the reflection's words: " + body);
        List<String> tokens = choiceTokens(body);
        assertEquals(1, tokens.size(), body);

        // The outbox keeps no working link once the email has gone.
        List<?> kept = List.of();
        for (int i = 0; i < 50 && kept.isEmpty(); i++) {
            Thread.sleep(200);
            kept = em.createNativeQuery("SELECT body FROM booking_notice WHERE recipient = ? AND kind = 'NOTIFICATION' AND sent_at IS NOT NULL")
                    .setParameter(1, COACH_EMAIL).getResultList();
        }
        assertEquals(1, kept.size());
        assertFalse(((String) kept.get(0)).contains(tokens.get(0)), "the link is forgotten once sent");

        // The one-click link, with no caller: the choice it is about, then changed to the weekly digest.
        NotificationService.LinkChoice before = notifications.findChoiceByLink(tokens.get(0)).orElseThrow();
        assertEquals(NotificationKind.REFLECTION_SHARED, before.kind());
        assertEquals(Delivery.EMAIL, before.delivery());
        notifications.changeChoiceByLink(tokens.get(0), Delivery.DIGEST);
        assertEquals(Delivery.DIGEST, coach.call(() -> notifications.getMyChoices()).stream()
                .filter(c -> c.kind() == NotificationKind.REFLECTION_SHARED).findFirst().orElseThrow().delivery());
        assertTrue(notifications.findChoiceByLink(tokens.get(0).substring(1) + "A").isEmpty(), "a guessed link finds nothing");
        assertThrows(NotFoundException.class, () -> notifications.changeChoiceByLink("short", Delivery.PORTAL));

        // Now a second entry shared waits for the digest: no email at once.
        long second = savedEntry("Second " + UUID.randomUUID());
        learner.call(() -> {
            journal.share(second, pairing);
            return null;
        });
        assertEquals(1, mailOnceSettled(COACH_EMAIL).size(), "no second email at once");
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND digest_due = TRUE", TestLearner.COACH_ID));

        // The coach's panel counts what is shared through the current pairing; once the pairing ends, nothing.
        assertEquals(2, coach.call(() -> comingUp.getCoachComingUp()).newlyShared());
        fixture.setState(pairing, "ENDED");
        assertEquals(0, coach.call(() -> comingUp.getCoachComingUp()).newlyShared(), "nothing of a pairing that ended");
    }

    @Test
    void theWeeklyDigestListsWhatWaitedInOneEmailWithALinkPerKindAndSendsItOnce() throws Exception {
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        learner.call(() -> {
            notifications.saveMyChoices(Map.of(NotificationKind.COACH_COMMENTED, Delivery.DIGEST, NotificationKind.SESSION_RECORDED, Delivery.DIGEST,
                    NotificationKind.BEHIND_PACE, Delivery.PORTAL));
            return null;
        });
        long entry = sharedWithACoachsComment("Digest entry " + UUID.randomUUID(), pairing, "A private thought about your entry");
        coach.call(() -> coaching.recordSession(pairing, LocalDateTime.now(ClockProducer.LONDON).minusDays(2).withNano(0), 60, SessionStatus.ATTENDED));

        assertEquals(2, (int) learner.call(() -> notifications.countUnread()));
        assertEquals(1, learner.call(() -> comingUp.getLearnerComingUp()).newComments(), "the coach's comment of the current pairing");
        Thread.sleep(1500);
        assertEquals(0, mailTo(LEARNER_EMAIL, 0).size(), "nothing at once: both kinds wait for the digest");

        assertTrue(digestsNow() >= 1);
        List<MimeMessage> digests = mailTo(LEARNER_EMAIL, 1);
        assertEquals(1, digests.size());
        String body = text(digests.get(0));
        assertTrue(digests.get(0).getSubject().contains("2 things"), digests.get(0).getSubject());
        assertTrue(body.contains("commented on a reflection you shared") && body.contains("recorded a coaching session with you"), body);
        assertTrue(body.contains("/learner/journal-entry.xhtml?id=" + entry) && body.contains("/learner/pairing.xhtml?id=" + pairing), body);
        assertFalse(body.contains("private thought"), "never the comment's words: " + body);
        List<String> tokens = choiceTokens(body);
        assertEquals(2, tokens.size(), "one link per kind: " + body);
        Set<NotificationKind> kinds = Set.of(notifications.findChoiceByLink(tokens.get(0)).orElseThrow().kind(),
                notifications.findChoiceByLink(tokens.get(1)).orElseThrow().kind());
        assertEquals(Set.of(NotificationKind.COACH_COMMENTED, NotificationKind.SESSION_RECORDED), kinds);

        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND digest_due = TRUE", TestLearner.ID));
        digestsNow();
        assertEquals(1, mailOnceSettled(LEARNER_EMAIL).size(), "sent once");
        assertEquals(2, (int) learner.call(() -> notifications.countUnread()), "still unread in the portal");
        assertEquals(2, (int) learner.call(() -> notifications.markAllRead()));
        assertEquals(0, (int) learner.call(() -> notifications.countUnread()));
    }

    /**
     * The digest goes at eight on a Monday, as people start their week in the portal, so each person's is written in a
     * transaction of its own. A deadlock while the learner's is written is made for real (another writer, bigger, locks
     * the place where the learner's one-click link is to go, then asks for a line the digest has claimed): the learner's
     * digest is written again, and the coach's, after it, goes too.
     */
    @Test
    void aDigestGivenUpInADeadlockIsWrittenAgainAndTheNextPersonsGoesToo() throws Exception {
        digestsNow(); // whatever else waits for the digest goes first, so the run below has the test people only
        long learnersLine = cleaner.waitingForTheDigest(TestLearner.ID, NotificationKind.COACH_COMMENTED);
        cleaner.waitingForTheDigest(TestLearner.COACH_ID, NotificationKind.REFLECTION_SHARED);
        int written = OtherWriter.deadlock(this::digestsNow,
                // a locking read of the test people's one-click links in the index by person: where the learner's new one goes
                "SELECT token_hash FROM notification_link FORCE INDEX (ix_notification_link_person) WHERE person_id >= ? FOR UPDATE",
                TestLearner.ID, "INSERT INTO notification_link", "SELECT id FROM notification WHERE id = ? FOR UPDATE", learnersLine);
        assertEquals(2, written, "the learner's digest, written again, and the coach's");
        assertEquals(1, mailTo(LEARNER_EMAIL, 1).size());
        assertEquals(1, mailTo(COACH_EMAIL, 1).size());
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE person_id IN (?, ?) AND digest_due = TRUE", TestLearner.ID,
                TestLearner.COACH_ID));
        assertEquals(1, count("SELECT COUNT(*) FROM notification_link WHERE person_id = ?", TestLearner.ID),
                "one link for the learner's one kind, none left from the try given up");
        digestsNow();
        assertEquals(1, mailOnceSettled(LEARNER_EMAIL).size(), "sent once");
    }

    /**
     * The digest is sent by a check every five minutes, which finds whoever still has a line from before eight on Monday
     * waiting. The check at eight, while the database is held up (every connection of the pool in use for as long as
     * anybody waits for one, as a long lock leaves them), sends nothing, loses nothing and says so in the log; the next
     * check, with the database answering, sends the digest once. Before, the digest was a timer at eight, and a run
     * that failed then left everyone's digest to the next Monday. A line from after eight on Monday waits for next
     * week's. Real checks of the container may run beside the test's own; either sends, and only once.
     */
    @Test
    void aDigestTheDatabaseHeldUpOnMondayMorningIsSentOnceAtTheNextCheckAndALaterLineWaitsForNextWeek() throws Exception {
        digestsNow(); // whatever else waits for the digest goes first
        long lastWeeks = cleaner.waitingForTheDigest(TestLearner.ID, NotificationKind.COACH_COMMENTED);
        cleaner.waitingForTheDigest(TestLearner.COACH_ID, NotificationKind.REFLECTION_SHARED); // this week's: after eight on Monday
        Instant weekStart = DigestWeek.start(Instant.now());

        List<LogRecord> log = LogRecords.during(NotificationJobs.class.getName(), false, () -> {
            List<Connection> held = everyConnection();
            try {
                // The learner's line moved to last week through a connection of the held pool, so that no check of the
                // container's own sends it before the database is held up.
                held.get(0).setAutoCommit(true);
                try (PreparedStatement lastWeek = held.get(0).prepareStatement("UPDATE notification SET created_at = ? WHERE id = ?")) {
                    lastWeek.setObject(1, InstantConverter.column(weekStart.minus(Duration.ofDays(2))));
                    lastWeek.setLong(2, lastWeeks);
                    assertEquals(1, lastWeek.executeUpdate());
                }
                // Waits 15 s for a connection, as any page would, and gives up. A check of the container's own that is
                // already going (and waiting too) is let finish first, so that this one is the test's.
                Instant until = Instant.now().plusSeconds(60);
                while (!jobs.sendDigestsDue()) {
                    assertTrue(Instant.now().isBefore(until), "another run of the digest has not finished in a minute");
                    Thread.sleep(200);
                }
            } finally {
                for (Connection connection : held) {
                    connection.close();
                }
            }
        });
        assertTrue(log.stream().anyMatch(record -> record.getLevel() == Level.WARNING && record.getMessage().startsWith("The weekly digest failed")
                        && DatabaseErrors.isUnavailable(record.getThrown())),
                "the check while the database was held up failed, and the log says the next check tries again: "
                        + log.stream().map(LogRecord::getMessage).toList());
        assertEquals(0, mailOnceSettled(LEARNER_EMAIL).size(), "nothing sent while the database was held up");
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE id = ? AND digest_due = TRUE", lastWeeks), "and nothing lost");

        jobs.sendDigestsDue(); // five minutes later, the database answering
        List<MimeMessage> digests = mailTo(LEARNER_EMAIL, 1);
        assertEquals(1, digests.size(), "the learner's digest, at the next check");
        assertTrue(text(digests.get(0)).contains("/learner/home.xhtml"), "the line from last week is in it: " + text(digests.get(0)));
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE id = ? AND digest_due = TRUE", lastWeeks));

        jobs.sendDigestsDue();
        assertEquals(1, mailOnceSettled(LEARNER_EMAIL).size(), "sent once");
        assertEquals(0, mailTo(COACH_EMAIL, 0).size(), "the coach's line came after eight on Monday: it waits for next week's");
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND digest_due = TRUE", TestLearner.COACH_ID));
    }

    /**
     * The database going away in the middle of the digest, between one person's email and the next (here the coach's
     * email is answered with the state of a lost connection): the run ends there and the log says so once, the digest
     * already written stays sent, and the ones after it, the coach's and the other coach's, still wait, nothing of
     * them claimed. The next check sends those two, once each, and not the learner's again.
     */
    @Test
    void aDigestRunTheDatabaseLeavesHalfwayEndsThereAndTheNextCheckSendsTheRestOnce() throws Exception {
        digestsNow(); // whatever else waits for the digest goes first
        Instant lastWeek = DigestWeek.start(Instant.now()).minus(Duration.ofDays(2));
        List<Long> lines = List.of(cleaner.waitingForTheDigest(TestLearner.ID, NotificationKind.COACH_COMMENTED),
                cleaner.waitingForTheDigest(TestLearner.COACH_ID, NotificationKind.REFLECTION_SHARED),
                cleaner.waitingForTheDigest(TestLearner.OTHER_COACH_ID, NotificationKind.REFLECTION_SHARED));
        List<LogRecord> log = LogRecords.during(NotificationJobs.class.getName(), false, () -> whileTheDatabaseSays(
                "BEFORE INSERT ON booking_notice FOR EACH ROW IF NEW.recipient = '" + COACH_EMAIL
                        + "' THEN SIGNAL SQLSTATE '08S01' SET MESSAGE_TEXT = 'Communication link failure'; END IF", () -> {
                    for (long line : lines) {
                        cleaner.writtenAt(line, lastWeek); // people in this order: the learner, the coach, the other coach
                    }
                    digestCheck();
                }));
        assertTrue(log.stream().anyMatch(record -> record.getLevel() == Level.WARNING && record.getMessage().startsWith("The weekly digest failed")
                        && DatabaseErrors.isUnavailable(record.getThrown())),
                "the run ended where the database went, and the log says the next check tries again: " + log.stream().map(LogRecord::getMessage).toList());
        assertEquals(1, mailTo(LEARNER_EMAIL, 1).size(), "the learner's digest, written before the database went, stays sent");
        assertEquals(0, mailTo(COACH_EMAIL, 0).size() + mailTo(OTHER_COACH_EMAIL, 0).size());
        assertEquals(2, count("SELECT COUNT(*) FROM notification WHERE id IN (?, ?) AND digest_due = TRUE", lines.get(1), lines.get(2)),
                "the coach's and the other coach's lines still wait, nothing of them claimed");

        digestCheck(); // five minutes later, the database answering
        assertEquals(1, mailTo(COACH_EMAIL, 1).size(), "the coach's digest, at the next check");
        assertEquals(1, mailTo(OTHER_COACH_EMAIL, 1).size(), "the other coach's too");
        assertEquals(1, mailOnceSettled(LEARNER_EMAIL).size(), "the learner's is not sent again");
        assertEquals(1, mailTo(COACH_EMAIL, 0).size());
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE id IN (?, ?, ?) AND digest_due = TRUE", lines.get(0), lines.get(1), lines.get(2)));
    }

    /**
     * A digest that cannot be written for a reason of its own (here the outbox refuses the other coach's address, as a
     * database rule would: a constraint's SQL state, since MariaDB's driver reports a trigger's own state, 45000, as a
     * lost connection) is logged once and left until next week: the checks every five minutes after it neither try
     * it again nor log it again, and everyone else's digest goes. Nothing of it is lost: the other coach's line still
     * waits. Real checks of the container may run beside the test's own; whichever meets the refusal first logs it, and
     * only once.
     */
    @Test
    void aDigestThatCannotBeWrittenIsLoggedOnceAndLeftUntilNextWeekWhileEveryoneElsesGoes() throws Exception {
        digestsNow(); // whatever else waits for the digest goes first
        Instant lastWeek = DigestWeek.start(Instant.now()).minus(Duration.ofDays(2));
        long refused = cleaner.waitingForTheDigest(TestLearner.OTHER_COACH_ID, NotificationKind.REFLECTION_SHARED);
        long coachs = cleaner.waitingForTheDigest(TestLearner.COACH_ID, NotificationKind.REFLECTION_SHARED);
        List<LogRecord> log = LogRecords.during(NotificationService.class.getName(), false, () -> whileTheDatabaseSays(
                "BEFORE INSERT ON booking_notice FOR EACH ROW IF NEW.recipient = '" + OTHER_COACH_EMAIL
                        + "' THEN SIGNAL SQLSTATE '23000' SET MESSAGE_TEXT = 'The outbox refuses this address'; END IF", () -> {
                    cleaner.writtenAt(refused, lastWeek);
                    cleaner.writtenAt(coachs, lastWeek);
                    for (int check = 0; check < 3; check++) { // the check at eight, and the two after it
                        digestCheck();
                    }
                }));
        List<LogRecord> refusals = log.stream().filter(record -> record.getLevel() == Level.WARNING
                && record.getMessage().equals("The weekly digest of person " + TestLearner.OTHER_COACH_ID
                        + " could not be written; what it would have listed waits for next week's")).toList();
        assertEquals(1, refusals.size(), "logged once, not at every check: " + log.stream().map(LogRecord::getMessage).toList());
        assertFalse(DatabaseErrors.isUnavailable(refusals.get(0).getThrown()), "refused by a rule, not the database gone");
        assertEquals(1, mailOnceSettled(COACH_EMAIL).size(), "the coach's digest went, once");
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE id = ? AND digest_due = TRUE", coachs));
        assertEquals(0, mailTo(OTHER_COACH_EMAIL, 0).size());
        assertEquals(1, count("SELECT COUNT(*) FROM notification WHERE id = ? AND digest_due = TRUE", refused),
                "the refused digest's line still waits, for next week's");
        assertEquals(0, count("SELECT COUNT(*) FROM booking_notice WHERE recipient = ?", OTHER_COACH_EMAIL), "no half-written email");
    }

    /**
     * The learner's panel is on the busiest page there is, so it reads everything it shows in one statement besides
     * the visit's: whatever the learner has booked, their pairings, actions, comments and rounds, a later view sends
     * two statements. And it still counts only what is theirs now: the next session and protected time that stand,
     * the current pairing's actions not done, its coach's comments, and the rounds open to them.
     */
    @Test
    void aLearnersPanelIsReadInTwoStatementsWhateverTheyHaveAndCountsOnlyWhatStands() throws Exception {
        Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        long ended = fixture.pairing(TestLearner.OTHER_COACH_ID, TestLearner.ID, "ENDED");
        cleaner.action(ended, false);
        long pairing = fixture.pairing(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        cleaner.action(pairing, false);
        cleaner.action(pairing, false);
        cleaner.action(pairing, true);
        cleaner.booking(TestLearner.ID, "COACHING", now.minus(Duration.ofDays(1)), "BOOKED");
        cleaner.booking(TestLearner.ID, "COACHING", now.plus(Duration.ofDays(5)), "BOOKED");
        cleaner.booking(TestLearner.ID, "COACHING", now.plus(Duration.ofDays(3)), "BOOKED");
        cleaner.booking(TestLearner.ID, "PROTECTED_TIME", now.plus(Duration.ofDays(1)), "CANCELLED");
        cleaner.booking(TestLearner.ID, "PROTECTED_TIME", now.plus(Duration.ofDays(2)), "BOOKED");
        sharedWithACoachsComment("Panel entry " + UUID.randomUUID(), pairing, "A thought on the huddle");
        LocalDate today = LocalDate.now(ClockProducer.LONDON);
        cleaner.openRound(OneCohort.of(manager, cohorts, programme(today.minusDays(10), today.plusDays(60)), TestLearner.ID).programme());
        try {
            panelInTwoStatements(now, pairing);
        } finally {
            cleaner.clear();
        }
    }

    private void panelInTwoStatements(Instant now, long pairing) throws Exception {
        learner.call(() -> comingUp.getLearnerComingUp());
        SqlStatements.Counted<ComingUp.Learner> again = sql.of(() -> learner.call(() -> comingUp.getLearnerComingUp()));
        assertEquals(2, again.statements().size(), "the visit, then one statement for the whole panel: " + again.statements());
        ComingUp.Learner panel = again.value();
        assertEquals(now.plus(Duration.ofDays(3)), panel.nextCoaching(), "the next coaching session to come");
        assertEquals(now.plus(Duration.ofDays(2)), panel.nextProtectedTime(), "the next protected time that stands");
        assertEquals(pairing, panel.pairingId(), "the current pairing");
        assertEquals(2, panel.actionsOpen(), "the current pairing's actions not done");
        assertEquals(1, panel.newComments(), "the current coach's comment");
        assertEquals(1, panel.feedbackWaiting(), "the open round of their programme");

        fixture.setState(pairing, "ENDED");
        ComingUp.Learner after = learner.call(() -> comingUp.getLearnerComingUp());
        assertEquals(null, after.pairingId(), "no current pairing once it ended");
        assertEquals(0, after.actionsOpen(), "nor its actions");
        assertEquals(0, after.newComments(), "nor the comments of a pairing that ended");
    }

    /**
     * The home's panel reads without writing on every view: a visit is noted when it begins and then at most every few
     * minutes (the learner's home is the busiest page there is), yet coming back after hours still starts a new visit.
     */
    @Test
    void aHomeOpenedAgainAndAgainNotesTheVisitOnlyNowAndThen() throws Exception {
        learner.call(() -> comingUp.getLearnerComingUp());
        String first = lastVisit();
        assertNotNull(first, "the first view is noted");
        Thread.sleep(1100);
        learner.call(() -> comingUp.getLearnerComingUp());
        assertEquals(first, lastVisit(), "a second view moments later writes nothing");

        cleaner.visitedHoursAgo(TestLearner.ID, "learner", 2);
        String away = lastVisit();
        learner.call(() -> comingUp.getLearnerComingUp());
        assertNotEquals(away, lastVisit(), "back after two hours: a new visit is noted");
        assertEquals(away, String.valueOf(em.createNativeQuery("SELECT previous_at FROM home_visit WHERE person_id = ? AND page = 'learner'")
                .setParameter(1, TestLearner.ID).getSingleResult()), "and \"new\" counts from the visit before it");
    }

    private String lastVisit() {
        List<?> rows = em.createNativeQuery("SELECT last_at FROM home_visit WHERE person_id = ? AND page = 'learner'")
                .setParameter(1, TestLearner.ID).getResultList();
        return rows.isEmpty() ? null : String.valueOf(rows.get(0));
    }

    /** A running cohort, two months in, with the test learner in it and nothing done: behind the pace. */
    private long cohortWithTheLearnerBehind() throws Exception {
        LocalDate today = LocalDate.now(ClockProducer.LONDON);
        Programme programme = programme(today.minusDays(60), today.plusDays(30));
        programme.setRequiredModules(Set.of("systems-leadership-integrated-care"));
        return OneCohort.of(manager, cohorts, programme, TestLearner.ID).cohort();
    }

    /** A programme of these tests (named so that {@link Cleaner#clear} ends its cohort later), four hours a month. */
    private static Programme programme(LocalDate start, LocalDate end) {
        Programme programme = Programme.blank();
        programme.setName("Notification IT " + UUID.randomUUID());
        programme.setStartDate(start);
        programme.setEndDate(end);
        programme.setEntitlementHours(new BigDecimal("4"));
        programme.setEntitlementPeriod(EntitlementPeriod.MONTH);
        return programme;
    }

    /** An entry of the learner's, shared through the pairing, with a comment from its coach; gives the entry's id. */
    private long sharedWithACoachsComment(String title, long pairing, String comment) throws Exception {
        long entry = savedEntry(title);
        learner.call(() -> {
            journal.share(entry, pairing);
            return null;
        });
        coach.call(() -> {
            journal.addComment(entry, comment);
            return null;
        });
        return entry;
    }

    @Test
    void aLearnerBehindThePaceIsToldAtMostOnceAWeekAndTheManagerSeesWhoFellBehindSinceTheirLastVisit() throws Exception {
        long cohortId = cohortWithTheLearnerBehind();
        manager.call(() -> comingUp.getManagerComingUp()); // the manager's visit before the learner falls behind
        Thread.sleep(50);

        notifications.checkPace();
        assertEquals(1, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ?", TestLearner.ID, cohortId));
        long told = count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID);
        assertTrue(told >= 1, "told");
        List<MimeMessage> emails = mailTo(LEARNER_EMAIL, 1);
        assertFalse(emails.isEmpty(), "an email at once (the default)");
        assertTrue(emails.get(0).getSubject().contains("behind"), emails.get(0).getSubject());

        notifications.checkPace();
        assertEquals(told, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID),
                "not told again within the week");

        // The manager's home counts those who fell behind since the visit before this one.
        cleaner.visitedHoursAgo(TestLearner.MANAGER_ID, "manager", 2);
        ComingUp.Manager panel = manager.call(() -> comingUp.getManagerComingUp());
        ComingUp.CohortLine line = panel.cohorts().stream().filter(l -> l.cohortId() == cohortId).findFirst().orElseThrow(() -> new AssertionError(panel));
        assertEquals(1, line.fellBehind());
    }

    /**
     * The pace check while the database is held up (every connection of the pool in use for as long as anybody waits for
     * one): it gives up, with the database's refusal for the job's one line in the log, and tells and notes nobody; the
     * next hour's check tells the learner once.
     */
    @Test
    void aPaceCheckTheDatabaseHeldUpTellsNobodyAndTheNextHoursTellsTheLearnerOnce() throws Exception {
        long cohortId = cohortWithTheLearnerBehind();
        List<Connection> held = everyConnection();
        RuntimeException gaveUp;
        try {
            gaveUp = assertThrows(RuntimeException.class, () -> notifications.checkPace(), "no connection for 15 s: the check gives up");
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        assertTrue(DatabaseErrors.isUnavailable(gaveUp), "given up as the database's refusal, which the job logs in one line: " + gaveUp);
        assertEquals(0, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ?", TestLearner.ID, cohortId), "nobody noted");
        assertEquals(0, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID), "nobody told");

        notifications.checkPace(); // the next hour, the database answering
        assertEquals(1, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ? AND told_at IS NOT NULL",
                TestLearner.ID, cohortId), "the learner noted and told");
        // The test learner may be behind in cohorts of other tests too: told once in each.
        long cohortsTold = count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND told_at IS NOT NULL", TestLearner.ID);
        assertEquals(cohortsTold, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID),
                "once for each cohort");
        assertEquals(cohortsTold, mailTo(LEARNER_EMAIL, (int) cohortsTold).size());
        notifications.checkPace();
        assertEquals(cohortsTold, mailOnceSettled(LEARNER_EMAIL).size(), "and not again");
    }

    /**
     * The database going away in the middle of the pace check, between one cohort and the next (here the learner's row in
     * the second cohort is answered with the state of a lost connection): the check ends there, the learner told in the
     * first cohort stays told, nothing is noted in the second. The next hour's check tells the learner in the second
     * cohort, and not again in the first.
     */
    @Test
    void aPaceCheckTheDatabaseLeavesBetweenTwoCohortsEndsThereAndTheNextHoursTellsTheRestOnce() throws Exception {
        long first = cohortWithTheLearnerBehind();
        long second = cohortWithTheLearnerBehind(); // the newest cohort: checked last
        List<RuntimeException> thrown = new ArrayList<>();
        whileTheDatabaseSays("BEFORE INSERT ON pace_watch FOR EACH ROW IF NEW.cohort_id = " + second
                + " THEN SIGNAL SQLSTATE '08S01' SET MESSAGE_TEXT = 'Communication link failure'; END IF",
                () -> thrown.add(assertThrows(RuntimeException.class, () -> notifications.checkPace(), "the check ends where the database went")));
        RuntimeException ended = thrown.get(0);
        assertTrue(DatabaseErrors.isUnavailable(ended), "ended as the database's going, which the job logs in one line: " + ended);
        assertEquals(1, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ? AND told_at IS NOT NULL",
                TestLearner.ID, first), "the learner told in the first cohort stays told");
        assertEquals(0, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ?", TestLearner.ID, second),
                "nothing noted in the second");
        long toldBefore = count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND told_at IS NOT NULL", TestLearner.ID);
        assertEquals(toldBefore, mailTo(LEARNER_EMAIL, (int) toldBefore).size());

        notifications.checkPace(); // the next hour, the database answering
        assertEquals(1, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ? AND told_at IS NOT NULL",
                TestLearner.ID, second), "told in the second cohort at the next check");
        long cohortsTold = count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND told_at IS NOT NULL", TestLearner.ID);
        assertEquals(toldBefore + 1, cohortsTold, "and in no other cohort again");
        assertEquals(cohortsTold, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID),
                "once for each cohort");
        assertEquals(cohortsTold, mailTo(LEARNER_EMAIL, (int) cohortsTold).size());
        assertEquals(cohortsTold, mailOnceSettled(LEARNER_EMAIL).size(), "each email once");
    }

    /**
     * The pace check runs every hour as people use the portal, so each cohort's part is made in a transaction of its
     * own. A deadlock while one cohort's learner is told is made for real (another writer, bigger, locks the place where
     * the learner's one-click link is to go, then asks for the row the check has just written for them): that cohort is
     * checked again, and the other cohort's learner is told too, each once. (Cohorts other tests left running with test
     * people in them are checked too, so the deadlock may fall on one of theirs: the rule is the same.)
     */
    @Test
    void aCohortGivenUpInADeadlockIsCheckedAgainAndTheOtherCohortsLearnerIsToldToo() throws Exception {
        long first = cohortWithTheLearnerBehind();
        long second = cohortWithTheLearnerBehind();
        int told = OtherWriter.deadlock(() -> notifications.checkPace(),
                // a locking read of the test people's one-click links in the index by person: where the learner's new one goes
                "SELECT token_hash FROM notification_link FORCE INDEX (ix_notification_link_person) WHERE person_id >= ? FOR UPDATE",
                TestLearner.ID, "INSERT INTO notification_link",
                // the test people's rows of the pace check, among them the one the check has just written for whoever it is telling
                "SELECT told_at FROM pace_watch WHERE person_id >= ? FOR UPDATE", TestLearner.ID);
        for (long cohort : List.of(first, second)) {
            assertEquals(1, count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND cohort_id = ? AND told_at IS NOT NULL",
                    TestLearner.ID, cohort), "the learner noted and told in cohort " + cohort);
        }
        long cohortsTold = count("SELECT COUNT(*) FROM pace_watch WHERE person_id = ? AND told_at IS NOT NULL", TestLearner.ID);
        assertTrue(told >= cohortsTold, told + " told in all, " + cohortsTold + " of them the test learner");
        assertEquals(cohortsTold, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID),
                "one notification for each cohort the learner is behind in, none left from the try given up");
        assertEquals(cohortsTold, count("SELECT COUNT(*) FROM notification_link WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID),
                "one email (with its link) for each, none left from the try given up");
        assertEquals(cohortsTold, mailTo(LEARNER_EMAIL, (int) cohortsTold).size());

        notifications.checkPace();
        Thread.sleep(1500);
        assertEquals(cohortsTold, count("SELECT COUNT(*) FROM notification WHERE person_id = ? AND kind = 'BEHIND_PACE'", TestLearner.ID),
                "not told again within the week");
        assertEquals(cohortsTold, mailOnceSettled(LEARNER_EMAIL).size());
    }
}
