package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Small rules of the account feature that need no container. */
class AccountRulesTest {

    @Test
    void searchPatternsMatchAnywhereAndEscapeWildcards() {
        assertEquals("%", org.leadingtogether.platform.persistence.LikePattern.anywhere(null));
        assertEquals("%", org.leadingtogether.platform.persistence.LikePattern.anywhere("  "));
        assertEquals("%okafor%", org.leadingtogether.platform.persistence.LikePattern.anywhere(" Okafor "));
        assertEquals("%50!%!_off!!%", org.leadingtogether.platform.persistence.LikePattern.anywhere("50%_off!"));
    }

    @Test
    void demoDataIsSeededOnTheEmbeddedDatabaseOnlyUnlessForced() {
        assertTrue(org.leadingtogether.platform.DemoMode.wanted("auto", "jdbc:h2:file:./data/lt"));
        assertFalse(org.leadingtogether.platform.DemoMode.wanted("auto", "jdbc:mariadb://127.0.0.1/lt"));
        assertTrue(org.leadingtogether.platform.DemoMode.wanted("true", "jdbc:mariadb://127.0.0.1/lt"));
        assertFalse(org.leadingtogether.platform.DemoMode.wanted("false", "jdbc:h2:file:./data/lt"));
        assertFalse(org.leadingtogether.platform.DemoMode.wanted("nonsense", "jdbc:h2:file:./data/lt"));
    }

    @Test
    void onlyThePortalsOwnPathsAreSafeToReturnTo() {
        assertTrue(org.leadingtogether.account.view.ReturnTo.isSafe("/admin/people.xhtml?q=okafor"));
        assertFalse(org.leadingtogether.account.view.ReturnTo.isSafe("https://elsewhere.example/"));
        assertFalse(org.leadingtogether.account.view.ReturnTo.isSafe("//elsewhere.example/"));
        assertFalse(org.leadingtogether.account.view.ReturnTo.isSafe("/\\elsewhere.example/"));
        assertFalse(org.leadingtogether.account.view.ReturnTo.isSafe("/learner/home.xhtml\r\nSet-Cookie: x=y"));
        assertFalse(org.leadingtogether.account.view.ReturnTo.isSafe("/sign-in.xhtml"));
        assertFalse(org.leadingtogether.account.view.ReturnTo.isSafe(null));
    }

    @Test
    void theLockMessageSaysHowLongInPlainWords() {
        assertTrue(org.leadingtogether.account.view.SignInMessages.locked(1).endsWith("try again in 1 minute."));
        assertTrue(org.leadingtogether.account.view.SignInMessages.locked(15).endsWith("try again in 15 minutes."));
    }
}
