/**
 * Leadership frameworks as data: dimensions, their elements and a rating scale, versioned.
 *
 * <p>A framework comes from a file under {@code content/frameworks} (read by
 * {@link org.leadingtogether.framework.FrameworkReader}) and is kept in the database as a
 * {@link org.leadingtogether.framework.Framework} with its
 * {@link org.leadingtogether.framework.Dimension}s and {@link org.leadingtogether.framework.Element}s.
 * Several versions live side by side; exactly one is active, the one learners rate themselves against.
 * Versions are never deleted and elements never removed, so ratings and evidence that point at an older
 * version keep working when another is made active. {@link org.leadingtogether.framework.FrameworkService}
 * is the boundary.
 */
package org.leadingtogether.framework;
