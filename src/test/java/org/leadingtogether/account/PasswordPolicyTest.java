package org.leadingtogether.account;

import org.junit.jupiter.api.Test;
import org.leadingtogether.platform.BusinessException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordPolicyTest {

    @Test
    void aLongPassphraseIsAccepted() {
        assertDoesNotThrow(() -> PasswordPolicy.check("pw", "kettle harbour violet", "sam@example.org"));
    }

    @Test
    void tooShortIsRefusedAtTheNamedField() {
        BusinessException refused = assertThrows(BusinessException.class, () -> PasswordPolicy.check("pw", "short", null));
        assertEquals("pw", refused.getField().orElseThrow());
        assertTrue(refused.getMessage().contains("12"));
    }

    @Test
    void emptyTooLongAndTheEmailItselfAreRefused() {
        assertThrows(BusinessException.class, () -> PasswordPolicy.check("pw", "  ", null));
        assertThrows(BusinessException.class, () -> PasswordPolicy.check("pw", "x".repeat(129), null));
        assertThrows(BusinessException.class, () -> PasswordPolicy.check("pw", "Sam@Example.org", "sam@example.org"));
    }
}
