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
 */
package org.leadingtogether.account;
