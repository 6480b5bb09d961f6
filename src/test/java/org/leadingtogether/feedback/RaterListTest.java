package org.leadingtogether.feedback;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Inviting raters: every line at fault named with its number and what is wrong; nothing taken unless all is right. */
class RaterListTest {

    private static final String OWN = "amara.okafor@nhs.net";

    @Test
    void goodAddressesAreTakenLowerCasedInTheOrderTyped() {
        RaterList.Result result = RaterList.read("Jo.Smith@NHS.net\n\n  sam@westmoor.gov.uk  \r\nkit+360@example.org", Relationship.PEER, Map.of(), OWN);
        assertTrue(result.ok(), result.problems().toString());
        assertEquals(List.of("jo.smith@nhs.net", "sam@westmoor.gov.uk", "kit+360@example.org"), result.addresses());
    }

    @Test
    void everyLineAtFaultIsNamedAndNothingIsTaken() {
        String text = String.join("\n", "jo@nhs.net", "bob@", "jo.nhs.net", "JO@nhs.net", "ann@trust", "amara.okafor@NHS.net",
                "kit@example.org, lee@example.org", "sam@westmoor.gov.uk");
        RaterList.Result result = RaterList.read(text, Relationship.PEER, Map.of("sam@westmoor.gov.uk", Relationship.PARTNER), OWN);
        assertFalse(result.ok());
        assertEquals(List.of(), result.addresses(), "all or nothing");
        assertEquals(List.of(
                "Line 2: 'bob@' is not an email address (such as jo.smith@nhs.net).",
                "Line 3: 'jo.nhs.net' is not an email address (such as jo.smith@nhs.net).",
                "Line 4: jo@nhs.net is already on line 1.",
                "Line 5: 'ann@trust' is not an email address (such as jo.smith@nhs.net).",
                "Line 6: amara.okafor@nhs.net is your own address: you rate yourself in the first part of this page.",
                "Line 7: 'kit@example.org, lee@example.org' holds more than one thing: put one email address on each line.",
                "Line 8: sam@westmoor.gov.uk is already invited in this round (partners in other organisations)."),
                result.problems().stream().map(RaterList.Problem::toString).toList());
    }

    @Test
    void anEmptyListAsksForAnAddress() {
        RaterList.Result result = RaterList.read(" \n \n", Relationship.PEER, Map.of(), OWN);
        assertEquals(List.of("Enter at least one email address, one a line."), result.problems().stream().map(RaterList.Problem::message).toList());
    }

    @Test
    void atMostThirtyRatersARound() {
        Map<String, Relationship> invited = new HashMap<>();
        IntStream.range(0, 27).forEach(i -> invited.put("rater" + i + "@example.org", Relationship.PEER));
        String four = String.join("\n", "a@example.org", "b@example.org", "c@example.org", "d@example.org");
        RaterList.Result result = RaterList.read(four, Relationship.OTHER, invited, OWN);
        assertEquals(List.of("A round has at most 30 raters: you have invited 27, so you can add 3 more, not 4."),
                result.problems().stream().map(RaterList.Problem::message).toList());
        assertTrue(RaterList.read(four.substring(0, four.lastIndexOf('\n')), Relationship.OTHER, invited, OWN).ok(), "three more fit");
    }

    @Test
    void oneLineManagerARound() {
        assertEquals(List.of("Invite one line manager a round: enter one address."),
                RaterList.read("a@example.org\nb@example.org", Relationship.LINE_MANAGER, Map.of(), OWN).problems().stream()
                        .map(RaterList.Problem::message).toList());
        assertEquals(List.of("Invite one line manager a round: yours is already invited."),
                RaterList.read("b@example.org", Relationship.LINE_MANAGER, Map.of("a@example.org", Relationship.LINE_MANAGER), OWN)
                        .problems().stream().map(RaterList.Problem::message).toList());
        assertTrue(RaterList.read("a@example.org", Relationship.LINE_MANAGER, Map.of("p@example.org", Relationship.PEER), OWN).ok());
    }

    @Test
    void anOverlongAddressIsRefused() {
        String long1 = "a".repeat(250) + "@example.org";
        assertEquals("Line 1: an email address has at most 254 characters.", RaterList.read(long1, Relationship.PEER, Map.of(), OWN).problems().get(0).toString());
    }

    @Test
    void tokensAreLongRandomAndOnlyTheirShapeIsLookedUp() {
        String one = RaterToken.create();
        String two = RaterToken.create();
        assertTrue(RaterToken.looksLikeToken(one) && RaterToken.looksLikeToken(two));
        assertFalse(one.equals(two));
        assertEquals(64, RaterToken.hash(one).length());
        assertFalse(RaterToken.hash(one).contains(one));
        assertFalse(RaterToken.looksLikeToken("1"));
        assertFalse(RaterToken.looksLikeToken(one + "x"));
        assertFalse(RaterToken.looksLikeToken(one.substring(1) + "/"));
    }
}
