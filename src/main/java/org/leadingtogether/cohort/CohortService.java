package org.leadingtogether.cohort;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.leadingtogether.account.AccountService;
import org.leadingtogether.account.NewLearner;
import org.leadingtogether.account.Person;
import org.leadingtogether.account.Role;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.platform.AccessDeniedException;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.LikePattern;
import org.leadingtogether.platform.persistence.FormIntents;
import org.leadingtogether.platform.persistence.TransientRetry;
import org.leadingtogether.platform.security.Callers;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The boundary of the cohort feature, for programme managers: their programmes and cohorts, enrolment
 * one by one or from a file (all or nothing), members' status, and the dashboard, mix and heat map.
 * Every method checks, through {@link CohortPolicy}, that the caller manages what they ask about.
 *
 * <p>Every change to who holds a place takes the programme's row and then the cohort's row with a lock, in that
 * order, and counts under them: the cohort's places are counted by one change at a time, and so is the rule that a
 * person holds one place in a programme ({@link CohortMembership}), even when two managers enrol the same person in
 * two cohorts at once. Those changes run through {@link TransientRetry}: a deadlock the database breaks by rolling
 * one of them back is tried again, never shown as a full cohort.
 */
@Stateless
@RolesAllowed("PROGRAMME_MANAGER")
public class CohortService {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Clock clock;

    @Inject
    private ProgrammeStandings standings;

    /** Sessions held, as the coaching feature counts them (see {@link MemberActivity}). */
    @Inject
    private MemberActivity.Coaching memberCoaching;

    /** Protected time, as the booking feature counts it. */
    @Inject
    private MemberActivity.ProtectedTime memberProtectedTime;

    @Inject
    private AccountService accounts;

    @Inject
    private TransientRetry retry;

    @Inject
    private DirectoryService directory;

    @Inject
    private FrameworkService frameworks;

    @Inject
    @ConfigProperty(name = "cohort.dominance.threshold", defaultValue = "0.5")
    private double dominanceThreshold;

    // ---------------------------------------------------------------- programmes and cohorts

