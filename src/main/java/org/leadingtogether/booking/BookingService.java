package org.leadingtogether.booking;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.account.Person;
import org.leadingtogether.coaching.Agreement;
import org.leadingtogether.coaching.CoachingSession;
import org.leadingtogether.coaching.Pairing;
import org.leadingtogether.coaching.PairingState;
import org.leadingtogether.coaching.SessionStatus;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortPolicy;
import org.leadingtogether.cohort.EntitlementPeriod;
import org.leadingtogether.cohort.MembershipStatus;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.mail.Mailer;
import org.leadingtogether.mail.NoticesQueued;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.persistence.FormIntents;
import org.leadingtogether.platform.persistence.TransientRetry;
import org.leadingtogether.platform.security.Callers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The boundary of protected-time booking: learners' protected blocks and their ledger, coaches' slots and the
 * sessions coachees book in them, invitations and private calendar feeds. One call is one transaction; every
 * method checks, through {@link BookingPolicy}, that the caller is one side of what they ask about.
 *
 * <p><b>No double booking.</b> Every change to someone's time first locks the rows of the people it concerns
 * ({@code SELECT … FOR UPDATE} on {@code person}, always in id order, so two changes never wait for each other
 * in a circle), then checks for overlaps and writes. So when fifty coachees click the same slot at once, the
 * first to get the coach's lock books it and the others, one after another, find it taken. Under the locks
 * stand the database's unique keys: one standing booking per person, and per coach, for any start.
 *
 * <p><b>Deadlocks.</b> Bookings, cancellations and moves run through {@link TransientRetry}: when the database
 * breaks a circle of waits by rolling one of them back, it is tried again a moment later, and only if it fails
 * three times running is the person told the portal was too busy (nothing saved); a deadlock is never answered
 * "that slot has just been taken".
 */
@Stateless
public class BookingService {

    /** Protected time can be recorded up to this many days after it was taken. */
    public static final int RECORD_BACK_DAYS = 14;
    /** How far ahead protected time can be booked. */
    public static final int BOOK_AHEAD_DAYS = 366;
    /** How many days of a coach's free slots a coachee sees, and the coach sees as their coachees do (one horizon). */
    public static final int SLOT_DAYS = 28;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private Mailer mailer;

    @Inject
    private LearningService learning;

    @Inject
    private Event<NoticesQueued> queued;

    @Inject
    private TransientRetry retry;

    /** The one owner of a coaching session's life: cancelling goes through it from every page. */
    @Inject
    private CoachingSessionLife sessionLife;

    /** Until how long before a coaching session either side may cancel or move it here (BOOKING_CHANGE_NOTICE_HOURS). */
    @Inject
    @ConfigProperty(name = "booking.change.notice.hours", defaultValue = "24")
    private int changeNoticeHours;

    // ---------------------------------------------------------------- protected time (learners)

    /** The caller's protected time in the period that {@code day} falls in (today if null). */
    @RolesAllowed("LEARNER")
    public Pages.ProtectedTime getProtectedTime(LocalDate day) {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        LocalDate today = today();
        LocalDate shown = day == null ? today : day;
        Optional<Enrolment> found = enrolment(me, shown);
        List<Pages.Choice> modules = learning.findPublishedModules().stream().map(m -> new Pages.Choice(m.key(), m.title())).toList();
        if (found.isEmpty()) {
            return new Pages.ProtectedTime(false, null, null, null, null, null, List.of(), List.of(), modules);
        }
        Enrolment enrolment = found.get();
        ProtectedTimeLedger ledger = enrolment.ledger();
        ProtectedTimeLedger.Period period = ledger.periodContaining(shown);
        List<Booking> blocks = protectedBlocks(me, enrolment.cohortId());
        ProtectedTimeLedger.Figures figures = ledger.figures(period, entries(blocks));
        Map<String, String> titles = new LinkedHashMap<>();
        modules.forEach(m -> titles.put(m.value(), m.label()));
        List<Pages.Block> inPeriod = blocks.stream().filter(b -> period.contains(LondonTime.dateOf(b.getStartsAt())))
                .map(b -> block(b, titles, now)).toList();
        List<Pages.Block> toConfirm = blocks.stream().filter(b -> b.isActive() && !b.getEndsAt().isAfter(now))
                .map(b -> block(b, titles, now)).toList();
        return new Pages.ProtectedTime(true, enrolment.programmeName(), ledger.entitlementText(), figures,
                ledger.dayInPreviousPeriod(shown), ledger.dayInNextPeriod(shown), inPeriod, toConfirm, modules);
    }

