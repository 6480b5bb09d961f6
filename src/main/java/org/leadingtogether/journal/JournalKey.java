package org.leadingtogether.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the journal key comes from: the rule, apart from the container, so it can be tested alone.
 *
 * <ol>
 *   <li>{@code JOURNAL_KEY} (MicroProfile Config {@code journal.key}) when it is set: it must be the base64 of
 *       exactly 32 bytes, or start-up fails saying so.</li>
 *   <li>Otherwise, on the embedded H2 database only, a key kept in the file {@value #FILE_NAME} in the folder
 *       of the H2 data (made once with a secure random generator, readable by its owner only), so the demo
 *       keeps reading its entries across restarts and a newcomer has nothing to set up. An in-memory H2
 *       database gets a key for the life of the process, like its data.</li>
 *   <li>Anywhere else (MariaDB, H2 over TCP) start-up fails with a message naming {@code JOURNAL_KEY}: a
 *       production portal never invents a key that would leave its entries unreadable on another instance or
 *       after a restore.</li>
 * </ol>
 */
public final class JournalKey {

    /** The name of the key file beside the embedded database. */
    public static final String FILE_NAME = "journal.key";

    static final String HOW_TO_MAKE = "Set JOURNAL_KEY to the base64 of 32 random bytes, made for example with"
            + " 'openssl rand -base64 32', and keep a copy with the database backups";

    private JournalKey() {
    }

    /** The key to use, by the rule above; throws {@link IllegalStateException} with a message for the operator. */
    public static byte[] resolve(Optional<String> configured, String databaseUrl) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return decode(configured.get().strip(), "JOURNAL_KEY");
        }
        if (databaseUrl != null && databaseUrl.startsWith("jdbc:h2:")) {
            Optional<Path> file = keyFileFor(databaseUrl);
            return file.isPresent() ? readOrCreate(file.get()) : random();
        }
        throw new IllegalStateException("No journal key: JOURNAL_KEY is not set. Journal entries are encrypted at rest and"
                + " the portal will not start on this database without a key. " + HOW_TO_MAKE + ".");
    }

    /**
     * The key file for an embedded H2 URL: beside its data ({@code jdbc:h2:file:./data/x} or {@code jdbc:h2:./data/x}
     * gives {@code ./data/journal.key}); empty for an in-memory database; refused for H2 reached over a network.
     */
    static Optional<Path> keyFileFor(String databaseUrl) {
        String location = databaseUrl.substring("jdbc:h2:".length());
        int options = location.indexOf(';');
        if (options >= 0) {
            location = location.substring(0, options);
        }
        if (location.startsWith("mem:")) {
            return Optional.empty();
        }
        if (location.startsWith("tcp:") || location.startsWith("ssl:")) {
            throw new IllegalStateException("No journal key: JOURNAL_KEY is not set, and a key is only made by itself for an"
                    + " embedded database, not for H2 over a network. " + HOW_TO_MAKE + ".");
        }
        if (location.startsWith("file:")) {
            location = location.substring("file:".length());
        } else if (location.startsWith("split:") || location.startsWith("nio:")) {
            location = location.substring(location.indexOf(':') + 1);
        }
        if (location.startsWith("~")) {
            location = System.getProperty("user.home") + location.substring(1);
        }
        Path database = Path.of(location).toAbsolutePath().normalize();
        Path folder = database.getParent() == null ? database : database.getParent();
        return Optional.of(folder.resolve(FILE_NAME));
    }

    /** Reads the key in {@code file}, or makes one there if there is none yet (owner-only where the system allows). */
    static byte[] readOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] key = random();
            byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
            try {
                Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))), text);
            } catch (UnsupportedOperationException notPosix) {
                Files.write(file, text, StandardOpenOption.CREATE_NEW);
            } catch (FileAlreadyExistsException madeMeanwhile) {
                return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or make the journal key file " + file, e);
        }
    }

    private static byte[] decode(String base64, String source) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException("The journal key in " + source + " is not base64. " + HOW_TO_MAKE + ".");
        }
        if (key.length != JournalCipher.KEY_BYTES) {
            throw new IllegalStateException("The journal key in " + source + " is " + key.length + " bytes; it must be "
                    + JournalCipher.KEY_BYTES + ". " + HOW_TO_MAKE + ".");
        }
        return key;
    }

    private static byte[] random() {
        byte[] key = new byte[JournalCipher.KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