    /** The programmes the caller manages (or manages a cohort of), with their cohorts and places taken. */
    public List<ProgrammeSummary> findMyProgrammes() {
        long me = Callers.personId(session);
        List<Programme> programmes = em.createQuery("""
                        SELECT DISTINCT p FROM Programme p
                        WHERE :me MEMBER OF p.managers
                           OR EXISTS (SELECT c FROM Cohort c WHERE c.programme = p AND :me MEMBER OF c.managers)
                        ORDER BY p.startDate DESC, p.name""", Programme.class)
                .setParameter("me", me).getResultList();
        if (programmes.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProgrammeSummary.CohortSummary>> cohorts = new HashMap<>();
        em.createQuery("""
                        SELECT c.programme.id, c.id, c.name, c.startDate, c.endDate, c.capacity,
                               (SELECT COUNT(m) FROM CohortMembership m WHERE m.cohort = c
                                 AND m.status IN (org.leadingtogether.cohort.MembershipStatus.ENROLLED, org.leadingtogether.cohort.MembershipStatus.COMPLETED))
                        FROM Cohort c WHERE c.programme IN :programmes ORDER BY c.startDate, c.name""", Object[].class)
                .setParameter("programmes", programmes).getResultList()
                .forEach(row -> cohorts.computeIfAbsent((Long) row[0], id -> new ArrayList<>()).add(
                        new ProgrammeSummary.CohortSummary((Long) row[1], (String) row[2], (LocalDate) row[3], (LocalDate) row[4],
                                (Integer) row[5], ((Number) row[6]).intValue())));
        return programmes.stream().map(p -> new ProgrammeSummary(p.getId(), p.getName(), p.getStartDate(), p.getEndDate(), p.isManagedBy(me),
                cohorts.getOrDefault(p.getId(), List.of()))).toList();
    }

    /**
     * The caller's own enrolments, with every change of status and the reason given: what their subject access download
     * holds about their place on programmes, shown to them on their account page too. Anyone signed in may ask, only
     * about themselves.
     */
    @jakarta.annotation.security.PermitAll
    public List<MyEnrolment> findMyEnrolments() {
        long me = Callers.personId(session);
        List<CohortMembership> memberships = em.createQuery("""
                        SELECT m FROM CohortMembership m JOIN FETCH m.cohort c JOIN FETCH c.programme
                        WHERE m.person.id = :me ORDER BY m.enrolledAt""", CohortMembership.class)
                .setParameter("me", me).getResultList();
        return memberships.stream().map(m -> new MyEnrolment(m.getCohort().getProgramme().getName(), m.getCohort().getName(),
                m.getCohort().getStartDate(), m.getCohort().getEndDate(), m.getStatus(),
                m.getEvents().stream().map(e -> new MyEnrolment.Change(e.getStatus(), e.getChangedAt(), e.getReason())).toList())).toList();
    }

    /**
     * The caller's standing in their current programme (see {@link ProgrammeStandings}), for their home page and the
     * catalogue's marks on the required modules; empty when they are in no programme. Only about themselves.
     */
    @RolesAllowed("LEARNER")
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public java.util.Optional<ProgrammeStanding> getMyProgramme() {
        return standings.current(Callers.personId(session));
    }

    /** A programme to edit; only its managers may. */
    public Programme getProgramme(long id) {
        Programme programme = CohortPolicy.checkManages(em.find(Programme.class, id), Callers.personId(session));
        em.detach(programme);
        return programme;
    }

    /** A new programme, run by the caller; or the caller's changes to one they manage. */
    public long saveProgramme(Programme form) {
        return saveProgramme(form, null);
    }

    /** {@link #saveProgramme(Programme)} from a form: a new programme sent twice by the same form ({@code intent}) is made once. */
    public long saveProgramme(Programme form, String intent) {
        long me = Callers.personId(session);
        if (form.isNew()) {
            FormIntents.claim(em, me, intent, "programme", "This programme is already saved: the same form was sent again.", clock.instant());
        }
        form.checkDates();
        boolean nameTaken = em.createQuery("SELECT COUNT(p) FROM Programme p WHERE LOWER(p.name) = LOWER(:name) AND p.id <> :id", Long.class)
                .setParameter("name", form.getName()).setParameter("id", form.isNew() ? -1L : form.getId())
                .getSingleResult() > 0;
        if (nameTaken) {
            throw new BusinessException("name", "There is already a programme with this name.");
        }
        if (form.getFrameworkId() == null) {
            frameworks.findActive().ifPresent(f -> form.setFrameworkId(f.id()));
        }
        if (form.isNew()) {
            Programme programme = Programme.createdBy(me);
            copy(form, programme);
            em.persist(programme);
            em.flush();
            return programme.getId();
        }
        Programme programme = CohortPolicy.checkManages(em.find(Programme.class, form.getId()), me);
        if (programme.getVersion() != form.getVersion()) {
            throw new BusinessException("Someone else changed this programme while you were editing. Open it again to see the latest.");
        }
        copy(form, programme);
        return programme.getId();
    }

    /** Adds a cohort to a programme the caller manages. */
    public long addCohort(long programmeId, Cohort form) {
        return addCohort(programmeId, form, null);
    }

    /** {@link #addCohort(long, Cohort)} from a form: the same form sent twice ({@code intent}) adds one cohort. */
    public long addCohort(long programmeId, Cohort form, String intent) {
        Programme programme = CohortPolicy.checkManages(em.find(Programme.class, programmeId), Callers.personId(session));
        FormIntents.claim(em, Callers.personId(session), intent, "cohort/" + programmeId,
                "This cohort is already added: the same form was sent again.", clock.instant());
        form.checkDates();
        boolean nameTaken = em.createQuery("SELECT COUNT(c) FROM Cohort c WHERE c.programme = :p AND LOWER(c.name) = LOWER(:name)", Long.class)
                .setParameter("p", programme).setParameter("name", form.getName()).getSingleResult() > 0;
        if (nameTaken) {
            throw new BusinessException("cohortName", "This programme already has a cohort with this name.");
        }
        Cohort cohort = new Cohort(programme);
        cohort.setName(form.getName());
        cohort.setStartDate(form.getStartDate());
        cohort.setEndDate(form.getEndDate());
        cohort.setCapacity(form.getCapacity());
        em.persist(cohort);
        em.flush();
        return cohort.getId();
    }

    /** A cohort's places and dates to change, with how many places are taken; any manager of the cohort may. */
    public CohortSettings getCohortSettings(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        Map<String, LocalDate> due = new HashMap<>(cohort.getDueDates());
        List<DueDate> modules = requiredModuleTitles(cohort.getProgramme()).entrySet().stream()
                .map(e -> new DueDate(e.getKey(), e.getValue(), due.get(e.getKey()))).toList();
        CohortSettings settings = new CohortSettings(cohort, cohort.getProgramme().getName() + " – " + cohort.getName(), activeMembers(cohort),
                modules);
        em.detach(cohort);
        return settings;
    }

    /**
     * A cohort as its places-and-dates page shows it: the cohort to change, its title, the places taken, and the
     * programme's required modules with their due dates in this cohort.
     */
    public record CohortSettings(Cohort cohort, String title, long placesTaken, List<DueDate> modules) implements java.io.Serializable {
    }

    /** A required module and when it is due in the cohort ({@code null}: no date). */
    public record DueDate(String key, String title, LocalDate due) implements java.io.Serializable {
    }

    /**
     * Sets when the programme's required modules are due in the cohort, from its places-and-dates page: each within the
     * cohort's dates, all or nothing (see {@link Cohort#changeDueDates}). Learners and their managers see a module past
     * its date and not finished as overdue.
     */
    public void changeDueDates(long cohortId, Map<String, LocalDate> dates) {
        Cohort cohort = managedCohort(cohortId);
        cohort.changeDueDates(dates, requiredModuleTitles(cohort.getProgramme()));
    }

    /** The programme's required modules that are published: title by key, in the catalogue's order. */
    private Map<String, String> requiredModuleTitles(Programme programme) {
        Map<String, String> titles = new java.util.LinkedHashMap<>();
        if (!programme.getRequiredModules().isEmpty()) {
            em.createQuery("""
                            SELECT m.moduleKey, m.title FROM LearningModule m WHERE m.moduleKey IN :keys AND m.published = TRUE
                            ORDER BY m.id""", Object[].class)
                    .setParameter("keys", programme.getRequiredModules()).getResultList()
                    .forEach(row -> titles.put((String) row[0], (String) row[1]));
        }
        return titles;
    }

    /**
     * Changes a cohort's places and dates, from its places-and-dates page. The places never go below the members
     * enrolled or completed (counted under the cohort's lock, so an enrolment at the same moment is counted too), and
     * the end is never before the start: each refused at its field, nothing saved.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void changePlacesAndDates(long cohortId, Cohort form) {
        retry.run(() -> {
            Cohort cohort = lockedCohort(cohortId);
            if (cohort.getVersion() != form.getVersion()) {
                throw new BusinessException("Someone else changed this cohort while you were editing. Open it again to see the latest.");
            }
            cohort.changePlacesAndDates(form.getCapacity(), form.getStartDate(), form.getEndDate(), activeMembers(cohort));
        });
    }

    // ---------------------------------------------------------------- the dashboard

    /** The cohort's dashboard as of today: members, completion, who is at risk, the mix. */
    public CohortDashboard getDashboard(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        return new CohortFigures(em, memberCoaching, memberProtectedTime).dashboard(cohort, LocalDate.now(clock.withZone(ClockProducer.LONDON)), dominanceThreshold);
    }

    /**
     * The programme-wide report as of today: a line per cohort, the whole programme, completion by module, the mix.
     * Only the programme's own managers see it, since it covers cohorts a cohort manager does not run.
     */
    public ProgrammeReport getProgrammeReport(long programmeId) {
        Programme programme = CohortPolicy.checkManages(em.find(Programme.class, programmeId), Callers.personId(session));
        List<CohortFigures.CohortRef> cohorts = em.createQuery("""
                        SELECT c.id, c.name, c.startDate, c.endDate, c.capacity FROM Cohort c WHERE c.programme = :p
                        ORDER BY c.startDate, c.name, c.id""", Object[].class)
                .setParameter("p", programme).getResultList().stream()
                .map(r -> new CohortFigures.CohortRef((Long) r[0], (String) r[1], (LocalDate) r[2], (LocalDate) r[3], (Integer) r[4]))
                .toList();
        return new CohortFigures(em, memberCoaching, memberProtectedTime).programmeReport(programme, cohorts, LocalDate.now(clock.withZone(ClockProducer.LONDON)),
                dominanceThreshold);
    }

    /**
     * The dashboard page at once, with one check of the cohort: the dashboard, and the heat map (counts of members'
     * latest self-ratings per element and scale point, for the programme's framework).
     */
    public DashboardPage getDashboardPage(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        return new DashboardPage(new CohortFigures(em, memberCoaching, memberProtectedTime).dashboard(cohort, LocalDate.now(clock.withZone(ClockProducer.LONDON)), dominanceThreshold),
                new CohortHeatMap(em, frameworks).of(cohort), new HashMap<>(cohort.getDueDates()));
    }

    /** What the cohort dashboard page shows. */
    public record DashboardPage(CohortDashboard dashboard, HeatMap heatMap, Map<String, LocalDate> dueDates) implements java.io.Serializable {
    }

    /** "Programme – cohort", for the heading of a page about one cohort the caller manages. */
    public String getCohortTitle(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        return cohort.getProgramme().getName() + " – " + cohort.getName();
    }

    // ---------------------------------------------------------------- who runs a cohort

    /** The cohort's managers: the programme's, who run every cohort of it, and those added to this cohort alone. */
    public CohortManagers getCohortManagers(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        Programme programme = cohort.getProgramme();
        Set<Long> ids = new HashSet<>(programme.getManagers());
        ids.addAll(cohort.getManagers());
        Map<Long, CohortManagers.Manager> byId = new HashMap<>();
        em.createQuery("SELECT p.id, p.givenName, p.familyName, p.email FROM Person p WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", ids).getResultList()
                .forEach(r -> byId.put((Long) r[0], new CohortManagers.Manager((Long) r[0], r[1] + " " + r[2], (String) r[3])));
        java.util.Comparator<CohortManagers.Manager> byName = java.util.Comparator.comparing(CohortManagers.Manager::name);
        return new CohortManagers(cohort.getId(), getCohortTitle(cohortId),
                programme.isManagedBy(Callers.personId(session)),
                programme.getManagers().stream().map(byId::get).filter(java.util.Objects::nonNull).sorted(byName).toList(),
                cohort.getManagers().stream().map(byId::get).filter(java.util.Objects::nonNull).sorted(byName).toList());
    }

    /** Active programme managers matching words in their name or email address (at most 20), marked if they run the cohort. */
    public List<PersonMatch> findManagersToAdd(long cohortId, String words) {
        Cohort cohort = managedCohort(cohortId);
        if (words == null || words.strip().length() < 2) {
            return List.of();
        }
        return em.createQuery("""
                        SELECT p.id, p.givenName, p.familyName, p.email, pr.name, o.name
                        FROM Person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o
                        WHERE p.active = TRUE AND :role MEMBER OF p.roles
                          AND (LOWER(CONCAT(p.givenName, ' ', p.familyName)) LIKE :q ESCAPE '!' OR p.email LIKE :q ESCAPE '!')
                        ORDER BY p.familyName, p.givenName""", Object[].class)
                .setParameter("role", Role.PROGRAMME_MANAGER).setParameter("q", LikePattern.anywhere(words))
                .setMaxResults(20).getResultList().stream()
                .map(r -> new PersonMatch((Long) r[0], r[1] + " " + r[2], (String) r[3], (String) r[4], (String) r[5],
                        cohort.isManagedBy((Long) r[0])))
                .toList();
    }

    /** Lets another programme manager run this cohort; only the programme's own managers may. */
    public void addCohortManager(long cohortId, long personId) {
        Cohort cohort = programmeRunCohort(cohortId);
        Person person = em.find(Person.class, personId);
        if (person == null || !person.isActive() || !person.hasRole(Role.PROGRAMME_MANAGER)) {
            throw new BusinessException("Only an active programme manager can manage a cohort.");
        }
        cohort.addManager(personId);
    }

    /** Takes a manager added to this cohort alone off it; only the programme's own managers may. */
    public void removeCohortManager(long cohortId, long personId) {
        programmeRunCohort(cohortId).removeManager(personId);
    }

    // ---------------------------------------------------------------- enrolment

    /** People matching words in their name or email address (at most 20), marked if already in the cohort. */
    public List<PersonMatch> findPeopleToEnrol(long cohortId, String words) {
        Cohort cohort = managedCohort(cohortId);
        if (words == null || words.strip().length() < 2) {
            return List.of();
        }
        String pattern = LikePattern.anywhere(words);
        return em.createQuery("""
                        SELECT p.id, p.givenName, p.familyName, p.email, pr.name, o.name,
                               (SELECT COUNT(m) FROM CohortMembership m WHERE m.cohort = :c AND m.person = p
                                 AND m.status IN (org.leadingtogether.cohort.MembershipStatus.ENROLLED, org.leadingtogether.cohort.MembershipStatus.COMPLETED))
                        FROM Person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o
                        WHERE p.active = TRUE AND (LOWER(CONCAT(p.givenName, ' ', p.familyName)) LIKE :q ESCAPE '!' OR p.email LIKE :q ESCAPE '!')
                        ORDER BY p.familyName, p.givenName""", Object[].class)
                .setParameter("c", cohort).setParameter("q", pattern).setMaxResults(20).getResultList().stream()
                .map(r -> new PersonMatch((Long) r[0], r[1] + " " + r[2], (String) r[3], (String) r[4], (String) r[5],
                        ((Number) r[6]).longValue() > 0))
                .toList();
    }

    /**
     * Enrols one person, if the cohort has a place, their account is active and they hold no place in another cohort
     * of the programme; a former member is enrolled again.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void enrol(long cohortId, long personId) {
        enrol(cohortId, personId, null);
    }

    /** {@link #enrol(long, long)} from a form: the same form sent twice ({@code intent}) is answered "already enrolled". */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void enrol(long cohortId, long personId, String intent) {
        retry.run(() -> enrolOnce(cohortId, personId, intent));
    }

    private void enrolOnce(long cohortId, long personId, String intent) {
        FormIntents.claim(em, Callers.personId(session), intent, "enrol/" + cohortId + "/" + personId,
                "Already enrolled: the same form was sent again.", clock.instant());
        Cohort cohort = lockedCohort(cohortId);
        Person person = em.find(Person.class, personId);
        if (person == null) {
            throw new NotFoundException("There is no such person.");
        }
        CohortMembership existing = memberships(cohort).get(personId);
        if (existing == null || !existing.getStatus().isActive()) {
            checkMayTakeAPlace(cohort, person);
        }
        cohort.checkRoomFor(activeMembers(cohort), 1);
        enrolOne(cohort, person, existing);
    }

    /**
     * Creates an account for someone new to the portal (a learner, without a password until an
     * administrator gives one) and enrols them, in one transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long createAndEnrol(long cohortId, NewLearner learner) {
        return createAndEnrol(cohortId, learner, null);
    }

    /** {@link #createAndEnrol(long, NewLearner)} from a form: the same form sent twice ({@code intent}) makes one account. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public long createAndEnrol(long cohortId, NewLearner learner, String intent) {
        return retry.call(() -> createAndEnrolOnce(cohortId, learner, intent));
    }

    private long createAndEnrolOnce(long cohortId, NewLearner learner, String intent) {
        FormIntents.claim(em, Callers.personId(session), intent, "new-learner/" + cohortId,
                "This account is already made and enrolled: the same form was sent again.", clock.instant());
        Cohort cohort = lockedCohort(cohortId);
        String email = Person.normaliseEmail(learner.email());
        if (email == null || email.isEmpty()) {
            throw new BusinessException("newEmail", "Enter their email address.");
        }
        if (email.length() > Person.EMAIL_MAX || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw new BusinessException("newEmail", "Enter an email address in the right form, like name@example.org.");
        }
        if (!accounts.findIdsByEmail(List.of(email)).isEmpty()) {
            throw new BusinessException("newEmail", "Someone already has this email address: find them by name above to enrol them.");
        }
        requireName("newGivenName", learner.givenName(), "given name");
        requireName("newFamilyName", learner.familyName(), "family name");
        cohort.checkRoomFor(activeMembers(cohort), 1);
        long id = accounts.createLearners(List.of(new NewLearner(email, learner.givenName().strip(), learner.familyName().strip(),
                learner.profession(), learner.organisation(), learner.jobTitle()))).get(email);
        enrolOne(cohort, em.getReference(Person.class, id), null);
        return id;
    }

    private static void requireName(String field, String value, String what) {
        if (value == null || value.isBlank()) {
            throw new BusinessException(field, "Enter their " + what + ".");
        }
        if (value.strip().length() > Person.NAME_MAX) {
            throw new BusinessException(field, "Keep the " + what + " to " + Person.NAME_MAX + " characters or fewer.");
        }
    }

    /** What importing this file would do. Saves nothing. */
    public EnrolmentPreview previewImport(long cohortId, byte[] file) {
        Cohort cohort = managedCohort(cohortId);
        return new EnrolmentImport(em, directory, accounts).preview(cohort, file, activeMembers(cohort));
    }

    /**
     * Enrols everyone in the file, creating accounts for people new to the portal, in one transaction:
     * if any line is wrong, or the cohort has too few places, nothing at all is saved.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int importEnrolments(long cohortId, byte[] file) {
        return importEnrolments(cohortId, file, null);
    }

    /** {@link #importEnrolments(long, byte[])} from the confirm form: confirmed twice ({@code intent}), the file is imported once. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public int importEnrolments(long cohortId, byte[] file, String intent) {
        return retry.call(() -> importEnrolmentsOnce(cohortId, file, intent));
    }

    private int importEnrolmentsOnce(long cohortId, byte[] file, String intent) {
        FormIntents.claim(em, Callers.personId(session), intent, "import/" + cohortId,
                "This file is already imported: the same form was sent again.", clock.instant());
        Cohort cohort = lockedCohort(cohortId);
        EnrolmentImport enrolmentImport = new EnrolmentImport(em, directory, accounts);
        EnrolmentPreview preview = enrolmentImport.preview(cohort, file, activeMembers(cohort));
        if (!preview.ok()) {
            throw new BusinessException("file", preview.problems().isEmpty()
                    ? "The file has no one to enrol."
                    : preview.problems().size() + (preview.problems().size() == 1 ? " line has a problem" : " lines have problems")
                    + "; nothing was imported. Fix the file and try again.");
        }
        cohort.checkRoomFor(activeMembers(cohort), (int) preview.joining());
        List<NewLearner> newcomers = enrolmentImport.newcomers(preview, file);
        Map<String, Long> ids = new HashMap<>(accounts.createLearners(newcomers));
        ids.putAll(accounts.findIdsByEmail(preview.lines().stream().map(EnrolmentPreview.Line::email).toList()));
        Map<Long, CohortMembership> existing = memberships(cohort);
        int enrolled = 0;
        for (EnrolmentPreview.Line line : preview.lines()) {
            if (line.outcome() == EnrolmentPreview.Outcome.ALREADY_ENROLLED) {
                continue;
            }
            Long id = ids.get(line.email());
            enrolOne(cohort, em.getReference(Person.class, id), existing.get(id));
            enrolled++;
        }
        return enrolled;
    }

    /**
     * Withdraws, defers, completes or re-enrols a member, with a reason kept in their history. Made active again, a
     * former member needs a place, an active account and no place in another cohort of the programme.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public void changeStatus(long cohortId, long personId, MembershipStatus status, String reason) {
        retry.run(() -> {
            Cohort cohort = lockedCohort(cohortId);
            CohortMembership membership = memberships(cohort).get(personId);
            if (membership == null) {
                throw new NotFoundException("That person is not in this cohort.");
            }
            if (status.isActive() && !membership.getStatus().isActive()) {
                checkMayTakeAPlace(cohort, membership.getPerson());
                cohort.checkRoomFor(activeMembers(cohort), 1);
            }
            membership.changeStatus(status, reason, clock.instant(), Callers.personId(session));
        });
    }

    /** One member in detail, for the manager who drills into them from the dashboard. */
    public MemberDetail getMember(long cohortId, long personId) {
        Cohort cohort = managedCohort(cohortId);
        CohortMembership membership = memberships(cohort).get(personId);
        if (membership == null) {
            throw new NotFoundException("That person is not in this cohort.");
        }
        Person person = membership.getPerson();
        ProgrammeStanding standing = standings.inCohorts(Map.of(personId, cohortId)).get(personId);
        List<MemberDetail.Rating> ratings = new ArrayList<>();
        java.time.Instant rated = null;
        var framework = cohort.getProgramme().getFrameworkId() == null ? frameworks.findActive().orElse(null)
                : frameworks.getFramework(cohort.getProgramme().getFrameworkId());
        if (framework != null) {
            var latest = em.createQuery("""
                            SELECT a FROM org.leadingtogether.progress.SelfAssessment a
                            WHERE a.personId = :p AND a.framework.id = :f ORDER BY a.id DESC""",
                            org.leadingtogether.progress.SelfAssessment.class)
                    .setParameter("p", personId).setParameter("f", framework.id()).setMaxResults(1)
                    .getResultStream().findFirst().orElse(null);
            if (latest != null) {
                rated = latest.getCreatedAt();
                for (var dimension : framework.dimensions()) {
                    ratings.add(new MemberDetail.Rating(dimension.name(),
                            org.leadingtogether.progress.AssessmentRules.dimensionAverage(dimension, latest.getRatings())));
                }
            }
        }
        return new MemberDetail(cohortId, cohort.getName(), personId, person.getFullName(), person.getEmail(),
                person.getProfession() == null ? null : person.getProfession().getName(),
                person.getOrganisation() == null ? null : person.getOrganisation().getName(),
                membership.getStatus(),
                membership.getEvents().stream().map(e -> new MemberDetail.Change(e.getStatus(), e.getChangedAt(), e.getReason())).toList(),
                standing, ratings, rated);
    }

    // ---------------------------------------------------------------- helpers

    private void enrolOne(Cohort cohort, Person person, CohortMembership existing) {
        long me = Callers.personId(session);
        if (existing == null) {
            em.persist(new CohortMembership(cohort, person, clock.instant(), me));
        } else if (existing.getStatus().isActive()) {
            throw new BusinessException(person.getFullName() + " is already in this cohort.");
        } else {
            existing.changeStatus(MembershipStatus.ENROLLED, "Enrolled again", clock.instant(), me);
        }
    }

    /**
     * Refuses a person who cannot take a place in {@code cohort}: a deactivated account, or a place held in another
     * cohort of the same programme (enrolled or completed). Called under the programme's lock ({@link #lockedCohort}).
     */
    private void checkMayTakeAPlace(Cohort cohort, Person person) {
        String otherCohort = em.createQuery("""
                        SELECT c.name FROM CohortMembership m JOIN m.cohort c
                        WHERE m.person = :person AND c.programme = :programme AND c <> :cohort
                          AND m.status IN (org.leadingtogether.cohort.MembershipStatus.ENROLLED, org.leadingtogether.cohort.MembershipStatus.COMPLETED)
                        ORDER BY c.startDate, c.name""", String.class)
                .setParameter("person", person).setParameter("programme", cohort.getProgramme()).setParameter("cohort", cohort)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        CohortMembership.refusal(person.getFullName(), person.isActive(), otherCohort).ifPresent(why -> {
            throw new BusinessException(why);
        });
    }

    private Cohort managedCohort(long cohortId) {
        return CohortPolicy.checkManages(em.find(Cohort.class, cohortId), Callers.personId(session));
    }

    /** A cohort whose programme the caller runs: the level at which who-manages-what is decided. */
    private Cohort programmeRunCohort(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        if (!cohort.getProgramme().isManagedBy(Callers.personId(session))) {
            throw new AccessDeniedException("Only the programme's managers decide who runs its cohorts.");
        }
        return cohort;
    }

    /**
     * The cohort, locked until the transaction ends, so places are counted by one enrolment at a time; and before it
     * its programme's row, so a person's place in the programme is decided by one enrolment at a time across all its
     * cohorts. Always the programme first, then the cohort, so two changes never wait for each other in a circle.
     */
    private Cohort lockedCohort(long cohortId) {
        Cohort cohort = managedCohort(cohortId);
        em.createNativeQuery("SELECT id FROM programme WHERE id = ? FOR UPDATE").setParameter(1, cohort.getProgramme().getId()).getResultList();
        em.lock(cohort, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(cohort);
        return cohort;
    }

    private long activeMembers(Cohort cohort) {
        return em.createQuery("""
                        SELECT COUNT(m) FROM CohortMembership m WHERE m.cohort = :c
                          AND m.status IN (org.leadingtogether.cohort.MembershipStatus.ENROLLED, org.leadingtogether.cohort.MembershipStatus.COMPLETED)""", Long.class)
                .setParameter("c", cohort).getSingleResult();
    }

    private Map<Long, CohortMembership> memberships(Cohort cohort) {
        Map<Long, CohortMembership> byPerson = new HashMap<>();
        em.createQuery("SELECT m.person.id, m FROM CohortMembership m WHERE m.cohort = :c", Object[].class)
                .setParameter("c", cohort).getResultList()
                .forEach(row -> byPerson.put((Long) row[0], (CohortMembership) row[1]));
        return byPerson;
    }

    private static void copy(Programme from, Programme to) {
        to.setName(from.getName());
        to.setDescription(from.getDescription());
        to.setStartDate(from.getStartDate());
        to.setEndDate(from.getEndDate());
        to.setCoachingSessions(from.getCoachingSessions());
        to.setOwnOrganisationCoaching(from.isOwnOrganisationCoaching());
        to.setEntitlementHours(from.getEntitlementHours());
        to.setEntitlementPeriod(from.getEntitlementPeriod());
        to.setFrameworkId(from.getFrameworkId());
        to.setRequiredModules(from.getRequiredModules());
    }

    // ---------------------------------------------------------------- the daily pace check

    /**
     * Who is at risk today in every cohort running today, by the dashboard's own rule (so the learner is told exactly
     * what their manager sees), by cohort id. For the notification feature's daily check, which runs with no caller;
     * it returns ids and reasons only. A handful of queries per running cohort, once a day.
     */
    @jakarta.annotation.security.PermitAll
    public Map<Long, List<CohortDashboard.AtRisk>> findAtRiskInRunningCohorts() {
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));
        List<Cohort> running = em.createQuery("SELECT c FROM Cohort c WHERE c.startDate <= :today AND c.endDate >= :today ORDER BY c.id", Cohort.class)
                .setParameter("today", today).getResultList();
        Map<Long, List<CohortDashboard.AtRisk>> atRisk = new java.util.LinkedHashMap<>();
        CohortFigures figures = new CohortFigures(em, memberCoaching, memberProtectedTime);
        for (Cohort cohort : running) {
            atRisk.put(cohort.getId(), figures.dashboard(cohort, today, dominanceThreshold).atRisk());
        }
        return atRisk;
    }
}