    /**
     * Books a block of protected time for the caller. Beyond the entitlement of its period the block needs a
     * reason, and the cohort's managers are told; it is never refused for that, nor taken silently.
     */
    @RolesAllowed("LEARNER")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long bookProtectedTime(ProtectedTimeForm form) {
        return bookProtectedTime(form, null);
    }

    /** {@link #bookProtectedTime(ProtectedTimeForm)} from a form: a repeat of the same form ({@code intent}) books nothing more. */
    @RolesAllowed("LEARNER")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long bookProtectedTime(ProtectedTimeForm form, String intent) {
        return retry.call(() -> bookProtectedTimeOnce(form, intent));
    }

    private long bookProtectedTimeOnce(ProtectedTimeForm form, String intent) {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        FormIntents.claim(em, me, intent, "protected-time", "This protected time is already booked: the same form was sent again.", now);
        LocalDate today = today();
        if (form.getDate() == null) {
            throw new BusinessException("date", "Enter the date.");
        }
        if (form.getDate().isBefore(today.minusDays(RECORD_BACK_DAYS))) {
            throw new BusinessException("date", "Time taken more than " + RECORD_BACK_DAYS + " days ago cannot be added.");
        }
        if (form.getDate().isAfter(today.plusDays(BOOK_AHEAD_DAYS))) {
            throw new BusinessException("date", "Book up to a year ahead.");
        }
        if (form.getMinutes() < Booking.MIN_MINUTES || form.getMinutes() > Booking.MAX_MINUTES) {
            throw new BusinessException("minutes", "Choose how long the block is.");
        }
        TimeRange range = TimeRange.of(LondonTime.resolve(form.getDate(), form.getStart(), "start"), form.getMinutes());
        Enrolment enrolment = enrolment(me, form.getDate()).orElseThrow(() -> new BusinessException(
                "Protected time comes with a leadership programme, and you are not enrolled in one at the moment."));
        if (!enrolment.covers(form.getDate())) {
            throw new BusinessException("date", "Choose a day while your cohort runs, " + DAY.format(enrolment.start()) + " to "
                    + DAY.format(enrolment.end()) + ".");
        }
        String moduleKey = form.getModuleKey() == null || form.getModuleKey().isBlank() ? null : form.getModuleKey();
        if (moduleKey != null && learning.findPublishedModules().stream().noneMatch(m -> m.key().equals(moduleKey))) {
            throw new BusinessException("module", "Choose one of the modules listed.");
        }

        availability().lock(me);
        availability().checkClear(me, range, null, "start", "You");
        ProtectedTimeLedger ledger = enrolment.ledger();
        ProtectedTimeLedger.Figures figures = ledger.figures(ledger.periodContaining(form.getDate()),
                entries(protectedBlocks(me, enrolment.cohortId())));
        boolean over = ProtectedTimeLedger.wouldExceed(figures, range.minutes());
        Booking booking = Booking.protectedTime(me, enrolment.cohortId(), range, form.getPurpose(), moduleKey, over, form.getOverReason());
        em.persist(booking);
        availability().flush(new BusinessException("start", "You already have a booking starting at that time."));

        NoticeWriter notices = notices(now);
        notices.booked(booking);
        if (over) {
            notices.overEntitlement(booking, enrolment.programmeName(), ledger.entitlementText(), enrolment.managers());
        }
        sendAfterCommit(notices);
        return booking.getId();
    }

