package org.leadingtogether.feedback;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Person;
import org.leadingtogether.coaching.Pairing;
import org.leadingtogether.coaching.PairingState;
import org.leadingtogether.cohort.CohortPolicy;
import org.leadingtogether.cohort.MembershipStatus;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.mail.BookingNotice;
import org.leadingtogether.mail.NoticeKind;
import org.leadingtogether.mail.NoticesQueued;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.FormIntents;
import org.leadingtogether.platform.persistence.InList;
import org.leadingtogether.platform.persistence.InstantConverter;
import org.leadingtogether.platform.security.Callers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The boundary of 360 feedback: programme managers' rounds and the programme's impact, a learner's own 360 (rating
 * themselves, inviting raters, reminders, the report and sharing it), a coach's reading of a report shared with them
 * and their debrief notes: everyone who comes with an account. One call is one transaction; every method checks the
 * caller first, through {@link FeedbackPolicy} (or {@link CohortPolicy} for a programme). A rater, who has none, answers
 * through {@link RaterAnswers}.
 */
@Stateless
public class FeedbackService {

    /** How long after one reminder the learner may send the next. */
    static final Duration REMINDER_PAUSE = Duration.ofHours(24);

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private Event<NoticesQueued> queued;

    @Inject
    private ProgrammeImpact impact;

    // ---------------------------------------------------------------- programme managers

    /** A programme's rounds, with how many learners opened and completed each (never who). */
    @RolesAllowed("PROGRAMME_MANAGER")
    public FeedbackPages.Rounds getRounds(long programmeId) {
        Programme programme = CohortPolicy.checkManages(em.find(Programme.class, programmeId), me());
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery("""
                        SELECT q.roundId, COUNT(q), SUM(CASE WHEN q.selfRatedAt IS NOT NULL AND q.answers >= r.minRaters THEN 1 ELSE 0 END)
                        FROM FeedbackRequest q, FeedbackRound r WHERE q.roundId = r.id AND r.programmeId = :p GROUP BY q.roundId""", Object[].class)
                .setParameter("p", programmeId).getResultList()
                .forEach(row -> counts.put((Long) row[0], new long[] {((Number) row[1]).longValue(), row[2] == null ? 0 : ((Number) row[2]).longValue()}));
        List<FeedbackPages.RoundLine> lines = rounds(programmeId).stream().map(r -> {
            long[] c = counts.getOrDefault(r.getId(), new long[2]);
            return new FeedbackPages.RoundLine(r.getId(), r.getName(), r.getOpensOn(), r.getClosesOn(), r.getMinRaters(), c[0], c[1]);
        }).toList();
        return new FeedbackPages.Rounds(programme.getId(), programme.getName(), lines);
    }

    /** A round of the programme to change, for its managers. */
    @RolesAllowed("PROGRAMME_MANAGER")
    public FeedbackRound getRound(long programmeId, long roundId) {
        CohortPolicy.checkManages(em.find(Programme.class, programmeId), me());
        FeedbackRound round = em.find(FeedbackRound.class, roundId);
        if (round == null || round.getProgrammeId() != programmeId) {
            throw new NotFoundException("There is no such round.");
        }
        em.detach(round);
        return round;
    }

    /**
     * Adds a round to the programme ({@code roundId} null; a repeat of the same form, {@code intent}, adds nothing more),
     * or changes one of its rounds.
     */
    @RolesAllowed("PROGRAMME_MANAGER")
    public long saveRound(long programmeId, Long roundId, FeedbackRound form, String intent) {
        long me = me();
        CohortPolicy.checkManages(em.find(Programme.class, programmeId), me);
        if (form.getName() == null || form.getName().isBlank()) {
            throw new BusinessException("name", "Enter the round's name, such as 'At the start'.");
        }
        if (form.getOpensOn() == null) {
            throw new BusinessException("opensOn", "Enter the day the round opens.");
        }
        if (form.getClosesOn() == null) {
            throw new BusinessException("closesOn", "Enter the closing date.");
        }
        if (form.getMinRaters() < FeedbackRound.MIN_RATERS_LEAST || form.getMinRaters() > RaterList.MAX_RATERS) {
            throw new BusinessException("minRaters", "Ask for " + FeedbackRound.MIN_RATERS_LEAST + " to " + RaterList.MAX_RATERS + " raters.");
        }
        FeedbackRound round;
        if (roundId == null) {
            FormIntents.claim(em, me, intent, "feedback-round/" + programmeId, "This round is already added: the same form was sent again.", clock.instant());
            round = new FeedbackRound(programmeId);
            round.update(form);
            em.persist(round);
        } else {
            round = em.find(FeedbackRound.class, roundId);
            if (round == null || round.getProgrammeId() != programmeId) {
                throw new NotFoundException("There is no such round.");
            }
            round.update(form);
        }
        em.flush();
        return round.getId();
    }

