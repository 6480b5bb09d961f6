package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Argon2idHashTest {

    private final Argon2idHash current = Argon2idHash.current();

    @Test
    void aHashRecordsTheOwaspSettingItWasMadeWith() {
        String hash = current.hash("correct horse".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=7168,t=5,p=1$"), hash);
        assertTrue(Argon2idHash.isArgon2id(hash));
        assertTrue(current.isCurrent(hash));
    }

    @Test
    void theRightPasswordMatchesAndAnyOtherDoesNot() {
        String hash = current.hash("correct horse".toCharArray());
        assertTrue(Argon2idHash.verify("correct horse".toCharArray(), hash));
        assertFalse(Argon2idHash.verify("correct horsf".toCharArray(), hash));
        assertFalse(Argon2idHash.verify("".toCharArray(), hash));
    }

    @Test
    void everyHashHasItsOwnSalt() {
        assertNotEquals(current.hash("same".toCharArray()), current.hash("same".toCharArray()));
    }

    @Test
    void passwordsBeyondAsciiAreHashedAsUtf8() {
        String hash = current.hash("Siân’s café ☕".toCharArray());
        assertTrue(Argon2idHash.verify("Siân’s café ☕".toCharArray(), hash));
        assertFalse(Argon2idHash.verify("Sian's cafe ?".toCharArray(), hash));
    }

    @Test
    void aHashMadeWithAnotherSettingStillVerifiesButIsNotCurrent() {
        String older = Argon2idHash.withSetting(12 * 1024, 3).hash("pass phrase".toCharArray());
        assertTrue(older.contains("m=12288,t=3,p=1"), older);
        assertTrue(Argon2idHash.verify("pass phrase".toCharArray(), older));
        assertFalse(current.isCurrent(older));
    }

    @Test
    void aTamperedOrMalformedHashNeverMatches() {
        String hash = current.hash("pass phrase".toCharArray());
        String otherMemory = hash.replace("m=7168", "m=7169");
        assertFalse(Argon2idHash.verify("pass phrase".toCharArray(), otherMemory));
        // One character of the hash changed: the last but one, as every bit of it is data. The last character of an
        // unpadded 32-byte value carries two unused bits, which decoders ignore, so changing B to A there can leave
        // the same bytes (the test failed one run in sixteen while it changed that one).
        int at = hash.length() - 2;
        String otherHash = hash.substring(0, at) + (hash.charAt(at) == 'A' ? 'B' : 'A') + hash.substring(at + 1);
        assertFalse(Argon2idHash.verify("pass phrase".toCharArray(), otherHash));
        assertFalse(Argon2idHash.verify("pass phrase".toCharArray(), "$argon2id$v=19$m=7168,t=5,p=1$!!$??"));
        assertFalse(Argon2idHash.verify("pass phrase".toCharArray(), null));
        assertFalse(Argon2idHash.isArgon2id("PBKDF2WithHmacSHA256:210000:abc:def"));
    }

    @Test
    void aStoredHashCannotAskForAbsurdMemory() {
        String hash = current.hash("pass phrase".toCharArray());
        // A row edited to ask for 4 GiB must be refused, not computed.
        assertFalse(Argon2idHash.verify("pass phrase".toCharArray(), hash.replace("m=7168", "m=4194304")));
    }

    @Test
    void theSameSaltAndSettingGiveTheSameHash() {
        String hash = current.hash("repeatable".toCharArray());
        // Verification recomputes from the salt and parameters in the string: the string itself is the proof.
        assertTrue(Argon2idHash.verify("repeatable".toCharArray(), hash));
        assertEquals(hash.split("\\$").length, 6);
    }

    /**
     * In a rush of sign-ins a hash's 7 MiB, made afresh every time, was about half of everything the portal
     * allocated, and a hash still being computed when the young generation was collected was copied into the old one,
     * which then filled and was collected whole (pauses of 0.3 to 0.6 s for everyone, src/load/MEASUREMENTS.md,
     * the seventh machine). The memory is now kept between hashes: after the first, a hash or a check allocates a few
     * kilobytes.
     */
    @Test
    void aHashAfterTheFirstReusesItsMemoryInsteadOfAllocatingItAgain() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        // In Java, as where the C library cannot be loaded: the C library's memory is outside the heap anyway.
        Argon2idHash inJava = current.inJava();
        inJava.hash("first of many".toCharArray());

        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 10; i++) {
            inJava.hash(("pass phrase " + i).toCharArray());
        }
        long perHash = (threads.getThreadAllocatedBytes(thread) - before) / 10;

        long setting = Argon2idHash.MEMORY_KIB * 1024L;
        assertTrue(perHash < setting / 16,
                "each of ten hashes after the first allocated " + perHash / 1024 + " KiB; the setting's memory is "
                        + setting / 1024 + " KiB and should have been reused");
    }

    /**
     * The C library is what makes a sign-in cheap here (README, "Signing in"); where it is not loaded every password
     * is checked in Java at about half as many a second again, so on the machines the portal is built and tested on
     * its absence is a failure, not a quiet fallback.
     */
    @Test
    void theNativeLibraryIsLoadedOnThisMachine() {
        assertTrue(NativeArgon2.get().isPresent(), "the native Argon2 library did not load here (see the log of"
                + " NativeArgon2 for why), so passwords would be hashed by Bouncy Castle in Java");
        assertEquals("the native Argon2 library", Argon2idHash.engine());
    }

    /**
     * The two are the same function: a hash stored by one instance (or version) is checked by another whichever
     * computed it, at the portal's setting, the other OWASP settings a stored hash may record, and hash lengths other
     * than the portal's.
     */
    @Test
    void theNativeLibraryAndBouncyCastleGiveTheSameBytes() {
        NativeArgon2 library = NativeArgon2.get().orElseThrow(() -> new AssertionError("the native Argon2 library did not load here"));
        java.util.Random random = new java.util.Random(20261206);
        int[][] settings = {{Argon2idHash.MEMORY_KIB, Argon2idHash.PASSES, 1, 32}, {12 * 1024, 3, 1, 32}, {64, 1, 1, 16},
                {256, 2, 2, 64}, {1024, 4, 1, 24}};
        for (int[] setting : settings) {
            byte[] password = new byte[1 + random.nextInt(40)];
            byte[] salt = new byte[16];
            random.nextBytes(password);
            random.nextBytes(salt);
            byte[] inC = library.compute(password, salt, setting[0], setting[1], setting[2], setting[3]);
            byte[] inJava = Argon2idHash.computeInJava(password, salt, setting[0], setting[1], setting[2], setting[3]);
            assertEquals(java.util.HexFormat.of().formatHex(inJava), java.util.HexFormat.of().formatHex(inC),
                    "m=" + setting[0] + " t=" + setting[1] + " p=" + setting[2] + " length " + setting[3]);
        }
    }

    @Test
    void aHashMadeInJavaIsCheckedByTheNativeLibraryAndTheOtherWayRound() {
        String madeInJava = current.inJava().hash("Siân’s café ☕".toCharArray());
        assertTrue(Argon2idHash.verify("Siân’s café ☕".toCharArray(), madeInJava));
        assertFalse(Argon2idHash.verify("Sian’s café ☕".toCharArray(), madeInJava));

        String madeInC = current.hash("pass phrase".toCharArray());
        String[] parts = madeInC.split("\\$");
        byte[] salt = java.util.Base64.getDecoder().decode(parts[4]);
        byte[] inJava = Argon2idHash.computeInJava("pass phrase".getBytes(java.nio.charset.StandardCharsets.UTF_8), salt,
                Argon2idHash.MEMORY_KIB, Argon2idHash.PASSES, 1, 32);
        assertEquals(parts[5], java.util.Base64.getEncoder().withoutPadding().encodeToString(inJava));
    }
}