    /** Cancels one of the caller's blocks before it ends, with the reason the ledger keeps. */
    @RolesAllowed("LEARNER")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void cancelProtectedTime(long bookingId, ChangeReason reason, String note) {
        retry.run(() -> {
            long me = Callers.personId(session);
            Booking booking = BookingPolicy.checkOwnProtectedTime(em.find(Booking.class, bookingId), me);
            availability().lock(me);
            em.refresh(booking);
            booking.cancel(me, reason, note, clock.instant());
            NoticeWriter notices = notices(clock.instant());
            notices.cancelled(booking, me);
            sendAfterCommit(notices);
        });
    }

    /** After a block has ended: the caller says it was used, or lost (and why). */
    @RolesAllowed("LEARNER")
    public void recordProtectedTime(long bookingId, boolean used, ChangeReason reason, String note) {
        long me = Callers.personId(session);
        Booking booking = BookingPolicy.checkOwnProtectedTime(em.find(Booking.class, bookingId), me);
        booking.recordOutcome(used, reason, note, clock.instant());
    }

    // ---------------------------------------------------------------- coaching sessions (coachees and coaches)

    /** The caller's current coaches with their free slots for the next weeks, and the caller's booked sessions. */
    @RolesAllowed("LEARNER")
    public Pages.CoachingBooking getCoachingBooking() {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        List<Pairing> pairings = em.createQuery("SELECT p FROM Pairing p WHERE p.coacheeId = :me AND p.state IN :current ORDER BY p.id",
                        Pairing.class)
                .setParameter("me", me).setParameter("current", PairingState.CURRENT).getResultList();
        Map<Long, Person> people = notices(now).people(pairings.stream().map(Pairing::getCoachId).toList());
        List<Pages.CoachSlots> coaches = new ArrayList<>();
        for (Pairing pairing : pairings) {
            Agreement agreement = em.find(Agreement.class, pairing.getId());
            coaches.add(new Pages.CoachSlots(pairing.getId(), people.get(pairing.getCoachId()).getFullName(),
                    byDay(availability().freeSlots(pairing.getCoachId(), today(), today().plusDays(SLOT_DAYS), null, now)),
                    agreement == null ? null : agreement.terms().sessions(), (int) sessionsTaken(pairing.getId())));
        }
        List<Booking> mine = em.createQuery("""
                        SELECT b FROM Booking b WHERE b.kind = org.leadingtogether.booking.BookingKind.COACHING
                          AND b.personId = :me AND b.endsAt > :since ORDER BY b.startsAt""", Booking.class)
                .setParameter("me", me).setParameter("since", now.minus(Duration.ofDays(30))).getResultList();
        return new Pages.CoachingBooking(coaches, sessions(mine, me, now));
    }

    /**
     * Books a free slot of the caller's coach in pairing {@code pairingId}, starting at {@code start}, as a caller
     * inside the portal would (no form, so no intention to claim, and within the agreement only).
     */
    @RolesAllowed("LEARNER")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long bookCoachingSlot(long pairingId, Instant start) {
        return bookCoachingSlot(pairingId, start, false, null);
    }

    /**
     * Books the free slot of the caller's coach in pairing {@code pairingId} that starts at {@code start}: exactly
     * that slot, or none. The session joins the pairing's session records. The one who loses a race for the slot gets
     * {@link SlotAlreadyBookedException}; a repeat of the same form ({@code intent}) gets
     * {@link org.leadingtogether.platform.AlreadyDoneException}; a session beyond the number the pairing's agreement
     * allows gets {@link BeyondAgreementException} unless {@code beyondAgreement} says the coachee has been told and
     * chooses to book it.
     */
    @RolesAllowed("LEARNER")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long bookCoachingSlot(long pairingId, Instant start, boolean beyondAgreement, String intent) {
        return retry.call(() -> bookCoachingSlotOnce(pairingId, start, beyondAgreement, intent));
    }

