package org.leadingtogether.feedback;

import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.MarkedText;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the 360 pages show: plain records built inside the service's transaction. */
public final class FeedbackPages {

    private FeedbackPages() {
    }

    // ---------------------------------------------------------------- programme managers

    /** A programme's rounds, for its managers. */
    public record Rounds(long programmeId, String programmeName, List<RoundLine> rounds) implements Serializable {
    }

    /** A round with how many learners opened their 360 in it and how many completed it (never who). */
    public record RoundLine(long id, String name, LocalDate opensOn, LocalDate closesOn, int minRaters, long opened, long complete)
            implements Serializable {
    }

    /**
     * The programme's impact: the first and last rounds compared, when there are two and the last has closed.
     *
     * @param notReady why there are no figures yet, or {@code null}
     */
    public record Impact(long programmeId, String programmeName, String firstRound, String lastRound, LocalDate asOf,
                         String notReady, ImpactFigures.Result figures, Activity members, Activity compared)
            implements Serializable {

        public boolean isReady() {
            return notReady == null;
        }
    }

    /**
     * What a group of learners did on the programme: completion, protected time used, coaching sessions held.
     *
     * @param lessonsPercent  the share of required lessons done, across the group
     */
    public record Activity(int learners, int completedProgramme, int lessonsPercent, double hoursUsed, int sessionsHeld)
            implements Serializable {

        public String hoursPerLearner() {
            return learners == 0 ? "–" : String.format(java.util.Locale.UK, "%.1f", hoursUsed / learners);
        }

        public String sessionsPerLearner() {
            return learners == 0 ? "–" : String.format(java.util.Locale.UK, "%.1f", (double) sessionsHeld / learners);
        }
    }

    // ---------------------------------------------------------------- learners

    /** The rounds open to a learner across their programmes, with their own 360 in each if opened. */
    public record MyRound(long roundId, String programmeName, String roundName, LocalDate opensOn, LocalDate closesOn,
                          Long requestId, boolean canOpen, boolean closed, String status) implements Serializable {
    }

    /** A learner's own 360 while it runs. */
    public record Request(long id, String programmeName, String roundName, LocalDate opensOn, LocalDate closesOn, int minRaters,
                          boolean open, boolean closed, FrameworkView framework, Map<String, Integer> selfRatings, Instant selfRatedAt,
                          List<Invited> invited, List<GroupCount> groups, int answers, Instant remindedAt, boolean canRemind,
                          boolean lineManagerInvited) implements Serializable {

        public int invitedCount() {
            return invited.size();
        }

        public int placesLeft() {
            return Math.max(0, RaterList.MAX_RATERS - invited.size());
        }

        public boolean enoughInvited() {
            return invited.size() >= minRaters;
        }

        /** The day the portal itself reminds everyone who has not answered by then (once each). */
        public LocalDate automaticReminderOn() {
            return AutomaticReminder.firstDay(closesOn);
        }
    }

    /**
     * One of a learner's 360s for their subject access download: when they started it, what its page shows, and the
     * report once the round has closed ({@code null} before).
     */
    public record Mine(Instant startedAt, Request request, Report report) implements Serializable {
    }

    /** Someone invited: the address the learner typed and the group, never whether they have answered. */
    public record Invited(String email, String group) implements Serializable {
    }

    /** How many were invited in a group and how many of them have answered. */
    public record GroupCount(String group, int invited, int answered) implements Serializable {
    }

    /**
     * A closed round's report, for the learner or the coach they share it with.
     *
     * @param previous  the learner's previous round beside this one, or {@code null}
     * @param sharedWith the coach it is shared with now, or {@code null}
     * @param canShareWith the coach the learner works with now and could share it with, or {@code null}
     */
    public record Report(long id, String learnerName, String programmeName, String roundName, LocalDate closesOn, int minRaters,
                         int invited, FrameworkView framework, FeedbackFigures.Report figures, Previous previous,
                         List<String> keepDoing, List<String> doDifferently, List<Debrief> debriefs, String sharedWith,
                         String canShareWith) implements Serializable {

        public boolean enoughAnswers() {
            return figures.answers() >= minRaters;
        }
    }

    /** The previous round: its name, and per dimension the learner's own figure and all others'. */
    public record Previous(String roundName, LocalDate closesOn, List<PreviousLine> dimensions) implements Serializable {
    }

    public record PreviousLine(String name, FeedbackFigures.Cell selfBefore, FeedbackFigures.Cell selfNow,
                               FeedbackFigures.Cell othersBefore, FeedbackFigures.Cell othersNow) implements Serializable {
    }

    /** A coach's note of the debrief. */
    public record Debrief(Instant written, String coachName, String body) implements Serializable {
    }

    // ---------------------------------------------------------------- coaches

    /** A report shared with the caller by a coachee. */
    public record Shared(long requestId, String learnerName, String programmeName, String roundName, LocalDate closesOn)
            implements Serializable {
    }

    // ---------------------------------------------------------------- raters

    /** Where a rater's link stands. */
    public enum LinkState {
        /** Questions to answer. */
        OPEN,
        /** Answers sent already: they cannot be changed. */
        ANSWERED,
        /** The round has closed. */
        CLOSED,
        /** No such link (mistyped, made up, or cut short). */
        UNKNOWN
    }

    /** What a rater's link opens. */
    public record Rater(LinkState state, String learnerName, String programmeName, Relationship relationship, LocalDate closesOn,
                        FrameworkView framework) implements Serializable {

        static Rater unknown() {
            return new Rater(LinkState.UNKNOWN, null, null, null, null, null);
        }

        public boolean isLineManager() {
            return relationship != null && relationship.isLineManager();
        }
    }

    /** A rater's answers sent, or held back because a comment seems to identify someone. */
    public record Sent(boolean sent, List<List<MarkedText.Segment>> marked) implements Serializable {
    }

    /** For the "coming up" panels: a 360 that waits for the learner, and what it waits for. */
    public record Waiting(long roundId, Long requestId, String what, LocalDate by) implements Serializable {
    }
}
