package org.leadingtogether.support;

import java.util.List;

/**
 * The Java options of the runnable jar's portal that {@code EmbeddedStartIT} starts, the same as {@code arquillian.xml}
 * gives the Payara Micro of every deployment class. {@code IntegrityIT}'s own portal keeps the JVM's compilers: its
 * fifty identical submissions must overlap no more than they would in production (README, Known issues).
 *
 * <p>Why not the JVM's defaults: a test portal lives for a minute or two and serves a few hundred requests, on two cores
 * shared with MariaDB, Chromium and the tests. Most of its CPU then goes into starting up and into the optimising
 * compiler, whose work never pays back in so short a life. With the quick compiler only ({@code TieredStopAtLevel=1})
 * and the single-threaded collector a start took 15 s instead of 24 s and a browser journey class 118 s instead of
 * 142 s on one such machine. What the tests check does not depend on either option; production keeps the defaults.
 */
public final class TestJvm {

    /** Heap as in production's smallest setting, the quick compiler only, the single-threaded collector. */
    public static final List<String> OPTIONS = List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private TestJvm() {
    }
}