    private long bookCoachingSlotOnce(long pairingId, Instant start, boolean beyondAgreement, String intent) {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        Pairing pairing = BookingPolicy.checkCurrentCoachee(em.find(Pairing.class, pairingId), me);
        FormIntents.claim(em, me, intent, "book-session/" + pairingId + "/" + (start == null ? "none" : start.getEpochSecond()),
                "This session is already booked: the same form was sent again. It is in your sessions below.", now);
        long coach = pairing.getCoachId();
        availability().lock(me, coach);
        SlotGenerator.Slot slot = availability().freeSlot(coach, start, null, now);
        availability().checkClear(me, slot.range(), null, null, "You");
        Agreement agreement = em.find(Agreement.class, pairingId);
        if (agreement != null && !beyondAgreement) {
            long taken = sessionsTaken(pairingId);
            int agreed = agreement.terms().sessions();
            if (taken >= agreed) {
                throw new BeyondAgreementException("Your agreement with your coach is for " + agreed + (agreed == 1 ? " session" : " sessions")
                        + ", and " + taken + (taken == 1 ? " is" : " are") + " booked or held already. This session on "
                        + LondonTime.describe(slot.range()) + " would go beyond it. Book it all the same, or talk it over with your coach first.");
            }
        }
        long held = em.createQuery("""
                        SELECT COUNT(s) FROM CoachingSession s WHERE s.pairingId = :p
                          AND s.status IN (org.leadingtogether.coaching.SessionStatus.PLANNED, org.leadingtogether.coaching.SessionStatus.ATTENDED)""",
                        Long.class)
                .setParameter("p", pairingId).getSingleResult();
        CoachingSession record = new CoachingSession(pairingId, slot.start(), slot.minutes(),
                pairing.getState() == PairingState.CHEMISTRY && held == 0, SessionStatus.PLANNED);
        em.persist(record);
        em.flush();
        Booking booking = Booking.coaching(me, coach, pairingId, record.getId(), pairing.getCohortId(), slot.range());
        em.persist(booking);
        availability().flush(new SlotAlreadyBookedException());
        NoticeWriter notices = notices(now);
        notices.booked(booking);
        sendAfterCommit(notices);
        return booking.getId();
    }

    /** Sessions of a pairing that count against its agreement: every one booked, held or missed, bar the first conversation. */
    private long sessionsTaken(long pairingId) {
        return em.createQuery("""
                        SELECT COUNT(s) FROM CoachingSession s WHERE s.pairingId = :p AND s.chemistry = FALSE
                          AND s.status IN (org.leadingtogether.coaching.SessionStatus.PLANNED, org.leadingtogether.coaching.SessionStatus.ATTENDED,
                                           org.leadingtogether.coaching.SessionStatus.MISSED)""", Long.class)
                .setParameter("p", pairingId).getSingleResult();
    }

    /** One of the caller's coaching sessions, with the coach's free slots it could move to as they stand now. */
    @RolesAllowed({"LEARNER", "COACH"})
    public Pages.SessionChange getSessionChange(long bookingId) {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        Booking booking = BookingPolicy.checkCoachingSession(em.find(Booking.class, bookingId), me);
        return new Pages.SessionChange(sessions(List.of(booking), me, now).get(0),
                byDay(availability().freeSlots(booking.getCoachId(), today(), today().plusDays(SLOT_DAYS), booking.getId(), now)));
    }

    /** Cancels a coaching session, by either side, up to the notice period before it; the other side is told. */
    @RolesAllowed({"LEARNER", "COACH"})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void cancelCoachingSession(long bookingId, ChangeReason reason, String note) {
        retry.run(() -> {
            long me = Callers.personId(session);
            Booking booking = BookingPolicy.checkCoachingSession(em.find(Booking.class, bookingId), me);
            sessionLife.cancel(booking, me, reason, note, true);
        });
    }

    /**
     * Moves a coaching session to another free slot of the coach, by either side, up to the notice period before
     * it, with a reason; the other side is told and both calendars update the same event.
     */
    @RolesAllowed({"LEARNER", "COACH"})
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void moveCoachingSession(long bookingId, Instant newStart, String why) {
        retry.run(() -> moveCoachingSessionOnce(bookingId, newStart, why));
    }

