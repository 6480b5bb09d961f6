package org.leadingtogether.account;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.directory.Organisation;
import org.leadingtogether.directory.Sector;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.support.PortalDeployment;
import org.leadingtogether.support.RunAsAdmin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The account and directory services inside Payara Micro, on the database the build points at
 * (MariaDB in CI): migrations, sign-in and its lock, people and their rules, and role checks.
 * Every test makes its own people with unique email addresses, so tests do not depend on each other.
 */
@ExtendWith(ArquillianExtension.class)
class AccountServiceIT {

    @Deployment
    static WebArchive deployment() {
        return PortalDeployment.inContainer(AccountServiceIT.class);
    }

    @Inject
    private AccountService accounts;

    @Inject
    private DirectoryService directory;

    @Inject
    private RunAsAdmin admin;

    @Inject
    private PasswordHasher passwords;

    @PersistenceContext
    private EntityManager em;

    @Inject
    private WarmUpAccount warmUp;

    @Inject
    private UserTransaction transaction;

    private static String uniqueEmail() {
        return "it-" + UUID.randomUUID() + "@example.org";
    }

    private long createPerson(String email, String password, Role... roles) throws Exception {
        PersonForm form = new PersonForm();
        form.setEmail(email);
        form.setGivenName("Test");
        form.setFamilyName("Person");
        form.setRoles(EnumSet.of(roles[0], roles));
        form.setTemporaryPassword(password);
        return admin.call(() -> accounts.createPerson(form));
    }

    @Test
    void migrationsHaveRunAndProfessionsAreSeeded() {
        Number applied = (Number) em.createNativeQuery("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 1").getSingleResult();
        assertTrue(applied.intValue() >= 1);
        List<String> professions = directory.findProfessions().stream().map(p -> p.getName()).toList();
        assertTrue(professions.containsAll(List.of("Nursing", "Medicine", "Social work", "Paramedic", "Care management")), professions.toString());
    }

    @Test
    void demoPeopleAreSeededWhenAsked() {
        assertTrue(accounts.signIn("learner@demo.test", DemoData.DEMO_PASSWORD).isPresent(), "DEMO_DATA=true in the tests");
        assertEquals(EnumSet.of(Role.ADMIN), accounts.signIn("ADMIN@demo.test", DemoData.DEMO_PASSWORD).orElseThrow().roles());
    }

    @Test
    void aNewPersonSignsInWithTheirTemporaryPasswordAnyCase() throws Exception {
        String email = uniqueEmail();
        long id = createPerson(email, "temporary-pass-1", Role.LEARNER, Role.COACH);
        SignInOutcome outcome = accounts.signIn(email.toUpperCase(), "temporary-pass-1").orElseThrow();
        assertEquals(id, outcome.personId());
        assertEquals(EnumSet.of(Role.LEARNER, Role.COACH), outcome.roles());
        assertTrue(em.find(Person.class, id).isMustChangePassword());
        assertTrue(accounts.signIn(email, "wrong-password-1").isEmpty());
    }

    @Test
    void aDuplicateEmailIsRefusedAtTheEmailFieldWhateverItsCase() throws Exception {
        String email = uniqueEmail();
        createPerson(email, "temporary-pass-1", Role.LEARNER);
        BusinessException refused = assertThrows(BusinessException.class,
                () -> createPerson("  " + email.toUpperCase() + " ", "temporary-pass-2", Role.LEARNER));
        assertEquals("email", refused.getField().orElseThrow());
        long count = em.createQuery("SELECT COUNT(p) FROM Person p WHERE p.email = :e", Long.class).setParameter("e", email).getSingleResult();
        assertEquals(1, count, "nothing half saved");
    }

