/**
 * The pages of notifications: the bell in the header, the list, one's choices, the page an email's one-click link
 * opens (no sign-in), and the home pages' "coming up" panels. Thin: each action is one service call.
 */
package org.leadingtogether.notification.view;