    private void moveCoachingSessionOnce(long bookingId, Instant newStart, String why) {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        Booking booking = BookingPolicy.checkCoachingSession(em.find(Booking.class, bookingId), me);
        String reason = why == null || why.isBlank() ? null : why.strip();
        if (reason == null) {
            throw new BusinessException("why", "Say why the session is moving; the other person will see it.");
        }
        if (reason.length() > Booking.REASON_MAX) {
            throw new BusinessException("why", "Keep it under " + Booking.REASON_MAX + " characters.");
        }
        Pairing pairing = em.find(Pairing.class, booking.getPairingId());
        if (pairing == null || !pairing.getState().isCurrent()) {
            throw new BusinessException("This coaching pairing has ended, so its sessions can no longer be moved.");
        }
        availability().lock(booking.getPersonId(), booking.getCoachId());
        em.refresh(booking);
        booking.checkChangeable(now, Duration.ofHours(changeNoticeHours));
        if (newStart == null) {
            throw new BusinessException("newSlot", "Choose the slot to move to.");
        }
        SlotGenerator.Slot slot = availability().freeSlot(booking.getCoachId(), newStart, booking.getId(), now);
        availability().checkClear(booking.getPersonId(), slot.range(), booking.getId(), null,
                booking.getPersonId() == me ? "You" : notices(now).people(List.of(booking.getPersonId())).get(booking.getPersonId()).getFullName());
        TimeRange from = booking.range();
        CoachingSession old = booking.getSessionId() == null ? null : em.find(CoachingSession.class, booking.getSessionId());
        boolean chemistry = old != null && old.isChemistry();
        if (old != null && old.getStatus() == SessionStatus.PLANNED) {
            old.record(SessionStatus.CANCELLED, now);
        }
        CoachingSession record = new CoachingSession(booking.getPairingId(), slot.start(), slot.minutes(), chemistry, SessionStatus.PLANNED);
        em.persist(record);
        em.flush();
        booking.moveTo(slot.range(), record.getId());
        availability().flush(new SlotAlreadyBookedException());
        NoticeWriter notices = notices(now);
        notices.moved(booking, from, me, reason);
        sendAfterCommit(notices);
    }

    // ---------------------------------------------------------------- a coach's slots

    /** The caller's patterns and one-off slots, the sessions booked with them, and their free slots of the next two weeks. */
    @RolesAllowed("COACH")
    public Pages.SessionSlots getSessionSlots() {
        long me = Callers.personId(session);
        Instant now = clock.instant();
        List<Pages.Pattern> patterns = availability().patterns(me).stream().map(p -> {
            SlotGenerator.PatternRule r = p.rule();
            return new Pages.Pattern(r.id(), r.day(), r.from(), r.until(), r.sessionMinutes(), r.bufferMinutes(), r.noticeHours(),
                    r.firstDay(), r.lastDay());
        }).toList();
        List<Booking> booked = em.createQuery("""
                        SELECT b FROM Booking b WHERE b.kind = org.leadingtogether.booking.BookingKind.COACHING
                          AND b.coachId = :me AND b.endsAt > :since ORDER BY b.startsAt""", Booking.class)
                .setParameter("me", me).setParameter("since", now.minus(Duration.ofDays(30))).getResultList();
        Set<Instant> taken = new java.util.HashSet<>();
        booked.stream().filter(Booking::isActive).forEach(b -> taken.add(b.getStartsAt()));
        List<Pages.OneOff> oneOffs = availability().oneOffs(me, now.minus(Duration.ofDays(1))).stream()
                .map(o -> new Pages.OneOff(o.getId(), o.getStartsAt(), o.rule().start().plus(Duration.ofMinutes(o.rule().minutes())),
                        o.rule().noticeHours(), taken.contains(o.getStartsAt())))
                .toList();
        return new Pages.SessionSlots(patterns, oneOffs, sessions(booked, me, now),
                byDay(availability().freeSlots(me, today(), today().plusDays(SLOT_DAYS), null, now)));
    }

    /** Publishes a repeating pattern of slots. */
    @RolesAllowed("COACH")
    public long addPattern(PatternForm form) {
        return addPattern(form, null);
    }

