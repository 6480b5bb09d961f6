package org.leadingtogether.coaching;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.account.Person;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.cohort.CohortPolicy;
import org.leadingtogether.cohort.ProgrammeStanding;
import org.leadingtogether.cohort.ProgrammeStandings;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.DatabaseErrors;
import org.leadingtogether.platform.persistence.FormIntents;
import org.leadingtogether.platform.security.Callers;
import org.leadingtogether.progress.SelfAssessment;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Coaching: the one boundary for coaches, coachees and programme managers, and the transaction of each request.
 *
 * <p>Every method starts by finding the caller (never trusting an id a page sends for "me") and checking,
 * through {@link CoachingPolicy} or the cohort's own policy, that the record is theirs to see. What each side
 * sees differs: the coach's private notes are read for the coach alone; the coachee sees the agreement, shared
 * actions and their own feedback; a programme manager sees who is paired with whom, states and counts only.
 *
 * <p>Places are counted under a lock on the coach's profile row, so two managers confirming pairings for the
 * same coach at the same moment cannot both take the last place; locks are taken in coach-id order so that
 * two cohort-wide confirmations cannot deadlock.
 */
@Stateless
public class CoachingService {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    /** Tells whoever listens (notifications) that a request waits or a session was recorded; ids only. */
    @Inject
    private jakarta.enterprise.event.Event<CoachingHappened> happened;

    /** Each coachee's standing in their programme, as the learner and their manager see it. */
    @Inject
    private ProgrammeStandings standings;

    @Inject
    private FrameworkService frameworks;

    /** The owner of a session's life in time (the booking feature): every change of when or whether goes through it. */
    @Inject
    private SessionSchedule schedule;

    @Inject
    @ConfigProperty(name = "coaching.response.working-days", defaultValue = "14")
    private int responseWorkingDays;

    private CoachMatcher matcher;

