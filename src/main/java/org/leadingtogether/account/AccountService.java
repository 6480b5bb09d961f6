package org.leadingtogether.account;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.directory.DirectoryService;
import org.leadingtogether.platform.AccessDeniedException;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;
import org.leadingtogether.platform.persistence.LikePattern;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The boundary of the account feature: signing in, one's own password, and the administrator's work on
 * people. Each public method is one transaction. Roles are checked here with {@code @RolesAllowed} as well
 * as by URL in web.xml, so a page that forgot its guard still could not act.
 */
@Stateless
public class AccountService {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private PasswordHasher passwords;

    @Inject
    private SignInAttempts attempts;

    @Inject
    private Clock clock;

    @Inject
    private DirectoryService directory;

    @Inject
    private Event<AccessWithdrawn> accessWithdrawn;

    @Inject
    private OpenIdConnect openIdConnect;

    @Inject
    private Event<AccountEmail> accountEmails;

    // ---------------------------------------------------------------- signing in

    /**
     * Checks an email address and password. A miss (unknown address, wrong password, deactivated person,
     * locked address) is recorded against the address and answered with empty, all alike, so the caller
     * learns nothing about which it was.
     *
     * <p>The attempt is counted in a transaction of its own <em>before</em> the password is checked (see
     * {@link SignInThrottle}), so however many guesses arrive at once for one address, at most
     * {@link SignInThrottle#MAX_FAILURES} passwords are checked. Not itself a transaction: the password check takes
     * tens of milliseconds of CPU and holds nothing in the database meanwhile. A database that does not answer is an
     * exception, never "wrong password"; so is a rush in which the password could not be checked in time
     * ({@link HashingPool.BusyException}), and that attempt is not counted. A hash made before today's setting
     * (legacy PBKDF2) is made again as Argon2id after a right password, when the hashing pool has a permit free.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<SignInOutcome> signIn(String email, String password) {
        String key = Person.normaliseEmail(email);
        if (key == null || key.isEmpty() || key.length() > Person.EMAIL_MAX || password == null) {
            return Optional.empty();
        }
        if (em.find(SignInThrottle.class, key) == null) {
            attempts.ensureRow(key);
        }
        if (!attempts.charge(key, clock.instant())) {
            // Locked: answered at once, with no password checked. Addresses with no account lock the same way, so the
            // quick answer says nothing about who has one, and guesses sent in bulk cost the portal nothing.
            return Optional.empty();
        }
        Optional<Person> person = findByEmail(key);
        boolean good;
        try {
            good = person.isPresent()
                    ? passwords.verify(password, person.get().getPasswordHash()) && person.get().canSignIn()
                    : passwords.verifyDecoy(password);
        } catch (HashingPool.BusyException busy) {
            // Not checked at all: the attempt is given back, so a rush never locks anyone out.
            attempts.withdraw(key);
            throw busy;
        }
        attempts.settle(key, good, clock.instant());
        if (good && passwords.needsNewHash(person.get().getPasswordHash())) {
            String old = person.get().getPasswordHash();
            passwords.rehashIfIdle(password).ifPresent(made -> attempts.replaceHash(person.get().getId(), old, made));
        }
        return good ? Optional.of(new SignInOutcome(person.get().getId(), Set.copyOf(person.get().getRoles()))) : Optional.empty();
    }

    /**
     * Signs in someone an identity provider has vouched for ({@link OpenIdConnect#finish}): the person linked to their
     * account at that provider, or, the first time, the person with the same verified email address, who is then linked
     * (a person the portal does not know is refused, or made a learner, as the provider's settings say). Only addresses
     * of the domains the provider serves are taken from it. A deactivated person is refused, as with a password. Where
     * the provider's groups are mapped to roles, those roles follow the groups at every sign-in.
     */
    @PermitAll
    public ProviderSignIn signInThroughProvider(VerifiedIdentity identity) {
        IdentityProvider provider = openIdConnect.providers().find(identity.providerId())
                .orElseThrow(() -> new IllegalStateException("No identity provider " + identity.providerId()));
        java.time.Instant now = clock.instant();
        Optional<ProviderLink> link = em.createNamedQuery("ProviderLink.find", ProviderLink.class)
                .setParameter("issuer", identity.issuer()).setParameter("subject", identity.subject())
                .getResultStream().findFirst();
        Person person;
        if (link.isPresent()) {
            person = em.find(Person.class, link.get().getPersonId());
        } else {
            if (identity.email() == null || identity.email().isBlank() || !provider.serves(identity.email())) {
                return ProviderSignIn.refused(ProviderProblem.WRONG_DOMAIN);
            }
            if (!identity.emailVerified()) {
                return ProviderSignIn.refused(ProviderProblem.EMAIL_NOT_VERIFIED);
            }
            Optional<Person> known = findByEmail(identity.email());
            if (known.isEmpty() && provider.unknownPeople() == IdentityProvider.UnknownPeople.REFUSE) {
                return ProviderSignIn.refused(ProviderProblem.UNKNOWN_PERSON);
            }
            if (known.isPresent()) {
                person = known.get();
                boolean linkedElsewhere = em.createNamedQuery("ProviderLink.findForPerson", ProviderLink.class)
                        .setParameter("person", person.getId()).setParameter("issuer", identity.issuer())
                        .getResultStream().findFirst().isPresent();
                if (linkedElsewhere) {
                    return ProviderSignIn.refused(ProviderProblem.LINKED_TO_ANOTHER);
                }
            } else {
                person = new Person(identity.email(), nameOr(identity.givenName(), identity.email().substring(0, identity.email().indexOf('@'))),
                        nameOr(identity.familyName(), "-"));
                person.setRoles(EnumSet.of(Role.LEARNER));
                em.persist(person);
                em.flush();
            }
            if (!person.isActive()) {
                return ProviderSignIn.refused(ProviderProblem.DEACTIVATED);
            }
            em.persist(new ProviderLink(person.getId(), identity, now));
        }
        if (person == null || !person.isActive()) {
            return ProviderSignIn.refused(ProviderProblem.DEACTIVATED);
        }
        if (!provider.groupRoles().isEmpty()) {
            Set<Role> given = EnumSet.noneOf(Role.class);
            identity.groups().stream().map(provider.groupRoles()::get).filter(java.util.Objects::nonNull).forEach(given::add);
            int before = person.getAccessVersion();
            person.followProviderGroups(provider.mappedRoles(), given);
            if (person.getAccessVersion() != before) {
                accessWithdrawn.fire(new AccessWithdrawn(person.getId()));
            }
        }
        if (person.getRoles().isEmpty()) {
            return ProviderSignIn.refused(ProviderProblem.NO_ROLE);
        }
        link.ifPresent(known -> known.signedIn(now));
        em.flush();
        return ProviderSignIn.signedIn(new SignInOutcome(person.getId(), Set.copyOf(person.getRoles())));
    }

