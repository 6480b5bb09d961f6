package org.leadingtogether.feedback;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The 360 side of a programme's impact, kept once both rounds compared have closed. After its closing date a round
 * takes no more answers and no more self-ratings, so what its 360s say cannot change; only a manager changing the round
 * itself (dates, raters needed) could, and that changes the round's version, which is part of the key, as is a
 * fingerprint of the rounds' 360s read each time (one indexed count), in case rows are changed outside the portal. So every instance
 * of a cluster may keep its own copy without telling the others, and the impact page reads the 5,000 learners' sums once.
 * Activity beside it (completion, protected time, sessions) is read afresh every time.
 */
@ApplicationScoped
public class ClosedRounds {

    /** Enough for every programme's current pair of rounds; beyond it, the oldest are simply read again. */
    private static final int MAX = 200;

    /** Who was compared (learner to cohort) and the sums by cohort and dimension. */
    record Compared(Map<Long, Long> cohortOf, List<ImpactFigures.Totals> totals) {
    }

    private final ConcurrentHashMap<String, Compared> kept = new ConcurrentHashMap<>();

    /** @param fingerprint what the two rounds' 360s hold now (how many, the last id, the answers), as a check */
    Compared get(FeedbackRound first, FeedbackRound last, String fingerprint, Supplier<Compared> read) {
        String key = fingerprint + "|" + first.getId() + "/" + first.getVersion() + "/" + first.getMinRaters() + "/" + first.getClosesOn() + "|"
                + last.getId() + "/" + last.getVersion() + "/" + last.getMinRaters() + "/" + last.getClosesOn();
        Compared found = kept.get(key);
        if (found == null) {
            found = read.get();
            if (kept.size() >= MAX) {
                kept.clear();
            }
            kept.put(key, found);
        }
        return found;
    }
}
