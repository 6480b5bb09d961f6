package org.leadingtogether.account;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=7168,t=5,p=1$salt$hash}), computed by
 * the reference C library where it loads ({@link NativeArgon2}) and by Bouncy Castle's Argon2 generator otherwise. No
 * cryptography is written here: this class only chooses the parameters and reads and writes the string that records
 * them beside the salt and the hash.
 *
 * <p>Why these parameters: OWASP's Password Storage Cheat Sheet lists five Argon2id settings it holds equivalent
 * (46 MiB with one pass, 19 MiB with two, 12 MiB with three, 9 MiB with four, 7 MiB with five, one lane each).
 * Measured on the portal's two-core machine ({@code PasswordHashCost} in the tests' bench package, figures in the
 * README), the 7 MiB, five-pass setting costs the least CPU a hash, so two cores take the most sign-ins a second, at
 * 7 MiB of memory for each hash being computed; the hashing pool ({@link HashingPool}) bounds how many run at once.
 * The string records its own parameters, so a hash made with other parameters still verifies, and
 * {@link #isCurrent} tells when one should be made again.
 *
 * <p>Why the memory is kept between hashes ({@link #KEPT_BLOCKS}): each hash fills 7 MiB, and made afresh every time
 * it was about half of everything the portal allocated in a rush of sign-ins. Worse, a hash still being computed
 * when the young generation was collected was copied into the old generation, which then filled within seconds and
 * was collected whole, stopping every page for 0.3 to 0.6 s (src/load/MEASUREMENTS.md, the seventh machine).
 * Bouncy Castle's generator takes its blocks from a pool given with the parameters and gives them back cleared; one
 * pool for the whole portal keeps what the busiest moment used, up to one hash a core, which the hashing pool
 * ({@link HashingPool}) never exceeds by default. A stored hash made with other parameters takes blocks the same way;
 * any beyond what the pool keeps are left to the collector. The C library takes its memory outside the Java heap and
 * gives it back at the end of each hash, so where it is used the collector never sees a hash's memory at all.
 */
public final class Argon2idHash {

    /** The OWASP setting chosen: memory in KiB, passes, lanes. */
    public static final int MEMORY_KIB = 7 * 1024;
    public static final int PASSES = 5;
    public static final int LANES = 1;

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final String PREFIX = "$argon2id$";
    private static final Pattern FORMAT = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,3}),p=(\\d{1,2})\\$([A-Za-z0-9+/]{11,64})\\$([A-Za-z0-9+/]{22,128})");
    private static final Base64.Encoder ENCODER = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The memory blocks (1 KiB each) of finished hashes, handed to the next: at most enough for one hash at the
     * portal's setting on each core. The pool clears a block before keeping it, and is safe to share between threads.
     */
    static final Argon2BytesGenerator.FixedBlockPool KEPT_BLOCKS = new Argon2BytesGenerator.FixedBlockPool(
            Argon2BytesGenerator.getBlockCount(MEMORY_KIB, LANES) * Runtime.getRuntime().availableProcessors());

    private final int memoryKib;
    private final int passes;
    private final int lanes;
    private final boolean inJava;

    private Argon2idHash(int memoryKib, int passes, int lanes, boolean inJava) {
        this.memoryKib = memoryKib;
        this.passes = passes;
        this.lanes = lanes;
        this.inJava = inJava;
    }

    /** The portal's setting. */
    public static Argon2idHash current() {
        return new Argon2idHash(MEMORY_KIB, PASSES, LANES, false);
    }

    /** Another setting, for measuring what each costs ({@code PasswordHashCost}). */
    public static Argon2idHash withSetting(int memoryKib, int passes) {
        if (memoryKib < 8 || passes < 1) {
            throw new IllegalArgumentException("Argon2id needs at least 8 KiB and one pass");
        }
        return new Argon2idHash(memoryKib, passes, 1, false);
    }

    /** The same setting, always computed by Bouncy Castle, for measuring and comparing the two ({@code PasswordHashCost}). */
    public Argon2idHash inJava() {
        return new Argon2idHash(memoryKib, passes, lanes, true);
    }

    /** What computes the hashes here: the C library, or Bouncy Castle where it could not be loaded. */
    public static String engine() {
        return NativeArgon2.get().isPresent() ? "the native Argon2 library" : "Bouncy Castle's Argon2 in Java";
    }

    /** Whether a stored hash is one of these (Argon2id) at all, whatever its parameters. */
    public static boolean isArgon2id(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** A new hash of {@code password} with a fresh random salt, as a PHC string. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = compute(password, salt, memoryKib, passes, lanes, HASH_BYTES, inJava);
        return PREFIX + "v=19$m=" + memoryKib + ",t=" + passes + ",p=" + lanes + "$"
                + ENCODER.encodeToString(salt) + "$" + ENCODER.encodeToString(hash);
    }

    /**
     * Whether {@code password} is the one {@code stored} was made from, with the parameters {@code stored} records.
     * A string that is not a well-formed Argon2id hash never matches.
     */
    public static boolean verify(char[] password, String stored) {
        Optional<Parsed> parsed = parse(stored);
        if (parsed.isEmpty()) {
            return false;
        }
        Parsed p = parsed.get();
        byte[] actual = compute(password, p.salt, p.memoryKib, p.passes, p.lanes, p.hash.length, false);
        return MessageDigest.isEqual(actual, p.hash);
    }

    /** Whether {@code stored} was made with this setting, so it need not be made again at the next sign-in. */
    public boolean isCurrent(String stored) {
        return parse(stored).filter(p -> p.memoryKib == memoryKib && p.passes == passes && p.lanes == lanes).isPresent();
    }

    private static Optional<Parsed> parse(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(stored);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int memory = Integer.parseInt(m.group(1));
            int passes = Integer.parseInt(m.group(2));
            int lanes = Integer.parseInt(m.group(3));
            // Bounds a stored string could never need: a tampered row must not make a sign-in take a gigabyte.
            if (memory < 8 || memory > 256 * 1024 || passes < 1 || lanes < 1 || memory < 8 * lanes) {
                return Optional.empty();
            }
            return Optional.of(new Parsed(memory, passes, lanes, DECODER.decode(m.group(4)), DECODER.decode(m.group(5))));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static byte[] compute(char[] password, byte[] salt, int memoryKib, int passes, int lanes, int length,
                                  boolean inJava) {
        byte[] bytes = new String(password).getBytes(StandardCharsets.UTF_8);
        Optional<NativeArgon2> library = inJava || bytes.length == 0 ? Optional.empty() : NativeArgon2.get();
        return library.isPresent()
                ? library.get().compute(bytes, salt, memoryKib, passes, lanes, length)
                : computeInJava(bytes, salt, memoryKib, passes, lanes, length);
    }

    /** Argon2id by Bouncy Castle: where the C library is not used, and what {@link NativeArgon2} is checked against. */
    static byte[] computeInJava(byte[] password, byte[] salt, int memoryKib, int passes, int lanes, int length) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(passes)
                .withParallelism(lanes)
                .withSalt(salt)
                .withBlockPool(KEPT_BLOCKS)
                .build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    private record Parsed(int memoryKib, int passes, int lanes, byte[] salt, byte[] hash) {
    }
}