    @PostConstruct
    void configure() {
        matcher = new CoachMatcher(MatchWeights.fromProperties(key -> ConfigProvider.getConfig().getOptionalValue(key, String.class)));
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ClockProducer.LONDON));
    }

    private long me() {
        return Callers.personId(session);
    }

    // ---------------------------------------------------------------- the coach's profile and home

    /** The caller's coach profile, or a blank one (not yet saved) with the usual defaults. */
    @RolesAllowed("COACH")
    public CoachProfile getMyProfile() {
        CoachProfile profile = em.find(CoachProfile.class, me());
        if (profile == null) {
            return new CoachProfile(me());
        }
        em.detach(profile);
        return profile;
    }

    /** Saves the caller's profile; lowering the capacity below the places held is refused at the field. */
    @RolesAllowed("COACH")
    public void saveMyProfile(CoachProfile form) {
        long me = me();
        CoachProfile profile = em.find(CoachProfile.class, me, LockModeType.PESSIMISTIC_WRITE);
        if (profile == null) {
            profile = new CoachProfile(me);
            profile.update(form);
            em.persist(profile);
            return;
        }
        int held = new CoachDirectory(em).placesHeld(today()).getOrDefault(me, 0);
        if (form.getCapacity() < held) {
            throw new BusinessException("capacity", "You hold " + held + (held == 1 ? " place" : " places")
                    + " now; the capacity cannot be lower. End or decline a pairing first.");
        }
        profile.update(form);
    }

    /** Places used, requests to answer, and the people the caller coaches now. */
    @RolesAllowed("COACH")
    public CoachHome getCoachHome() {
        long me = me();
        LocalDate today = today();
        CoachProfile profile = em.find(CoachProfile.class, me);
        List<Pairing> pairings = em.createQuery("""
                        SELECT p FROM Pairing p WHERE p.coachId = :me AND p.state IN :states ORDER BY p.proposedAt""", Pairing.class)
                .setParameter("me", me).setParameter("states", PairingState.HOLDING_A_PLACE).getResultList();
        Set<Long> people = new HashSet<>();
        Set<Long> cohorts = new HashSet<>();
        pairings.forEach(p -> {
            people.add(p.getCoacheeId());
            if (p.getCohortId() != null) {
                cohorts.add(p.getCohortId());
            }
        });
        Map<Long, Object[]> persons = reads().persons(people);
        Map<Long, String> cohortNames = reads().cohortNames(cohorts);
        Map<Long, Long> cohortOf = new HashMap<>();
        pairings.stream().filter(p -> p.getCohortId() != null && p.getState().isCurrent())
                .forEach(p -> cohortOf.put(p.getCoacheeId(), p.getCohortId()));
        Map<Long, ProgrammeStanding> progress = standings.inCohorts(cohortOf);
        Map<Long, int[]> held = reads().sessionCounts(pairings.stream().map(Pairing::getId).toList());
        Map<Long, Instant> next = reads().nextSessions(pairings.stream().map(Pairing::getId).toList(), clock.instant());
        List<CoachHome.Request> requests = new ArrayList<>();
        List<CoachHome.Coachee> coachees = new ArrayList<>();
        int placesHeld = 0;
        for (Pairing p : pairings) {
            Object[] person = persons.get(p.getCoacheeId());
            String name = person[1] + " " + person[2];
            String cohort = p.getCohortId() == null ? null : cohortNames.get(p.getCohortId());
            if (p.getState() == PairingState.PROPOSED) {
                if (!p.isOverdue(today)) {
                    placesHeld++;
                    requests.add(new CoachHome.Request(p.getId(), name, (String) person[3], (String) person[4], (String) person[5],
                            cohort, p.getRespondBy(), p.getProposedBy() == p.getCoacheeId()));
                }
            } else {
                placesHeld++;
                ProgrammeStanding standing = progress.get(p.getCoacheeId());
                coachees.add(new CoachHome.Coachee(p.getId(), p.getCoacheeId(), name, (String) person[3], (String) person[5],
                        p.getState(), cohort, standing == null ? null : standing.measure(), held.getOrDefault(p.getId(), new int[2])[0], next.get(p.getId())));
            }
        }
        return new CoachHome(profile != null, profile != null && profile.isAvailable(), profile == null ? 0 : profile.getCapacity(),
                placesHeld, requests, coachees);
    }

    /** The caller's coaching that has ended, newest first, so that its records stay within their reach. */
    @RolesAllowed("COACH")
    public List<EndedPairing> findMyEndedPairings() {
        return em.createQuery("""
                        SELECT NEW org.leadingtogether.coaching.EndedPairing(p.id, e.givenName, e.familyName, p.endedAt)
                        FROM Pairing p, org.leadingtogether.account.Person e
                        WHERE p.coachId = :me AND e.id = p.coacheeId AND p.state = org.leadingtogether.coaching.PairingState.ENDED
                        ORDER BY p.endedAt DESC, p.id DESC""", EndedPairing.class)
                .setParameter("me", me()).setMaxResults(50).getResultList();
    }

    /** The coach says yes to a request: the pairing starts with a first conversation. */
    @RolesAllowed("COACH")
    public void accept(long pairingId) {
        Pairing pairing = CoachingPolicy.checkCoach(em.find(Pairing.class, pairingId), me());
        pairing.accept(clock.instant(), today());
    }

    /** The coach says no; the manager sees that someone else is needed. */
    @RolesAllowed("COACH")
    public void decline(long pairingId) {
        Pairing pairing = CoachingPolicy.checkCoach(em.find(Pairing.class, pairingId), me());
        pairing.decline(clock.instant());
    }

    /** A coachee the caller coaches now: progress, and self and coach ratings side by side. */
    @RolesAllowed("COACH")
    public CoacheeView getCoachee(long pairingId) {
        Pairing pairing = CoachingPolicy.checkCurrentCoach(em.find(Pairing.class, pairingId), me());
        Person coachee = em.find(Person.class, pairing.getCoacheeId());
        ProgrammeStanding standing = pairing.getCohortId() == null ? null
                : standings.inCohorts(Map.of(coachee.getId(), pairing.getCohortId())).get(coachee.getId());
        Optional<FrameworkView> framework = frameworks.findActive();
        List<CoacheeView.RatingRow> rows = new ArrayList<>();
        boolean selfRated = false;
        boolean coachRated = false;
        List<Integer> scale = List.of();
        String frameworkTitle = null;
        if (framework.isPresent()) {
            FrameworkView f = framework.get();
            frameworkTitle = f.shortTitle();
            scale = f.scale().stream().map(FrameworkView.Scale::value).toList();
            Map<Long, Integer> self = em.createQuery("""
                            SELECT a FROM SelfAssessment a WHERE a.personId = :p AND a.framework.id = :f ORDER BY a.id DESC""", SelfAssessment.class)
                    .setParameter("p", coachee.getId()).setParameter("f", f.id()).setMaxResults(1).getResultStream()
                    .findFirst().map(SelfAssessment::getRatings).orElse(Map.of());
            Map<Long, Integer> coach = reads().latestCoachRatings(pairing.getCoachId(), coachee.getId(), f.id());
            selfRated = !self.isEmpty();
            coachRated = !coach.isEmpty();
            for (FrameworkView.DimensionView d : f.dimensions()) {
                for (FrameworkView.ElementView e : d.elements()) {
                    rows.add(new CoacheeView.RatingRow(e.id(), d.name(), e.name(), self.get(e.id()), coach.get(e.id())));
                }
            }
        }
        return new CoacheeView(pairing.getId(), coachee.getId(), coachee.getFullName(), coachee.getJobTitle(),
                coachee.getOrganisation() == null ? null : coachee.getOrganisation().getName(), standing, frameworkTitle, scale, rows,
                selfRated, coachRated);
    }

    /** The coach's own rating of a coachee they coach now; kept beside the coachee's self-ratings, never over them. */
    @RolesAllowed("COACH")
    public void rateCoachee(long pairingId, Map<Long, Integer> ratings) {
        Pairing pairing = CoachingPolicy.checkCurrentCoach(em.find(Pairing.class, pairingId), me());
        FrameworkView framework = frameworks.findActive()
                .orElseThrow(() -> new BusinessException("No framework is loaded yet, so there is nothing to rate against."));
        Set<Long> elements = new HashSet<>();
        framework.allElements().forEach(e -> elements.add(e.id()));
        Map<Long, Integer> chosen = new HashMap<>();
        ratings.forEach((element, rating) -> {
            if (rating != null) {
                if (!elements.contains(element)) {
                    throw new BusinessException("That element is not in " + framework.shortTitle() + ".");
                }
                if (rating < framework.minScale() || rating > framework.maxScale()) {
                    throw new BusinessException("Ratings go from " + framework.minScale() + " to " + framework.maxScale() + ".");
                }
                chosen.put(element, rating);
            }
        });
        if (chosen.isEmpty()) {
            throw new BusinessException("Rate at least one element.");
        }
        em.persist(new CoachAssessment(pairing.getCoachId(), pairing.getCoacheeId(), framework.id(), chosen));
    }

    // ---------------------------------------------------------------- a pairing, for either side

    /** A pairing as its coach or its coachee sees it. */
    @RolesAllowed({"COACH", "LEARNER"})
    public PairingView getPairing(long pairingId) {
        long me = me();
        Pairing pairing = CoachingPolicy.checkSide(em.find(Pairing.class, pairingId), me);
        boolean asCoach = pairing.getCoachId() == me;
        Person coachee = em.find(Person.class, pairing.getCoacheeId());
        CoachCard coach = new CoachDirectory(em).cards(List.of(pairing.getCoachId())).get(pairing.getCoachId());
        Agreement agreement = em.find(Agreement.class, pairing.getId());
        List<PairingView.Session> sessions = em.createQuery(
                        "SELECT s FROM CoachingSession s WHERE s.pairingId = :p ORDER BY s.startsAt", CoachingSession.class)
                .setParameter("p", pairing.getId()).getResultList().stream()
                .map(s -> new PairingView.Session(s.getId(), s.getStartsAt(), s.getMinutes(), s.isChemistry(), s.getStatus(),
                        asCoach ? s.getCoachNotes() : null, s.getFeedbackRating(), s.getFeedbackComment()))
                .toList();
        List<PairingView.Action> actions = em.createQuery(
                        "SELECT a FROM CoachingAction a WHERE a.pairingId = :p ORDER BY a.done, a.createdAt", CoachingAction.class)
                .setParameter("p", pairing.getId()).getResultList().stream()
                .map(a -> new PairingView.Action(a.getId(), a.getText(), a.isDone(), a.getCreatedBy() == me))
                .toList();
        return new PairingView(pairing.getId(), asCoach, pairing.getState(), pairing.getRespondBy(), coach, coachee.getId(),
                coachee.getFullName(), coachee.getJobTitle(), coachee.getOrganisation() == null ? null : coachee.getOrganisation().getName(),
                agreement == null ? null : new PairingView.Agreement(agreement.terms(), agreement.terms().fingerprint(),
                        agreement.getCoachAgreedAt(), agreement.getCoacheeAgreedAt()),
                sessions, actions, pairing.getEndedAt(),
                pairing.getEndedBy() != null && pairing.getEndedBy() == me ? pairing.getEndReason() : null);
    }

    /** Writes or changes the agreement; both sides then agree to it again. */
    @RolesAllowed({"COACH", "LEARNER"})
    public void saveAgreement(long pairingId, AgreementTerms terms) {
        Pairing pairing = currentPairing(pairingId);
        Agreement agreement = em.find(Agreement.class, pairing.getId());
        if (agreement == null) {
            agreement = new Agreement(pairing.getId());
            agreement.change(terms);
            em.persist(agreement);
        } else {
            agreement.change(terms);
        }
    }

    /** The caller agrees to the agreement as they read it; when both have, coaching proper begins. */
    @RolesAllowed({"COACH", "LEARNER"})
    public void agree(long pairingId, int fingerprintRead) {
        long me = me();
        Pairing pairing = currentPairing(pairingId);
        Agreement agreement = Optional.ofNullable(em.find(Agreement.class, pairing.getId(), LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new BusinessException("There is no agreement to agree to yet."));
        agreement.agree(pairing.getCoachId() == me, fingerprintRead, clock.instant());
        if (agreement.isAgreedByBoth() && pairing.getState() == PairingState.CHEMISTRY) {
            pairing.activate(clock.instant());
        }
    }

    /** An action both sides see. */
    @RolesAllowed({"COACH", "LEARNER"})
    public void addAction(long pairingId, String text) {
        addAction(pairingId, text, null);
    }

    /** {@link #addAction(long, String)} from a form: the same form sent twice ({@code intent}) adds one action. */
    @RolesAllowed({"COACH", "LEARNER"})
    public void addAction(long pairingId, String text, String intent) {
        Pairing pairing = currentPairing(pairingId);
        FormIntents.claim(em, me(), intent, "action/" + pairingId, "This action is already added: the same form was sent again.", clock.instant());
        em.persist(new CoachingAction(pairing.getId(), null, text, me()));
    }

    @RolesAllowed({"COACH", "LEARNER"})
    public void setActionDone(long actionId, boolean done) {
        CoachingAction action = em.find(CoachingAction.class, actionId);
        if (action == null) {
            throw new NotFoundException("There is no such action.");
        }
        currentPairing(action.getPairingId());
        action.setDone(done);
    }

    /** Either side ends the pairing, with a reason only they will ever see. */
    @RolesAllowed({"COACH", "LEARNER"})
    public void endPairing(long pairingId, String privateReason) {
        long me = me();
        Pairing pairing = CoachingPolicy.checkSide(em.find(Pairing.class, pairingId), me);
        pairing.end(me, privateReason, clock.instant());
        schedule.pairingEnded(pairing, me);
    }

    /** The coach records a session: when, how long, and what happened. */
    @RolesAllowed("COACH")
    public long recordSession(long pairingId, LocalDateTime startsAt, int minutes, SessionStatus status) {
        return recordSession(pairingId, startsAt, minutes, status, null);
    }

    /** {@link #recordSession(long, LocalDateTime, int, SessionStatus)} from a form: sent twice ({@code intent}), it records one session. */
    @RolesAllowed("COACH")
    public long recordSession(long pairingId, LocalDateTime startsAt, int minutes, SessionStatus status, String intent) {
        return recordSession(pairingId, startsAt, minutes, status, null, intent);
    }

    /**
     * A session recorded with the coach's private notes on it, in one go (one form, one save): both are kept, or, when
     * either is refused, neither. Sent twice ({@code intent}), it records one session.
     */
    @RolesAllowed("COACH")
    public long recordSession(long pairingId, LocalDateTime startsAt, int minutes, SessionStatus status, String notes, String intent) {
        Pairing pairing = CoachingPolicy.checkCurrentCoach(em.find(Pairing.class, pairingId), me());
        if (notes != null && notes.strip().length() > CoachingSession.NOTES_MAX) {
            throw new BusinessException("recordNotes", "Keep the notes under " + CoachingSession.NOTES_MAX + " characters.");
        }
        FormIntents.claim(em, me(), intent, "session/" + pairingId, "This session is already recorded: the same form was sent again.",
                clock.instant());
        CoachingSession record = schedule.record(pairing, startsAt, minutes, status, me());
        record.writeNotes(notes);
        happened.fire(new CoachingHappened(CoachingHappened.What.SESSION_RECORDED, pairing.getId(), pairing.getCoachId(), pairing.getCoacheeId()));
        return record.getId();
    }

    /** The coach changes what happened at a session and their private notes on it. */
    @RolesAllowed("COACH")
    public void updateSession(long sessionId, SessionStatus status, String notes) {
        CoachingSession record = em.find(CoachingSession.class, sessionId);
        if (record == null) {
            throw new NotFoundException("There is no such session.");
        }
        Pairing pairing = CoachingPolicy.checkCoach(em.find(Pairing.class, record.getPairingId()), me());
        record.writeNotes(notes);
        schedule.changeStatus(pairing, record, status, me());
    }

    /** The coachee's feedback on a session that was held. */
    @RolesAllowed("LEARNER")
    public void giveFeedback(long sessionId, int rating, String comment) {
        CoachingSession record = em.find(CoachingSession.class, sessionId);
        if (record == null) {
            throw new NotFoundException("There is no such session.");
        }
        CoachingPolicy.checkCoachee(em.find(Pairing.class, record.getPairingId()), me());
        record.giveFeedback(rating, comment, clock.instant());
    }

    // ---------------------------------------------------------------- the coachee

    /** The caller's pairings, and coaches they may ask for when they have none. */
    @RolesAllowed("LEARNER")
    public MyCoaching getMyCoaching() {
        long me = me();
        LocalDate today = today();
        List<Pairing> pairings = em.createQuery("SELECT p FROM Pairing p WHERE p.coacheeId = :me ORDER BY p.proposedAt DESC", Pairing.class)
                .setParameter("me", me).getResultList();
        Map<Long, CoachCard> cards = new CoachDirectory(em).cards(pairings.stream().map(Pairing::getCoachId).distinct().toList());
        List<MyCoaching.Pairing> mine = pairings.stream()
                .map(p -> new MyCoaching.Pairing(p.getId(), p.isOverdue(today) ? PairingState.EXPIRED : p.getState(),
                        cards.get(p.getCoachId()), p.getRespondBy(), p.getProposedBy() == me))
                .toList();
        boolean waiting = pairings.stream().anyMatch(p -> PairingState.HOLDING_A_PLACE.contains(p.getState()) && !p.isOverdue(today));
        Optional<Boolean> ownOrganisationAllowed = reads().currentProgrammeAllowsOwnOrganisation(me);
        List<MyCoaching.Suggestion> suggestions = List.of();
        if (!waiting && ownOrganisationAllowed.isPresent()) {
            CoachDirectory directory = new CoachDirectory(em);
            MatchCoachee coachee = directory.coachees(List.of(me), ownOrganisationAllowed.get()).get(me);
            List<Suggestion> ranked = matcher.suggest(coachee, directory.candidates(today));
            List<Suggestion> top = ranked.subList(0, Math.min(5, ranked.size()));
            Map<Long, CoachCard> topCards = directory.cards(top.stream().map(s -> s.coach().coachId()).toList());
            suggestions = top.stream().map(s -> new MyCoaching.Suggestion(topCards.get(s.coach().coachId()), s.score(), s.reasons(),
                    s.coach().freePlaces() + " of " + s.coach().capacity())).toList();
        }
        List<String> wishes = em.createNativeQuery("SELECT name FROM coachee_wish WHERE person_id = ? ORDER BY name")
                .setParameter(1, me).getResultList().stream().map(String::valueOf).toList();
        return new MyCoaching(mine, !waiting && ownOrganisationAllowed.isPresent(), suggestions, wishes);
    }

    /** The caller asks a suggested coach to coach them; the coach answers as for a manager's proposal. */
    @RolesAllowed("LEARNER")
    public long requestCoach(long coachId) {
        return requestCoach(coachId, null);
    }

    /** {@link #requestCoach(long)} from a form: the same request sent twice ({@code intent}) is made once. */
    @RolesAllowed("LEARNER")
    public long requestCoach(long coachId, String intent) {
        long me = me();
        FormIntents.claim(em, me, intent, "request-coach", "Your request is already sent: the same form was sent again.", clock.instant());
        LocalDate today = today();
        Cohort cohort = reads().currentCohort(me).orElseThrow(() -> new BusinessException(
                "Coaching comes with a programme: once you are enrolled in a cohort you can ask for a coach."));
        if (reads().holdsAPlace(me, today)) {
            throw new BusinessException("You already have a coach, or a request waiting for an answer.");
        }
        CoachDirectory directory = new CoachDirectory(em);
        MatchCoachee coachee = directory.coachees(List.of(me), cohort.getProgramme().isOwnOrganisationCoaching()).get(me);
        lockCoaches(List.of(coachId));
        MatchCandidate coach = directory.candidates(today).stream().filter(c -> c.coachId() == coachId).findFirst()
                .orElseThrow(() -> new NotFoundException("There is no such coach."));
        matcher.exclusionReason(coachee, coach).ifPresent(reason -> {
            throw reason.contains("places") ? new CoachAtCapacityException(coach.name() + " has no free place now. Choose another coach.")
                    : new BusinessException(coach.name() + " cannot be your coach: " + reason + ".");
        });
        expireOverdue(me, today);
        Pairing pairing = new Pairing(coachId, me, cohort.getId(), me, clock.instant(), WorkingDays.add(today, responseWorkingDays));
        em.persist(pairing);
        writeOpenPairing("You already have a coach, or a request waiting for an answer.");
        happened.fire(new CoachingHappened(CoachingHappened.What.REQUEST_WAITING, pairing.getId(), coachId, me));
        return pairing.getId();
    }

    /** The specialisms the caller would like a coach to have (the matcher weighs them). */
    @RolesAllowed("LEARNER")
    public void saveWishes(Collection<String> wishes) {
        long me = me();
        Set<String> tidy = CoachProfile.tidy(wishes);
        for (String wish : tidy) {
            if (wish.length() > CoachProfile.NAME_MAX) {
                throw new BusinessException("specialisms", "Keep each specialism under " + CoachProfile.NAME_MAX + " characters.");
            }
        }
        em.createNativeQuery("DELETE FROM coachee_wish WHERE person_id = ?").setParameter(1, me).executeUpdate();
        for (String wish : tidy) {
            em.createNativeQuery("INSERT INTO coachee_wish (person_id, name) VALUES (?, ?)").setParameter(1, me).setParameter(2, wish)
                    .executeUpdate();
        }
    }

    // ---------------------------------------------------------------- the programme manager

    /** Each member of a cohort the caller runs, with their pairing's state and counts of sessions held and missed. */
    @RolesAllowed("PROGRAMME_MANAGER")
    public CohortCoaching getCohortCoaching(long cohortId) {
        Cohort cohort = CohortPolicy.checkManages(em.find(Cohort.class, cohortId), me());
        LocalDate today = today();
        List<Object[]> members = reads().activeMembers(cohort);
        Map<Long, Pairing> latest = new HashMap<>();
        Set<Long> hadBefore = new HashSet<>();
        em.createQuery("SELECT p FROM Pairing p WHERE p.cohortId = :c ORDER BY p.proposedAt", Pairing.class)
                .setParameter("c", cohort.getId()).getResultList()
                .forEach(p -> {
                    Pairing previous = latest.put(p.getCoacheeId(), p);
                    if (previous != null) {
                        hadBefore.add(p.getCoacheeId());
                    }
                });
        Map<Long, String> coachNames = new HashMap<>();
        Set<Long> coachIds = new HashSet<>();
        latest.values().forEach(p -> coachIds.add(p.getCoachId()));
        reads().persons(coachIds).forEach((id, row) -> coachNames.put(id, row[1] + " " + row[2]));
        Map<Long, int[]> counts = reads().sessionCounts(latest.values().stream().map(Pairing::getId).toList());
        List<CohortCoaching.Member> rows = new ArrayList<>();
        for (Object[] m : members) {
            long personId = (Long) m[0];
            Pairing p = latest.get(personId);
            int[] c = p == null ? new int[2] : counts.getOrDefault(p.getId(), new int[2]);
            boolean before = hadBefore.contains(personId) || (p != null && !PairingState.HOLDING_A_PLACE.contains(p.getState()));
            rows.add(new CohortCoaching.Member(personId, m[1] + " " + m[2], (String) m[3], (String) m[4],
                    p == null ? null : p.getId(), p == null ? null : coachNames.get(p.getCoachId()), p == null ? null : p.getState(),
                    p == null ? null : p.getRespondBy(), p != null && p.isOverdue(today), c[0], c[1], before));
        }
        return new CohortCoaching(cohort.getId(), cohort.getProgramme().getName(), cohort.getName(), rows);
    }

    /** Coaches for one member of a cohort the caller runs, best first, with the reasons. */
    @RolesAllowed("PROGRAMME_MANAGER")
    public List<Suggestion> suggestFor(long cohortId, long personId) {
        Cohort cohort = CohortPolicy.checkManages(em.find(Cohort.class, cohortId), me());
        requireMember(cohort, personId);
        CoachDirectory directory = new CoachDirectory(em);
        MatchCoachee coachee = directory.coachees(List.of(personId), cohort.getProgramme().isOwnOrganisationCoaching()).get(personId);
        return matcher.suggest(coachee, directory.candidates(today()));
    }

    /**
     * Suggested pairings for every member of the cohort who needs a coach, balanced across coaches so that no
     * coach is overfilled and the best overall fit wins (see {@link CohortAssignment}); nothing is saved.
     */
    @RolesAllowed("PROGRAMME_MANAGER")
    public CohortSuggestions suggestForCohort(long cohortId) {
        Cohort cohort = CohortPolicy.checkManages(em.find(Cohort.class, cohortId), me());
        return new CohortPairing(em, matcher).suggest(cohort, reads().activeMembers(cohort), today());
    }

    /**
     * Proposes pairings (coachee id to coach id) for members of a cohort the caller runs, all or none: each coach
     * is locked and their places counted again, and every hard rule is checked again, so a place taken meanwhile
     * by another manager refuses the lot with the name of the coach who is full.
     */
    @RolesAllowed("PROGRAMME_MANAGER")
    public int proposePairings(long cohortId, Map<Long, Long> coachByCoachee) {
        return proposePairings(cohortId, coachByCoachee, null);
    }

    /** {@link #proposePairings(long, Map)} from a form: the same proposal sent twice ({@code intent}) is made once. */
    @RolesAllowed("PROGRAMME_MANAGER")
    public int proposePairings(long cohortId, Map<Long, Long> coachByCoachee, String intent) {
        long me = me();
        FormIntents.claim(em, me, intent, "propose/" + cohortId, "These pairings are already proposed: the same form was sent again.", clock.instant());
        Cohort cohort = CohortPolicy.checkManages(em.find(Cohort.class, cohortId), me);
        if (coachByCoachee.isEmpty()) {
            throw new BusinessException("Choose at least one pairing to propose.");
        }
        LocalDate today = today();
        Set<Long> members = new HashSet<>(CoachingReads.ids(reads().activeMembers(cohort)));
        for (Long coacheeId : coachByCoachee.keySet()) {
            if (!members.contains(coacheeId)) {
                throw new NotFoundException("There is no such member in this cohort.");
            }
        }
        lockCoaches(new TreeSet<>(coachByCoachee.values()));
        CoachDirectory directory = new CoachDirectory(em);
        Map<Long, MatchCandidate> coaches = new HashMap<>();
        directory.candidates(today).forEach(c -> coaches.put(c.coachId(), c));
        Map<Long, MatchCoachee> coachees = directory.coachees(coachByCoachee.keySet(), cohort.getProgramme().isOwnOrganisationCoaching());
        Map<Long, String> names = new HashMap<>();
        reads().persons(coachByCoachee.keySet()).forEach((id, row) -> names.put(id, row[1] + " " + row[2]));
        Map<Long, Integer> taking = new HashMap<>();
        for (Map.Entry<Long, Long> pick : new java.util.TreeMap<>(coachByCoachee).entrySet()) {
            long coacheeId = pick.getKey();
            MatchCandidate coach = coaches.get(pick.getValue());
            if (coach == null) {
                throw new NotFoundException("There is no such coach.");
            }
            if (reads().holdsAPlace(coacheeId, today)) {
                throw new BusinessException(names.get(coacheeId) + " already has a coach or a request waiting for an answer.");
            }
            int extra = taking.merge(coach.coachId(), 1, Integer::sum);
            if (coach.activeCoachees() + extra > coach.capacity()) {
                throw new CoachAtCapacityException(coach.name() + " has " + Math.max(0, coach.freePlaces())
                        + (coach.freePlaces() == 1 ? " free place" : " free places") + " now, too few for everyone chosen: nothing was proposed."
                        + " Choose another coach for some of them.");
            }
            Optional<String> excluded = matcher.exclusionReason(coachees.get(coacheeId), coach);
            if (excluded.isPresent() && !excluded.get().contains("places")) {
                throw new BusinessException(coach.name() + " cannot coach " + names.get(coacheeId) + ": " + excluded.get() + ". Nothing was proposed.");
            }
            expireOverdue(coacheeId, today);
            Pairing proposed = new Pairing(coach.coachId(), coacheeId, cohort.getId(), me, clock.instant(), WorkingDays.add(today, responseWorkingDays));
            em.persist(proposed);
            writeOpenPairing(names.get(coacheeId) + " already has a coach or a request waiting for an answer. Nothing was proposed.");
            happened.fire(new CoachingHappened(CoachingHappened.What.REQUEST_WAITING, proposed.getId(), coach.coachId(), coacheeId));
        }
        return coachByCoachee.size();
    }

    // ---------------------------------------------------------------- helpers

    private CoachingReads reads() {
        return new CoachingReads(em);
    }

    /** A pairing the caller is a side of and that is under way (agreements and actions belong to those). */
    private Pairing currentPairing(long pairingId) {
        Pairing pairing = CoachingPolicy.checkSide(em.find(Pairing.class, pairingId), me());
        if (!pairing.getState().isCurrent()) {
            throw new BusinessException("This pairing is " + pairing.getState().getLabel().toLowerCase() + ": nothing more can be added to it.");
        }
        return pairing;
    }

    /** Locks the coaches' profile rows, in id order so that two requests can never wait for each other. */
    private void lockCoaches(Collection<Long> coachIds) {
        for (Long id : new TreeSet<>(coachIds)) {
            if (em.find(CoachProfile.class, id, LockModeType.PESSIMISTIC_WRITE) == null) {
                throw new NotFoundException("There is no such coach.");
            }
        }
    }

    /**
     * Marks a coachee's unanswered, overdue requests as expired before proposing someone new, and writes that at once:
     * an open proposal, even an overdue one, holds the coachee's one open pairing in the database.
     */
    private void expireOverdue(long coacheeId, LocalDate today) {
        em.createQuery("SELECT p FROM Pairing p WHERE p.coacheeId = :id AND p.state = org.leadingtogether.coaching.PairingState.PROPOSED", Pairing.class)
                .setParameter("id", coacheeId).getResultList().stream()
                .filter(p -> p.isOverdue(today)).forEach(p -> p.expire(clock.instant()));
        em.flush();
    }

    /**
     * Writes a new pairing now. The database holds a coachee to one open pairing (a unique key on the open coachee, see
     * V10_2): when two managers, or two tabs, propose for the same person at the same moment, the second meets that key
     * and is told {@code refusal}, never an error page.
     */
    private void writeOpenPairing(String refusal) {
        try {
            em.flush();
        } catch (PersistenceException refused) {
            if (DatabaseErrors.isDuplicate(refused)) {
                throw new BusinessException(refusal);
            }
            throw refused;
        }
    }

    private void requireMember(Cohort cohort, long personId) {
        if (reads().activeMembers(cohort).stream().noneMatch(m -> (Long) m[0] == personId)) {
            throw new NotFoundException("There is no such member in this cohort.");
        }
    }


}
