/**
 * The account feature's pages: signing in and out, changing one's own password, and the administrator's
 * pages for people. {@link org.leadingtogether.account.view.SignedIn} keeps who is signed in for the
 * layout; {@link org.leadingtogether.account.view.PasswordChangeFilter} holds a person with a temporary
 * password on the password page until they choose their own.
 */
package org.leadingtogether.account.view;
