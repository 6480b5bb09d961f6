package org.leadingtogether.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/**
 * The portal's clock. Services take the time from an injected {@link Clock} rather than calling
 * {@code now()} themselves, so rules that depend on time (sign-in locks, bookings, deadlines) can be
 * tested at any moment, including across the clock changes.
 */
@ApplicationScoped
public class ClockProducer {

    /** The portal serves health and care systems in England: all local times are London times. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Produces
    Clock clock() {
        return Clock.system(LONDON);
    }
}
