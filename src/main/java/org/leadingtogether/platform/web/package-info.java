/**
 * Faces plumbing shared by every page: {@link org.leadingtogether.platform.web.Messages} for the messages
 * pages show, and {@link org.leadingtogether.platform.web.PortalExceptionHandler}, which turns a
 * {@link org.leadingtogether.platform.BusinessException} into a message beside the field at fault and
 * anything unexpected into the error page, so that no stack trace ever reaches a browser.
 */
package org.leadingtogether.platform.web;
