package org.leadingtogether.bench;

import org.leadingtogether.account.Argon2idHash;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What one password check costs, for each setting the OWASP Password Storage Cheat Sheet holds equivalent, and how
 * many sign-ins a second the machine's cores can check: the figures the portal's choice of {@link Argon2idHash}
 * setting rests on, and the portal's setting in Java too, as it is computed where the C library cannot be loaded.
 * Prints a table; run by hand (README, Performance):
 *
 * <pre>mvn -q exec:java -Dexec.mainClass=org.leadingtogether.bench.PasswordHashCost</pre>
 *
 * <p>Each setting is warmed up, then timed one hash at a time on one thread (the median and 95th percentile of
 * {@code -Dhash.samples}, 40 by default), then with one thread per core for the throughput.
 */
public final class PasswordHashCost {

    private PasswordHashCost() {
    }

    public static void main(String[] args) throws Exception {
        int samples = Integer.getInteger("hash.samples", 40);
        int cores = Runtime.getRuntime().availableProcessors();
        char[] password = "correct horse battery staple".toCharArray();
        List<Setting> settings = new ArrayList<>();
        for (int[] owasp : new int[][] {{46, 1}, {19, 2}, {12, 3}, {9, 4}, {7, 5}}) {
            Argon2idHash argon = Argon2idHash.withSetting(owasp[0] * 1024, owasp[1]);
            String label = "Argon2id m=" + owasp[0] + " MiB t=" + owasp[1] + " p=1"
                    + (owasp[0] * 1024 == Argon2idHash.MEMORY_KIB && owasp[1] == Argon2idHash.PASSES ? " (the portal's)" : "");
            settings.add(new Setting(label, () -> argon.hash(password)));
        }
        Argon2idHash portalsInJava = Argon2idHash.current().inJava();
        settings.add(new Setting("Argon2id m=7 MiB t=5 p=1 in Java (no C library)", () -> portalsInJava.hash(password)));
        settings.add(new Setting("PBKDF2-HMAC-SHA256 210,000 (earlier versions)", () -> pbkdf2(password, 210_000)));
        settings.add(new Setting("PBKDF2-HMAC-SHA256 600,000 (OWASP)", () -> pbkdf2(password, 600_000)));

        System.out.printf(Locale.ROOT, "%d cores, %d samples each; Argon2id computed by %s%n", cores, samples, Argon2idHash.engine());
        // Memory allocated a hash, on this thread: the portal's setting keeps its blocks between hashes (Argon2idHash).
        com.sun.management.ThreadMXBean allocation =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        System.out.printf(Locale.ROOT, "%-48s %10s %10s %18s %14s%n", "setting", "p50 ms", "p95 ms",
                "hashes/s, " + cores + " threads", "KiB allocated");
        for (Setting setting : settings) {
            for (int i = 0; i < 5; i++) {
                setting.work.get();
            }
            double[] millis = new double[samples];
            long allocatedBefore = allocation.getThreadAllocatedBytes(self);
            for (int i = 0; i < samples; i++) {
                long start = System.nanoTime();
                setting.work.get();
                millis[i] = (System.nanoTime() - start) / 1e6;
            }
            long allocatedKib = (allocation.getThreadAllocatedBytes(self) - allocatedBefore) / samples / 1024;
            Arrays.sort(millis);
            double perSecond = throughput(setting.work, cores, samples);
            System.out.printf(Locale.ROOT, "%-48s %10.1f %10.1f %18.1f %14d%n", setting.label,
                    millis[samples / 2], millis[(int) Math.ceil(samples * 0.95) - 1], perSecond, allocatedKib);
        }
    }

    private static double throughput(Supplier<?> work, int threads, int samples) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < samples * threads; i++) {
                done.add(pool.submit(work::get));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return samples * threads / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    private static byte[] pbkdf2(char[] password, int iterations) {
        try {
            byte[] salt = new byte[32];
            new SecureRandom().nextBytes(salt);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, iterations, 256)).getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Setting(String label, Supplier<?> work) {
    }
}