    /** {@link #addPattern(PatternForm)} from a form: a repeat of the same form ({@code intent}) adds nothing more. */
    @RolesAllowed("COACH")
    public long addPattern(PatternForm form, String intent) {
        long me = Callers.personId(session);
        FormIntents.claim(em, me, intent, "pattern", "This pattern is already published: the same form was sent again.", clock.instant());
        // Under the coach's own lock (as bookings are), so two patterns sent at once cannot both pass the overlap check.
        availability().lock(me);
        SlotPattern.checkNoOverlap(form.rule(), availability().patterns(me).stream().map(SlotPattern::rule).toList());
        SlotPattern pattern = new SlotPattern(me, form.rule());
        em.persist(pattern);
        em.flush();
        return pattern.getId();
    }

    /** Withdraws a pattern: its slots are no longer offered; sessions already booked in them stand. */
    @RolesAllowed("COACH")
    public void removePattern(long patternId) {
        em.remove(BookingPolicy.checkOwnPattern(em.find(SlotPattern.class, patternId), Callers.personId(session)));
    }

    /** Offers one slot on its own: a London date and time, a length, a notice. */
    @RolesAllowed("COACH")
    public long addOneOffSlot(LocalDate date, LocalTime start, int minutes, int noticeHours) {
        return addOneOffSlot(date, start, minutes, noticeHours, null);
    }

    /** {@link #addOneOffSlot(LocalDate, LocalTime, int, int)} from a form: a repeat of the same form adds nothing more. */
    @RolesAllowed("COACH")
    public long addOneOffSlot(LocalDate date, LocalTime start, int minutes, int noticeHours, String intent) {
        long me = Callers.personId(session);
        FormIntents.claim(em, me, intent, "one-off", "This slot is already published: the same form was sent again.", clock.instant());
        if (date == null) {
            throw new BusinessException("oneOffDate", "Enter the date.");
        }
        OneOffSlot slot = new OneOffSlot(me, LondonTime.resolve(date, start, "oneOffStart"), minutes, noticeHours, clock.instant());
        em.persist(slot);
        em.flush();
        return slot.getId();
    }

    /** Withdraws a one-off slot; a session already booked in it stands. */
    @RolesAllowed("COACH")
    public void removeOneOffSlot(long slotId) {
        em.remove(BookingPolicy.checkOwnSlot(em.find(OneOffSlot.class, slotId), Callers.personId(session)));
    }

    // ---------------------------------------------------------------- calendars

    /** The invitation of one of the caller's bookings: a request while it stands, a cancellation once cancelled. */
    @RolesAllowed({"LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN"})
    public Pages.Invitation getInvitation(long bookingId) {
        Booking booking = BookingPolicy.checkInvolved(em.find(Booking.class, bookingId), Callers.personId(session));
        String name = (booking.getKind() == BookingKind.COACHING ? "coaching-session-" : "protected-time-")
                + LondonTime.dateOf(booking.getStartsAt()) + ".ics";
        return new Pages.Invitation(name, notices(clock.instant()).invitation(booking));
    }

    /** Whether the caller has a calendar feed. */
    @RolesAllowed({"LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN"})
    public Pages.Feed getFeed() {
        CalendarFeed feed = em.find(CalendarFeed.class, Callers.personId(session));
        return new Pages.Feed(feed != null, feed == null ? null : feed.getModifiedAt());
    }

    /** Makes (or makes anew) the caller's feed address; the old address stops working. Returns the secret, shown once. */
    @RolesAllowed({"LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN"})
    public String renewFeed() {
        long me = Callers.personId(session);
        CalendarFeed feed = em.find(CalendarFeed.class, me);
        if (feed == null) {
            feed = new CalendarFeed(me);
            String token = feed.renew(clock.instant());
            em.persist(feed);
            return token;
        }
        return feed.renew(clock.instant());
    }

    /** Turns the caller's feed off: its address answers "not found" from now on. */
    @RolesAllowed({"LEARNER", "COACH", "PROGRAMME_MANAGER", "ADMIN"})
    public void revokeFeed() {
        CalendarFeed feed = em.find(CalendarFeed.class, Callers.personId(session));
        if (feed != null) {
            em.remove(feed);
        }
    }

