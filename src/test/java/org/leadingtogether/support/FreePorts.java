package org.leadingtogether.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the servers a test starts itself (a portal from its runnable jar, a proxy in front of the database).
 *
 * <p>Why not {@code new ServerSocket(0)}: the system hands that port out of the range it also uses for the local end
 * of outgoing connections (32768 and up on Linux). In the seconds between the check and the server binding the port,
 * the test's own health checks connect to it, and such a connection can be given that very port as its local end (it
 * then connects to itself), or another connection can hold it. Ports below that range are never handed out to
 * outgoing connections.
 *
 * <p>A portal that said it was ready and then answered nothing for four minutes, seen in CI on both kinds of port, was
 * not this: the thread dump the tests print ({@link ThreadDumps}) showed no HTTP listener thread in it at all. Its
 * settings were then applied after the boot, and each restarted the listener while it was still starting; they are
 * now applied before it ({@code pre-boot-commands.txt}), and {@code EmbeddedStartIT} checks the listener starts once.
 */
public final class FreePorts {

    private static final int FROM = 20_000;
    private static final int TO = 32_000;

    private FreePorts() {
    }

    /** A port between 20000 and 32000 that nothing listens on this moment. */
    public static int belowTheEphemeralRange() throws IOException {
        for (int tries = 0; tries < 200; tries++) {
            int port = FROM + ThreadLocalRandom.current().nextInt(TO - FROM);
            try (ServerSocket socket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("No free port between " + FROM + " and " + TO);
    }
}
