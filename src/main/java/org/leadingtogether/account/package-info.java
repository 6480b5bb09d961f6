/**
 * People and how they sign in.
 *
 * <p>{@link org.leadingtogether.account.Person} is the aggregate: every learner, coach, programme manager
 * and administrator is one person holding one or more {@link org.leadingtogether.account.Role}s.
 * Where they work and what profession they belong to come from {@link org.leadingtogether.directory}.
 * {@link org.leadingtogether.account.AccountService} is the only boundary: pages
 * and the sign-in mechanism call it, and it checks roles itself, so a page that forgets a check still
 * leaks nothing. {@link org.leadingtogether.account.SignInThrottle} locks an email address after repeated
 * failures whether or not a person has that address, so the lock never reveals who has an account.
 *
 * <p>Two ways in, one session. A password goes through the form and
 * {@link org.leadingtogether.account.AccountIdentityStore}; an identity provider's person through
 * {@link org.leadingtogether.account.OpenIdConnect} (the OpenID Connect client, providers from
 * {@link org.leadingtogether.account.IdentityProviders}) and the same identity store, as a
 * {@link org.leadingtogether.account.VerifiedIdentity}; both end in the one session
 * {@link org.leadingtogether.account.PortalAuthenticationMechanism} checks on every request, so a deactivation or a
 * role taken ends either kind at its next request. A forgotten password is chosen again through an emailed
 * {@link org.leadingtogether.account.PasswordReset} link, sent by firing {@link org.leadingtogether.account.AccountEmail}
 * (the mail feature's outbox writes and sends it: this feature does not depend on that one).
 *
 * <p>A rush of sign-ins: every password check runs in the {@link org.leadingtogether.account.HashingPool}, so checks
 * queue among themselves rather than taking every core, and {@link org.leadingtogether.account.SignInWarmUp} opens
 * the pages of a first visit and checks a made-up password at each start, before the instance says it is ready, so
 * that the JVM has compiled them before a cohort launch arrives; it then logs what a check costs on this machine (in
 * CPU time, which varies little from one start to the next) and how many sign-ins a minute the pool takes at that
 * cost. The hash itself ({@link org.leadingtogether.account.Argon2idHash}) is computed by the reference C library where
 * it loads ({@link org.leadingtogether.account.NativeArgon2}), at about half the CPU of the same hash in Java and
 * without waiting for the JIT compiler, and by Bouncy Castle in Java everywhere else.
 */
package org.leadingtogether.account;