    /**
     * The feed whose secret is {@code token}: the person's protected time and coaching sessions from 90 days ago
     * on. Open to anyone holding the secret (calendar programs cannot sign in), and to no one else; never for a
     * deactivated person (whose feed is also deleted when they are deactivated: {@link FeedRevocation}).
     */
    @PermitAll
    public Optional<String> findFeedCalendar(String token) {
        if (!CalendarFeed.looksLikeToken(token)) {
            return Optional.empty();
        }
        Optional<CalendarFeed> feed = em.createQuery("""
                        SELECT f FROM CalendarFeed f, Person p
                        WHERE f.tokenHash = :h AND p.id = f.personId AND p.active = TRUE""", CalendarFeed.class)
                .setParameter("h", CalendarFeed.hash(token)).getResultStream().findFirst();
        if (feed.isEmpty()) {
            return Optional.empty();
        }
        long person = feed.get().getPersonId();
        Instant now = clock.instant();
        List<Booking> bookings = em.createQuery("""
                        SELECT b FROM Booking b WHERE (b.personId = :p OR b.coachId = :p)
                          AND b.status <> org.leadingtogether.booking.BookingStatus.CANCELLED AND b.endsAt > :since
                        ORDER BY b.startsAt""", Booking.class)
                .setParameter("p", person).setParameter("since", now.minus(Duration.ofDays(90))).setMaxResults(1000).getResultList();
        NoticeWriter notices = notices(now);
        return Optional.of(notices.calendar().feed("Leading Together", bookings.stream().map(notices::event).toList(), now));
    }

    // ---------------------------------------------------------------- programme managers

    /** A cohort's protected-time bookings beyond the entitlement, with the learners' reasons; for its managers only. */
    @RolesAllowed("PROGRAMME_MANAGER")
    public Pages.OverEntitlement getOverEntitlement(long cohortId) {
        Cohort cohort = CohortPolicy.checkManages(em.find(Cohort.class, cohortId), Callers.personId(session));
        List<Booking> over = em.createQuery("""
                        SELECT b FROM Booking b WHERE b.cohortId = :c AND b.overEntitlement = TRUE
                          AND b.status <> org.leadingtogether.booking.BookingStatus.CANCELLED ORDER BY b.startsAt DESC""", Booking.class)
                .setParameter("c", cohort.getId()).getResultList();
        Map<Long, Person> people = notices(clock.instant()).people(over.stream().map(Booking::getPersonId).distinct().toList());
        return new Pages.OverEntitlement(cohort.getId(), cohort.getProgramme().getName() + " – " + cohort.getName(), over.stream()
                .map(b -> new Pages.OverBooking(b.getPersonId(), people.get(b.getPersonId()).getFullName(), b.getStartsAt(), b.getEndsAt(),
                        b.getMinutes(), b.getPurpose().getLabel(), b.getOverReason(), b.getStatus()))
                .toList());
    }

