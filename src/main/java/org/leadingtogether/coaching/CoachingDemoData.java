package org.leadingtogether.coaching;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Person;
import org.leadingtogether.cohort.Cohort;
import org.leadingtogether.platform.DemoMode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Gives the demo coaches their profiles and the demo learner a coach, so coaching has something to show: the
 * demo learner (Amara Okafor, an NHS trust) is coached by the demo coach (Gareth Hughes, a local authority),
 * with an agreement both have agreed, a first conversation held and an action. Only where demo data is wanted,
 * and only while the demo coach has no profile yet.
 */
@Singleton
@Startup
@DependsOn("CohortDemoData")
public class CoachingDemoData {

    private static final Logger LOG = Logger.getLogger(CoachingDemoData.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private DemoMode demoMode;

    private record Coach(String email, int capacity, Set<String> accreditations, Set<String> specialisms,
                         Set<String> professions, String biography) {
    }

    private static final List<Coach> COACHES = List.of(
            new Coach("coach@demo.test", 3, Set.of("EMCC Senior Practitioner"),
                    Set.of("Change leadership", "Working across organisations", "Resilience"),
                    Set.of("Nursing", "Social work", "Allied health", "Care management"),
                    "Twenty years in local government and the NHS, leading joint health and care teams. I coach leaders who work across organisational boundaries."),
            new Coach("helen.ward@demo.test", 4, Set.of("ICF Professional Certified Coach", "ILM Level 7"),
                    Set.of("Clinical leadership", "New to a senior role", "Compassionate leadership"),
                    Set.of("Nursing", "Midwifery", "Medicine", "Paramedic"),
                    "A former director of nursing. I coach clinicians stepping into leadership and those leading through pressure."),
            new Coach("samuel.green@demo.test", 2, Set.of("ILM Level 5"),
                    Set.of("Primary care networks", "Leading without authority"),
                    Set.of("Medicine", "Pharmacy", "Nursing"),
                    "A GP partner and accredited coach, working with people who lead across practices and partner organisations."),
            new Coach("ruth.campbell@demo.test", 2, Set.of("EMCC Practitioner"),
                    Set.of("Working across organisations", "Reflective practice"),
                    Set.of("Social work", "Care management", "Support work"),
                    "A social work educator who coaches practitioners and managers in social care and the voluntary sector."));

    @PostConstruct
    void seed() {
        Optional<Person> demoCoach = person("coach@demo.test");
        if (!demoMode.isOn() || demoCoach.isEmpty() || em.find(CoachProfile.class, demoCoach.get().getId()) != null) {
            return;
        }
        int profiles = 0;
        for (Coach coach : COACHES) {
            Optional<Person> person = person(coach.email());
            if (person.isEmpty() || em.find(CoachProfile.class, person.get().getId()) != null) {
                continue;
            }
            CoachProfile form = CoachProfile.blank();
            form.setCapacity(coach.capacity());
            form.setAvailable(true);
            form.setAccreditations(coach.accreditations());
            form.setSpecialisms(coach.specialisms());
            form.setBiography(coach.biography());
            form.setProfessionIds(Set.copyOf(em.createQuery("SELECT p.id FROM Profession p WHERE p.name IN :names", Long.class)
                    .setParameter("names", coach.professions()).getResultList()));
            CoachProfile profile = new CoachProfile(person.get().getId());
            profile.update(form);
            em.persist(profile);
            profiles++;
        }
        em.flush();
        pairTheDemoLearner();
        int seeded = profiles;
        LOG.info(() -> "Demo coaching seeded: " + seeded + " coach profiles");
    }

    private void pairTheDemoLearner() {
        Optional<Person> coach = person("coach@demo.test");
        Optional<Person> learner = person("learner@demo.test");
        Optional<Cohort> cohort = em.createQuery("SELECT c FROM Cohort c WHERE c.programme.name = 'Leading Across Westmoor'", Cohort.class)
                .getResultStream().findFirst();
        if (coach.isEmpty() || learner.isEmpty() || cohort.isEmpty() || em.find(CoachProfile.class, coach.get().getId()) == null) {
            return;
        }
        Instant now = clock.instant();
        Instant proposed = now.minus(Duration.ofDays(30));
        Pairing pairing = new Pairing(coach.get().getId(), learner.get().getId(), cohort.get().getId(),
                cohort.get().getProgramme().getManagers().stream().findFirst().orElse(coach.get().getId()), proposed,
                WorkingDays.add(LocalDate.ofInstant(proposed, clock.getZone()), 14));
        em.persist(pairing);
        em.flush();
        pairing.accept(proposed.plus(Duration.ofDays(2)), LocalDate.ofInstant(proposed.plus(Duration.ofDays(2)), clock.getZone()));
        Agreement agreement = new Agreement(pairing.getId());
        agreement.change(new AgreementTerms("Lead the redesign of hospital discharge with partners in social care, and grow confidence "
                + "in leading people I do not manage.", 6, 90, "About once a month", "Online, or the Westmoor Hub",
                Agreement.STANDARD_CONFIDENTIALITY));
        em.persist(agreement);
        int fingerprint = agreement.terms().fingerprint();
        agreement.agree(true, fingerprint, proposed.plus(Duration.ofDays(9)));
        agreement.agree(false, fingerprint, proposed.plus(Duration.ofDays(9)));
        pairing.activate(proposed.plus(Duration.ofDays(9)));
        CoachingSession first = new CoachingSession(pairing.getId(), now.minus(Duration.ofDays(21)).truncatedTo(ChronoUnit.HOURS), 60, true,
                SessionStatus.ATTENDED);
        em.persist(first);
        em.flush();
        em.persist(new CoachingAction(pairing.getId(), first.getId(),
                "Meet the discharge lead at Westmoor County Council to map who decides what", learner.get().getId()));
    }

    private Optional<Person> person(String email) {
        return em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", email).getResultStream().findFirst();
    }
}
