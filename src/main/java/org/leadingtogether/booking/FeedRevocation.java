package org.leadingtogether.booking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.AccessWithdrawn;

/**
 * Turns a person's calendar feed off when an administrator ends their access (deactivates them, takes a role away or
 * resets their password): the feed's secret address is the one way into the portal that needs no session, so it
 * must end with the sessions. Runs in the administrator's transaction. The person can make a new address from the
 * Calendar feed page once they are signed in again.
 */
@ApplicationScoped
public class FeedRevocation {

    @PersistenceContext
    private EntityManager em;

    void onAccessWithdrawn(@Observes AccessWithdrawn withdrawn) {
        em.createQuery("DELETE FROM CalendarFeed f WHERE f.personId = :p").setParameter("p", withdrawn.personId()).executeUpdate();
    }
}
