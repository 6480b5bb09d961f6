/**
 * Subject access: a person downloads everything the portal holds about them, as one JSON document, the first
 * piece of a full UK GDPR export.
 *
 * <p>{@link org.leadingtogether.privacy.PrivacyService} gathers it for the signed-in person only (it takes no id:
 * there is no way to ask for someone else's), reading each feature's tables read-only, and the journal through
 * the journal's own service so entries are opened only for their author. What belongs to someone else stays out,
 * even where it concerns the person: a coach's private session notes belong to the coach, and other people's
 * details appear only as the name of the coach or coachee in a pairing. Passwords appear only as whether one is
 * set. {@link org.leadingtogether.privacy.MyDataServlet} serves the download at {@code /account/my-data}.
 */
package org.leadingtogether.privacy;
