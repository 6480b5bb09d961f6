package org.leadingtogether.notification;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rules of notifications that need no container: what they say, where they may lead, and their emails' words. */
class NotificationRulesTest {

    @Test
    void aNotificationLeadsOnlyToAPageOfThePortal() {
        assertEquals("/coach/home.xhtml", new Notification(1, NotificationKind.COACH_REQUEST, "Amara Okafor", "/coach/home.xhtml", false).getLink());
        for (String elsewhere : List.of("https://example.org/", "//example.org/x", "javascript:alert(1)", "coach/home.xhtml")) {
            assertThrows(IllegalArgumentException.class, () -> new Notification(1, NotificationKind.COACH_REQUEST, "A", elsewhere, false), elsewhere);
        }
        assertThrows(IllegalArgumentException.class, () -> new Notification(1, NotificationKind.COACH_REQUEST, "A", "/" + "x".repeat(300), false));
    }

    @Test
    void everyKindSaysWhoDidWhatInOneLineAndIsReadOnceOpened() {
        for (NotificationKind kind : NotificationKind.values()) {
            String title = kind.title("Gareth Hughes");
            assertFalse(title.contains("%"), title);
            assertFalse(kind.getChoiceLabel().isBlank());
        }
        assertEquals("Gareth Hughes commented on a reflection you shared", NotificationKind.COACH_COMMENTED.title("Gareth Hughes"));
        assertEquals("Someone shared a reflection with you", NotificationKind.REFLECTION_SHARED.title(null));
        Notification notification = new Notification(1, NotificationKind.SESSION_RECORDED, "Gareth Hughes", "/learner/pairing.xhtml?id=4", false);
        assertFalse(notification.isRead());
        Instant first = Instant.parse("2026-12-01T10:00:00Z");
        notification.markRead(first);
        notification.markRead(first.plusSeconds(60));
        assertEquals(first, notification.getReadAt(), "read once, when first opened");
    }

    @Test
    void anEmailAtOnceSaysWhatHappenedLinksToThePageAndToTheChoice() {
        NotificationEmails.Email email = NotificationEmails.atOnce(NotificationKind.REFLECTION_SHARED, "Amara Okafor",
                "https://portal.example/coach/shared-entry.xhtml?id=7", "https://portal.example/email-choices.xhtml?t=abc");
        assertEquals("Amara Okafor shared a reflection with you", email.subject());
        assertTrue(email.body().contains("https://portal.example/coach/shared-entry.xhtml?id=7"));
        assertTrue(email.body().contains("https://portal.example/email-choices.xhtml?t=abc"));
        assertTrue(email.body().contains("asked to sign in"), "the page checks who may see it");
    }

    @Test
    void theDigestListsEachThingWithItsPageAndOneLinkPerKind() {
        Map<NotificationKind, String> links = new EnumMap<>(NotificationKind.class);
        links.put(NotificationKind.COACH_COMMENTED, "https://p/email-choices.xhtml?t=one");
        links.put(NotificationKind.SESSION_RECORDED, "https://p/email-choices.xhtml?t=two");
        NotificationEmails.Email digest = NotificationEmails.digest(List.of(
                new NotificationEmails.Line(Instant.parse("2026-11-30T09:00:00Z"), "Gareth Hughes commented on a reflection you shared", "https://p/a"),
                new NotificationEmails.Line(Instant.parse("2026-12-01T09:00:00Z"), "Gareth Hughes recorded a coaching session with you", "https://p/b")),
                links);
        assertEquals("Your week in Leading Together: 2 things for you", digest.subject());
        assertTrue(digest.body().contains("30 November 2026, 09:00: Gareth Hughes commented on a reflection you shared\n  https://p/a"), digest.body());
        assertTrue(digest.body().contains("t=one") && digest.body().contains("t=two"));
        assertEquals("Your week in Leading Together: 1 thing for you",
                NotificationEmails.digest(List.of(new NotificationEmails.Line(Instant.EPOCH, "x", "https://p/a")), Map.of()).subject());
    }

    @Test
    void theOneClickLinksTokenIsStoredOnlyAsItsHash() {
        String hash = NotificationWriter.hash("abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", hash);
    }
}
