package org.leadingtogether.cohort;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Person;
import org.leadingtogether.account.Role;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.platform.DemoMode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Gives the demo programme manager a programme with one running cohort of the demo learners, so the
 * dashboard, mix and heat map have something to show. Only where demo data is wanted, and only when no
 * programme exists yet. It depends on LearningDemoData alone, which itself follows the people and the
 * content: listing those again makes the server report a dependency cycle that is not there.
 */
@Singleton
@Startup
@DependsOn("LearningDemoData")
public class CohortDemoData {

    private static final Logger LOG = Logger.getLogger(CohortDemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private FrameworkService frameworks;

    @Inject
    private Clock clock;

    @Inject
    private DemoMode demoMode;

    @PostConstruct
    void seed() {
        if (!demoMode.isOn()
                || em.createQuery("SELECT COUNT(p) FROM Programme p", Long.class).getSingleResult() > 0) {
            return;
        }
        Person manager = em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", "manager@demo.test")
                .getResultStream().findFirst().orElse(null);
        if (manager == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Programme programme = Programme.createdBy(manager.getId());
        programme.setName("Leading Across Westmoor");
        programme.setDescription("A year-long systems leadership programme for clinical and care professionals from every part of the Westmoor system.");
        programme.setStartDate(today.minusMonths(3).withDayOfMonth(1));
        programme.setEndDate(today.plusMonths(9).withDayOfMonth(1));
        programme.setCoachingSessions(6);
        programme.setEntitlementHours(new BigDecimal("4.0"));
        programme.setEntitlementPeriod(EntitlementPeriod.MONTH);
        programme.setRequiredModules(Set.of("systems-leadership-integrated-care", "six-practices-collaborative-leadership",
                "leading-change-integrated-care"));
        frameworks.findActive().ifPresent(f -> programme.setFrameworkId(f.id()));
        em.persist(programme);
        Cohort cohort = new Cohort(programme);
        cohort.setName("Cohort 1");
        cohort.setCapacity(24);
        // Due dates, so the demo shows one: the first module two weeks ago (overdue for Amara, who is part-way through
        // it), the second in six weeks, the third in five months.
        java.util.Map<String, LocalDate> due = new java.util.LinkedHashMap<>();
        due.put("systems-leadership-integrated-care", today.minusWeeks(2));
        due.put("six-practices-collaborative-leadership", today.plusWeeks(6));
        due.put("leading-change-integrated-care", today.plusMonths(5));
        java.util.Map<String, String> titles = new java.util.HashMap<>();
        due.keySet().forEach(key -> titles.put(key, key));
        cohort.changeDueDates(due, titles);
        em.persist(cohort);
        List<Person> learners = em.createQuery("SELECT p FROM Person p JOIN p.roles r WHERE r = :role ORDER BY p.id", Person.class)
                .setParameter("role", Role.LEARNER).getResultList();
        learners.stream().limit(cohort.getCapacity())
                .forEach(learner -> em.persist(new CohortMembership(cohort, learner, clock.instant(), manager.getId())));
        LOG.info(() -> "Demo programme seeded with " + Math.min(learners.size(), cohort.getCapacity()) + " members");
    }
}
