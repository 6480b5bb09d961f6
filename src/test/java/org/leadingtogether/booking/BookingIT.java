package org.leadingtogether.booking;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.ejb.EJBException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.cohort.CohortDashboard;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.EntitlementPeriod;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.mail.MailService;
import org.leadingtogether.mail.NoticeSender;
import org.leadingtogether.mail.OutboxEmail;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.support.OneCohort;
import org.leadingtogether.support.OtherWriter;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsCoach;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.RunAsManager;
import org.leadingtogether.support.RunAsOtherCoach;
import org.leadingtogether.support.TestLearner;

import java.io.File;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking inside Payara Micro on MariaDB: fifty coachees' clicks on one slot give one booking and forty-nine
 * clear refusals; nobody holds two overlapping bookings; going beyond the entitlement needs a reason and shows
 * on the manager's dashboard with the hours used; other people's bookings and slots answer "not found"; and the
 * emails (booking, cancellation, reminder, never one for a cancelled booking) reach a real SMTP server,
 * GreenMail, running beside the portal on the port SMTP_PORT names.
 */
@ExtendWith(ArquillianExtension.class)
class BookingIT {

    private static GreenMail mail;

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(BookingIT.class, BookingFixtures.class, OtherWriter.class)
                .addAsLibraries(new File(System.getProperty("greenmail.jar")));
    }

    @Inject
    private BookingService bookings;

    @Inject
    private CohortService cohorts;

    @Inject
    private org.leadingtogether.coaching.CoachingService coaching;

    @Inject
    private BookingReminders reminders;

    @Inject
    private NoticeSender sender;

    @Inject
    private MailService outbox;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsCoach coach;

    @Inject
    private RunAsOtherCoach otherCoach;

    @Inject
    private RunAsManager manager;

    @Inject
    private org.leadingtogether.support.RunAsAdmin admin;

    @Inject
    private TestLearner testPeople;

    @Inject
    private BookingFixtures fixtures;

    @BeforeEach
    void cleanSlate() {
        testPeople.reset();
        fixtures.reset();
        startMailServer();
    }

    private static synchronized void startMailServer() {
        if (mail == null) {
            mail = new GreenMail(new ServerSetup(Integer.parseInt(System.getenv("SMTP_PORT")), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
        }
    }

    // ---------------------------------------------------------------- helpers

    private static LocalDate today() {
        return LocalDate.now(ClockProducer.LONDON);
    }

    /** A one-off slot of the test coach, {@code days} ahead at {@code time} London time; returns its start. */
    private Instant coachSlot(int days, String time, int minutes) throws Exception {
        LocalDate day = today().plusDays(days);
        coach.call(() -> bookings.addOneOffSlot(day, LocalTime.parse(time), minutes, 0));
        return LondonTime.resolve(day, LocalTime.parse(time), "x");
    }

    /** The test learner enrolled in a new cohort whose programme gives {@code hours} a month; returns the cohort id. */
    private long enrolLearner(String hours) throws Exception {
        Programme programme = Programme.blank();
        programme.setName("Booking IT " + UUID.randomUUID());
        programme.setStartDate(today().minusMonths(1));
        programme.setEndDate(today().plusMonths(3));
        programme.setEntitlementHours(new BigDecimal(hours));
        programme.setEntitlementPeriod(EntitlementPeriod.MONTH);
        return OneCohort.of(manager, cohorts, programme, TestLearner.ID).cohort();
    }

    private ProtectedTimeForm block(LocalDate date, String start, int minutes, String overReason) {
        ProtectedTimeForm form = new ProtectedTimeForm();
        form.setDate(date);
        form.setStart(LocalTime.parse(start));
        form.setMinutes(minutes);
        form.setPurpose(Purpose.MODULE_STUDY);
        form.setOverReason(overReason);
        return form;
    }

    private long bookBlock(LocalDate date, String start, int minutes, String overReason) throws Exception {
        return learner.call(() -> bookings.bookProtectedTime(block(date, start, minutes, overReason)));
    }

    @PersistenceContext
    private EntityManager em;

    private String icalUid(long bookingId) {
        return (String) em.createNativeQuery("SELECT ical_uid FROM booking WHERE id = ?").setParameter(1, bookingId).getSingleResult();
    }

    /** Waits (up to 60 s) for emails matching {@code wanted}, and returns them. */
    private static List<MimeMessage> awaitMail(Predicate<MimeMessage> wanted, int count) throws Exception {
        Instant until = Instant.now().plusSeconds(60);
        List<MimeMessage> found = List.of();
        while (Instant.now().isBefore(until)) {
            found = Arrays.stream(mail.getReceivedMessages()).filter(wanted).toList();
            if (found.size() >= count) {
                return found;
            }
            Thread.sleep(200);
        }
        return found;
    }

    private static Predicate<MimeMessage> to(String email, String... contents) {
        return message -> {
            try {
                String raw = GreenMailUtil.getWholeMessage(message).replace("\r\n ", "");
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(email))
                        && Arrays.stream(contents).allMatch(raw::contains);
            } catch (Exception unreadable) {
                return false;
            }
        };
    }

    // ---------------------------------------------------------------- no double booking

    @Test
    void fiftyClicksOnOneSlotGiveOneBookingAndFortyNineClearRefusals() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant start = coachSlot(3, "10:00", 60);
        Pages.CoachingBooking page = learner.call(() -> bookings.getCoachingBooking());
        assertTrue(page.coaches().get(0).days().stream().flatMap(d -> d.slots().stream()).anyMatch(s -> s.start().equals(start)),
                "the slot is offered");

        int clicks = 50;
        ExecutorService pool = Executors.newFixedThreadPool(clicks);
        CountDownLatch ready = new CountDownLatch(clicks);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        try {
            for (int i = 0; i < clicks; i++) {
                Callable<String> click = () -> {
                    ready.countDown();
                    go.await();
                    try {
                        learner.call(() -> bookings.bookCoachingSlot(pairing, start));
                        return "booked";
                    } catch (SlotAlreadyBookedException taken) {
                        return "refused: " + taken.getMessage();
                    } catch (Exception other) {
                        return "error: " + other;
                    }
                };
                results.add(pool.submit(click));
            }
            ready.await();
            go.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertEquals(1, outcomes.stream().filter("booked"::equals).count(), outcomes.toString());
            assertEquals(49, outcomes.stream().filter(o -> o.startsWith("refused: Sorry, that slot has just been taken")).count(),
                    outcomes.toString());
            assertTrue(outcomes.stream().noneMatch(o -> o.startsWith("error")), outcomes.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM booking WHERE coach_id = " + TestLearner.COACH_ID + " AND status = 'BOOKED'"));
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM coaching_session WHERE pairing_id = " + pairing + " AND status = 'PLANNED'"),
                "the session is in the pairing's records, once");
        Pages.CoachingBooking after = learner.call(() -> bookings.getCoachingBooking());
        assertTrue(after.coaches().get(0).days().stream().flatMap(d -> d.slots().stream()).noneMatch(s -> s.start().equals(start)),
                "the slot is no longer free");
        assertEquals(1, after.sessions().size());
    }

    @Test
    void aSessionBeyondTheAgreementIsBookedOnlyOnceTheCoacheeIsToldAndChoosesTo() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        fixtures.agreement(pairing, 1);
        Instant first = coachSlot(3, "09:00", 60);
        Instant second = coachSlot(4, "09:00", 60);
        learner.call(() -> bookings.bookCoachingSlot(pairing, first));
        Pages.CoachSlots shown = learner.call(() -> bookings.getCoachingBooking()).coaches().get(0);
        assertEquals(1, shown.agreedSessions());
        assertTrue(shown.agreementFull(), "the page says the agreement's sessions are all booked");

        BeyondAgreementException told = assertThrows(BeyondAgreementException.class,
                () -> learner.call(() -> bookings.bookCoachingSlot(pairing, second)));
        assertTrue(told.getMessage().startsWith("Your agreement with your coach is for 1 session, and 1 is booked or held already."),
                told.getMessage());
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM booking WHERE person_id = " + TestLearner.ID + " AND status = 'BOOKED'"),
                "nothing booked without the coachee's choice");
        long chosen = learner.call(() -> bookings.bookCoachingSlot(pairing, second, true, null));
        assertTrue(chosen > 0);
        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM booking WHERE person_id = " + TestLearner.ID + " AND status = 'BOOKED'"),
                "booked once the coachee chose to");
    }

    @Test
    void nobodyHoldsTwoOverlappingBookingsOfEitherKind() throws Exception {
        enrolLearner("20");
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "CHEMISTRY");
        LocalDate day = today().plusDays(4);
        bookBlock(day, "10:00", 120, null);

        OverlappingBookingException overlap = assertThrows(OverlappingBookingException.class, () -> bookBlock(day, "11:00", 60, null));
        assertEquals("start", overlap.getField().orElseThrow());
        assertTrue(overlap.getMessage().startsWith("You already have protected time booked on"), overlap.getMessage());

        Instant session = coachSlot(4, "11:30", 60);
        OverlappingBookingException coaching = assertThrows(OverlappingBookingException.class,
                () -> learner.call(() -> bookings.bookCoachingSlot(pairing, session)));
        assertTrue(coaching.getMessage().contains("protected time"), coaching.getMessage());

        bookBlock(day, "12:00", 60, null); // back to back is fine
        Instant later = coachSlot(4, "15:00", 60);
        long booked = learner.call(() -> bookings.bookCoachingSlot(pairing, later));
        assertThrows(OverlappingBookingException.class, () -> bookBlock(day, "15:30", 30, null), "a session holds the time too");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM coaching_session WHERE pairing_id = " + pairing + " AND chemistry = TRUE"),
                "the first session of a new pairing is the chemistry conversation");
        assertTrue(booked > 0);
    }

    @Test
    void aCoacheeMovesASessionAndTheCoachCancelsIt() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant first = coachSlot(5, "09:00", 60);
        Instant second = coachSlot(6, "09:00", 60);
        long booking = learner.call(() -> bookings.bookCoachingSlot(pairing, first));
        BusinessException noReason = assertThrows(BusinessException.class,
                () -> learner.call(() -> { bookings.moveCoachingSession(booking, second, " "); return null; }));
        assertEquals("why", noReason.getField().orElseThrow());
        learner.call(() -> { bookings.moveCoachingSession(booking, second, "Clinic overran"); return null; });
        Pages.SessionChange change = coach.call(() -> bookings.getSessionChange(booking));
        assertEquals(second, change.session().start());
        assertTrue(change.allSlots().stream().anyMatch(s -> s.start().equals(first)), "the old slot is free again");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM coaching_session WHERE pairing_id = " + pairing + " AND status = 'CANCELLED'"));
        assertEquals(1, fixtures.count("SELECT ical_sequence FROM booking WHERE id = " + booking));

        coach.call(() -> { bookings.cancelCoachingSession(booking, ChangeReason.ILLNESS_OR_LEAVE, null); return null; });
        Pages.CoachingBooking page = learner.call(() -> bookings.getCoachingBooking());
        assertEquals(BookingStatus.CANCELLED, page.sessions().get(0).status());
        assertTrue(page.sessions().get(0).closedText().startsWith("Cancelled by Test Coach: illness or leave"), page.sessions().get(0).closedText());
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM coaching_session WHERE pairing_id = " + pairing + " AND status = 'PLANNED'"));
    }

    // ---------------------------------------------------------------- one owner of a session's life

    @Test
    void cancellingInTheSessionRecordsCancelsTheBookingFreesTheSlotAndSendsTheCancellation() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant start = coachSlot(9, "13:00", 60);
        long booking = learner.call(() -> bookings.bookCoachingSlot(pairing, start));
        String uid = icalUid(booking);
        long session = fixtures.count("SELECT session_id FROM booking WHERE id = " + booking);

        coach.call(() -> { coaching.updateSession(session, org.leadingtogether.coaching.SessionStatus.CANCELLED, null); return null; });

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM booking WHERE id = " + booking + " AND status = 'CANCELLED'"), "the booking is cancelled");
        Pages.CoachingBooking page = learner.call(() -> bookings.getCoachingBooking());
        assertTrue(page.coaches().get(0).days().stream().flatMap(d -> d.slots().stream()).anyMatch(s -> s.start().equals(start)),
                "the slot is free again");
        assertEquals(1, awaitMail(to("in-container-learner@example.org", "UID:" + uid, "METHOD:CANCEL"), 1).size(),
                "the coachee gets the calendar cancellation");
        reminders.remindDue(start.minus(Duration.ofHours(20)));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM booking_notice WHERE kind = 'REMINDER' AND booking_id = " + booking),
                "no day-before reminder");
    }

    @Test
    void endingAPairingCancelsItsSessionsToComeTellsBothAndNothingCanBeMovedAfter() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant first = coachSlot(10, "09:00", 60);
        Instant second = coachSlot(11, "09:00", 60);
        Instant spare = coachSlot(12, "09:00", 60);
        long one = learner.call(() -> bookings.bookCoachingSlot(pairing, first));
        long two = learner.call(() -> bookings.bookCoachingSlot(pairing, second));

        learner.call(() -> { coaching.endPairing(pairing, "A private reason nobody else sees"); return null; });

        assertEquals(2, fixtures.count("SELECT COUNT(*) FROM booking WHERE id IN (" + one + ", " + two + ") AND status = 'CANCELLED'"));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM coaching_session WHERE pairing_id = " + pairing + " AND status = 'PLANNED'"));
        for (String who : List.of("in-container-learner@example.org", "in-container-coach@example.org")) {
            List<MimeMessage> told = awaitMail(to(who, "UID:" + icalUid(two), "METHOD:CANCEL", "The coaching pairing has ended"), 1);
            assertEquals(1, told.size(), who + " is told");
            assertFalse(GreenMailUtil.getWholeMessage(told.get(0)).contains("A private reason"), "the private reason stays private");
        }
        BusinessException moved = assertThrows(BusinessException.class,
                () -> coach.call(() -> { bookings.moveCoachingSession(one, spare, "Trying after the end"); return null; }));
        assertTrue(moved.getMessage().contains("pairing has ended"), moved.getMessage());
    }

    @Test
    void aSessionWrittenByHandBlocksTheCoachsSlotAndATimeTheClocksSkipOrRepeatIsRefused() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant slot = coachSlot(13, "15:00", 60);
        LocalDateTime local = LocalDateTime.ofInstant(slot, ClockProducer.LONDON);
        coach.call(() -> coaching.recordSession(pairing, local, 60, org.leadingtogether.coaching.SessionStatus.PLANNED));

        Pages.CoachingBooking page = learner.call(() -> bookings.getCoachingBooking());
        assertTrue(page.coaches().get(0).days().stream().flatMap(d -> d.slots().stream()).noneMatch(s -> s.start().equals(slot)),
                "the coach's slot is no longer offered");
        assertEquals(1, page.sessions().size(), "the coachee sees the session with their bookings");
        assertThrows(SlotAlreadyBookedException.class, () -> learner.call(() -> bookings.bookCoachingSlot(pairing, slot)));

        BusinessException gap = assertThrows(BusinessException.class, () -> coach.call(() -> coaching.recordSession(pairing,
                LocalDateTime.of(2027, 3, 28, 1, 30), 60, org.leadingtogether.coaching.SessionStatus.PLANNED)));
        assertEquals("startsAt", gap.getField().orElseThrow(), gap.getMessage());
        BusinessException twice = assertThrows(BusinessException.class, () -> coach.call(() -> coaching.recordSession(pairing,
                LocalDateTime.of(2026, 10, 25, 1, 30), 60, org.leadingtogether.coaching.SessionStatus.ATTENDED)));
        assertEquals("startsAt", twice.getField().orElseThrow(), twice.getMessage());
    }

    // ---------------------------------------------------------------- the ledger and the dashboard

    @Test
    void beyondTheEntitlementNeedsAReasonAndTheManagerSeesItAndTheHoursUsed() throws Exception {
        long cohortId = enrolLearner("2");
        LocalDate day = today().plusDays(2);
        LocalDate monthOfDay = day;
        bookBlock(day, "09:00", 120, null);
        BusinessException needsReason = assertThrows(BusinessException.class, () -> bookBlock(day, "13:00", 60, null));
        assertEquals("overReason", needsReason.getField().orElseThrow());
        long over = bookBlock(day, "13:00", 60, "Assignment due on Friday");
        Pages.ProtectedTime page = learner.call(() -> bookings.getProtectedTime(monthOfDay));
        assertEquals(180, page.ledger().bookedMinutes());
        assertEquals(60, page.ledger().overMinutes());
        assertTrue(page.blocks().stream().anyMatch(b -> b.id() == over && b.overEntitlement()));

        // Time taken yesterday, recorded today, then confirmed as used.
        LocalDate yesterday = today().minusDays(1);
        long past = bookBlock(yesterday, "14:00", 60, "Catching up after a busy week");
        learner.call(() -> { bookings.recordProtectedTime(past, true, null, null); return null; });
        BusinessException notYet = assertThrows(BusinessException.class,
                () -> learner.call(() -> { bookings.recordProtectedTime(over, true, null, null); return null; }));
        assertTrue(notYet.getMessage().contains("once it has ended"), notYet.getMessage());

        CohortDashboard dashboard = manager.call(() -> cohorts.getDashboard(cohortId));
        CohortDashboard.MemberRow row = dashboard.members().stream().filter(m -> m.personId() == TestLearner.ID).findFirst().orElseThrow();
        assertEquals(1.0, row.protectedHoursUsed());
        assertTrue(row.protectedHoursEntitled() >= 2.0, "at least this month's entitlement: " + row.protectedHoursEntitled());
        assertTrue(row.protectedOverEntitlement() >= 1, "the booking beyond the entitlement is flagged");
        Pages.OverEntitlement flagged = manager.call(() -> bookings.getOverEntitlement(cohortId));
        assertTrue(flagged.bookings().stream().anyMatch(b -> "Assignment due on Friday".equals(b.reason())), flagged.toString());
    }

    @Test
    void aMissingOrDoubledLocalTimeIsRefusedAtTheField() throws Exception {
        enrolLearner("8");
        // Not on a clock-change night in the test's months, so a known one is asked of the rule directly.
        BusinessException gap = assertThrows(BusinessException.class,
                () -> LondonTime.resolve(LocalDate.of(2027, 3, 28), LocalTime.of(1, 30), "start"));
        assertEquals("start", gap.getField().orElseThrow());
        BusinessException noStart = assertThrows(BusinessException.class, () -> learner.call(() -> {
            ProtectedTimeForm form = block(today().plusDays(1), "10:00", 60, null);
            form.setStart(null);
            return bookings.bookProtectedTime(form);
        }));
        assertEquals("start", noStart.getField().orElseThrow());
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void othersBookingsAndSlotsAnswerLikeMissingRecords() throws Exception {
        long demoLearner = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'learner@demo.test'", Long.class).getSingleResult();
        long theirs = fixtures.someoneElsesBooking(demoLearner);
        try {
            NotFoundException missing = assertThrows(NotFoundException.class,
                    () -> learner.call(() -> { bookings.cancelProtectedTime(-1, ChangeReason.OTHER_COMMITMENT, null); return null; }));
            NotFoundException notMine = assertThrows(NotFoundException.class,
                    () -> learner.call(() -> { bookings.cancelProtectedTime(theirs, ChangeReason.OTHER_COMMITMENT, null); return null; }));
            assertEquals(missing.getMessage(), notMine.getMessage(), "the same answer as for a booking that does not exist");
            assertThrows(NotFoundException.class, () -> learner.call(() -> bookings.getInvitation(theirs)));
            assertThrows(NotFoundException.class, () -> coach.call(() -> bookings.getInvitation(theirs)));
        } finally {
            fixtures.removeBooking(theirs);
        }

        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        coachSlot(7, "16:00", 60);
        long slotId = fixtures.count("SELECT MAX(id) FROM coach_one_off_slot WHERE coach_id = " + TestLearner.COACH_ID);
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> { bookings.removeOneOffSlot(slotId); return null; }));
        long patternId = coach.call(() -> {
            PatternForm form = new PatternForm();
            form.setFirstDay(today());
            return bookings.addPattern(form);
        });
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> { bookings.removePattern(patternId); return null; }));

        Instant start = LondonTime.resolve(today().plusDays(7), LocalTime.of(16, 0), "x");
        long session = learner.call(() -> bookings.bookCoachingSlot(pairing, start));
        assertThrows(NotFoundException.class, () -> otherCoach.call(() -> bookings.getSessionChange(session)));
        assertThrows(NotFoundException.class,
                () -> otherCoach.call(() -> { bookings.cancelCoachingSession(session, ChangeReason.OTHER_COMMITMENT, null); return null; }));
        long otherPairing = fixtures.pair(TestLearner.OTHER_COACH_ID, TestLearner.ID, "DECLINED");
        assertThrows(NotFoundException.class, () -> learner.call(() -> bookings.bookCoachingSlot(otherPairing, start)),
                "a coach the learner does not work with");
        assertThrows(EJBException.class, () -> manager.call(() -> bookings.getCoachingBooking()), "a learner's page");
        assertThrows(EJBException.class, () -> learner.call(() -> bookings.getSessionSlots()), "a coach's page");
    }

    @Test
    void aFeedAnswersOnlyToItsCurrentSecret() throws Exception {
        enrolLearner("8");
        bookBlock(today().plusDays(3), "10:00", 60, null);
        String first = learner.call(() -> bookings.renewFeed());
        String feed = bookings.findFeedCalendar(first).orElseThrow();
        assertTrue(feed.contains("BEGIN:VEVENT") && feed.contains("TZID=Europe/London"), feed);
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM calendar_feed WHERE person_id = " + TestLearner.ID + " AND token_hash = '"
                + CalendarFeed.hash(first) + "'"), "only the hash is stored");
        String second = learner.call(() -> bookings.renewFeed());
        assertTrue(bookings.findFeedCalendar(first).isEmpty(), "the old address is off");
        assertTrue(bookings.findFeedCalendar(second).isPresent());
        learner.call(() -> { bookings.revokeFeed(); return null; });
        assertTrue(bookings.findFeedCalendar(second).isEmpty());
        assertTrue(bookings.findFeedCalendar("not-a-token").isEmpty());
    }

    // ---------------------------------------------------------------- email

    @Test
    void bookingAndCancellingASessionEmailsBothSidesWithTheInvitation() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant start = coachSlot(8, "11:00", 60);
        long booking = learner.call(() -> bookings.bookCoachingSlot(pairing, start));
        String uid = icalUid(booking);

        List<MimeMessage> invitations = awaitMail(m -> to("in-container-learner@example.org", "UID:" + uid, "METHOD:REQUEST").test(m)
                || to("in-container-coach@example.org", "UID:" + uid, "METHOD:REQUEST").test(m), 2);
        assertEquals(2, invitations.size(), "the coachee and the coach");
        assertTrue(invitations.stream().allMatch(m -> GreenMailUtil.getWholeMessage(m).contains("text/calendar")));

        coach.call(() -> { bookings.cancelCoachingSession(booking, ChangeReason.OTHER, "Called to a safeguarding review"); return null; });
        List<MimeMessage> cancelled = awaitMail(to("in-container-learner@example.org", "UID:" + uid, "METHOD:CANCEL", "SEQUENCE:1"), 1);
        assertEquals(1, cancelled.size());
        String text = GreenMailUtil.getWholeMessage(cancelled.get(0));
        assertTrue(text.contains("Test Coach has cancelled") && text.contains("Called to a safeguarding review"), text);
    }

    @Test
    void withTheMailServerAwayEmailsWaitWithGrowingPausesAndArriveOnceItIsBackAndAFailedOneCanBeSentAgain() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant start = coachSlot(14, "10:00", 60);
        Instant later = coachSlot(15, "10:00", 60);
        sender.sendPending(); // nothing earlier left waiting
        stopMailServer();
        List<String> uids = new ArrayList<>();
        try {
            uids.add(icalUid(learner.call(() -> bookings.bookCoachingSlot(pairing, start))));
            uids.add(icalUid(learner.call(() -> bookings.bookCoachingSlot(pairing, later))));
            awaitTheRunAfterBooking(uids);
            String waiting = "SELECT COUNT(*) FROM booking_notice n JOIN booking b ON b.id = n.booking_id WHERE b.ical_uid IN ('"
                    + String.join("', '", uids) + "') AND n.sent_at IS NULL AND n.failed_at IS NULL";
            Instant now = Instant.now();
            for (int minutes : new int[] {0, 2, 5, 12, 30, 70}) { // about an hour and a quarter of outage, tried again and again
                sender.sendPending(now.plus(Duration.ofMinutes(minutes)));
            }
            assertEquals(4, fixtures.count(waiting), "all four emails still waiting, none dropped");
            assertTrue(fixtures.count("SELECT MIN(attempts) FROM booking_notice n JOIN booking b ON b.id = n.booking_id WHERE b.ical_uid = '"
                    + uids.get(0) + "'") >= 3, "tried several times, with growing pauses");
            assertTrue(fixtures.count("SELECT MAX(attempts) FROM booking_notice n JOIN booking b ON b.id = n.booking_id WHERE b.ical_uid = '"
                    + uids.get(0) + "'") <= 6, "not every minute");
            List<OutboxEmail> seen = admin.call(() -> outbox.getUnsentEmails());
            assertTrue(seen.stream().filter(e -> e.lastError() != null).count() >= 4, "an administrator sees them waiting, with the error");
        } finally {
            startMailServer();
        }
        sender.sendPending(Instant.now().plus(Duration.ofHours(2)));
        for (String uid : uids) {
            for (String who : List.of("in-container-learner@example.org", "in-container-coach@example.org")) {
                assertEquals(1, awaitMail(to(who, "UID:" + uid, "METHOD:REQUEST"), 1).size(), who + " gets " + uid);
            }
        }
        Thread.sleep(2000);
        for (String uid : uids) {
            for (String who : List.of("in-container-learner@example.org", "in-container-coach@example.org")) {
                assertEquals(1, Arrays.stream(mail.getReceivedMessages()).filter(to(who, "UID:" + uid, "METHOD:REQUEST")).count(),
                        who + " gets " + uid + " once");
            }
        }
        System.out.println("Mail server away for about 70 minutes of tries: 4 emails kept waiting, each delivered once when it returned");

        // A day of failures: the email is marked as failed, listed for an administrator, and sent once when asked.
        Instant third = coachSlot(16, "10:00", 60);
        stopMailServer();
        String uid;
        try {
            uid = icalUid(learner.call(() -> bookings.bookCoachingSlot(pairing, third)));
            awaitTheRunAfterBooking(List.of(uid));
            fixtures.ageNotices(uid, Duration.ofHours(25));
            sender.sendPending(Instant.now().plus(Duration.ofHours(3)));
        } finally {
            startMailServer();
        }
        List<OutboxEmail> failed = admin.call(() -> outbox.getUnsentEmails()).stream().filter(OutboxEmail::failed).toList();
        assertEquals(2, failed.size(), "both emails of the booking are marked as failed, not dropped: " + failed);
        sender.sendPending(Instant.now().plus(Duration.ofHours(4)));
        assertEquals(0, Arrays.stream(mail.getReceivedMessages()).filter(to("in-container-learner@example.org", "UID:" + uid)).count(),
                "a failed email is not tried by itself any more");
        for (OutboxEmail email : failed) {
            admin.call(() -> { outbox.sendEmailAgain(email.id()); return null; });
        }
        assertEquals(1, awaitMail(to("in-container-learner@example.org", "UID:" + uid, "METHOD:REQUEST"), 1).size());
        assertEquals(1, awaitMail(to("in-container-coach@example.org", "UID:" + uid, "METHOD:REQUEST"), 1).size());
        assertTrue(admin.call(() -> outbox.getUnsentEmails()).stream().noneMatch(e -> failed.stream().anyMatch(f -> f.id() == e.id())),
                "sent, so no longer listed");
    }

    /**
     * A deadlock while the outbox writes down a failed try, made for real, as two senders at the same moment can make
     * one (another instance's, or this one's run after a booking): another writer, bigger than that write, locks the
     * place in the index of waiting emails where the failed email is to move (the time of its next try), so the write,
     * holding the email's row, waits; then the other writer asks for that row. The database gives the write up, and it
     * is written again: the run goes on to the booking's other email, and neither is left claimed and untried.
     */
    @Test
    void aDeadlockWhileAFailedTryIsWrittenDownIsWrittenAgainAndTheRunGoesOn() throws Exception {
        long pairing = fixtures.pair(TestLearner.COACH_ID, TestLearner.ID, "ACTIVE");
        Instant start = coachSlot(17, "10:00", 60);
        sender.sendPending(); // nothing earlier left waiting
        stopMailServer();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        String ofTheBooking;
        LocalDateTime putOff;
        try {
            String uid = icalUid(learner.call(() -> bookings.bookCoachingSlot(pairing, start)));
            ofTheBooking = " FROM booking_notice n JOIN booking b ON b.id = n.booking_id WHERE b.ical_uid = '" + uid + "'";
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (fixtures.count("SELECT COUNT(*)" + ofTheBooking + " AND n.attempts = 1 AND n.last_error IS NOT NULL") < 2) {
                assertTrue(System.nanoTime() < until, "the run after the booking tried both emails once within 30 s");
                Thread.sleep(100);
            }
            long first = fixtures.count("SELECT MIN(n.id)" + ofTheBooking);
            Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
            putOff = LocalDateTime.ofInstant(later.plus(Duration.ofMinutes(2)), java.time.ZoneOffset.UTC); // after a second failed try
            try (Connection other = OtherWriter.connect()) {
                other.setAutoCommit(false);
                other.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                OtherWriter.weigh(other);
                // An email of its own just after that time, and a locking read up to it: the gap before it is locked.
                OtherWriter.execute(other, """
                        INSERT INTO booking_notice (created_at, modified_at, kind, recipient, subject, body, claimed_until, failed_at)
                        VALUES (CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'BOOKED', 'nobody@example.org', 'deadlock', 'deadlock', ?, CURRENT_TIMESTAMP)""",
                        putOff.plusSeconds(40));
                OtherWriter.execute(other, """
                        SELECT id FROM booking_notice FORCE INDEX (ix_notice_pending)
                        WHERE sent_at IS NULL AND claimed_until > ? AND claimed_until < ? FOR UPDATE""",
                        putOff.minusSeconds(30), putOff.plusSeconds(30));
                Future<Integer> sending = pool.submit(() -> sender.sendPending(later));
                OtherWriter.waitForStatement(other, "UPDATE booking_notice SET claimed_until", sending);
                OtherWriter.execute(other, "SELECT id FROM booking_notice WHERE id = ? FOR UPDATE", first);
                other.rollback();
                assertEquals(0, sending.get(60, java.util.concurrent.TimeUnit.SECONDS), "the run ends as usual, nothing sent");
            }
        } finally {
            pool.shutdownNow();
            startMailServer();
        }
        assertEquals(2, fixtures.count("SELECT COUNT(*)" + ofTheBooking + " AND n.attempts = 2 AND n.failed_at IS NULL AND n.sent_at IS NULL"
                + " AND n.last_error IS NOT NULL AND n.claimed_until = '" + java.sql.Timestamp.valueOf(putOff) + "'"),
                "both emails' second tries are written down, each to be tried again two minutes later");
    }

    /**
     * Waits for the outbox's run after each booking (on another thread, at the real time) to have tried the bookings'
     * emails once, with the mail server away. The test's own runs, at later times, are then the only ones. Run at the
     * same moment, the two could each write down a try of the same email, the last write winning (an email the test
     * had marked as failed put back to waiting, or sent by the run after the booking once the server is back): a claim
     * made at a later time does not keep out a run at the real one, as claims at the same time do.
     */
    private void awaitTheRunAfterBooking(List<String> uids) throws InterruptedException {
        String ofTheBookings = " FROM booking_notice n JOIN booking b ON b.id = n.booking_id WHERE b.ical_uid IN ('"
                + String.join("', '", uids) + "')";
        long emails = fixtures.count("SELECT COUNT(*)" + ofTheBookings);
        assertEquals(2L * uids.size(), emails, "each booking wrote two emails");
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (fixtures.count("SELECT COUNT(*)" + ofTheBookings + " AND n.attempts >= 1 AND n.last_error IS NOT NULL") < emails) {
            assertTrue(System.nanoTime() < until, "the run after each booking tried its emails within 30 s");
            Thread.sleep(100);
        }
    }

    private static synchronized void stopMailServer() {
        if (mail != null) {
            mail.stop();
            mail = null;
        }
    }

    /**
     * A deadlock while the day-before reminders claim a booking and write its reminder, made for real, as another
     * instance's run or another change to the same booking at the same moment could make one: another writer, bigger
     * than the reminder, locks the place in the outbox's index where the booking's reminder is to go, so the reminder, holding
     * its claim on the booking, waits; then the other writer asks for the booking's row. The database gives the
     * reminder up, and the claim is made again: the run ends as usual, and the booking is reminded once.
     */
    @Test
    void aDeadlockWhileABookingIsClaimedForItsReminderIsMadeAgainAndTheBookingRemindedOnce() throws Exception {
        enrolLearner("20");
        Instant soon = Instant.now().plus(Duration.ofHours(36)).truncatedTo(ChronoUnit.HOURS);
        Instant dayBefore = soon.minus(Duration.ofHours(23));
        reminders.remindDue(dayBefore); // whatever else is due then is reminded first, so the run below has one booking
        LocalDateTime local = LocalDateTime.ofInstant(soon, ClockProducer.LONDON);
        long booking = bookBlock(local.toLocalDate(), local.toLocalTime().toString(), 60, null);
        assertEquals(List.of(booking), reminders.due(dayBefore), "the new booking is the only one due at that time");
        int reminded = OtherWriter.deadlock(() -> reminders.remindDue(dayBefore),
                // a locking read past the booking's emails in the index by booking: the gap its reminder is to go in
                "SELECT id FROM booking_notice FORCE INDEX (fk_notice_booking) WHERE booking_id > ? FOR UPDATE", booking,
                "INSERT INTO booking_notice", "SELECT id FROM booking WHERE id = ? FOR UPDATE", booking);
        assertEquals(1, reminded, "the run ends as usual, the booking reminded");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM booking_notice WHERE kind = 'REMINDER' AND booking_id = " + booking),
                "one reminder");
        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM booking WHERE reminder_claimed_at IS NOT NULL AND id = " + booking));
        assertEquals(0, reminders.remindDue(dayBefore), "nothing more to remind");
    }

    @Test
    void theDayBeforeReminderGoesOnceAndNeverForACancelledBooking() throws Exception {
        enrolLearner("20");
        Instant soon = Instant.now().plus(Duration.ofHours(30)).truncatedTo(ChronoUnit.HOURS);
        LocalDateTime local = LocalDateTime.ofInstant(soon, ClockProducer.LONDON);
        LocalDate day = local.toLocalDate();
        String time = local.toLocalTime().toString();
        String laterTime = local.toLocalTime().plusHours(2).isAfter(local.toLocalTime()) ? local.toLocalTime().plusHours(2).toString() : null;
        long kept = bookBlock(day, time, 60, null);
        LocalDate cancelledDay = laterTime == null ? day.plusDays(1) : day;
        long dropped = bookBlock(cancelledDay, laterTime == null ? time : laterTime, 60, null);
        learner.call(() -> { bookings.cancelProtectedTime(dropped, ChangeReason.SERVICE_PRESSURE, null); return null; });

        Instant dayBefore = Instant.now().plus(Duration.ofHours(7));
        reminders.remindDue(dayBefore);
        reminders.remindDue(dayBefore); // a second run, as another instance would: nothing more
        sender.sendPending();

        assertEquals(1, fixtures.count("SELECT COUNT(*) FROM booking_notice WHERE kind = 'REMINDER' AND booking_id = " + kept));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM booking_notice WHERE kind = 'REMINDER' AND booking_id = " + dropped));
        assertEquals(0, fixtures.count("SELECT COUNT(*) FROM booking WHERE reminder_claimed_at IS NOT NULL AND id = " + dropped));
        String keptWhen = LondonTime.describe(TimeRange.of(soon, 60));
        List<MimeMessage> reminded = awaitMail(to("in-container-learner@example.org", "Reminder"), 1);
        assertTrue(reminded.stream().anyMatch(m -> {
            try {
                return m.getSubject().contains(keptWhen);
            } catch (Exception e) {
                return false;
            }
        }), "the reminder for " + keptWhen);
        assertFalse(Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> {
            try {
                return m.getSubject().startsWith("Reminder") && m.getSubject().contains(
                        LondonTime.describe(TimeRange.of(LondonTime.resolve(cancelledDay, LocalTime.parse(laterTime == null ? time : laterTime), "x"), 60)));
            } catch (Exception e) {
                return false;
            }
        }), "no reminder for the cancelled block");
    }
}
