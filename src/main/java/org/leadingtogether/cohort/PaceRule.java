package org.leadingtogether.cohort;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides who is behind the pace expected today, so a programme manager can offer help early rather than
 * discover at the end that someone never started. Two signals, either enough: being well behind the share of the
 * cohort period that has passed, and a long silence while the cohort is running. The tolerance is generous on
 * purpose: people learn in bursts around rotas, and a list that names half the cohort gets ignored.
 */
public final class PaceRule {

    /** How many percentage points behind the expected pace someone may be before being named. */
    public static final int TOLERANCE_POINTS = 20;
    /** About four weeks: longer than a holiday or a run of night shifts. */
    public static final int QUIET_DAYS = 28;

    private PaceRule() {
    }

    /**
     * The share of the cohort period gone by today, counting the start and end days and today itself, so the
     * last day of the cohort expects everything done. 0 before the start, 100 on and after the end, rounded down.
     *
     * @throws IllegalArgumentException if the cohort ends before it starts
     */
    public static int expectedPercent(LocalDate start, LocalDate end, LocalDate today) {
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("The cohort ends (" + end + ") before it starts (" + start + ")");
        }
        if (today.isBefore(start)) {
            return 0;
        }
        if (!today.isBefore(end)) {
            return 100;
        }
        long days = ChronoUnit.DAYS.between(start, end) + 1;
        long gone = ChronoUnit.DAYS.between(start, today) + 1;
        return (int) (100 * gone / days);
    }

    /**
     * Why the member is at risk, in plain words, or empty if they are not. Nobody is at risk before the cohort
     * starts or once they have done everything. Silence only counts while the cohort is running and once the
     * member has been enrolled for more than {@link #QUIET_DAYS}, so a late joiner is not named for the weeks
     * before they joined; activity counts as recent within the last {@link #QUIET_DAYS} days.
     *
     * @param percentDone  the member's completion of the required lessons, in per cent
     * @param lastActivity the day of the member's last learning activity, or {@code null} if none yet
     * @param enrolled     the day the member joined the cohort
     */
    /** Why someone is at risk, without the person: for counting members at risk by reason where they are not named. */
    public static final String BEHIND = "Behind the pace expected by now";
    public static final String QUIET = "No learning activity for four weeks or more, or none since enrolling";
    public static final String OTHER = "Another reason";

    /** The kinds of reason in a reason given by {@link #atRisk}: {@link #BEHIND}, {@link #QUIET}, or {@link #OTHER}. */
    public static List<String> kindsOf(String reason) {
        List<String> kinds = new ArrayList<>(2);
        if (reason.contains("expected by now")) {
            kinds.add(BEHIND);
        }
        if (reason.contains("No learning activity")) {
            kinds.add(QUIET);
        }
        if (kinds.isEmpty()) {
            kinds.add(OTHER);
        }
        return kinds;
    }

    /**
     * The member's completion beside the pace expected today, in the words of the reason {@link #atRisk} gives: the
     * learner's own page and the manager's say it the same way.
     */
    public static String paceLine(int percentDone, int expected) {
        return percentDone + "% done; " + expected + "% expected by now.";
    }

    public static Optional<String> atRisk(LocalDate start, LocalDate end, LocalDate today, int percentDone,
                                          LocalDate lastActivity, LocalDate enrolled) {
        if (today.isBefore(start) || percentDone >= 100) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(2);
        int expected = expectedPercent(start, end, today);
        if (percentDone < expected - TOLERANCE_POINTS) {
            reasons.add(paceLine(percentDone, expected));
        }
        boolean running = !today.isAfter(end);
        if (running && ChronoUnit.DAYS.between(enrolled, today) > QUIET_DAYS) {
            if (lastActivity == null) {
                reasons.add("No learning activity since enrolling.");
            } else {
                long quiet = ChronoUnit.DAYS.between(lastActivity, today);
                if (quiet > QUIET_DAYS) {
                    reasons.add("No learning activity for " + quiet + " days.");
                }
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", reasons));
    }
}
