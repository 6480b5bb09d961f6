package org.leadingtogether.progress;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Person;
import org.leadingtogether.framework.Framework;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.learning.Lesson;
import org.leadingtogether.learning.LessonCompletion;
import org.leadingtogether.platform.DemoMode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Gives the demo learner a start, so their home page is not empty: a few lessons done in two modules and
 * a self-assessment from a few weeks ago. Only where demo data is wanted, and only for a demo learner who
 * has done nothing yet.
 */
@Singleton
@Startup
@DependsOn({"DemoData", "ContentStartup"})
public class LearningDemoData {

    private static final Logger LOG = Logger.getLogger(LearningDemoData.class.getName());
    private static final String DEMO_LEARNER = "learner@demo.test";

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
        if (!demoMode.isOn()) {
            return;
        }
        Person learner = em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", DEMO_LEARNER)
                .getResultStream().findFirst().orElse(null);
        FrameworkView framework = frameworks.findActive().orElse(null);
        if (learner == null || framework == null) {
            return;
        }
        long done = em.createQuery("SELECT COUNT(c) FROM LessonCompletion c WHERE c.personId = :p", Long.class)
                .setParameter("p", learner.getId()).getSingleResult();
        long assessed = em.createQuery("SELECT COUNT(a) FROM SelfAssessment a WHERE a.personId = :p", Long.class)
                .setParameter("p", learner.getId()).getSingleResult();
        if (done > 0 || assessed > 0) {
            return;
        }
        Instant now = clock.instant();
        List<String> lessonKeys = List.of("why-systems-leadership", "relationships-outside-meetings",
                "making-complexity-simple", "collab-modelling-and-rewarding");
        int day = 20;
        for (String key : lessonKeys) {
            List<Lesson> found = em.createNamedQuery("Lesson.findByKey", Lesson.class).setParameter("key", key).getResultList();
            for (Lesson lesson : found) {
                Instant when = now.minus(Duration.ofDays(day--));
                em.persist(new LessonCompletion(learner.getId(), lesson, when));
                org.leadingtogether.learning.LearningService.noteLearning(em, learner.getId(), when);
            }
        }
        Map<Long, Integer> ratings = new HashMap<>();
        int[] pattern = {3, 2, 3, 3, 2, 2, 3, 2, 2, 2, 1, 2, 2, 3, 2, 2, 2, 2, 1, 2, 1, 1, 2, 1, 1, 1, 1, 2};
        List<FrameworkView.ElementView> elements = framework.allElements();
        for (int i = 0; i < elements.size(); i++) {
            ratings.put(elements.get(i).id(), pattern[i % pattern.length]);
        }
        SelfAssessment earlier = new SelfAssessment(learner.getId(), em.getReference(Framework.class, framework.id()), ratings,
                "I build trust quickly with my own team and with families.",
                "Working with partners outside the hospital; using data to make a case for change.");
        em.persist(earlier);
        LOG.info("Demo learning progress seeded for " + DEMO_LEARNER);
    }
}
