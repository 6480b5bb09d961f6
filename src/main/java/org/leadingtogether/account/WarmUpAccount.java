package org.leadingtogether.account;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;

/**
 * The learner account {@link SignInWarmUp} signs in with after a start, so that the pages behind sign-in are compiled
 * before the first person arrives, and nothing of it afterwards.
 *
 * <p>The account is made at start, in no cohort and with no data, under an address of the reserved {@code .invalid}
 * domain that no mail can reach and nobody can be given; its password is 24 random bytes that exist only in the
 * warm-up thread's memory. It signs in through the real form, like anyone, so no way round sign-in exists for it.
 * {@link #remove} then deletes the person with everything their visits wrote (the "since your last visit" record,
 * the sign-in counter of their address). An account a start left behind (it stopped mid-warm-up, or the database did
 * not answer at its end) is deleted at the next start and by an hourly job, once it is older than any warm-up can last
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
        return new Credentials(person.getEmail(), password);
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
            em.createNativeQuery("DELETE FROM home_visit WHERE person_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM person_role WHERE person_id = ?").setParameter(1, id).executeUpdate();
            em.createNativeQuery("DELETE FROM person WHERE id = ?").setParameter(1, id).executeUpdate();
        }
        em.createNativeQuery("DELETE FROM sign_in_throttle WHERE email_key = ?").setParameter(1, email).executeUpdate();
    }
}
