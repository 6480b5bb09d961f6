package org.leadingtogether.platform;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The production backup and restore scripts (deploy/backup.sh, deploy/restore.sh) make a real round trip
 * through MariaDB: deploy/test-backup-restore.sh backs up a scratch database with awkward UTF-8 data,
 * empties it, restores it and compares. It needs an account that may create databases (root with an
 * empty password at 127.0.0.1 by default; see TEST_DB_ADMIN_USER and TEST_DB_ADMIN_PASSWORD).
 */
class BackupRestoreScriptIT {

    @Test
    void backupThenRestoreGivesBackTheSameData() throws Exception {
        File script = new File("deploy/test-backup-restore.sh");
        if (!script.isFile()) {
            fail("deploy/test-backup-restore.sh is missing; run the tests from the project folder.");
        }
        Process process = new ProcessBuilder("bash", script.getPath()).redirectErrorStream(true).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("The backup round trip did not finish within 5 minutes.");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), "The backup round trip failed (it needs MariaDB at 127.0.0.1:3306 and an "
                + "account that may create databases):\n" + output);
        assertTrue(output.contains("backup/restore round trip: OK"), output);
    }
}
