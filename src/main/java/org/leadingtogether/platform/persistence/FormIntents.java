package org.leadingtogether.platform.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.leadingtogether.platform.AlreadyDoneException;

import java.time.Instant;

/**
 * Each form that creates something carries a key made when its page was shown (its intention, see
 * {@code platform.web.FormIntent}); the service claims that key, with what the form asks for, in the same
 * transaction as the change. The claim is a row whose primary key is the person and the intention: the first
 * submission inserts it and goes on; every repeat of that submission (a double click on a slow line, a browser
 * resubmitting, the same form in two tabs) meets the row and is answered with {@link AlreadyDoneException}, however
 * many arrive at once, because the database lets one insert of a key through and makes the others wait for its
 * outcome. A submission that fails (a rule broken, a slot taken) rolls its claim back with everything else, so
 * the same form corrected and sent again is taken. Claims are the first write of a change, before any other
 * lock, so repeats wait on the claim alone and never in a circle. Old claims are removed after a week.
 */
public final class FormIntents {

    /** Longest intention key (the page's key, what it asks for and its target). */
    public static final int MAX = 150;

    private FormIntents() {
    }

    /**
     * Claims {@code intent} for {@code what} (a few words naming the action and its target, e.g. {@code "book/12/1767261600"})
     * by {@code person}; a repeat is refused with {@code alreadyDone}. No intention (a caller inside the portal, not a
     * form) claims nothing.
     */
    public static void claim(EntityManager em, long person, String intent, String what, String alreadyDone, Instant now) {
        if (intent == null) {
            return;
        }
        String key = (intent + "/" + what);
        if (key.length() > MAX) {
            key = key.substring(0, MAX);
        }
        try {
            em.createNativeQuery("INSERT INTO form_intent (person_id, intent, created_at) VALUES (?, ?, ?)")
                    .setParameter(1, person).setParameter(2, key).setParameter(3, InstantConverter.column(now)).executeUpdate();
        } catch (PersistenceException refused) {
            if (DatabaseErrors.isDuplicate(refused)) {
                throw new AlreadyDoneException(alreadyDone);
            }
            throw refused;
        }
    }

    /**
     * Whether {@code person} has claimed {@code intent} (a page's key, as {@code platform.web.FormIntent} makes it) with
     * any of that page's forms. The key holds only hexadecimal digits and dashes, so it matches as a prefix as it is.
     */
    public static boolean isClaimed(EntityManager em, long person, String intent) {
        Number found = (Number) em.createNativeQuery("SELECT COUNT(*) FROM form_intent WHERE person_id = ? AND intent LIKE ?")
                .setParameter(1, person).setParameter(2, intent + "/%").getSingleResult();
        return found.longValue() > 0;
    }

    /** Forgets claims older than {@code before}: a form is not sent again a week later. */
    public static int forgetBefore(EntityManager em, Instant before) {
        return em.createNativeQuery("DELETE FROM form_intent WHERE created_at < ?").setParameter(1, InstantConverter.column(before))
                .executeUpdate();
    }
}
