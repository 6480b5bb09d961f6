package org.leadingtogether.cohort;

import java.util.Collection;
import java.util.Map;

/**
 * What other features tell the cohort dashboard about its members, each from its own records: coaching sessions
 * held (the coaching feature) and protected time (the booking feature). Those features depend on cohorts, not the
 * other way round, so the cohort feature states here what it needs and each of them answers with a bean of its own,
 * found by CDI; the dashboard never reads their tables. Each answers for all the members of the given cohorts at
 * once, in one statement whatever their number.
 */
public final class MemberActivity {

    private MemberActivity() {
    }

    /** Answered by the coaching feature. */
    public interface Coaching {

        /** By person: coaching sessions held in pairings made in these cohorts. */
        Map<Long, Integer> sessionsHeld(Collection<Long> cohortIds);
    }

    /** Answered by the booking feature. */
    public interface ProtectedTime {

        /** By person: their protected time booked in these cohorts. */
        Map<Long, Hours> protectedTime(Collection<Long> cohortIds);
    }

    /** A member's protected time: minutes confirmed as used, and standing bookings beyond the entitlement. */
    public record Hours(long usedMinutes, int overEntitlement) {
    }
}
