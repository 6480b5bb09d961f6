package org.leadingtogether.account;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Argon2id computed by the reference C library (the Password Hashing Competition's {@code libargon2}, bundled for
 * each common platform by {@code argon2-jvm} and called through JNA), where it loads; {@link Argon2idHash} falls back
 * to Bouncy Castle's pure-Java generator where it does not. Both compute the same function, so a hash made by one is
 * checked by the other, and the stored strings do not say which made them.
 *
 * <p>Why: a password check is the costliest thing a sign-in does, and in a rush of sign-ins the checks share two cores
 * with everybody's pages (README, "The Monday-morning rush"). At the portal's setting the C library takes about half
 * the CPU time Bouncy Castle takes once compiled on an idle machine, and a quarter less in a rush, where both share
 * the cores with pages; it costs the same from the first check on, where Bouncy Castle takes two to three times as
 * long until the JIT compiler has compiled it (figures in the README, "Signing in", and src/load/MEASUREMENTS.md).
 *
 * <p>It is used only once it has shown, at load, that it gives the very bytes Bouncy Castle gives for the same input
 * ({@link #load}); anything else (no library for this platform, a temporary directory where JNA may not unpack it, a
 * different answer) leaves Bouncy Castle in use and says why in the log once. The C library refuses an empty password,
 * so {@link Argon2idHash} gives those to Bouncy Castle.
 */
final class NativeArgon2 {

    private static final Logger LOG = Logger.getLogger(NativeArgon2.class.getName());

    /** The library, if it loaded and agreed with Bouncy Castle; decided once, when the class is first used. */
    private static final Optional<NativeArgon2> LOADED = load();

    private final Argon2Advanced library;

    private NativeArgon2(Argon2Advanced library) {
        this.library = library;
    }

    /** The C library, or empty where it cannot be used here. */
    static Optional<NativeArgon2> get() {
        return LOADED;
    }

    /** Argon2id (version 1.3, no secret, no associated data) of {@code password}, {@code length} bytes long. */
    byte[] compute(byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        return library.rawHashAdvanced(passes, memoryKib, lanes, password, salt, null, null, length, Argon2Version.V13);
    }

    private static Optional<NativeArgon2> load() {
        try {
            NativeArgon2 candidate = new NativeArgon2(Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id));
            byte[] password = "agreement".getBytes(StandardCharsets.UTF_8);
            byte[] salt = "sixteen-byte-slt".getBytes(StandardCharsets.UTF_8);
            byte[] expected = Argon2idHash.computeInJava(password, salt, 64, 2, 1, 32);
            if (!Arrays.equals(candidate.compute(password, salt, 64, 2, 1, 32), expected)) {
                LOG.warning("The native Argon2 library gives other hashes than Bouncy Castle's here, so passwords are"
                        + " hashed in Java (slower)");
                return Optional.empty();
            }
            return Optional.of(candidate);
        } catch (LinkageError | RuntimeException unavailable) {
            LOG.info("No native Argon2 library could be loaded here (" + unavailable
                    + "), so passwords are hashed in Java (slower; README, \"Signing in\")");
            return Optional.empty();
        }
    }
}
