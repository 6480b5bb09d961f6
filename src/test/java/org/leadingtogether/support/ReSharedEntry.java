package org.leadingtogether.support;

import org.leadingtogether.journal.JournalCipher;
import org.leadingtogether.journal.JournalEntry;

import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.SQLException;
import java.util.Base64;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A journal entry shared with one coach, commented on, and then, after that coaching ended, shared with the next coach:
 * built through the pages as the people would (sharing, commenting, replying and ending the pairing), with only the
 * pairings and the entry itself written over JDBC. Lee Tester writes it; Fern Tester coached Lee first and ended the
 * pairing with a private reason; Gareth Hughes (coach@demo.test) coaches Lee now.
 */
public final class ReSharedEntry {

    public static final String PASSWORD = "demo-password";
    public static final String TITLE = "Holding a difficult conversation with a housing officer";
    public static final String FORMER_COMMENT = "Fern's comment: what did the housing officer need from you?";
    public static final String REPLY_TO_FORMER = "Lee's reply to Fern: I think they needed certainty about dates.";
    public static final String FORMER_REASON = "Fern's private reason for ending: a conflict of interest at work.";
    public static final String CURRENT_COMMENT = "Gareth's comment: notice how you prepared this time.";

    public final String learner;
    public final String formerCoach;
    public final long entryId;
    public final long formerPairing;

    private ReSharedEntry(String learner, String formerCoach, long entryId, long formerPairing) {
        this.learner = learner;
        this.formerCoach = formerCoach;
        this.entryId = entryId;
        this.formerPairing = formerPairing;
    }

    public static ReSharedEntry build(URL base) throws SQLException {
        String lee = TestDatabase.person("Lee", false, "LEARNER");
        String fern = TestDatabase.person("Fern", false, "COACH");
        long leeId = People.id(lee);
        long fernId = People.id(fern);
        TestDatabase.update("INSERT INTO coach_profile (person_id, version, created_at, modified_at, capacity) "
                + "VALUES (?, 0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 3)", fernId);
        long formerPairing = activePairing(fernId, leeId);
        long entry = savedEntry(leeId);

        PortalClient leeClient = PortalClient.signedIn(base, lee, PASSWORD);
        PortalClient fernClient = PortalClient.signedIn(base, fern, PASSWORD);
        share(leeClient, entry);
        post(fernClient, "/coach/shared-entry.xhtml?id=" + entry, "commentForm", "commentForm:comment", FORMER_COMMENT,
                "commentForm:addComment", "Add");
        post(leeClient, "/learner/journal-entry.xhtml?id=" + entry, "replyForm", "replyForm:comment", REPLY_TO_FORMER,
                "replyForm:addReply", "Reply");
        post(fernClient, "/coach/pairing.xhtml?id=" + formerPairing, "end", "end:reason", FORMER_REASON,
                "end:endPairing", "End the pairing");

        long gareth = People.id("coach@demo.test");
        activePairing(gareth, leeId);
        share(leeClient, entry);
        post(PortalClient.signedIn(base, "coach@demo.test", PASSWORD), "/coach/shared-entry.xhtml?id=" + entry, "commentForm",
                "commentForm:comment", CURRENT_COMMENT, "commentForm:addComment", "Add");
        return new ReSharedEntry(lee, fern, entry, formerPairing);
    }

    private static long activePairing(long coach, long coachee) throws SQLException {
        return TestDatabase.insert("INSERT INTO coaching_pairing (version, created_at, modified_at, coach_id, coachee_id, state, proposed_by, "
                + "proposed_at, respond_by, accepted_at, active_at) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, ?, 'ACTIVE', ?, "
                + "CURRENT_TIMESTAMP, CURRENT_DATE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)", coach, coachee, coach);
    }

    /** A saved entry, sealed with the tests' journal key as the portal seals one, bound to its author, id and field. */
    private static long savedEntry(long author) throws SQLException {
        long id = TestDatabase.insert("INSERT INTO journal_entry (version, created_at, modified_at, author_id, status, event_date, kind, "
                + "model, participatory, saved_at) VALUES (0, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, ?, 'SAVED', CURRENT_DATE, 'PRACTICE_EVENT', "
                + "'FREE', FALSE, CURRENT_TIMESTAMP)", author);
        String key = System.getenv("JOURNAL_KEY");
        if (key == null || key.isBlank()) {
            fail("JOURNAL_KEY is not set: run the integration tests with 'mvn verify', which gives the portal and the tests the same key.");
        }
        JournalCipher cipher = new JournalCipher(Base64.getDecoder().decode(key));
        TestDatabase.update("UPDATE journal_entry SET title_sealed = ?, stages_sealed = ? WHERE id = ?",
                cipher.seal(TITLE, JournalEntry.sealContext(author, id, "title")),
                cipher.seal("[\"The conversation went better than I feared.\"]", JournalEntry.sealContext(author, id, "stages")), id);
        return id;
    }

    private static void share(PortalClient learner, long entry) {
        post(learner, "/learner/journal-entry.xhtml?id=" + entry, "shareForm", "shareForm:coaches:0:share", "Share");
    }

    private static void post(PortalClient client, String page, String formId, String... fields) {
        Map<String, String> form = client.form(page, formId);
        for (int i = 0; i < fields.length; i += 2) {
            form.put(fields[i], fields[i + 1]);
        }
        HttpResponse<String> response = client.post(page, form);
        assertTrue(response.statusCode() == 302 || response.statusCode() == 303, page + " " + formId + " answered "
                + response.statusCode() + ": " + response.body().replaceAll("(?s)<[^>]+>", " ").replaceAll("\\s+", " ").strip());
    }
}
