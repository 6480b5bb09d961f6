package org.leadingtogether.booking;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * What the booking pages show, as small records built inside one service call: never entities, never lazy
 * graphs walked by a page.
 */
public final class Pages {

    private Pages() {
    }

    /** A learner's protected time: the programme's entitlement, one period's ledger, the blocks in it, what awaits confirming. */
    public record ProtectedTime(boolean inProgramme, String programmeName, String entitlement, ProtectedTimeLedger.Figures ledger,
                                LocalDate previous, LocalDate next, List<Block> blocks, List<Block> toConfirm,
                                List<Choice> modules) implements Serializable {

        /** The blocks of the period that can still be cancelled. */
        public List<Block> cancellable() {
            return blocks.stream().filter(Block::canCancel).toList();
        }

        /** Time lost or cancelled in the period, by reason: "Service pressure: 2 hours". */
        public List<Choice> lossesByReason() {
            return ledger == null ? List.of() : ledger.lostOrCancelledByReason().entrySet().stream()
                    .map(e -> new Choice(e.getKey().name(), e.getKey().getLabel() + ": " + ProtectedTimeLedger.minutesText(e.getValue())))
                    .toList();
        }
    }

    /** One block of protected time. */
    public record Block(long id, Instant start, Instant end, int minutes, String purpose, String module, BookingStatus status,
                        String reason, boolean overEntitlement, String overReason, boolean canCancel, boolean canConfirm)
            implements Serializable {

        public String length() {
            return ProtectedTimeLedger.minutesText(minutes);
        }
    }

    /** A value and its label, for a choice on a page. */
    public record Choice(String value, String label) implements Serializable {
    }

    /** A coachee's booking page: each current coach with their free slots, and the sessions booked. */
    public record CoachingBooking(List<CoachSlots> coaches, List<Session> sessions) implements Serializable {
    }

    /**
     * One coach's free slots, by day, with the number of sessions the pairing's agreement allows (null while there
     * is no agreement) and how many are booked or held already.
     */
    public record CoachSlots(long pairingId, String coachName, List<SlotDay> days, Integer agreedSessions, int sessionsTaken)
            implements Serializable {

        /** Whether every session the agreement allows is booked or held. */
        public boolean agreementFull() {
            return agreedSessions != null && sessionsTaken >= agreedSessions;
        }
    }

    /** The free slots of one London day. */
    public record SlotDay(LocalDate day, List<FreeSlot> slots) implements Serializable {
    }

    /** One free slot; {@code key} identifies it in a form (its start as epoch seconds). */
    public record FreeSlot(Instant start, Instant end, int minutes) implements Serializable {

        public String key() {
            return Long.toString(start.getEpochSecond());
        }
    }

    /** A booked coaching session as one side sees it: with whom, when, and whether it can still be changed here. */
    public record Session(long bookingId, String withName, Instant start, Instant end, BookingStatus status, String closedText,
                          boolean canChange) implements Serializable {
    }

    /** A session to change, and the free slots it could move to. */
    public record SessionChange(Session session, List<SlotDay> slots) implements Serializable {

        public List<FreeSlot> allSlots() {
            return slots.stream().flatMap(day -> day.slots().stream()).toList();
        }
    }

    /** A coach's slots page: patterns, one-off slots, what is booked, and the free slots of the next weeks. */
    public record SessionSlots(List<Pattern> patterns, List<OneOff> oneOffs, List<Session> sessions, List<SlotDay> free)
            implements Serializable {
    }

    public record Pattern(long id, DayOfWeek day, LocalTime from, LocalTime until, int sessionMinutes, int bufferMinutes,
                          int noticeHours, LocalDate firstDay, LocalDate lastDay) implements Serializable {
    }

    public record OneOff(long id, Instant start, Instant end, int noticeHours, boolean booked) implements Serializable {
    }

    /** A cohort's protected-time bookings beyond the entitlement, with the learners' reasons, for its managers. */
    public record OverEntitlement(long cohortId, String cohortName, List<OverBooking> bookings) implements Serializable {
    }

    public record OverBooking(long personId, String name, Instant start, Instant end, int minutes, String purpose, String reason,
                              BookingStatus status) implements Serializable {

        public String length() {
            return ProtectedTimeLedger.minutesText(minutes);
        }
    }

    /** Whether the caller has a calendar feed and since when its address is valid. */
    public record Feed(boolean active, Instant since) implements Serializable {
    }

    /** An invitation to download. */
    public record Invitation(String fileName, String calendar) implements Serializable {
    }
}
