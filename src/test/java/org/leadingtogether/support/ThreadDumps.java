package org.leadingtogether.support;

import java.io.IOException;
import java.nio.file.Files;
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
            // Into a file, not a pipe: jcmd attaching to a process that is stuck can itself hang, and then this waits
            // 30 seconds and says so rather than blocking the test run on reading its output.
            Path out = Files.createTempFile("thread-dump", ".txt");
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!jcmd.waitFor(30, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return "(no thread dump: jcmd did not finish within 30 s)\n" + Files.readString(out);
            }
            String dump = Files.readString(out);
            Files.deleteIfExists(out);
            return dump;
        } catch (IOException e) {
            return "(no thread dump: " + e + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(no thread dump: interrupted)";
        }
    }
}
