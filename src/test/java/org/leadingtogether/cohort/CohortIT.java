package org.leadingtogether.cohort;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.learning.CatalogueEntry;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.platform.AccessDeniedException;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.support.OtherWriter;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsAdmin;
import org.leadingtogether.support.RunAsLearner;
import org.leadingtogether.support.RunAsManager;
import org.leadingtogether.support.SqlStatements;
import org.leadingtogether.support.TestLearner;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Programmes, cohorts, enrolment and the dashboard inside Payara Micro on MariaDB: capacity holds when two
 * managers enrol at once, a file with one bad line imports nothing, completion is current, and a manager
 * sees only what they manage.
 */
@ExtendWith(ArquillianExtension.class)
class CohortIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(CohortIT.class, OtherWriter.class, SqlStatements.class);
    }

    @Inject
    private CohortService cohorts;

    @Inject
    private LearningService learning;

    @Inject
    private RunAsManager manager;

    @Inject
    private RunAsLearner learner;

    @Inject
    private RunAsAdmin admin;

    @Inject
    private org.leadingtogether.account.AccountService accounts;

    @Inject
    private TestLearner testPeople;

    @Inject
    private SqlStatements sql;

    @PersistenceContext
    private EntityManager em;

    @BeforeEach
    void people() {
        testPeople.reset();
    }

    /** Demo people enrolled here leave again, so the browser journeys after this class see the demo programme alone. */
    @AfterEach
    void emptyTheCohortsMadeHere() {
        testPeople.emptyTestCohorts();
    }

    private long newCohort(int capacity) throws Exception {
        Programme programme = Programme.blank();
        programme.setName("IT programme " + UUID.randomUUID());
        programme.setStartDate(LocalDate.now().minusMonths(2));
        programme.setEndDate(LocalDate.now().plusMonths(2));
        programme.setRequiredModules(Set.of("systems-leadership-integrated-care"));
        long programmeId = manager.call(() -> cohorts.saveProgramme(programme));
        Cohort cohort = Cohort.blank();
        cohort.setName("Cohort A");
        cohort.setStartDate(programme.getStartDate());
        cohort.setEndDate(programme.getEndDate());
        cohort.setCapacity(capacity);
        return manager.call(() -> cohorts.addCohort(programmeId, cohort));
    }

    /** A second cohort of the programme {@code cohortId} belongs to. */
    private long anotherCohortOf(long cohortId, String name) throws Exception {
        long programmeId = em.find(Cohort.class, cohortId).getProgramme().getId();
        Cohort form = Cohort.blank();
        form.setName(name);
        form.setStartDate(LocalDate.now().minusMonths(1));
        form.setEndDate(LocalDate.now().plusMonths(3));
        form.setCapacity(5);
        return manager.call(() -> cohorts.addCohort(programmeId, form));
    }

    private static byte[] csv(String... lines) {
        return (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID() + "@example.org";
    }

    /**
     * A learner's standing in their programme is on their home and their catalogue, the busiest pages there are: it is
     * read in three statements (their memberships; their cohort's required modules, each with its lessons and its due
     * date in that cohort; their completions), and the due dates are their own cohort's, not another cohort's of the
     * same programme.
     */
    @Test
    void aLearnersStandingComesInThreeStatementsWithTheirOwnCohortsDueDates() throws Exception {
        List<CatalogueEntry> catalogue = learner.call(() -> learning.findCatalogue(null, null));
        CatalogueEntry first = catalogue.get(0);
        CatalogueEntry second = catalogue.get(1);
        LocalDate today = LocalDate.now(org.leadingtogether.platform.ClockProducer.LONDON);
        Programme programme = Programme.blank();
        programme.setName("IT programme " + UUID.randomUUID());
        programme.setStartDate(today.minusMonths(1));
        programme.setEndDate(today.plusMonths(2));
        programme.setRequiredModules(Set.of(first.key(), second.key()));
        long programmeId = manager.call(() -> cohorts.saveProgramme(programme));
        long mine = cohortOf(programmeId, "Cohort A", today.minusDays(5));
        long other = cohortOf(programmeId, "Cohort B", today.minusDays(20));
        manager.call(() -> {
            cohorts.changeDueDates(mine, Map.of(first.key(), today.minusDays(1)));
            cohorts.changeDueDates(other, Map.of(first.key(), today.plusDays(5), second.key(), today.plusDays(6)));
            cohorts.enrol(mine, TestLearner.ID);
            return null;
        });

        learner.call(() -> cohorts.getMyProgramme());
        SqlStatements.Counted<java.util.Optional<ProgrammeStanding>> read = sql.of(() -> learner.call(() -> cohorts.getMyProgramme()));
        assertEquals(3, read.statements().size(), "memberships, required modules with their due dates, completions: " + read.statements());
        ProgrammeStanding standing = read.value().orElseThrow();
        assertEquals(mine, standing.cohortId(), "the cohort that started last");
        assertEquals(2, standing.modules().size(), standing.modules().toString());
        ProgrammeStanding.RequiredModule a = standing.modules().stream().filter(m -> m.key().equals(first.key())).findFirst().orElseThrow();
        ProgrammeStanding.RequiredModule b = standing.modules().stream().filter(m -> m.key().equals(second.key())).findFirst().orElseThrow();
        assertEquals(first.lessons(), a.lessons());
        assertEquals(second.lessons(), b.lessons());
        assertEquals(today.minusDays(1), a.due(), "their own cohort's date, not the other cohort's");
        assertTrue(a.overdue(), "past its date with nothing done");
        assertEquals(null, b.due(), "no date in their cohort, though the other cohort has one");
        assertFalse(b.overdue());
        assertEquals(first.lessons() + second.lessons(), standing.measure().required());
    }

    private long cohortOf(long programmeId, String name, LocalDate start) throws Exception {
        Cohort form = Cohort.blank();
        form.setName(name);
        form.setStartDate(start);
        form.setEndDate(start.plusMonths(2));
        form.setCapacity(5);
        return manager.call(() -> cohorts.addCohort(programmeId, form));
    }

    @Test
    void aProgrammeAndCohortAppearForTheirManager() throws Exception {
        long cohortId = newCohort(10);
        List<ProgrammeSummary> mine = manager.call(() -> cohorts.findMyProgrammes());
        assertTrue(mine.stream().flatMap(p -> p.cohorts().stream()).anyMatch(c -> c.id() == cohortId));
        CohortDashboard dashboard = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(0, dashboard.members().size());
        assertEquals(1, dashboard.modules().size());
    }

    @Test
    void enrolmentRespectsCapacityAndAPersonIsEnrolledOnce() throws Exception {
        long cohortId = newCohort(1);
        manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; });
        BusinessException twice = assertThrows(BusinessException.class,
                () -> manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; }));
        assertTrue(twice.getMessage().contains("places left") || twice.getMessage().contains("already"), twice.getMessage());
        long other = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'learner@demo.test'", Long.class).getSingleResult();
        BusinessException full = assertThrows(BusinessException.class,
                () -> manager.call(() -> { cohorts.enrol(cohortId, other); return null; }));
        assertTrue(full.getMessage().contains("0 places left of 1"), full.getMessage());
    }

    @Test
    void twoManagersEnrollingAtOnceCannotOverfillTheLastPlace() throws Exception {
        long cohortId = newCohort(1);
        List<Long> candidates = em.createQuery(
                        "SELECT p.id FROM Person p WHERE p.email IN ('learner@demo.test', 'siobhan.kelly@demo.test', 'david.mensah@demo.test', 'fatima.ali@demo.test')", Long.class)
                .getResultList();
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (long person : candidates) {
                Callable<Boolean> attempt = () -> {
                    try {
                        manager.call(() -> { cohorts.enrol(cohortId, person); return null; });
                        return true;
                    } catch (BusinessException full) {
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get() ? 1 : 0;
            }
            assertEquals(1, winners, "exactly one enrolment wins the last place");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, manager.call(() -> cohorts.getDashboard(cohortId)).activeMembers().size());
    }

    @Test
    void aFileWithOneBadLineImportsNothingAndTheFixedFileImportsEveryone() throws Exception {
        long cohortId = newCohort(10);
        String newcomer = unique("newcomer");
        byte[] bad = csv("email,given name,family name,profession,organisation,job title",
                newcomer + ",Nia,Newcomer,Nursing,Hearthstone Care Homes,Senior carer",
                "in-container-learner@example.org,Test,Learner,Social work,Carers Together (Westmoor),",
                "not-an-email,Bad,Row,Nursing,Hearthstone Care Homes,");
        EnrolmentPreview preview = manager.call(() -> cohorts.previewImport(cohortId, bad));
        assertFalse(preview.ok());
        assertEquals(4, preview.problems().get(0).line());
        assertThrows(BusinessException.class, () -> manager.call(() -> cohorts.importEnrolments(cohortId, bad)));
        assertEquals(0, manager.call(() -> cohorts.getDashboard(cohortId)).members().size(), "nothing enrolled");
        assertEquals(0L, em.createQuery("SELECT COUNT(p) FROM Person p WHERE p.email = :e", Long.class).setParameter("e", newcomer).getSingleResult(),
                "no one created");

        byte[] good = csv("email,given name,family name,profession,organisation,job title",
                newcomer + ",Nia,Newcomer,Nursing,Hearthstone Care Homes,Senior carer",
                "in-container-learner@example.org,Test,Learner,Social work,Carers Together (Westmoor),");
        EnrolmentPreview ready = manager.call(() -> cohorts.previewImport(cohortId, good));
        assertTrue(ready.ok(), ready.problems().toString());
        assertEquals(1, ready.count(EnrolmentPreview.Outcome.NEW_PERSON));
        assertEquals(1, ready.count(EnrolmentPreview.Outcome.EXISTING_PERSON));
        assertEquals(2, manager.call(() -> cohorts.importEnrolments(cohortId, good)));
        CohortDashboard dashboard = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(2, dashboard.activeMembers().size());
        assertEquals(2, manager.call(() -> cohorts.previewImport(cohortId, good)).count(EnrolmentPreview.Outcome.ALREADY_ENROLLED),
                "both are now already enrolled");
    }

    @Test
    void aFileTooBigForTheCohortImportsNoOne() throws Exception {
        long cohortId = newCohort(1);
        byte[] two = csv("email,given name,family name,profession,organisation",
                unique("one") + ",One,Person,Nursing,Hearthstone Care Homes",
                unique("two") + ",Two,Person,Nursing,Hearthstone Care Homes");
        BusinessException refused = assertThrows(BusinessException.class, () -> manager.call(() -> cohorts.importEnrolments(cohortId, two)));
        assertTrue(refused.getMessage().contains("left of 1"), refused.getMessage());
        assertEquals(0, manager.call(() -> cohorts.getDashboard(cohortId)).members().size());
    }

    @Test
    void theDashboardIsCurrentTheMomentALessonIsDone() throws Exception {
        long cohortId = newCohort(10);
        manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; });
        CohortDashboard before = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(0, before.members().get(0).lessonsDone());
        learner.call(() -> learning.completeLesson("why-systems-leadership"));
        CohortDashboard after = manager.call(() -> cohorts.getDashboard(cohortId));
        CohortDashboard.MemberRow row = after.members().get(0);
        assertEquals(1, row.lessonsDone());
        assertTrue(row.lessonsRequired() >= 3);
        assertTrue(after.overallPercent() > 0);
        assertTrue(row.lastActivity() != null);
    }

    @Test
    void aWithdrawnMemberFreesTheirPlaceAndKeepsTheirHistory() throws Exception {
        long cohortId = newCohort(1);
        manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; });
        manager.call(() -> { cohorts.changeStatus(cohortId, TestLearner.ID, MembershipStatus.WITHDRAWN, "Moved to another post"); return null; });
        CohortDashboard dashboard = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(MembershipStatus.WITHDRAWN, dashboard.members().get(0).status());
        assertEquals(0, dashboard.activeMembers().size());
        long events = em.createQuery("SELECT COUNT(e) FROM MembershipEvent e WHERE e.membership.cohort.id = :c", Long.class)
                .setParameter("c", cohortId).getSingleResult();
        assertEquals(2, events, "enrolled, then withdrawn");
    }

    @Test
    void someoneNewIsCreatedAndEnrolledAndABadAddressSavesNothing() throws Exception {
        long cohortId = newCohort(5);
        String email = unique("brand-new");
        long id = manager.call(() -> cohorts.createAndEnrol(cohortId,
                new org.leadingtogether.account.NewLearner(email, "Bryn", "Newydd", "Paramedic", "Riverside University Hospitals NHS Trust", null)));
        CohortDashboard dashboard = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(id, dashboard.members().get(0).personId());
        assertEquals("Paramedic", dashboard.members().get(0).profession());
        BusinessException refused = assertThrows(BusinessException.class, () -> manager.call(() -> cohorts.createAndEnrol(cohortId,
                new org.leadingtogether.account.NewLearner("not an email", "Bad", "Address", null, null, null))));
        assertEquals("newEmail", refused.getField().orElseThrow());
        BusinessException taken = assertThrows(BusinessException.class, () -> manager.call(() -> cohorts.createAndEnrol(cohortId,
                new org.leadingtogether.account.NewLearner(email.toUpperCase(), "Same", "Address", null, null, null))));
        assertEquals("newEmail", taken.getField().orElseThrow());
        assertEquals(1, manager.call(() -> cohorts.getDashboard(cohortId)).members().size(), "nothing half saved");
    }

    @Test
    void aMemberInDetailShowsTheirHistoryAndLatestSelfRating() throws Exception {
        long cohortId = newCohort(5);
        manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; });
        manager.call(() -> { cohorts.changeStatus(cohortId, TestLearner.ID, MembershipStatus.DEFERRED, "Parental leave"); return null; });
        MemberDetail member = manager.call(() -> cohorts.getMember(cohortId, TestLearner.ID));
        assertEquals(MembershipStatus.DEFERRED, member.status());
        assertEquals(List.of(MembershipStatus.ENROLLED, MembershipStatus.DEFERRED), member.history().stream().map(MemberDetail.Change::status).toList());
        assertEquals("Parental leave", member.history().get(1).reason());
        assertTrue(member.ratings().isEmpty(), "not rated yet");
        assertThrows(NotFoundException.class, () -> manager.call(() -> cohorts.getMember(cohortId, 1L)));
    }

    @Test
    void aCohortSomeoneElseRunsIsNotFoundForThisManager() {
        Long demoCohort = em.createQuery("SELECT c.id FROM Cohort c WHERE c.programme.name = 'Leading Across Westmoor'", Long.class)
                .getResultStream().findFirst().orElseThrow();
        assertThrows(NotFoundException.class, () -> manager.call(() -> cohorts.getDashboard(demoCohort)));
        assertThrows(NotFoundException.class, () -> manager.call(() -> { cohorts.enrol(demoCohort, TestLearner.ID); return null; }));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learner.call(() -> cohorts.findMyProgrammes()));
    }

    @Test
    void theProgrammeReportAddsUpEveryCohortAndShowsCountsOnly() throws Exception {
        long first = newCohort(5);
        long programmeId = em.find(Cohort.class, first).getProgramme().getId();
        Cohort form = Cohort.blank();
        form.setName("Cohort B");
        form.setStartDate(LocalDate.now().minusMonths(1));
        form.setEndDate(LocalDate.now().plusMonths(3));
        form.setCapacity(3);
        long second = manager.call(() -> cohorts.addCohort(programmeId, form));
        long other = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'learner@demo.test'", Long.class).getSingleResult();
        manager.call(() -> { cohorts.enrol(first, TestLearner.ID); return null; });
        manager.call(() -> { cohorts.enrol(second, other); return null; });
        manager.call(() -> { cohorts.changeStatus(second, other, MembershipStatus.WITHDRAWN, "Left the trust"); return null; });
        learner.call(() -> learning.completeLesson("why-systems-leadership"));

        ProgrammeReport report = manager.call(() -> cohorts.getProgrammeReport(programmeId));
        assertEquals(List.of("Cohort A", "Cohort B"), report.cohorts().stream().map(ProgrammeReport.CohortLine::name).toList());
        ProgrammeReport.CohortLine a = report.cohorts().get(0);
        ProgrammeReport.CohortLine b = report.cohorts().get(1);
        assertEquals(1, a.enrolled());
        assertTrue(a.percent() > 0 && a.percent() < 100, "one lesson of the required module: " + a.percent());
        assertEquals(0, b.active());
        assertEquals(1, b.withdrawn());
        assertEquals(1, report.total().active());
        assertEquals(8, report.total().capacity());
        assertEquals(a.percent(), report.total().percent(), "the withdrawn member does not count");
        assertEquals(1, report.modules().size());
        assertEquals(1, report.modules().get(0).members());
        assertEquals(1, report.mix().professions().stream().mapToInt(MixCount::count).sum());
    }

    @Test
    void anotherManagerCanBeAddedToOneCohortAndRemoved() throws Exception {
        long cohortId = newCohort(5);
        long demoManager = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'manager@demo.test'", Long.class).getSingleResult();
        List<PersonMatch> found = manager.call(() -> cohorts.findManagersToAdd(cohortId, "manager@demo"));
        assertEquals(List.of(demoManager), found.stream().map(PersonMatch::id).toList());
        assertTrue(manager.call(() -> cohorts.findManagersToAdd(cohortId, "in-container-learner")).isEmpty(), "learners are not offered");

        manager.call(() -> { cohorts.addCohortManager(cohortId, demoManager); return null; });
        CohortManagers managers = manager.call(() -> cohorts.getCohortManagers(cohortId));
        assertTrue(managers.canChange());
        assertEquals(List.of(demoManager), managers.cohortManagers().stream().map(CohortManagers.Manager::id).toList());
        assertEquals(List.of(TestLearner.MANAGER_ID), managers.programmeManagers().stream().map(CohortManagers.Manager::id).toList());
        assertTrue(em.find(Cohort.class, cohortId).isManagedBy(demoManager));

        assertThrows(BusinessException.class, () -> manager.call(() -> { cohorts.addCohortManager(cohortId, demoManager); return null; }));
        BusinessException learnerRefused = assertThrows(BusinessException.class,
                () -> manager.call(() -> { cohorts.addCohortManager(cohortId, TestLearner.ID); return null; }));
        assertTrue(learnerRefused.getMessage().contains("programme manager"), learnerRefused.getMessage());
        assertThrows(BusinessException.class,
                () -> manager.call(() -> { cohorts.removeCohortManager(cohortId, TestLearner.MANAGER_ID); return null; }),
                "the programme's own managers are not removed here");

        manager.call(() -> { cohorts.removeCohortManager(cohortId, demoManager); return null; });
        assertTrue(manager.call(() -> cohorts.getCohortManagers(cohortId)).cohortManagers().isEmpty());
        assertFalse(em.find(Cohort.class, cohortId).isManagedBy(demoManager));
    }

    @Test
    void aManagerOfOneCohortSeesItButNotTheProgrammeNorWhoElseRunsIt() throws Exception {
        Long demoCohort = em.createQuery("SELECT c.id FROM Cohort c WHERE c.programme.name = 'Leading Across Westmoor'", Long.class)
                .getResultStream().findFirst().orElseThrow();
        long programmeId = em.find(Cohort.class, demoCohort).getProgramme().getId();
        testPeople.manageCohortAlone(demoCohort, true);
        try {
            assertEquals(demoCohort, manager.call(() -> cohorts.getDashboard(demoCohort)).cohortId());
            assertFalse(manager.call(() -> cohorts.getCohortManagers(demoCohort)).canChange());
            assertThrows(AccessDeniedException.class,
                    () -> manager.call(() -> { cohorts.addCohortManager(demoCohort, TestLearner.MANAGER_ID); return null; }));
            assertThrows(AccessDeniedException.class,
                    () -> manager.call(() -> { cohorts.removeCohortManager(demoCohort, TestLearner.MANAGER_ID); return null; }));
            assertThrows(NotFoundException.class, () -> manager.call(() -> cohorts.getProgrammeReport(programmeId)));
            assertThrows(NotFoundException.class, () -> manager.call(() -> cohorts.getProgramme(programmeId)));
            ProgrammeSummary summary = manager.call(() -> cohorts.findMyProgrammes()).stream()
                    .filter(p -> p.id() == programmeId).findFirst().orElseThrow();
            assertFalse(summary.runsProgramme());
        } finally {
            testPeople.manageCohortAlone(demoCohort, false);
        }
        assertThrows(NotFoundException.class, () -> manager.call(() -> cohorts.getCohortManagers(demoCohort)));
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> learner.call(() -> cohorts.getProgrammeReport(programmeId)));
    }

    @Test
    void aPersonHoldsOnePlaceInAProgrammeWhicheverWayTheyAreEnrolled() throws Exception {
        long first = newCohort(5);
        long second = anotherCohortOf(first, "Cohort B");
        manager.call(() -> { cohorts.enrol(first, TestLearner.ID); return null; });

        BusinessException oneByOne = assertThrows(BusinessException.class,
                () -> manager.call(() -> { cohorts.enrol(second, TestLearner.ID); return null; }));
        assertTrue(oneByOne.getMessage().contains("Cohort A"), oneByOne.getMessage());

        String newcomer = unique("newcomer");
        byte[] file = csv("email,given name,family name,profession,organisation",
                newcomer + ",Nia,Newcomer,Nursing,Hearthstone Care Homes",
                "in-container-learner@example.org,Test,Learner,Social work,Carers Together (Westmoor)");
        EnrolmentPreview preview = manager.call(() -> cohorts.previewImport(second, file));
        assertFalse(preview.ok(), "the file cannot be imported as it stands");
        assertEquals(1, preview.problems().size(), preview.problems().toString());
        assertEquals(3, preview.problems().get(0).line(), "the line at fault");
        assertTrue(preview.problems().get(0).message().contains("Cohort A"), preview.problems().get(0).message());
        assertThrows(BusinessException.class, () -> manager.call(() -> cohorts.importEnrolments(second, file)));
        assertEquals(0, manager.call(() -> cohorts.getDashboard(second)).members().size(), "nothing imported");
        assertEquals(0L, em.createQuery("SELECT COUNT(p) FROM Person p WHERE p.email = :e", Long.class).setParameter("e", newcomer)
                .getSingleResult(), "no one created");

        // Withdrawn from the first cohort, they may join the second; then they cannot be made active in the first again.
        manager.call(() -> { cohorts.changeStatus(first, TestLearner.ID, MembershipStatus.WITHDRAWN, "Moving to cohort B"); return null; });
        manager.call(() -> { cohorts.enrol(second, TestLearner.ID); return null; });
        BusinessException back = assertThrows(BusinessException.class, () -> manager.call(() -> {
            cohorts.changeStatus(first, TestLearner.ID, MembershipStatus.ENROLLED, "Back again");
            return null;
        }));
        assertTrue(back.getMessage().contains("Cohort B"), back.getMessage());
        assertEquals(MembershipStatus.WITHDRAWN, manager.call(() -> cohorts.getMember(first, TestLearner.ID)).status());
    }

    @Test
    void aDeactivatedAccountIsRefusedByTheFileAsItIsOneByOne() throws Exception {
        long cohortId = newCohort(5);
        long elsewhere = newCohort(5);
        String email = unique("leaver");
        long leaver = manager.call(() -> cohorts.createAndEnrol(elsewhere,
                new org.leadingtogether.account.NewLearner(email, "Lee", "Leaver", "Nursing", "Hearthstone Care Homes", null)));
        admin.call(() -> { accounts.setActive(leaver, false); return null; });

        BusinessException oneByOne = assertThrows(BusinessException.class, () -> manager.call(() -> { cohorts.enrol(cohortId, leaver); return null; }));
        assertTrue(oneByOne.getMessage().startsWith("Lee Leaver has a deactivated account"), oneByOne.getMessage());

        byte[] file = csv("email,given name,family name,profession,organisation",
                "in-container-learner@example.org,Test,Learner,Social work,Carers Together (Westmoor)",
                email + ",Lee,Leaver,Nursing,Hearthstone Care Homes");
        EnrolmentPreview preview = manager.call(() -> cohorts.previewImport(cohortId, file));
        assertFalse(preview.ok(), "a deactivated account cannot be enrolled from a file either");
        assertEquals(1, preview.problems().size(), preview.problems().toString());
        assertEquals(3, preview.problems().get(0).line());
        assertTrue(preview.problems().get(0).message().contains("deactivated"), preview.problems().get(0).message());
        assertThrows(BusinessException.class, () -> manager.call(() -> cohorts.importEnrolments(cohortId, file)));
        assertEquals(0, manager.call(() -> cohorts.getDashboard(cohortId)).members().size(), "nothing imported");
    }

    /**
     * A deadlock while enrolling, made for real: another writer, bigger than the enrolment (two hundred rows written,
     * so the database gives up the enrolment rather than it), holds the learner's row, which the new membership refers
     * to; the enrolment, holding the cohort's row, waits for it; then the other writer asks for the cohort's row.
     * The database breaks the circle by rolling the enrolment back, and the enrolment is tried again and stands: it is
     * neither lost nor reported as a full cohort or a rule broken.
     */
    @Test
    void aDeadlockWhileEnrollingIsTriedAgainAndTheEnrolmentStands() throws Exception {
        long cohortId = newCohort(5);
        OtherWriter.deadlock(() -> manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; }),
                "UPDATE person SET modified_at = CURRENT_TIMESTAMP(6) WHERE id = ?", TestLearner.ID,
                "INSERT INTO cohort_membership", "SELECT id FROM cohort WHERE id = ? FOR UPDATE", cohortId);
        CohortDashboard dashboard = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(List.of(TestLearner.ID), dashboard.activeMembers().stream().map(CohortDashboard.MemberRow::personId).toList());
    }

    @Test
    void aManagerChangesACohortsPlacesAndDatesButNeverBelowThoseEnrolled() throws Exception {
        long cohortId = newCohort(2);
        long amara = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'learner@demo.test'", Long.class).getSingleResult();
        long siobhan = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'siobhan.kelly@demo.test'", Long.class).getSingleResult();
        manager.call(() -> { cohorts.enrol(cohortId, TestLearner.ID); return null; });
        manager.call(() -> { cohorts.enrol(cohortId, amara); return null; });

        // Full: the refusal links to where the places are changed.
        CohortFullException full = assertThrows(CohortFullException.class,
                () -> manager.call(() -> { cohorts.enrol(cohortId, siobhan); return null; }));
        assertEquals(new BusinessException.NextStep("Change the cohort's places and dates", "/manager/cohort-settings.xhtml?id=" + cohortId),
                full.getNextStep().orElseThrow());

        CohortService.CohortSettings settings = manager.call(() -> cohorts.getCohortSettings(cohortId));
        assertEquals(2, settings.placesTaken());
        assertTrue(settings.title().endsWith("– Cohort A"), settings.title());
        Cohort form = settings.cohort();

        form.setCapacity(1);
        BusinessException below = assertThrows(BusinessException.class, () -> manager.call(() -> {
            cohorts.changePlacesAndDates(cohortId, form);
            return null;
        }));
        assertEquals("capacity", below.getField().orElseThrow());
        assertTrue(below.getMessage().startsWith("2 people are enrolled, so the cohort needs at least 2 places."), below.getMessage());

        LocalDate start = LocalDate.now().minusWeeks(1);
        form.setCapacity(3);
        form.setStartDate(start);
        form.setEndDate(start.minusDays(1));
        BusinessException backwards = assertThrows(BusinessException.class, () -> manager.call(() -> {
            cohorts.changePlacesAndDates(cohortId, form);
            return null;
        }));
        assertEquals("endDate", backwards.getField().orElseThrow());
        assertEquals(2, manager.call(() -> cohorts.getDashboard(cohortId)).capacity(), "nothing saved");

        form.setEndDate(start.plusMonths(9));
        manager.call(() -> { cohorts.changePlacesAndDates(cohortId, form); return null; });
        CohortDashboard changed = manager.call(() -> cohorts.getDashboard(cohortId));
        assertEquals(3, changed.capacity());
        assertEquals(start, changed.start());
        assertEquals(start.plusMonths(9), changed.end());
        manager.call(() -> { cohorts.enrol(cohortId, siobhan); return null; });
        assertEquals(3, manager.call(() -> cohorts.getDashboard(cohortId)).activeMembers().size(), "the third now has a place");

        // The same form sent again after the change is out of date.
        form.setCapacity(10);
        BusinessException stale = assertThrows(BusinessException.class, () -> manager.call(() -> {
            cohorts.changePlacesAndDates(cohortId, form);
            return null;
        }));
        assertTrue(stale.getMessage().contains("Someone else changed this cohort"), stale.getMessage());
        assertEquals(3, manager.call(() -> cohorts.getDashboard(cohortId)).capacity());

        Long demoCohort = em.createQuery("SELECT c.id FROM Cohort c WHERE c.programme.name = 'Leading Across Westmoor'", Long.class)
                .getResultStream().findFirst().orElseThrow();
        assertThrows(NotFoundException.class, () -> manager.call(() -> cohorts.getCohortSettings(demoCohort)), "not this manager's cohort");
        assertThrows(NotFoundException.class, () -> manager.call(() -> { cohorts.changePlacesAndDates(demoCohort, form); return null; }));
    }

    @Test
    void twoManagersEnrollingOnePersonInTwoCohortsOfAProgrammeAtOnceGiveThemOnePlace() throws Exception {
        long first = newCohort(5);
        long second = anotherCohortOf(first, "Cohort B");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (long cohort : new long[] {first, second}) {
                results.add(pool.submit(() -> {
                    go.await();
                    try {
                        manager.call(() -> { cohorts.enrol(cohort, TestLearner.ID); return null; });
                        return true;
                    } catch (BusinessException refused) {
                        assertTrue(refused.getMessage().contains("of this programme"), refused.getMessage());
                        return false;
                    }
                }));
            }
            go.countDown();
            int winners = 0;
            for (Future<Boolean> result : results) {
                winners += result.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners, "one enrolment wins, the other is told where the person already is");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, manager.call(() -> cohorts.getDashboard(first)).activeMembers().size()
                + manager.call(() -> cohorts.getDashboard(second)).activeMembers().size());
    }
}