    private static String nameOr(String name, String fallback) {
        String value = name == null || name.isBlank() ? fallback : name.strip();
        return value.length() > Person.NAME_MAX ? value.substring(0, Person.NAME_MAX) : value;
    }

    /** How long sign-in for this address stays locked, if it is. Says nothing about whether it has an account. */
    @PermitAll
    public Optional<Duration> findSignInLock(String email) {
        String key = Person.normaliseEmail(email);
        if (key == null || key.isEmpty() || key.length() > Person.EMAIL_MAX) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(SignInThrottle.class, key))
                .flatMap(throttle -> throttle.remainingLock(clock.instant()));
    }

    /**
     * How many failed sign-ins in a row the address has now (for the warning before the lock). Addresses with no
     * account are counted the same way, so this says nothing about whether it has one.
     */
    @PermitAll
    public int countSignInFailures(String email) {
        String key = Person.normaliseEmail(email);
        if (key == null || key.isEmpty() || key.length() > Person.EMAIL_MAX) {
            return 0;
        }
        return Optional.ofNullable(em.find(SignInThrottle.class, key)).map(SignInThrottle::getFailedAttempts).orElse(0);
    }

    /** The signed-in person, as the pages need them. */
    @PermitAll
    public CurrentPerson getCurrentPerson() {
        Person person = getCaller();
        return new CurrentPerson(person.getId(), person.getFullName(), person.getEmail(),
                Set.copyOf(person.getRoles()), person.isMustChangePassword(), person.getAccessVersion());
    }

    /** What the portal holds as the caller's own details, for them to see (and to ask an administrator to correct). */
    @PermitAll
    public MyDetails getMyDetails() {
        Person person = getCaller();
        String lineManager = person.getLineManagerId() == null ? null
                : Optional.ofNullable(em.find(Person.class, person.getLineManagerId())).map(Person::getFullName).orElse(null);
        return new MyDetails(person.getFullName(), person.getEmail(), person.getJobTitle(),
                person.getProfession() == null ? null : person.getProfession().getName(),
                person.getOrganisation() == null ? null : person.getOrganisation().getName(), person.getTeam(), lineManager);
    }

    /**
     * The person with this id as they stand now, if they are active: asked by the sign-in mechanism on every request,
     * so that what an administrator changes applies at once. One query (the person and their roles together), and no
     * transaction: it only reads, and a transaction would cost the database three more round trips a request.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<CurrentPerson> findSignedIn(long personId) {
        List<Object[]> rows = em.createNamedQuery("Person.findSignedIn", Object[].class)
                .setParameter("id", personId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = rows.get(0);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        rows.stream().map(row -> (Role) row[5]).filter(java.util.Objects::nonNull).forEach(roles::add);
        return Optional.of(new CurrentPerson(personId, first[0] + " " + first[1], (String) first[2], Set.copyOf(roles),
                (Boolean) first[3], ((Number) first[4]).intValue()));
    }

    /**
     * Changes the caller's own password, after checking the current one. Every other session of theirs ends at its
     * next request; the caller's own session carries on with the returned access version.
     */
    @PermitAll
    public int changeOwnPassword(String currentPassword, String newPassword, String confirmation) {
        Person person = getCaller();
        if (currentPassword == null || !passwords.verify(currentPassword, person.getPasswordHash())) {
            throw new BusinessException("currentPassword", "That is not your current password.");
        }
        PasswordPolicy.check("newPassword", newPassword, person.getEmail());
        if (!newPassword.equals(confirmation)) {
            throw new BusinessException("confirmation", "The two new passwords are not the same.");
        }
        if (newPassword.equals(currentPassword)) {
            throw new BusinessException("newPassword", "Choose a password different from the current one.");
        }
        person.changePassword(passwords.hash(newPassword));
        return person.getAccessVersion();
    }

    // ---------------------------------------------------------------- password reset by email

    /**
     * "Forgot your password?": emails a link to choose a new password to the person with this address, if there is an
     * active one who signs in with a password, and answers the same whether or not there is
     * ({@link ResetRequest#SENT_IF_KNOWN}). An address of an organisation that signs in through an identity provider is
     * told to use it, and nothing is sent. At most {@link SignInThrottle#MAX_FAILURES} links go to one address before it
     * rests for {@link SignInThrottle#LOCK_DURATION} (counted per address whether or not it has an account, like the
     * sign-in lock, and apart from it); the limits per client address are the caller's ({@link SignInProtection}).
     * The same form sent twice (its intention key) sends one email.
     *
     * @param portal the portal's address, for the link in the email
     */
    @PermitAll
    public ResetRequest requestPasswordReset(String email, String intent, String portal) {
        String key = Person.normaliseEmail(email);
        if (key == null || key.isEmpty()) {
            throw new BusinessException("email", "Enter your email address.");
        }
        if (key.length() > Person.EMAIL_MAX || IdentityProvider.domainOf(key) == null) {
            throw new BusinessException("email", "Enter an email address like name@example.org.");
        }
        Optional<IdentityProvider> provider = openIdConnect.providers().forEmail(key);
        if (provider.isPresent()) {
            return ResetRequest.useProvider(provider.get());
        }
        java.time.Instant now = clock.instant();
        org.leadingtogether.platform.persistence.FormIntents.claim(em, 0L, intent, "password-reset/" + resetKey(key),
                "We have already sent that request.", now);
        String throttleKey = resetKey(key);
        if (em.find(SignInThrottle.class, throttleKey) == null) {
            attempts.ensureRow(throttleKey);
        }
        if (!attempts.charge(throttleKey, now)) {
            long minutes = Optional.ofNullable(em.find(SignInThrottle.class, throttleKey))
                    .flatMap(throttle -> throttle.remainingLock(clock.instant())).map(SignInThrottle::minutesRoundedUp)
                    .orElse(SignInThrottle.LOCK_DURATION.toMinutes());
            throw new BusinessException("email", "Several links have been sent to this address in the last few minutes. Check your"
                    + " email (and its junk folder) for them, or ask again in " + minutes + (minutes == 1 ? " minute." : " minutes."));
        }
        Optional<Person> person = findByEmail(key).filter(Person::isActive);
        if (person.isPresent()) {
            String token = PasswordReset.newToken();
            PasswordReset reset = new PasswordReset(person.get().getId(), token, now);
            em.persist(reset);
            String link = portal.replaceAll("/+$", "") + "/reset-password.xhtml?token=" + token;
            accountEmails.fire(new AccountEmail(person.get().getEmail(), "Choose a new password for Leading Together",
                    "Hello " + person.get().getGivenName() + ",\n\n"
                            + "Someone, probably you, asked to choose a new password for your Leading Together account.\n\n"
                            + "To choose one, open this link within " + PasswordReset.VALID_FOR.toMinutes() + " minutes:\n\n"
                            + link + "\n\n"
                            + "The link works once. Choosing a new password signs you out everywhere you are signed in.\n\n"
                            + "If you did not ask, you can ignore this email: your password stays as it is.",
                    reset.getExpiresAt()));
        }
        return ResetRequest.SENT_IF_KNOWN;
    }

    /** Whether a reset link still works, for its page; says nothing of whose it is. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isPasswordResetUsable(String token) {
        return findReset(token).filter(reset -> reset.isUsable(clock.instant())).isPresent();
    }

    /**
     * Chooses a new password through a reset link: the link must still work (once, within
     * {@link PasswordReset#VALID_FOR}); the password follows the usual rules. Every session of the person ends (their
     * access version rises, as with any change of password), their other links stop working, and their address's
     * sign-in lock is lifted: they have just shown they hold their email.
     */
    @PermitAll
    public void resetPassword(String token, String newPassword, String confirmation) {
        java.time.Instant now = clock.instant();
        PasswordReset reset = findReset(token)
                .map(found -> em.find(PasswordReset.class, found.getId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE))
                .filter(locked -> locked.isUsable(now))
                .orElseThrow(() -> new BusinessException("This link has expired or has already been used. Ask for a new one below."));
        Person person = em.find(Person.class, reset.getPersonId());
        if (person == null || !person.isActive() || openIdConnect.providers().forEmail(person.getEmail()).isPresent()) {
            throw new BusinessException("This link has expired or has already been used. Ask for a new one below.");
        }
        PasswordPolicy.check("newPassword", newPassword, person.getEmail());
        if (!newPassword.equals(confirmation)) {
            throw new BusinessException("confirmation", "The two new passwords are not the same.");
        }
        reset.use(now);
        em.createNamedQuery("PasswordReset.endOthers").setParameter("now", now).setParameter("person", person.getId())
                .setParameter("id", reset.getId()).executeUpdate();
        person.changePassword(passwords.hash(newPassword));
        Optional.ofNullable(em.find(SignInThrottle.class, person.getEmail())).ifPresent(SignInThrottle::recordSuccess);
        Optional.ofNullable(em.find(SignInThrottle.class, resetKey(person.getEmail()))).ifPresent(SignInThrottle::recordSuccess);
    }

    private Optional<PasswordReset> findReset(String token) {
        if (!PasswordReset.isWellFormed(token)) {
            return Optional.empty();
        }
        return em.createNamedQuery("PasswordReset.findByHash", PasswordReset.class)
                .setParameter("hash", PasswordReset.hash(token)).getResultStream().findFirst();
    }

    /** The reset limit's row in the throttle table: apart from the address's sign-in lock, and short whatever the address. */
    static String resetKey(String normalisedEmail) {
        return "reset:" + PasswordReset.hash(normalisedEmail);
    }

    // ---------------------------------------------------------------- people, for administrators

    @RolesAllowed(Role.ADMIN_NAME)
    public List<PersonRow> findPeople(String search, int first, int pageSize) {
        List<PersonRow> rows = em.createQuery("""
                        SELECT NEW org.leadingtogether.account.PersonRow(p.id, p.givenName, p.familyName, p.email,
                               pr.name, o.name, p.active)
                        FROM Person p LEFT JOIN p.profession pr LEFT JOIN p.organisation o
                        WHERE LOWER(CONCAT(p.givenName, ' ', p.familyName)) LIKE :pattern ESCAPE '!'
                           OR p.email LIKE :pattern ESCAPE '!'
                           OR LOWER(o.name) LIKE :pattern ESCAPE '!'
                        ORDER BY p.familyName, p.givenName, p.id""", PersonRow.class)
                .setParameter("pattern", LikePattern.anywhere(search))
                .setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(pageSize, 100)))
                .getResultList();
        if (rows.isEmpty()) {
            return rows;
        }
        Map<Long, Set<Role>> roles = new HashMap<>();
        em.createQuery("SELECT p.id, r FROM Person p JOIN p.roles r WHERE p.id IN :ids", Object[].class)
                .setParameter("ids", rows.stream().map(PersonRow::id).toList())
                .getResultList()
                .forEach(pair -> roles.computeIfAbsent((Long) pair[0], id -> EnumSet.noneOf(Role.class)).add((Role) pair[1]));
        return rows.stream().map(row -> row.withRoles(roles.getOrDefault(row.id(), Set.of()))).toList();
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public long countPeople(String search) {
        return em.createQuery("""
                        SELECT COUNT(p) FROM Person p LEFT JOIN p.organisation o
                        WHERE LOWER(CONCAT(p.givenName, ' ', p.familyName)) LIKE :pattern ESCAPE '!'
                           OR p.email LIKE :pattern ESCAPE '!'
                           OR LOWER(o.name) LIKE :pattern ESCAPE '!'""", Long.class)
                .setParameter("pattern", LikePattern.anywhere(search))
                .getSingleResult();
    }

    /** A person to edit, with the ids of their profession and organisation. */
    @RolesAllowed(Role.ADMIN_NAME)
    public PersonForm getPersonForm(long id) {
        Person person = getPerson(id);
        PersonForm form = PersonForm.of(person);
        if (person.getLineManagerId() != null) {
            Person manager = em.find(Person.class, person.getLineManagerId());
            form.setLineManagerEmail(manager == null ? null : manager.getEmail());
        }
        return form;
    }

    /**
     * Creates a person from the administrator's form. Their temporary password must be changed at first
     * sign-in. A duplicate email address is refused at the email field.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public long createPerson(PersonForm form) {
        if (form.getTemporaryPassword() == null || form.getTemporaryPassword().isBlank()) {
            throw new BusinessException("temporaryPassword", "Give a temporary password: they will choose their own when they first sign in.");
        }
        Person person = Person.blank();
        applyForm(form, person);
        PasswordPolicy.check("temporaryPassword", form.getTemporaryPassword(), person.getEmail());
        person.setTemporaryPassword(passwords.hash(form.getTemporaryPassword()));
        em.persist(person);
        em.flush();
        return person.getId();
    }

    /** Saves the administrator's changes; refuses if someone else saved the person in the meantime. */
    @RolesAllowed(Role.ADMIN_NAME)
    public void updatePerson(PersonForm form) {
        Person person = getPerson(form.getId());
        if (person.getVersion() != form.getVersion()) {
            throw new BusinessException("Someone else changed this person while you were editing. Open them again to see the latest.");
        }
        if (!form.getRoles().contains(Role.ADMIN) && person.hasRole(Role.ADMIN) && isCaller(person)) {
            throw new BusinessException("roles", "You cannot take the administrator role from yourself.");
        }
        int accessBefore = person.getAccessVersion();
        applyForm(form, person);
        if (form.getTemporaryPassword() != null && !form.getTemporaryPassword().isBlank()) {
            PasswordPolicy.check("temporaryPassword", form.getTemporaryPassword(), person.getEmail());
            person.setTemporaryPassword(passwords.hash(form.getTemporaryPassword()));
        }
        if (person.getAccessVersion() != accessBefore) {
            accessWithdrawn.fire(new AccessWithdrawn(person.getId()));
        }
    }

    @RolesAllowed(Role.ADMIN_NAME)
    public void setActive(long id, boolean active) {
        Person person = getPerson(id);
        if (!active && isCaller(person)) {
            throw new AccessDeniedException("You cannot deactivate yourself.");
        }
        if (active) {
            person.activate();
        } else {
            person.deactivate();
            accessWithdrawn.fire(new AccessWithdrawn(person.getId()));
        }
    }

    /** The identity providers a person signs in through (their links), for the administrator. */
    @RolesAllowed(Role.ADMIN_NAME)
    public List<ProviderLinkRow> findProviderLinks(long personId) {
        getPerson(personId);
        return em.createNamedQuery("ProviderLink.findByPerson", ProviderLink.class).setParameter("person", personId).getResultList()
                .stream().map(link -> new ProviderLinkRow(link.getId(), providerLabel(link), link.getLastSignInAt())).toList();
    }

    /**
     * Removes a person's link to an identity provider: their next sign-in through it links them again by their verified
     * email address (or is refused, if they are deactivated by then, or the address is no longer theirs). An access
     * change like a role taken away: every session they hold ends at its next request. An administrator cannot remove
     * their own link (another administrator can). Gives the provider's label.
     */
    @RolesAllowed(Role.ADMIN_NAME)
    public String removeProviderLink(long personId, long linkId) {
        Person person = getPerson(personId);
        ProviderLink link = em.find(ProviderLink.class, linkId);
        if (link == null || link.getPersonId() != personId) {
            throw new NotFoundException("This person has no such link: it may have been removed already.");
        }
        if (isCaller(person)) {
            throw new BusinessException("You cannot remove your own link to " + providerLabel(link) + ": ask another administrator.");
        }
        String label = providerLabel(link);
        em.remove(link);
        person.unlinkFromProvider();
        accessWithdrawn.fire(new AccessWithdrawn(person.getId()));
        return label;
    }

    private String providerLabel(ProviderLink link) {
        return openIdConnect.providers().find(link.getProviderId()).map(IdentityProvider::label).orElse(link.getProviderId());
    }

    // ---------------------------------------------------------------- learners, for programme managers

    /**
     * Creates learners enrolled by a programme manager, matched to the directory by profession and
     * organisation name. Returns each new person's id by email. Part of the caller's transaction, so an
     * enrolment that fails leaves no one created.
     */
    @RolesAllowed({Role.ADMIN_NAME, Role.PROGRAMME_MANAGER_NAME})
    public Map<String, Long> createLearners(List<NewLearner> learners) {
        Map<String, Long> ids = new HashMap<>();
        Map<String, org.leadingtogether.directory.Profession> professions = new HashMap<>();
        directory.findProfessions().forEach(p -> professions.put(p.getName().toLowerCase(java.util.Locale.ROOT), p));
        Map<String, org.leadingtogether.directory.Organisation> organisations = new HashMap<>();
        directory.findOrganisations().forEach(o -> organisations.put(o.getName().toLowerCase(java.util.Locale.ROOT), o));
        for (NewLearner learner : learners) {
            if (findByEmail(Person.normaliseEmail(learner.email())).isPresent()) {
                throw new BusinessException("Someone already has the email address " + learner.email() + ".");
            }
            if (WarmUpAccount.isWarmUpAddress(Person.normaliseEmail(learner.email()))) {
                throw new BusinessException("The address " + learner.email() + " is the portal's own, for its warm-up at start: give the learner's real address.");
            }
            Person person = new Person(learner.email(), learner.givenName(), learner.familyName());
            person.setJobTitle(learner.jobTitle());
            person.setProfession(learner.profession() == null ? null : professions.get(learner.profession().toLowerCase(java.util.Locale.ROOT)));
            person.setOrganisation(learner.organisation() == null ? null : organisations.get(learner.organisation().toLowerCase(java.util.Locale.ROOT)));
            person.setRoles(EnumSet.of(Role.LEARNER));
            em.persist(person);
            em.flush();
            ids.put(person.getEmail(), person.getId());
        }
        return ids;
    }

    /** Ids of the people with these email addresses (already normalised), by email. One query. */
    @RolesAllowed({Role.ADMIN_NAME, Role.PROGRAMME_MANAGER_NAME})
    public Map<String, Long> findIdsByEmail(java.util.Collection<String> emails) {
        Map<String, Long> ids = new HashMap<>();
        if (emails.isEmpty()) {
            return ids;
        }
        em.createQuery("SELECT p.email, p.id FROM Person p WHERE p.email IN :emails", Object[].class)
                .setParameter("emails", emails).getResultList()
                .forEach(row -> ids.put((String) row[0], (Long) row[1]));
        return ids;
    }

    // ---------------------------------------------------------------- helpers

    private void applyForm(PersonForm form, Person person) {
        String email = Person.normaliseEmail(form.getEmail());
        long others = em.createNamedQuery("Person.countByEmail", Long.class)
                .setParameter("email", email)
                .setParameter("exceptId", person.isNew() ? -1L : person.getId())
                .getSingleResult();
        if (others > 0) {
            throw new BusinessException("email", "Someone already has this email address.");
        }
        if (WarmUpAccount.isWarmUpAddress(email)) {
            throw new BusinessException("email", "Addresses at " + WarmUpAccount.DOMAIN + " are the portal's own, for its warm-up at start: give the person's real address.");
        }
        if (form.getRoles().isEmpty()) {
            throw new BusinessException("roles", "Give at least one role.");
        }
        person.setEmail(email);
        person.setGivenName(form.getGivenName());
        person.setFamilyName(form.getFamilyName());
        person.setJobTitle(form.getJobTitle());
        person.setProfession(form.getProfessionId() == null ? null : directory.getProfession(form.getProfessionId()));
        person.setOrganisation(form.getOrganisationId() == null ? null : directory.getOrganisation(form.getOrganisationId()));
        person.setRoles(form.getRoles());
        person.setTeam(form.getTeam());
        person.setLineManagerId(lineManagerId(form.getLineManagerEmail()));
    }

    /** The person with this email address, as someone's line manager; refused at the field if nobody has it. */
    private Long lineManagerId(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return em.createNamedQuery("Person.findByEmail", Person.class).setParameter("email", Person.normaliseEmail(email))
                .getResultStream().findFirst().map(Person::getId)
                .orElseThrow(() -> new BusinessException("lineManagerEmail", "Nobody here has the address " + email.strip()
                        + ". Give the line manager's address as it is in the portal, or leave it empty."));
    }

    private Person getPerson(long id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            throw new NotFoundException("There is no such person.");
        }
        return person;
    }

    private Optional<Person> findByEmail(String normalisedEmail) {
        return em.createNamedQuery("Person.findByEmail", Person.class)
                .setParameter("email", normalisedEmail)
                .getResultStream()
                .findFirst();
    }

    private Person getCaller() {
        String name = session.getCallerPrincipal() == null ? null : session.getCallerPrincipal().getName();
        try {
            Person person = name == null ? null : em.find(Person.class, Long.valueOf(name));
            if (person == null || !person.isActive()) {
                throw new AccessDeniedException("Please sign in.");
            }
            return person;
        } catch (NumberFormatException notAPerson) {
            throw new AccessDeniedException("Please sign in.");
        }
    }

    private boolean isCaller(Person person) {
        return session.getCallerPrincipal() != null
                && String.valueOf(person.getId()).equals(session.getCallerPrincipal().getName());
    }
}