    /**
     * The programme's impact (see {@link ProgrammeImpact}): the average change per dimension of the learners who
     * completed both its first and last rounds, beside what its members did. Figures over fewer than five learners are
     * not shown.
     */
    @RolesAllowed("PROGRAMME_MANAGER")
    public FeedbackPages.Impact getImpact(long programmeId) {
        return impact.read(CohortPolicy.checkManages(em.find(Programme.class, programmeId), me()));
    }

    /** The impact as a one-page PDF for a board. */
    @RolesAllowed("PROGRAMME_MANAGER")
    public byte[] getImpactPdf(long programmeId) {
        return ImpactPdf.pdf(getImpact(programmeId));
    }

    // ---------------------------------------------------------------- learners: rounds and their own 360

    /** The rounds of the caller's programmes, with their own 360 in each where they opened it. */
    @RolesAllowed("LEARNER")
    public List<FeedbackPages.MyRound> findMyRounds() {
        long me = me();
        LocalDate today = FeedbackCommon.today(clock);
        List<Object[]> rows = em.createQuery("""
                        SELECT r, p.name FROM FeedbackRound r, Programme p WHERE p.id = r.programmeId AND EXISTS (
                          SELECT m FROM CohortMembership m WHERE m.person.id = :me AND m.cohort.programme = p AND m.status IN :active)
                        ORDER BY r.closesOn, r.id""", Object[].class)
                .setParameter("me", me).setParameter("active", List.of(MembershipStatus.ENROLLED, MembershipStatus.COMPLETED))
                .getResultList();
        Map<Long, FeedbackRequest> mine = new HashMap<>();
        em.createQuery("SELECT q FROM FeedbackRequest q WHERE q.learnerId = :me", FeedbackRequest.class).setParameter("me", me)
                .getResultList().forEach(q -> mine.put(q.getRoundId(), q));
        List<FeedbackPages.MyRound> rounds = new ArrayList<>();
        for (Object[] row : rows) {
            FeedbackRound round = (FeedbackRound) row[0];
            FeedbackRequest request = mine.get(round.getId());
            String status;
            if (request == null) {
                status = round.isClosedOn(today) ? "Closed on " + FeedbackPolicy.DAY.format(round.getClosesOn()) + " without your 360"
                        : today.isBefore(round.getOpensOn()) ? "Opens on " + FeedbackPolicy.DAY.format(round.getOpensOn()) : "Not started";
            } else if (round.isClosedOn(today)) {
                status = "Your report is ready";
            } else {
                status = (request.isSelfRated() ? "Rated yourself" : "Not rated yourself yet") + "; " + request.getAnswers()
                        + (request.getAnswers() == 1 ? " answer" : " answers") + " so far";
            }
            rounds.add(new FeedbackPages.MyRound(round.getId(), (String) row[1], round.getName(), round.getOpensOn(), round.getClosesOn(),
                    request == null ? null : request.getId(), request == null && round.isOpenOn(today), round.isClosedOn(today), status));
        }
        return rounds;
    }

