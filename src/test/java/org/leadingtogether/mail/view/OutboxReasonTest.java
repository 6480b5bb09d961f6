package org.leadingtogether.mail.view;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The administrator's list of emails not sent says what the mail server said, never Java class names. */
class OutboxReasonTest {

    @Test
    void theReasonIsInWordsWithoutTheClassesThatCarriedIt() {
        String stored = "jakarta.mail.MailConnectException: Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1;\n"
                + "  nested exception is:\n\tjava.net.ConnectException: Connection refused";
        String reason = OutboxBacking.plainReason(stored);
        assertFalse(reason.contains("Exception"), reason);
        assertEquals("Couldn't connect to host, port: 127.0.0.1, 2525; timeout -1;\n  Connection refused", reason);
        assertEquals("The mail server could not be reached.", OutboxBacking.plainReason("java.lang.IllegalStateException"));
        assertEquals("", OutboxBacking.plainReason(null));
    }
}
