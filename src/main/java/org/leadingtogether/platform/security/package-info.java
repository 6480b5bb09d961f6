/**
 * Security plumbing every page relies on: the form sign-in mechanism and the roles it knows
 * ({@link org.leadingtogether.platform.security.SecurityConfiguration}), the response headers sent with
 * every answer ({@link org.leadingtogether.platform.security.SecurityHeadersFilter}) and the session
 * cookie's settings ({@link org.leadingtogether.platform.security.SessionCookieSettings}).
 *
 * <p>Who may sign in, and with which roles, is the account feature's business: its identity store checks
 * credentials through {@code AccountService}.
 */
package org.leadingtogether.platform.security;
