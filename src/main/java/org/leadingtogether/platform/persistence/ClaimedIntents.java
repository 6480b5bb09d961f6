package org.leadingtogether.platform.persistence;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Whether a form's intention has been claimed (see {@link FormIntents}), for the one caller that needs to know outside
 * a service: the exception handler answering a form whose page had expired. A form sent again from a page opened long
 * ago (a tab left open, the back button after other pages) may have done what it asked for the first time; the
 * person is then told so, not that what they entered was lost.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class ClaimedIntents {

    @PersistenceContext
    private EntityManager em;

    /** Whether {@code person} has claimed the page's intention {@code intent} with any form of that page. */
    public boolean isClaimed(long person, String intent) {
        return FormIntents.isClaimed(em, person, intent);
    }
}
