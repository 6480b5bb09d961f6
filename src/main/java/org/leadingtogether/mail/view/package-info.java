/**
 * The outbox's page ({@code /admin/emails.xhtml}, which stays with the other administration pages): a thin backing
 * bean that lists the emails not sent yet and sends one again, one {@link org.leadingtogether.mail.MailService} call
 * per action.
 */
package org.leadingtogether.mail.view;
