package org.leadingtogether.account;

/**
 * An administrator has ended someone's access: deactivated them, taken a role away or given them a temporary
 * password. Fired inside the administrator's transaction, so that what other features keep for the person outside
 * a session (a calendar feed's secret address) ends with it, or not at all. Sessions end by themselves, through the
 * person's {@link Person#getAccessVersion() access version}.
 */
public record AccessWithdrawn(long personId) {
}