    // ---------------------------------------------------------------- helpers

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A learner's place in a programme, with what the ledger needs. */
    record Enrolment(long cohortId, String programmeName, BigDecimal hours, EntitlementPeriod period, LocalDate start, LocalDate end,
                     Set<Long> managers) {

        ProtectedTimeLedger ledger() {
            return new ProtectedTimeLedger(period, hours, start, end);
        }

        boolean covers(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    /** The enrolment whose cohort runs on {@code day}, else the latest one; none if the person is enrolled nowhere. */
    private Optional<Enrolment> enrolment(long person, LocalDate day) {
        List<Cohort> cohorts = em.createQuery("""
                        SELECT m.cohort FROM CohortMembership m WHERE m.person.id = :p AND m.status = :enrolled
                        ORDER BY m.cohort.startDate DESC, m.cohort.id DESC""", Cohort.class)
                .setParameter("p", person).setParameter("enrolled", MembershipStatus.ENROLLED).getResultList();
        return cohorts.stream().filter(c -> !day.isBefore(c.getStartDate()) && !day.isAfter(c.getEndDate())).findFirst()
                .or(() -> cohorts.stream().findFirst())
                .map(c -> {
                    Set<Long> managers = new java.util.TreeSet<>(c.getProgramme().getManagers());
                    managers.addAll(c.getManagers());
                    return new Enrolment(c.getId(), c.getProgramme().getName(), c.getProgramme().getEntitlementHours(),
                            c.getProgramme().getEntitlementPeriod(), c.getStartDate(), c.getEndDate(), managers);
                });
    }

    private List<Booking> protectedBlocks(long person, long cohortId) {
        return em.createQuery("""
                        SELECT b FROM Booking b WHERE b.personId = :p AND b.cohortId = :c
                          AND b.kind = org.leadingtogether.booking.BookingKind.PROTECTED_TIME ORDER BY b.startsAt""", Booking.class)
                .setParameter("p", person).setParameter("c", cohortId).getResultList();
    }

    private static List<ProtectedTimeLedger.Entry> entries(Collection<Booking> blocks) {
        return blocks.stream().map(b -> new ProtectedTimeLedger.Entry(LondonTime.dateOf(b.getStartsAt()), b.getMinutes(), b.getStatus(),
                b.getClosedReason())).toList();
    }

    private static Pages.Block block(Booking b, Map<String, String> titles, Instant now) {
        String reason = b.getClosedReason() == null ? null
                : b.getClosedReason().getLabel() + (b.getClosedNote() == null ? "" : ": " + b.getClosedNote());
        return new Pages.Block(b.getId(), b.getStartsAt(), b.getEndsAt(), b.getMinutes(), b.getPurpose().getLabel(),
                b.getModuleKey() == null ? null : titles.getOrDefault(b.getModuleKey(), b.getModuleKey()), b.getStatus(), reason,
                b.isOverEntitlement(), b.getOverReason(), b.isActive() && now.isBefore(b.getEndsAt()),
                b.isActive() && !now.isBefore(b.getEndsAt()));
    }

    /** Sessions as {@code me} sees them: with the other side's name, and whether they can still be changed. */
    private List<Pages.Session> sessions(List<Booking> bookings, long me, Instant now) {
        List<Long> others = bookings.stream().map(b -> b.getPersonId() == me ? b.getCoachId() : b.getPersonId()).distinct().toList();
        Map<Long, Person> people = notices(now).people(others);
        Instant deadline = now.plus(Duration.ofHours(changeNoticeHours));
        return bookings.stream().map(b -> {
            Person other = people.get(b.getPersonId() == me ? b.getCoachId() : b.getPersonId());
            String closed = b.getClosedReason() == null ? null
                    : (b.getClosedBy() != null && b.getClosedBy() == me ? "Cancelled by you" : "Cancelled by " + other.getFullName())
                    + ": " + b.getClosedReason().getLabel().toLowerCase() + (b.getClosedNote() == null ? "" : " (" + b.getClosedNote() + ")");
            return new Pages.Session(b.getId(), other.getFullName(), b.getStartsAt(), b.getEndsAt(), b.getStatus(), closed,
                    b.isActive() && b.getStartsAt().isAfter(deadline));
        }).toList();
    }

    private static List<Pages.SlotDay> byDay(List<SlotGenerator.Slot> slots) {
        Map<LocalDate, List<Pages.FreeSlot>> days = new TreeMap<>();
        slots.stream().sorted(Comparator.comparing(SlotGenerator.Slot::start)).forEach(s -> days
                .computeIfAbsent(LondonTime.dateOf(s.start()), d -> new ArrayList<>()).add(new Pages.FreeSlot(s.start(), s.end(), s.minutes())));
        return days.entrySet().stream().map(e -> new Pages.SlotDay(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private Availability availability() {
        return new Availability(em);
    }

    private NoticeWriter notices(Instant now) {
        return new NoticeWriter(em, mailer, now);
    }

    private void sendAfterCommit(NoticeWriter notices) {
        if (notices.wrote()) {
            queued.fire(new NoticesQueued());
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.LONDON));
    }
}
