package org.leadingtogether.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * What the threads of a process a test started are doing ({@code jcmd <pid> Thread.print}), for the message of a test
 * that waited in vain for it: a portal that does not answer says where it waits instead of only that it does.
 */
public final class ThreadDumps {

    private ThreadDumps() {
    }

    /** The thread dump of {@code process}, or a line saying why there is none. */
    public static String of(Process process) {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            byte[] dump = jcmd.getInputStream().readAllBytes();
            jcmd.waitFor(30, TimeUnit.SECONDS);
            return new String(dump, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }
}