    /**
     * The warm-up's throwaway learners have addresses at warm-up.invalid, and the warm-up deletes those it finds left
     * behind: nobody else may have one, so it can never delete a person.
     */
    @Test
    void anAddressOfTheWarmUpsOwnIsRefusedAtTheEmailFieldAndSavesNothing() {
        String email = "warm-up-" + UUID.randomUUID().toString().substring(0, 8) + "@" + WarmUpAccount.DOMAIN;
        BusinessException refused = assertThrows(BusinessException.class, () -> createPerson(" " + email.toUpperCase() + " ", "temporary-pass-1", Role.LEARNER));
        assertEquals("email", refused.getField().orElseThrow());
        assertTrue(refused.getMessage().contains("real address"), refused.getMessage());
        assertTrue(em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", email).getResultList().isEmpty(), "nothing saved");
    }

    /**
     * The database away when a warm-up ended leaves its account behind; the hourly job deletes it once it is older than
     * any warm-up can last, and leaves alone one that may be another instance's warm-up in progress.
     */
    @Test
    void aWarmUpAccountLeftBehindIsDeletedByTheHourlyJobAndOneInUseIsLeftAlone() throws Exception {
        String left = warmUp.create().email();
        String inUse = warmUp.create().email();
        transaction.begin();
        em.createQuery("UPDATE Person p SET p.createdAt = :then WHERE p.email = :email")
                .setParameter("then", Instant.now().minus(WarmUpAccount.LEFT_BEHIND).minusSeconds(60))
                .setParameter("email", left).executeUpdate();
        transaction.commit();
        try {
            assertTrue(warmUp.removeLeftBehind() >= 1, "the one left behind is counted");
            assertTrue(em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", left).getResultList().isEmpty(),
                    "left behind: deleted");
            assertEquals(1, em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", inUse).getResultList().size(),
                    "in use, a few seconds old: left alone");
        } finally {
            warmUp.remove(inUse);
        }
    }

    @Test
    void aShortTemporaryPasswordSavesNothing() {
        String email = uniqueEmail();
        BusinessException refused = assertThrows(BusinessException.class, () -> createPerson(email, "short", Role.LEARNER));
        assertEquals("temporaryPassword", refused.getField().orElseThrow());
        assertTrue(em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", email).getResultList().isEmpty());
    }

    @Test
    void fiveFailuresLockTheAddressEvenWithTheRightPassword() throws Exception {
        String email = uniqueEmail();
        createPerson(email, "temporary-pass-1", Role.LEARNER);
        for (int i = 0; i < 5; i++) {
            assertTrue(accounts.signIn(email, "wrong-password-" + i).isEmpty());
        }
        assertTrue(accounts.signIn(email, "temporary-pass-1").isEmpty(), "locked: even the right password is refused");
        long minutes = SignInThrottle.minutesRoundedUp(accounts.findSignInLock(email).orElseThrow());
        assertEquals(15, minutes);
    }

    @Test
    void twentyWrongGuessesSentAtOnceForOneAddressCheckAtMostFivePasswords() throws Exception {
        String email = uniqueEmail();
        createPerson(email, "temporary-pass-1", Role.LEARNER);
        long checksBefore = passwords.getChecksMade();
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> guesses = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String guess = "wrong-guess-" + i;
            guesses.add(pool.submit(() -> {
                start.await();
                return accounts.signIn(email, guess).isPresent();
            }));
        }
        start.countDown();
        for (Future<Boolean> guess : guesses) {
            assertFalse(guess.get(60, TimeUnit.SECONDS), "a wrong guess never signs in");
        }
        pool.shutdown();
        long checked = passwords.getChecksMade() - checksBefore;
        assertTrue(checked <= SignInThrottle.MAX_FAILURES, "passwords checked: " + checked);
        assertTrue(accounts.findSignInLock(email).isPresent(), "the address is locked");
        assertTrue(accounts.signIn(email, "temporary-pass-1").isEmpty(), "and the right password is refused while locked");
    }

    @Inject
    private SignInAttempts attempts;

    @Test
    void aPasswordHashOfAnEarlierVersionIsMadeAgainAsArgon2idAtTheNextRightSignIn() throws Exception {
        String email = uniqueEmail();
        long id = createPerson(email, "temporary-pass-1", Role.LEARNER);
        String made = storedHash(id);
        assertTrue(made.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), "new passwords are hashed with Argon2id: " + made);

        // As a person whose password was set before Argon2id: PBKDF2-HMAC-SHA256 at 210,000 iterations.
        String legacy = passwords.legacyHash("temporary-pass-1");
        attempts.replaceHash(id, made, legacy);
        assertEquals(legacy, storedHash(id));

        assertTrue(accounts.signIn(email, "wrong-password-1").isEmpty());
        assertEquals(legacy, storedHash(id), "a wrong password changes nothing");
        assertTrue(accounts.signIn(email, "temporary-pass-1").isPresent(), "the old hash still lets its owner in");
        String upgraded = storedHash(id);
        assertTrue(upgraded.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), "and is made again as Argon2id: " + upgraded);
        assertTrue(accounts.signIn(email, "temporary-pass-1").isPresent(), "which lets them in next time");
        assertTrue(accounts.signIn(email, "wrong-password-2").isEmpty());
        assertEquals(upgraded, storedHash(id), "once current, it is left alone");
    }

    private String storedHash(long id) {
        return (String) em.createNativeQuery("SELECT password_hash FROM person WHERE id = ?").setParameter(1, id).getSingleResult();
    }

    @Test
    void aPersonAsTheSignInMechanismReadsThemOnEveryRequestIsCurrent() throws Exception {
        String email = uniqueEmail();
        long id = createPerson(email, "temporary-pass-1", Role.LEARNER, Role.PROGRAMME_MANAGER);
        CurrentPerson before = accounts.findSignedIn(id).orElseThrow();
        assertEquals(EnumSet.of(Role.LEARNER, Role.PROGRAMME_MANAGER), before.roles());
        assertTrue(before.mustChangePassword());

        PersonForm form = admin.call(() -> accounts.getPersonForm(id));
        form.setRoles(EnumSet.of(Role.LEARNER, Role.PROGRAMME_MANAGER, Role.COACH));
        admin.run(() -> accounts.updatePerson(form));
        CurrentPerson given = accounts.findSignedIn(id).orElseThrow();
        assertEquals(EnumSet.of(Role.LEARNER, Role.PROGRAMME_MANAGER, Role.COACH), given.roles());
        assertEquals(before.accessVersion(), given.accessVersion(), "a role given keeps sessions going");

        PersonForm taken = admin.call(() -> accounts.getPersonForm(id));
        taken.setRoles(EnumSet.of(Role.LEARNER));
        admin.run(() -> accounts.updatePerson(taken));
        assertTrue(accounts.findSignedIn(id).orElseThrow().accessVersion() > given.accessVersion(), "a role taken ends sessions");

        admin.run(() -> accounts.setActive(id, false));
        assertTrue(accounts.findSignedIn(id).isEmpty(), "a deactivated person is nobody");
    }

    @Test
    void anAddressWithNoAccountLocksTheSameWay() {
        String nobody = uniqueEmail();
        for (int i = 0; i < 4; i++) {
            accounts.signIn(nobody, "guess-" + i);
            assertTrue(accounts.findSignInLock(nobody).isEmpty());
        }
        accounts.signIn(nobody, "guess-5");
        assertTrue(accounts.findSignInLock(nobody).isPresent(), "the lock does not reveal that no account exists");
    }

    @Test
    void aDeactivatedPersonCannotSignIn() throws Exception {
        String email = uniqueEmail();
        long id = createPerson(email, "temporary-pass-1", Role.LEARNER);
        admin.run(() -> accounts.setActive(id, false));
        assertTrue(accounts.signIn(email, "temporary-pass-1").isEmpty());
        admin.run(() -> accounts.setActive(id, true));
        assertTrue(accounts.signIn(email, "temporary-pass-1").isPresent());
    }

    @Test
    void aLineManagerIsRecordedByAddressAndAnUnknownAddressOrOneselfIsRefusedAtTheField() throws Exception {
        String managerEmail = uniqueEmail();
        long managerId = createPerson(managerEmail, "temporary-pass-1", Role.LEARNER);
        String email = uniqueEmail();
        long id = createPerson(email, "temporary-pass-1", Role.LEARNER);
        PersonForm form = admin.call(() -> accounts.getPersonForm(id));
        form.setTeam("  Discharge team ");
        form.setLineManagerEmail(managerEmail.toUpperCase());
        admin.run(() -> accounts.updatePerson(form));
        PersonForm saved = admin.call(() -> accounts.getPersonForm(id));
        assertEquals("Discharge team", saved.getTeam());
        assertEquals(managerEmail, saved.getLineManagerEmail());
        assertEquals(managerId, em.find(Person.class, id).getLineManagerId());

        PersonForm unknown = admin.call(() -> accounts.getPersonForm(id));
        unknown.setLineManagerEmail("nobody-" + UUID.randomUUID() + "@example.org");
        BusinessException refused = assertThrows(BusinessException.class, () -> admin.run(() -> accounts.updatePerson(unknown)));
        assertEquals("lineManagerEmail", refused.getField().orElseThrow());
        PersonForm self = admin.call(() -> accounts.getPersonForm(id));
        self.setLineManagerEmail(email);
        assertEquals("lineManagerEmail", assertThrows(BusinessException.class, () -> admin.run(() -> accounts.updatePerson(self)))
                .getField().orElseThrow());
        assertEquals(managerId, em.find(Person.class, id).getLineManagerId(), "nothing half saved");
    }

    @Test
    void searchFindsByNameEmailOrOrganisationAndPagesInOrder() throws Exception {
        String marker = "zq" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            PersonForm form = new PersonForm();
            form.setEmail(marker + i + "@example.org");
            form.setGivenName("Given" + i);
            form.setFamilyName(marker + "-family-" + i);
            form.setRoles(EnumSet.of(Role.LEARNER));
            form.setTemporaryPassword("temporary-pass-1");
            admin.call(() -> accounts.createPerson(form));
        }
        assertEquals(3, admin.call(() -> accounts.countPeople(marker.toUpperCase())));
        List<PersonRow> page = admin.call(() -> accounts.findPeople(marker, 1, 2));
        assertEquals(2, page.size());
        assertEquals(marker + "-family-1", page.get(0).familyName());
        assertEquals(EnumSet.of(Role.LEARNER), page.get(0).roles());
        assertEquals(0, admin.call(() -> accounts.countPeople("%_nothing-like-this_%")));
    }

    @Test
    void onlyAdministratorsManagePeopleAndTheDirectory() {
        assertThrows(EJBAccessException.class, () -> accounts.countPeople(null));
        assertThrows(EJBAccessException.class, () -> accounts.getPersonForm(1));
        assertThrows(EJBAccessException.class, () -> directory.saveOrganisation(new Organisation("Anything", Sector.NHS_TRUST)));
        assertFalse(directory.findProfessions().isEmpty(), "anyone may read the directory");
    }

    @Test
    void organisationNamesAreUniqueRegardlessOfCase() throws Exception {
        String name = "IT Organisation " + UUID.randomUUID();
        admin.call(() -> directory.saveOrganisation(new Organisation(name, Sector.VOLUNTARY_COMMUNITY)));
        BusinessException refused = assertThrows(BusinessException.class,
                () -> admin.call(() -> directory.saveOrganisation(new Organisation(name.toLowerCase(), Sector.NHS_TRUST))));
        assertEquals("name", refused.getField().orElseThrow());
    }

    // ---------------------------------------------------------------- signing in through an identity provider

    /** What the nhsmail provider (configured for the tests, serving nhsmail.test) would vouch for after checking a token. */
    private static VerifiedIdentity nhsmail(String subject, String email, boolean verified) {
        return new VerifiedIdentity("nhsmail", "https://nhsmail.invalid/" + subject.hashCode(), subject, email, verified,
                "Given", "Family", java.util.Set.of(), "id-token");
    }

    private long personWithAddress(String email, Role... roles) throws Exception {
        return createPerson(email, "a long enough password", roles);
    }

    @Test
    void aProvidersPersonIsLinkedByVerifiedAddressOnceAndFoundByTheLinkAfter() throws Exception {
        String email = "it-" + UUID.randomUUID() + "@nhsmail.test";
        long id = personWithAddress(email, Role.LEARNER);
        String subject = UUID.randomUUID().toString();
        ProviderSignIn first = accounts.signInThroughProvider(nhsmail(subject, email, true));
        assertEquals(id, first.outcome().orElseThrow().personId());
        // The address changed at the provider: the link, not the address, finds her.
        ProviderSignIn later = accounts.signInThroughProvider(nhsmail(subject, "it-" + UUID.randomUUID() + "@nhsmail.test", false));
        assertEquals(id, later.outcome().orElseThrow().personId());
        // Someone else at the provider with her address (an address given again) is not let into her account.
        assertEquals(ProviderProblem.LINKED_TO_ANOTHER,
                accounts.signInThroughProvider(new VerifiedIdentity("nhsmail", nhsmail(subject, email, true).issuer(),
                        UUID.randomUUID().toString(), email, true, "X", "Y", java.util.Set.of(), "t")).problem());
    }

    @Test
    void aProvidersPersonIsRefusedWhenTheAddressIsUnverifiedOfAnotherDomainUnknownOrDeactivated() throws Exception {
        String email = "it-" + UUID.randomUUID() + "@nhsmail.test";
        long id = personWithAddress(email, Role.LEARNER);
        assertEquals(ProviderProblem.EMAIL_NOT_VERIFIED, accounts.signInThroughProvider(nhsmail(UUID.randomUUID().toString(), email, false)).problem());
        String elsewhere = uniqueEmail();
        personWithAddress(elsewhere, Role.LEARNER);
        assertEquals(ProviderProblem.WRONG_DOMAIN, accounts.signInThroughProvider(nhsmail(UUID.randomUUID().toString(), elsewhere, true)).problem(),
                "a provider speaks only for its own domains");
        String unknown = "it-" + UUID.randomUUID() + "@nhsmail.test";
        assertEquals(ProviderProblem.UNKNOWN_PERSON, accounts.signInThroughProvider(nhsmail(UUID.randomUUID().toString(), unknown, true)).problem());
        assertEquals(0L, em.createQuery("SELECT COUNT(p) FROM Person p WHERE p.email = :e", Long.class).setParameter("e", unknown).getSingleResult());

        String subject = UUID.randomUUID().toString();
        accounts.signInThroughProvider(nhsmail(subject, email, true)).outcome().orElseThrow();
        admin.call(() -> {
            accounts.setActive(id, false);
            return null;
        });
        assertEquals(ProviderProblem.DEACTIVATED, accounts.signInThroughProvider(nhsmail(subject, email, true)).problem(),
                "deactivated: refused through the provider as with a password");
    }

    @Test
    void aCouncilPersonNewToThePortalIsMadeALearnerAndMappedGroupsGiveAndTakeRoles() throws Exception {
        String email = "it-" + UUID.randomUUID() + "@westmoor-council.test";
        String subject = UUID.randomUUID().toString();
        String issuer = "https://council.invalid/" + subject;
        ProviderSignIn first = accounts.signInThroughProvider(new VerifiedIdentity("council", issuer, subject, email, true, "Nell", "Starter",
                java.util.Set.of("/programme-managers", "/unmapped"), "t"));
        assertEquals(java.util.Set.of(Role.LEARNER, Role.PROGRAMME_MANAGER), first.outcome().orElseThrow().roles());
        long id = first.outcome().get().personId();
        int version = accounts.findSignedIn(id).orElseThrow().accessVersion();
        ProviderSignIn later = accounts.signInThroughProvider(new VerifiedIdentity("council", issuer, subject, email, true, "Nell", "Starter",
                java.util.Set.of(), "t"));
        assertEquals(java.util.Set.of(Role.LEARNER), later.outcome().orElseThrow().roles(), "left the group: the role goes");
        assertTrue(accounts.findSignedIn(id).orElseThrow().accessVersion() > version, "and her other sessions end");
    }
}
