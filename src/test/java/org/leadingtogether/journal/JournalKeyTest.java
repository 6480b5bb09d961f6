package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalKeyTest {

    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/leadingtogether";

    @TempDir
    Path folder;

    @Test
    void aConfiguredKeyIsUsedOnAnyDatabase() {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 3);
        String base64 = Base64.getEncoder().encodeToString(key);
        assertArrayEquals(key, JournalKey.resolve(Optional.of(base64), MARIADB));
        assertArrayEquals(key, JournalKey.resolve(Optional.of("  " + base64 + "\n"), "jdbc:h2:mem:x"));
    }

    @Test
    void aMissingKeyStopsAProductionStartSayingWhatToSet() {
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> JournalKey.resolve(Optional.empty(), MARIADB));
        assertTrue(missing.getMessage().contains("JOURNAL_KEY"), missing.getMessage());
        assertTrue(missing.getMessage().contains("openssl rand -base64 32"), missing.getMessage());
        assertThrows(IllegalStateException.class, () -> JournalKey.resolve(Optional.of("  "), MARIADB));
        assertThrows(IllegalStateException.class, () -> JournalKey.resolve(Optional.empty(), "jdbc:h2:tcp://db/x"));
    }

    @Test
    void aKeyOfTheWrongLengthOrNotBase64IsRefused() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        IllegalStateException wrongLength = assertThrows(IllegalStateException.class, () -> JournalKey.resolve(Optional.of(short16), MARIADB));
        assertTrue(wrongLength.getMessage().contains("16 bytes") && wrongLength.getMessage().contains("JOURNAL_KEY"), wrongLength.getMessage());
        IllegalStateException notBase64 = assertThrows(IllegalStateException.class, () -> JournalKey.resolve(Optional.of("not a key!"), MARIADB));
        assertTrue(notBase64.getMessage().contains("not base64"), notBase64.getMessage());
    }

    @Test
    void theEmbeddedDatabaseKeepsAKeyFileBesideItsDataAndReusesIt() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("data/leading-together") + ";MODE=MariaDB;DATABASE_TO_LOWER=TRUE";
        byte[] first = JournalKey.resolve(Optional.empty(), url);
        Path file = folder.resolve("data/journal.key");
        assertTrue(Files.exists(file));
        assertEquals(32, Base64.getDecoder().decode(Files.readString(file).strip()).length);
        if (Files.getFileAttributeView(file, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        assertArrayEquals(first, JournalKey.resolve(Optional.empty(), url), "the same key after a restart");
        assertArrayEquals(first, JournalKey.resolve(Optional.empty(), "jdbc:h2:" + folder.resolve("data/other")), "one key per data folder");
    }

    @Test
    void theKeyFileIsFoundFromTheFormsOfAnH2Url() {
        assertEquals(Path.of("data/journal.key").toAbsolutePath(),
                JournalKey.keyFileFor("jdbc:h2:file:./data/leading-together;MODE=MariaDB").orElseThrow());
        assertEquals(Path.of("/srv/h2/journal.key"), JournalKey.keyFileFor("jdbc:h2:/srv/h2/db").orElseThrow());
        assertEquals(Path.of(System.getProperty("user.home"), "lt", "journal.key"), JournalKey.keyFileFor("jdbc:h2:~/lt/db").orElseThrow());
        assertFalse(JournalKey.keyFileFor("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1").isPresent());
    }

    @Test
    void anInMemoryDatabaseGetsAKeyForTheLifeOfTheProcess() {
        assertEquals(32, JournalKey.resolve(Optional.empty(), "jdbc:h2:mem:demo").length);
    }

    @Test
    void aBrokenKeyFileIsReportedNotReplaced() throws Exception {
        Files.createDirectories(folder.resolve("data"));
        Files.writeString(folder.resolve("data/journal.key"), "rubbish");
        IllegalStateException broken = assertThrows(IllegalStateException.class,
                () -> JournalKey.resolve(Optional.empty(), "jdbc:h2:file:" + folder.resolve("data/x")));
        assertTrue(broken.getMessage().contains("journal.key"), broken.getMessage());
        assertEquals("rubbish", Files.readString(folder.resolve("data/journal.key")));
    }
}
