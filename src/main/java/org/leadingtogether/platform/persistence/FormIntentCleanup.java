package org.leadingtogether.platform.persistence;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Clock;
import java.time.Duration;

/**
 * Once an hour, forgets form intentions older than a week (see {@link FormIntents}): nobody sends a form again
 * after that, and the table stays small. Not persistent: each instance of a cluster runs its own, and a delete run
 * twice does no harm.
 */
@Singleton
@PermitAll
public class FormIntentCleanup {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Schedule(hour = "*", minute = "17", persistent = false, info = "forget old form intentions")
    void hourly() {
        FormIntents.forgetBefore(em, clock.instant().minus(Duration.ofDays(7)));
    }
}