    /**
     * What waits for the caller in their 360s (for a "coming up" panel): a round open that they have not started, their
     * own ratings not given, fewer raters invited than the round asks for. Soonest closing first.
     */
    @RolesAllowed("LEARNER")
    public List<FeedbackPages.Waiting> findWaiting() {
        long me = me();
        List<FeedbackPages.Waiting> waiting = new ArrayList<>();
        LocalDate today = FeedbackCommon.today(clock);
        for (FeedbackPages.MyRound round : findMyRounds()) {
            if (round.closed() || today.isBefore(round.opensOn())) {
                continue;
            }
            if (round.requestId() == null) {
                waiting.add(new FeedbackPages.Waiting(round.roundId(), null, "Start your 360 for " + round.roundName(), round.closesOn()));
                continue;
            }
            FeedbackRequest request = em.find(FeedbackRequest.class, round.requestId());
            long invited = em.createQuery("SELECT COUNT(r) FROM FeedbackRater r WHERE r.requestId = :q", Long.class)
                    .setParameter("q", request.getId()).getSingleResult();
            int needed = em.find(FeedbackRound.class, round.roundId()).getMinRaters();
            if (!request.isSelfRated()) {
                waiting.add(new FeedbackPages.Waiting(round.roundId(), request.getId(), "Rate yourself in your 360 (" + round.roundName() + ")", round.closesOn()));
            }
            if (invited < needed && request.getLearnerId() == me) {
                waiting.add(new FeedbackPages.Waiting(round.roundId(), request.getId(), "Invite " + (needed - invited) + " more "
                        + (needed - invited == 1 ? "rater" : "raters") + " to your 360 (" + round.roundName() + ")", round.closesOn()));
            }
        }
        return waiting;
    }

    /** Opens the caller's 360 in a round of their programme; opening it again gives the same one. */
    @RolesAllowed("LEARNER")
    public long openRound(long roundId, String intent) {
        long me = me();
        FeedbackRound round = em.find(FeedbackRound.class, roundId);
        if (round == null || !enrolledIn(me, round.getProgrammeId())) {
            throw new NotFoundException("There is no such round.");
        }
        Optional<FeedbackRequest> existing = findRequest(roundId, me);
        if (existing.isPresent()) {
            return existing.get().getId();
        }
        FeedbackPolicy.checkOpen(round, FeedbackCommon.today(clock));
        FormIntents.claim(em, me, intent, "feedback-open/" + roundId, "Your 360 is already started: the same form was sent again.", clock.instant());
        FrameworkView framework = frameworks.findActive().orElseThrow(() -> new BusinessException(
                "No framework is active, so there is nothing to rate yet. Ask an administrator."));
        FeedbackRequest request = new FeedbackRequest(roundId, me, framework.id());
        em.persist(request);
        em.flush();
        Scores.open(em, request.getId(), framework);
        return request.getId();
    }

