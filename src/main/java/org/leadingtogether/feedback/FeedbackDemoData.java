package org.leadingtogether.feedback;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.cohort.Programme;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.platform.ClockProducer;
import org.leadingtogether.platform.DemoMode;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.logging.Logger;

/**
 * Two 360 rounds for the demo programme, Leading Across Westmoor: "At the start", closed a fortnight ago, in which the
 * demo learner (Amara Okafor) rated herself and eight raters answered (her line manager, three peers, three of the people
 * she manages and one person who uses services), so her report has something to show, small groups folded in; and "At
 * the end", open now, in which she has started her 360 and invited two raters. Only where demo data is wanted, and only
 * while the programme has no rounds.
 */
@Singleton
@Startup
@DependsOn("CoachingDemoData")
public class FeedbackDemoData {

    private static final Logger LOG = Logger.getLogger(FeedbackDemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private DemoMode demoMode;

    @Inject
    private FrameworkService frameworks;

    @PostConstruct
    void seed() {
        if (!demoMode.isOn() || em.createQuery("SELECT COUNT(r) FROM FeedbackRound r", Long.class).getSingleResult() > 0) {
            return;
        }
        List<Programme> programme = em.createQuery("SELECT p FROM Programme p WHERE p.name = 'Leading Across Westmoor'", Programme.class).getResultList();
        List<Long> learner = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'learner@demo.test'", Long.class).getResultList();
        FrameworkView framework = frameworks.findActive().orElse(null);
        if (programme.isEmpty() || learner.isEmpty() || framework == null) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ClockProducer.LONDON));
        long programmeId = programme.get(0).getId();
        FeedbackRound start = round(programmeId, "At the start", today.minusDays(60), today.minusDays(14));
        FeedbackRound end = round(programmeId, "At the end", today.minusDays(3), today.plusDays(25));

        FeedbackRequest first = request(start, learner.get(0), framework);
        Random random = new Random(2026);
        Map<String, Integer> self = new HashMap<>();
        framework.allElements().forEach(e -> self.put(e.code(), 2 + random.nextInt(2)));
        em.persist(new FeedbackResponse(first.getId(), Relationship.SELF, self));
        first.selfRated(clock.instant().minusSeconds(50L * 86400));
        Scores.self(em, first.getId(), framework, self);
        int n = 0;
        for (Relationship group : List.of(Relationship.LINE_MANAGER, Relationship.PEER, Relationship.PEER, Relationship.PEER,
                Relationship.DIRECT_REPORT, Relationship.DIRECT_REPORT, Relationship.DIRECT_REPORT, Relationship.SERVICE_USER)) {
            FeedbackRater rater = new FeedbackRater(first.getId(), group, "rater" + (++n) + "@westmoor.demo.test");
            em.persist(rater);
            Map<String, Integer> ratings = new HashMap<>();
            framework.allElements().forEach(e -> {
                int pick = random.nextInt(10);
                if (pick > 0) {
                    ratings.put(e.code(), Math.min(4, 2 + random.nextInt(3)));
                }
            });
            em.persist(new FeedbackResponse(first.getId(), group, ratings));
            Scores.others(em, first.getId(), framework, ratings);
        }
        em.flush();
        em.createNativeQuery("UPDATE feedback_rater SET answered = TRUE WHERE request_id = ?").setParameter(1, first.getId()).executeUpdate();
        em.createNativeQuery("UPDATE feedback_request SET answers = ? WHERE id = ?").setParameter(1, n).setParameter(2, first.getId()).executeUpdate();
        comment(first, 1, "Brings people from different organisations round one table and makes sure everyone is heard.");
        comment(first, 1, "Explains decisions clearly and follows them through.");
        comment(first, 2, "Could say no more often, and share more of the load with the team.");
        comment(first, 2, "More time with partners outside the hospital would help the joint work.");

        FeedbackRequest second = request(end, learner.get(0), framework);
        em.persist(new FeedbackRater(second.getId(), Relationship.LINE_MANAGER, "rater1@westmoor.demo.test"));
        em.persist(new FeedbackRater(second.getId(), Relationship.PEER, "rater2@westmoor.demo.test"));
        LOG.info("Demo 360 rounds seeded for Leading Across Westmoor");
    }

    private FeedbackRound round(long programmeId, String name, LocalDate opens, LocalDate closes) {
        FeedbackRound form = FeedbackRound.blank();
        form.setName(name);
        form.setOpensOn(opens);
        form.setClosesOn(closes);
        form.setMinRaters(5);
        FeedbackRound round = new FeedbackRound(programmeId);
        round.update(form);
        em.persist(round);
        em.flush();
        return round;
    }

    private FeedbackRequest request(FeedbackRound round, long learner, FrameworkView framework) {
        FeedbackRequest request = new FeedbackRequest(round.getId(), learner, framework.id());
        em.persist(request);
        em.flush();
        Scores.open(em, request.getId(), framework);
        return request;
    }

    private void comment(FeedbackRequest request, int question, String text) {
        em.createNativeQuery("INSERT INTO feedback_comment (request_id, question, body, sort_key) VALUES (?, ?, ?, ?)")
                .setParameter(1, request.getId()).setParameter(2, question).setParameter(3, text).setParameter(4, text.hashCode() & 0x7fffffff)
                .executeUpdate();
    }
}
