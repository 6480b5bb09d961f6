package org.leadingtogether.journal;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.platform.DemoMode;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Two saved journal entries for the demo learner (learner@demo.test), so a first look at the journal shows what
 * an entry looks like: a Gibbs reflection on a practice event, and a "What? So what? Now what?" reflection on a
 * lesson. Seeded only when {@link DemoMode} says so and nobody has a journal entry yet; sealed with the portal's
 * key like any other entry.
 */
@Singleton
@Startup
@DependsOn("LearningDemoData")
public class JournalDemoData {

    private static final Logger LOG = Logger.getLogger(JournalDemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DemoMode demoMode;

    @Inject
    private JournalKeys keys;

    @Inject
    private Clock clock;

    @PostConstruct
    void seed() {
        if (!demoMode.isOn() || em.createQuery("SELECT COUNT(e) FROM JournalEntry e", Long.class).getSingleResult() > 0) {
            return;
        }
        List<Long> learner = em.createQuery("SELECT p.id FROM Person p WHERE p.email = 'learner@demo.test'", Long.class).getResultList();
        if (learner.isEmpty()) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        entry(learner.get(0), new EntryContent("Chairing a discharge huddle across three teams", today.minusDays(12),
                EntryKind.PRACTICE_EVENT, ReflectionModel.GIBBS, List.of(
                        "I chaired the morning discharge huddle for the first time, with the ward team, the reablement team"
                                + " and a social worker from the council. We had to agree plans for four people going home.",
                        "Nervous at the start, and frustrated when the discussion went round in circles about one plan.",
                        "We agreed three plans in twenty minutes. The fourth stalled because two teams had different"
                                + " information and I did not notice until late.",
                        "Each team came with its own picture. I assumed we shared one. Asking each person what mattered to the"
                                + " person going home brought the pictures together faster than arguing about dates.",
                        "Start by checking that everyone has the same information; ask before proposing.",
                        "Next huddle: open with a two-minute round of 'what do we each know'. Talk it over with my coach."),
                "Shared information has to be built at the start of a meeting, not assumed.",
                "I will open every huddle with a short round so each team says what it knows.",
                Set.of("LQF-2.4", "LQF-2.3", "LQF-3.4"), Set.of(NmcTheme.PRIORITISE_PEOPLE, NmcTheme.PRACTISE_EFFECTIVELY),
                new BigDecimal("1"), true, null, null));
        entry(learner.get(0), new EntryContent("Relationships happen outside meetings", today.minusDays(5),
                EntryKind.LEARNING_ACTIVITY, ReflectionModel.ROLFE, List.of(
                        "I worked through the lesson on why systems leadership matters and thought about the people I rely on"
                                + " in other organisations.",
                        "Most of what moves quickly for us moves because of informal relationships, not the formal meetings.",
                        "I will visit the reablement team base this month and invite their lead to our ward."),
                null, null, Set.of("LQF-2.1", "LQF-2.2"), Set.of(NmcTheme.PROMOTE_PROFESSIONALISM_AND_TRUST),
                new BigDecimal("0.5"), false, null, null));
        LOG.info("Journal demo entries seeded for learner@demo.test");
    }

    private void entry(long author, EntryContent content) {
        JournalEntry entry = new JournalEntry(author);
        em.persist(entry);
        em.flush();
        entry.write(content, keys.cipher());
        entry.markSaved(clock.instant());
    }
}
