package org.leadingtogether.support;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The thread dump a test prints when a process it started does not answer says where that process waits. */
class ThreadDumpsTest {

    /** A process that waits, as a portal stuck while starting would. */
    public static final class Waiting {
        public static void main(String[] args) throws InterruptedException {
            System.out.println("waiting");
            System.out.flush();
            Thread.sleep(60_000);
        }
    }

    @Test
    void aStartedJavaProcessSaysWhereItWaits() throws Exception {
        Process waiting = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Waiting.class.getName()).redirectErrorStream(true).start();
        try {
            // Once it has printed, its main thread is in the sleep (or about to be).
            assertTrue(new String(waiting.getInputStream().readNBytes("waiting".length())).equals("waiting"));
            String dump = "";
            for (int tries = 0; tries < 20 && !dump.contains("Waiting.main"); tries++) {
                dump = ThreadDumps.of(waiting);
                Thread.sleep(100);
            }
            assertTrue(dump.contains("\"main\"") && dump.contains("Waiting.main"), dump);
        } finally {
            waiting.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
