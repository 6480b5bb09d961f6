package org.leadingtogether.account;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.platform.persistence.InstantConverter;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

/**
 * The learner account {@link SignInWarmUp} signs in with after a start, so that the pages behind sign-in are compiled
 * before the first person arrives, and nothing of it afterwards.
 *
 * <p>The account is made at start, in no cohort, with some lessons done and a self-assessment
 * ({@link #giveLearning}), under an address of the reserved {@code .invalid} domain that no mail can reach and nobody
 * can be given; its password is 24 random bytes that exist only in the warm-up thread's memory. It signs in through the
 * real form, like anyone, so no way round sign-in exists for it. {@link #remove} then deletes the person with their
 * lessons, their self-assessment and everything their visits wrote (the "since your last visit" record, the sign-in
 * counter of their address). An account a start left behind (it stopped mid-warm-up, or the database did not answer at
 * its end) is deleted at the next start and by an hourly job, once it is older than any warm-up can last
 * ({@link #LEFT_BEHIND}), so another instance's warm-up in progress is left alone. Nobody else can have such an
 * address: the administrator's form refuses it ({@link #isWarmUpAddress}).
 *
 * <p>Only {@link SignInWarmUp} calls this bean; no page or form reaches it (it has no name in pages and takes no
 * input).
 */
@Stateless
public class WarmUpAccount {

    /** The domain of every warm-up address: reserved, it can never be anybody's (RFC 2606). */
    static final String DOMAIN = "warm-up.invalid";

    /** Older than this, a warm-up account is one a stopped start left behind. */
    static final Duration LEFT_BEHIND = Duration.ofMinutes(10);

    /** Lessons the warm-up learner has done, so that its pages show progress as most learners' do. */
    static final int LESSONS_DONE = 8;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private Clock clock;

    /**
     * Whether {@code email} (normalised) is at the warm-up's domain: such addresses are the warm-up's alone, and an
     * administrator's form refuses them, so deleting the ones left behind can never delete a person.
     */
    public static boolean isWarmUpAddress(String email) {
        return email != null && email.endsWith("@" + DOMAIN);
    }

    /** An address and password to sign in with once. */
    public record Credentials(String email, String password) {
    }

    /** Deletes warm-up accounts that stopped starts left behind, then makes a new one. */
    public Credentials create() {
        removeLeftBehind();
        byte[] secret = new byte[24];
        RANDOM.nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        byte[] name = new byte[6];
        RANDOM.nextBytes(name);
        Person person = new Person("warm-up-" + HexFormat.of().formatHex(name) + "@" + DOMAIN, "Warm-up", "Account");
        person.setRoles(EnumSet.of(Role.LEARNER));
        person.changePassword(passwords.hash(password));
        em.persist(person);
        em.flush();
        giveLearning(person.getId());
        return new Credentials(person.getEmail(), password);
    }

    /**
     * Gives the warm-up learner what most learners have: some lessons done ({@link #LESSONS_DONE}, the first of the
     * catalogue) and a self-assessment against the active framework. Without them its visits never ran the parts of
     * the home and the catalogue that only such a learner sees (the radar of where they stand, the standing by
     * dimension, progress through modules), and the JIT compiler first met that code in the first rush after a start
     * (src/load/MEASUREMENTS.md, the twenty-third machine). Written directly, as rows of the learner's own, so that
     * nothing else happens (no notification, no audit of a person's action); nobody else can see them, since the
     * learner is in no cohort and has no coach, and {@link #delete} removes them with the learner.
     */
    private void giveLearning(long personId) {
        LocalDateTime now = InstantConverter.column(clock.instant());
        @SuppressWarnings("unchecked")
        List<Object> lessons = em.createNativeQuery("SELECT id FROM lesson WHERE active = TRUE ORDER BY module_id, position")
                .setMaxResults(LESSONS_DONE).getResultList();
        for (Object lesson : lessons) {
            em.createNativeQuery("INSERT INTO lesson_completion (person_id, lesson_id, completed_at) VALUES (?, ?, ?)")
                    .setParameter(1, personId).setParameter(2, ((Number) lesson).longValue()).setParameter(3, now).executeUpdate();
        }
        @SuppressWarnings("unchecked")
        List<Object> frameworks = em.createNativeQuery("SELECT id FROM framework WHERE active = TRUE").setMaxResults(1).getResultList();
        if (frameworks.isEmpty()) {
            return;
        }
        long framework = ((Number) frameworks.get(0)).longValue();
        em.createNativeQuery("INSERT INTO self_assessment (created_at, modified_at, person_id, framework_id) VALUES (?, ?, ?, ?)")
                .setParameter(1, now).setParameter(2, now).setParameter(3, personId).setParameter(4, framework).executeUpdate();
        long assessment = ((Number) em.createNativeQuery("SELECT id FROM self_assessment WHERE person_id = ?")
                .setParameter(1, personId).getSingleResult()).longValue();
        em.createNativeQuery("""
                        INSERT INTO self_rating (assessment_id, element_id, rating)
                        SELECT ?, e.id, 1 + MOD(e.position, 4) FROM framework_element e JOIN framework_dimension d ON d.id = e.dimension_id
                        WHERE d.framework_id = ?""")
                .setParameter(1, assessment).setParameter(2, framework).executeUpdate();
    }

    /**
     * Deletes the warm-up accounts older than {@link #LEFT_BEHIND}, with what their visits wrote: those a start left
     * behind, because it stopped mid-warm-up or the database did not answer when its account was to be deleted.
     * Returns how many.
     */
    public int removeLeftBehind() {
        List<String> left = em.createQuery("SELECT p.email FROM Person p WHERE p.email LIKE :warmUp AND p.createdAt < :before",
                        String.class)
                .setParameter("warmUp", "warm-up-%@" + DOMAIN)
                .setParameter("before", clock.instant().minus(LEFT_BEHIND))
                .getResultList();
        left.forEach(this::delete);
        return left.size();
    }

    /**
     * Once an hour, {@link #removeLeftBehind}: an account left behind because the database was away when its warm-up
     * ended goes once the database is back, without waiting for the next start. Not persistent: each instance of a
     * cluster runs its own, and a delete run twice does no harm.
     */
    @Schedule(hour = "*", minute = "41", persistent = false, info = "delete warm-up accounts left behind")
    void hourly() {
        removeLeftBehind();
    }

    /** Deletes the warm-up account with this address and what its visits wrote. */
    public void remove(String email) {
        if (!isWarmUpAddress(email)) {
            throw new IllegalArgumentException("Not a warm-up address");
        }
        delete(email);
    }

    private void delete(String email) {
        List<Long> ids = em.createQuery("SELECT p.id FROM Person p WHERE p.email = :email", Long.class)
                .setParameter("email", email).getResultList();
        for (Long id : ids) {
            em.createNativeQuery("DELETE FROM self_rating WHERE assessment_id IN (SELECT a.id FROM self_assessment a WHERE a.person_id = ?)")
                    .setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM self_assessment WHERE person_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM lesson_completion WHERE person_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM home_visit WHERE person_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM person_role WHERE person_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM person WHERE id = ?").setParameter(1, id).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM sign_in_throttle WHERE email_key = ?").setParameter(1, email).executeUpdate();
    }
}
