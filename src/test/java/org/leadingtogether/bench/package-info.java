/**
 * The standard data set and the page benchmark: commands run by hand (see the README's Performance
 * section), never part of {@code mvn verify}, because timings belong in figures, not in assertions.
 */
package org.leadingtogether.bench;