    /** The caller's own 360: their ratings, who they invited, and how many in each group have answered (never who). */
    @RolesAllowed("LEARNER")
    public FeedbackPages.Request getRequest(long requestId) {
        return requestPage(FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me()));
    }

    /**
     * Every 360 of the caller's, for their subject access download: what their own pages show of each (their ratings,
     * whom they invited and in which group, how many in each group answered) and, once the round has closed, the report
     * exactly as they read it. Nothing about one rater: the answers are stored with their group only, and comments with
     * neither. For anyone signed in (a learner who has since lost the role still has their 360s); only ever their own.
     */
    @PermitAll
    public List<FeedbackPages.Mine> findAllMine() {
        long me = me();
        LocalDate today = FeedbackCommon.today(clock);
        List<FeedbackPages.Mine> mine = new ArrayList<>();
        for (Object[] row : em.createQuery("""
                        SELECT q, r FROM FeedbackRequest q, FeedbackRound r WHERE q.learnerId = :me AND r.id = q.roundId
                        ORDER BY r.closesOn, r.id""", Object[].class).setParameter("me", me).getResultList()) {
            FeedbackRequest request = (FeedbackRequest) row[0];
            FeedbackRound round = (FeedbackRound) row[1];
            mine.add(new FeedbackPages.Mine(request.getCreatedAt(), requestPage(request),
                    round.isClosedOn(today) ? report(request, round, null) : null));
        }
        return mine;
    }

    private FeedbackPages.Request requestPage(FeedbackRequest request) {
        FeedbackRound round = em.find(FeedbackRound.class, request.getRoundId());
        LocalDate today = FeedbackCommon.today(clock);
        Map<String, Integer> self = selfResponse(request.getId()).map(r -> Map.copyOf(r.getRatings())).orElse(Map.of());
        List<FeedbackRater> raters = raters(request.getId());
        List<FeedbackPages.Invited> invited = raters.stream()
                .sorted(java.util.Comparator.comparing((FeedbackRater r) -> r.getRelationship().ordinal()).thenComparing(FeedbackRater::getEmail))
                .map(r -> new FeedbackPages.Invited(r.getEmail(), r.getRelationship().getLabel())).toList();
        Map<Relationship, int[]> counts = new EnumMap<>(Relationship.class);
        raters.forEach(r -> {
            int[] c = counts.computeIfAbsent(r.getRelationship(), g -> new int[2]);
            c[0]++;
            c[1] += r.isAnswered() ? 1 : 0;
        });
        List<FeedbackPages.GroupCount> groups = Relationship.groups().stream()
                .map(g -> new FeedbackPages.GroupCount(g.getLabel(), counts.getOrDefault(g, new int[2])[0], counts.getOrDefault(g, new int[2])[1]))
                .toList();
        boolean open = round.isOpenOn(today);
        boolean waiting = raters.stream().anyMatch(r -> !r.isAnswered());
        boolean paused = request.getRemindedAt() != null && request.getRemindedAt().plus(REMINDER_PAUSE).isAfter(clock.instant());
        return new FeedbackPages.Request(request.getId(), FeedbackCommon.programmeName(em, round.getProgrammeId()), round.getName(), round.getOpensOn(),
                round.getClosesOn(), round.getMinRaters(), open, round.isClosedOn(today), frameworks.getFramework(request.getFrameworkId()),
                self, request.getSelfRatedAt(), invited, groups, request.getAnswers(), request.getRemindedAt(), open && waiting && !paused,
                counts.containsKey(Relationship.LINE_MANAGER));
    }

    /**
     * The caller's own ratings, every element of the framework rated (element code to a point of its scale). Saved
     * again, they replace the earlier ones until the round closes.
     */
    @RolesAllowed("LEARNER")
    public void saveSelfRatings(long requestId, Map<String, Integer> ratings) {
        FeedbackRequest request = FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me());
        FeedbackPolicy.checkOpen(em.find(FeedbackRound.class, request.getRoundId()), FeedbackCommon.today(clock));
        FrameworkView framework = frameworks.getFramework(request.getFrameworkId());
        Map<String, Integer> chosen = FeedbackCommon.checkedRatings(framework, ratings, false);
        FeedbackResponse self = selfResponse(request.getId()).orElseGet(() -> {
            FeedbackResponse created = new FeedbackResponse(request.getId(), Relationship.SELF, Map.of());
            em.persist(created);
            return created;
        });
        self.replaceRatings(chosen);
        request.selfRated(clock.instant());
        Scores.self(em, request.getId(), framework, chosen);
    }

    /**
     * Invites raters in one group, one address a line: every line at fault is refused with its number and nothing is
     * saved; otherwise each address gets an email with a link of its own (through the outbox, sent once this commits).
     *
     * @param portalUrl the portal's public address, for the links
     * @return how many were invited
     */
    @RolesAllowed("LEARNER")
    public int invite(long requestId, Relationship group, String addresses, String portalUrl, String intent) {
        long me = me();
        Instant now = clock.instant();
        FormIntents.claim(em, me, intent, "feedback-invite/" + requestId, "These raters are already invited: the same form was sent again.", now);
        FeedbackRequest request = FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me);
        FeedbackRound round = FeedbackPolicy.checkOpen(em.find(FeedbackRound.class, request.getRoundId()), FeedbackCommon.today(clock));
        if (group == null || group == Relationship.SELF) {
            throw new BusinessException("group", "Choose who these raters are to you.");
        }
        em.createNativeQuery("SELECT id FROM feedback_request WHERE id = ? FOR UPDATE").setParameter(1, requestId).getResultList();
        Map<String, Relationship> already = new HashMap<>();
        raters(requestId).forEach(r -> already.put(r.getEmail(), r.getRelationship()));
        Person learner = em.find(Person.class, me);
        RaterList.Result list = RaterList.read(addresses, group, already, learner.getEmail());
        if (!list.ok()) {
            throw new InvitationRefused(list.problems());
        }
        request.usedPortalAt(portalUrl);
        FrameworkView framework = frameworks.getFramework(request.getFrameworkId());
        String programme = FeedbackCommon.programmeName(em, round.getProgrammeId());
        for (String address : list.addresses()) {
            FeedbackRater rater = new FeedbackRater(requestId, group, address);
            em.persist(rater);
            em.flush();
            String link = newLink(rater, portalUrl, now);
            FeedbackEmails.Email email = FeedbackEmails.invitation(learner.getFullName(), programme, group, round.getClosesOn(),
                    framework.allElements().size(), link);
            em.persist(BookingNotice.email(NoticeKind.FEEDBACK_INVITATION, address, email.subject(), email.body()));
        }
        queued.fire(new NoticesQueued());
        return list.addresses().size();
    }

    /** Reminds everyone invited who has not answered, each with a new link of their own; once a day at most. */
    @RolesAllowed("LEARNER")
    public int remind(long requestId, String portalUrl) {
        long me = me();
        Instant now = clock.instant();
        FeedbackRequest request = FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me);
        FeedbackRound round = FeedbackPolicy.checkOpen(em.find(FeedbackRound.class, request.getRoundId()), FeedbackCommon.today(clock));
        em.createNativeQuery("SELECT id FROM feedback_request WHERE id = ? FOR UPDATE").setParameter(1, requestId).getResultList();
        em.refresh(request);
        if (request.getRemindedAt() != null && request.getRemindedAt().plus(REMINDER_PAUSE).isAfter(now)) {
            throw new BusinessException("You sent a reminder less than a day ago; you can send another from "
                    + new org.leadingtogether.platform.web.Dates().dateTime(request.getRemindedAt().plus(REMINDER_PAUSE)) + ".");
        }
        List<FeedbackRater> waiting = raters(requestId).stream().filter(r -> !r.isAnswered()).toList();
        if (waiting.isEmpty()) {
            throw new BusinessException("Everyone you invited has answered: there is nobody to remind.");
        }
        Person learner = em.find(Person.class, me);
        FrameworkView framework = frameworks.getFramework(request.getFrameworkId());
        String programme = FeedbackCommon.programmeName(em, round.getProgrammeId());
        for (FeedbackRater rater : waiting) {
            String link = newLink(rater, portalUrl, now);
            FeedbackEmails.Email email = FeedbackEmails.reminder(learner.getFullName(), programme, rater.getRelationship(), round.getClosesOn(),
                    framework.allElements().size(), link);
            em.persist(BookingNotice.email(NoticeKind.FEEDBACK_REMINDER, rater.getEmail(), email.subject(), email.body()));
            rater.reminded();
        }
        request.reminded(now);
        queued.fire(new NoticesQueued());
        return waiting.size();
    }

    /** The report of one of the caller's own 360s, once its round has closed. */
    @RolesAllowed("LEARNER")
    public FeedbackPages.Report getReport(long requestId) {
        long me = me();
        FeedbackRequest request = FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me);
        FeedbackRound round = FeedbackPolicy.checkClosed(em.find(FeedbackRound.class, request.getRoundId()), FeedbackCommon.today(clock));
        return report(request, round, null);
    }

    /** {@link #getReport} as a PDF. */
    @RolesAllowed("LEARNER")
    public byte[] getReportPdf(long requestId) {
        return FeedbackReportPdf.pdf(getReport(requestId));
    }

    /** Shares the caller's report with the coach they work with now; gives the coach's name. */
    @RolesAllowed("LEARNER")
    public String share(long requestId) {
        long me = me();
        FeedbackRequest request = FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me);
        FeedbackPolicy.checkClosed(em.find(FeedbackRound.class, request.getRoundId()), FeedbackCommon.today(clock));
        Pairing pairing = FeedbackPolicy.checkMayShare(request, currentPairing(me).orElse(null), me);
        request.shareWith(pairing.getId(), clock.instant());
        return em.find(Person.class, pairing.getCoachId()).getFullName();
    }

    /** Stops sharing: from the next request the coach no longer sees the report. */
    @RolesAllowed("LEARNER")
    public void unshare(long requestId) {
        FeedbackPolicy.checkOwn(em.find(FeedbackRequest.class, requestId), me()).unshare();
    }

    // ---------------------------------------------------------------- coaches

    /** The reports coachees share with the caller now. */
    @RolesAllowed("COACH")
    public List<FeedbackPages.Shared> findSharedWithMe() {
        long me = me();
        List<Object[]> rows = em.createQuery("""
                        SELECT q.id, l.givenName, l.familyName, p.name, r.name, r.closesOn FROM FeedbackRequest q, Pairing pr, Person l,
                               FeedbackRound r, Programme p
                        WHERE pr.id = q.sharedPairingId AND pr.coachId = :me AND pr.coacheeId = q.learnerId AND pr.state IN :current
                          AND l.id = q.learnerId AND r.id = q.roundId AND p.id = r.programmeId
                        ORDER BY r.closesOn DESC, l.familyName, l.givenName""", Object[].class)
                .setParameter("me", me).setParameter("current", PairingState.CURRENT).getResultList();
        return rows.stream().map(row -> new FeedbackPages.Shared((Long) row[0], row[1] + " " + row[2], (String) row[3], (String) row[4],
                (LocalDate) row[5])).toList();
    }

    /** A report a coachee shares with the caller through their current pairing. */
    @RolesAllowed("COACH")
    public FeedbackPages.Report getSharedReport(long requestId) {
        long me = me();
        FeedbackRequest request = sharedWithMe(requestId, me);
        return report(request, em.find(FeedbackRound.class, request.getRoundId()), request.getSharedPairingId());
    }

    /** The coach notes the debrief of a report shared with them, in the pairing's records. */
    @RolesAllowed("COACH")
    public void addDebrief(long requestId, String note, String intent) {
        long me = me();
        FormIntents.claim(em, me, intent, "feedback-debrief/" + requestId, "This note is already saved: the same form was sent again.", clock.instant());
        FeedbackRequest request = sharedWithMe(requestId, me);
        String text = note == null ? "" : note.strip();
        if (text.isEmpty()) {
            throw new BusinessException("note", "Write the note of the debrief.");
        }
        if (text.length() > FeedbackDebrief.BODY_MAX) {
            throw new BusinessException("note", "Keep the note to " + FeedbackDebrief.BODY_MAX + " characters or fewer.");
        }
        em.persist(new FeedbackDebrief(request.getId(), request.getSharedPairingId(), text));
    }

    private FeedbackRequest sharedWithMe(long requestId, long me) {
        FeedbackRequest request = em.find(FeedbackRequest.class, requestId);
        Pairing pairing = request == null || request.getSharedPairingId() == null ? null : em.find(Pairing.class, request.getSharedPairingId());
        return FeedbackPolicy.checkCoachMayRead(request, pairing, me);
    }

    // ---------------------------------------------------------------- the report

    private FeedbackPages.Report report(FeedbackRequest request, FeedbackRound round, Long coachPairing) {
        FrameworkView framework = frameworks.getFramework(request.getFrameworkId());
        Optional<FeedbackRequest> previous = em.createQuery("""
                        SELECT q FROM FeedbackRequest q, FeedbackRound r WHERE q.learnerId = :l AND r.id = q.roundId
                          AND r.closesOn < :closes ORDER BY r.closesOn DESC, r.id DESC""", FeedbackRequest.class)
                .setParameter("l", request.getLearnerId()).setParameter("closes", round.getClosesOn()).setMaxResults(1)
                .getResultStream().findFirst();
        List<Long> ids = previous.map(p -> List.of(request.getId(), p.getId())).orElse(List.of(request.getId()));
        Map<Long, Map<String, Integer>> self = new HashMap<>();
        Map<Long, List<FeedbackFigures.Answer>> answers = new HashMap<>();
        readAnswers(ids, self, answers);
        FeedbackFigures.Report figures = FeedbackFigures.report(framework, self.getOrDefault(request.getId(), Map.of()),
                answers.getOrDefault(request.getId(), List.of()));

        FeedbackPages.Previous before = previous.map(p -> {
            FeedbackRound earlier = em.find(FeedbackRound.class, p.getRoundId());
            FeedbackFigures.Report then = FeedbackFigures.report(framework, self.getOrDefault(p.getId(), Map.of()), answers.getOrDefault(p.getId(), List.of()));
            List<FeedbackPages.PreviousLine> lines = new ArrayList<>();
            for (int i = 0; i < figures.sections().size(); i++) {
                FeedbackFigures.Row now = figures.sections().get(i).dimension();
                FeedbackFigures.Row was = then.sections().get(i).dimension();
                lines.add(new FeedbackPages.PreviousLine(now.name(), was.cells().get(0), now.cells().get(0),
                        was.cells().get(was.cells().size() - 1), now.cells().get(now.cells().size() - 1)));
            }
            return new FeedbackPages.Previous(earlier.getName(), earlier.getClosesOn(), lines);
        }).orElse(null);

        List<String> keepDoing = new ArrayList<>();
        List<String> doDifferently = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object[]> comments = em.createNativeQuery("SELECT question, body FROM feedback_comment WHERE request_id = ? ORDER BY question, sort_key")
                .setParameter(1, request.getId()).getResultList();
        comments.forEach(row -> (((Number) row[0]).intValue() == 1 ? keepDoing : doDifferently).add((String) row[1]));

        List<FeedbackPages.Debrief> debriefs = em.createQuery("""
                        SELECT d, c.givenName, c.familyName FROM FeedbackDebrief d, Pairing pr, Person c
                        WHERE d.requestId = :q AND pr.id = d.pairingId AND c.id = pr.coachId ORDER BY d.id""", Object[].class)
                .setParameter("q", request.getId()).getResultList().stream()
                .filter(row -> coachPairing == null || ((FeedbackDebrief) row[0]).getPairingId() == coachPairing)
                .map(row -> new FeedbackPages.Debrief(((FeedbackDebrief) row[0]).getCreatedAt(), row[1] + " " + row[2], ((FeedbackDebrief) row[0]).getBody()))
                .toList();

        Person learner = em.find(Person.class, request.getLearnerId());
        String sharedWith = null;
        if (request.getSharedPairingId() != null) {
            Pairing shared = em.find(Pairing.class, request.getSharedPairingId());
            if (shared != null && shared.getState().isCurrent()) {
                sharedWith = em.find(Person.class, shared.getCoachId()).getFullName();
            }
        }
        String canShareWith = coachPairing != null ? null
                : currentPairing(request.getLearnerId()).map(p -> em.find(Person.class, p.getCoachId()).getFullName()).orElse(null);
        long invited = em.createQuery("SELECT COUNT(r) FROM FeedbackRater r WHERE r.requestId = :q", Long.class)
                .setParameter("q", request.getId()).getSingleResult();
        return new FeedbackPages.Report(request.getId(), learner.getFullName(), FeedbackCommon.programmeName(em, round.getProgrammeId()), round.getName(),
                round.getClosesOn(), round.getMinRaters(), (int) invited, framework, figures, before, List.copyOf(keepDoing),
                List.copyOf(doDifferently), debriefs, sharedWith, canShareWith);
    }

    /** Every response of these requests with its ratings, in one statement. */
    private void readAnswers(Collection<Long> requestIds, Map<Long, Map<String, Integer>> self, Map<Long, List<FeedbackFigures.Answer>> answers) {
        var query = em.createNativeQuery("""
                SELECT r.id, r.request_id, r.relationship, g.element_code, g.rating FROM feedback_response r
                LEFT JOIN feedback_rating g ON g.response_id = r.id WHERE r.request_id IN (%s) ORDER BY r.id""".formatted(InList.placeholders(requestIds.size())));
        InList.bind(query, new ArrayList<>(requestIds));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        Map<Long, Object[]> responses = new LinkedHashMap<>();
        Map<Long, Map<String, Integer>> ratings = new HashMap<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            responses.putIfAbsent(id, row);
            Map<String, Integer> mine = ratings.computeIfAbsent(id, r -> new HashMap<>());
            if (row[3] != null) {
                mine.put((String) row[3], ((Number) row[4]).intValue());
            }
        }
        for (Map.Entry<Long, Object[]> response : responses.entrySet()) {
            long requestId = ((Number) response.getValue()[1]).longValue();
            Relationship relationship = Relationship.valueOf((String) response.getValue()[2]);
            if (relationship == Relationship.SELF) {
                self.put(requestId, ratings.get(response.getKey()));
            } else {
                answers.computeIfAbsent(requestId, q -> new ArrayList<>())
                        .add(new FeedbackFigures.Answer(response.getKey(), relationship, ratings.get(response.getKey())));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private String newLink(FeedbackRater rater, String portalUrl, Instant now) {
        return newLink(em, rater, portalUrl, now);
    }

    /** A new link of the rater's own (only its hash is kept), under the portal's address. */
    static String newLink(EntityManager em, FeedbackRater rater, String portalUrl, Instant now) {
        String token = RaterToken.create();
        em.createNativeQuery("INSERT INTO feedback_link (token_hash, rater_id, created_at) VALUES (?, ?, ?)")
                .setParameter(1, RaterToken.hash(token)).setParameter(2, rater.getId()).setParameter(3, InstantConverter.column(now))
                .executeUpdate();
        return portalUrl.replaceAll("/+$", "") + "/rater/feedback.xhtml?t=" + token;
    }

    private Optional<FeedbackRequest> findRequest(long roundId, long learnerId) {
        return em.createQuery("SELECT q FROM FeedbackRequest q WHERE q.roundId = :r AND q.learnerId = :l", FeedbackRequest.class)
                .setParameter("r", roundId).setParameter("l", learnerId).getResultStream().findFirst();
    }

    private Optional<FeedbackResponse> selfResponse(long requestId) {
        return em.createQuery("SELECT r FROM FeedbackResponse r WHERE r.requestId = :q AND r.relationship = :self", FeedbackResponse.class)
                .setParameter("q", requestId).setParameter("self", Relationship.SELF).getResultStream().findFirst();
    }

    private List<FeedbackRater> raters(long requestId) {
        return em.createQuery("SELECT r FROM FeedbackRater r WHERE r.requestId = :q ORDER BY r.id", FeedbackRater.class)
                .setParameter("q", requestId).getResultList();
    }

    private List<FeedbackRound> rounds(long programmeId) {
        return em.createNamedQuery("FeedbackRound.findByProgramme", FeedbackRound.class).setParameter("programme", programmeId).getResultList();
    }

    private Optional<Pairing> currentPairing(long coacheeId) {
        return em.createQuery("SELECT p FROM Pairing p WHERE p.coacheeId = :me AND p.state IN :current ORDER BY p.id DESC", Pairing.class)
                .setParameter("me", coacheeId).setParameter("current", PairingState.CURRENT).setMaxResults(1).getResultStream().findFirst();
    }

    private boolean enrolledIn(long personId, long programmeId) {
        return em.createQuery("""
                        SELECT COUNT(m) FROM CohortMembership m WHERE m.person.id = :me AND m.cohort.programme.id = :p AND m.status IN :active""", Long.class)
                .setParameter("me", personId).setParameter("p", programmeId)
                .setParameter("active", List.of(MembershipStatus.ENROLLED, MembershipStatus.COMPLETED)).getSingleResult() > 0;
    }

    private long me() {
        return Callers.personId(session);
    }
}
