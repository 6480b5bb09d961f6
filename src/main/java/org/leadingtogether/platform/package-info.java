/**
 * What every feature of the portal shares, and nothing that belongs to one feature.
 *
 * <ul>
 *   <li>{@link org.leadingtogether.platform.BaseEntity}: identity, optimistic version and audit times;</li>
 *   <li>{@link org.leadingtogether.platform.BusinessException} and its subclasses: the one exception tree
 *       that rolls a transaction back and becomes a message the user understands;</li>
 *   <li>{@code persistence}: the datasource (embedded H2 by default, MariaDB from the environment) and the
 *       Flyway migrations that own the schema;</li>
 *   <li>{@code security}: sign-in, roles, response headers and session cookie settings;</li>
 *   <li>{@code web}: Faces plumbing shared by every page (messages, exception handling).</li>
 * </ul>
 */
package org.leadingtogether.platform;
