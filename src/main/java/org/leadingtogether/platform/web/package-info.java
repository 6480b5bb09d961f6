/**
 * Faces plumbing shared by every page: {@link org.leadingtogether.platform.web.Messages} for the messages
 * pages show, and {@link org.leadingtogether.platform.web.PortalExceptionHandler}, which turns a
 * {@link org.leadingtogether.platform.BusinessException} into a message beside the field at fault and
 * anything unexpected into the error page, so that no stack trace ever reaches a browser, and
 * {@link org.leadingtogether.platform.web.EndedSession}, which sends a request whose session another request of the
 * same person ended under it (Sign out clicked twice, or in another tab) to the sign-in page instead. Style sheets and
 * scripts get addresses that name their content ({@link org.leadingtogether.platform.web.VersionedResources}), so
 * browsers keep them for a year, and are compressed once and served from memory
 * ({@link org.leadingtogether.platform.web.CompressedResources}), because every new visitor fetches over a megabyte
 * of them. Where an operator sets {@code PAGE_SLOTS}, {@link org.leadingtogether.platform.web.PageSlots} works on that
 * many pages at once and lines the rest up, so that a sign-in rush's password checks get a share of the cores.
 * {@link org.leadingtogether.platform.web.KeptMethods} finds the methods pages call on records once per class, where
 * the expression language's own resolver searched for them at every call.
 * {@link org.leadingtogether.platform.web.RequestPriority} serves every request at Java's lowest thread priority, below
 * the password checks' normal one, which the system honours when the JVM is started with the options the README gives.
 */
package org.leadingtogether.platform.web;
