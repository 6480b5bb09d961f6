package org.leadingtogether.feedback;

import org.leadingtogether.coaching.Pairing;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Who may do what with a 360, checked at the top of every {@link FeedbackService} method with what the service has
 * just read. A learner's 360 is theirs alone; their current coach reads the report only while the learner shares it
 * through the pairing they are in now; nobody else reads it at all, programme managers and administrators included.
 * A refusal of somebody else's 360 is the same "not found" as for one that does not exist, so an id typed by hand
 * tells a stranger nothing.
 */
public final class FeedbackPolicy {

    static final String NO_SUCH_360 = "There is no such 360.";
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private FeedbackPolicy() {
    }

    /** The caller's own 360. */
    public static FeedbackRequest checkOwn(FeedbackRequest request, long me) {
        if (request == null || request.getLearnerId() != me) {
            throw new NotFoundException(NO_SUCH_360);
        }
        return request;
    }

    /** The round takes self-ratings, invitations and answers on {@code today}. */
    public static FeedbackRound checkOpen(FeedbackRound round, LocalDate today) {
        if (today.isBefore(round.getOpensOn())) {
            throw new BusinessException("This round opens on " + DAY.format(round.getOpensOn()) + ".");
        }
        if (round.isClosedOn(today)) {
            throw new BusinessException("This round closed on " + DAY.format(round.getClosesOn()) + ": nothing more can be added to it.");
        }
        return round;
    }

    /** The report is read only once the round has closed, when every answer is in. */
    public static FeedbackRound checkClosed(FeedbackRound round, LocalDate today) {
        if (!round.isClosedOn(today)) {
            throw new BusinessException("Your report is ready the day after the round closes, on " + DAY.format(round.getClosesOn().plusDays(1)) + ".");
        }
        return round;
    }

    /**
     * The 360, if the caller may read it as a coach: shared through {@code pairing} (the pairing it names, as read now),
     * in which the caller coaches its learner, and which is current.
     */
    public static FeedbackRequest checkCoachMayRead(FeedbackRequest request, Pairing pairing, long me) {
        if (request == null || !mayCoachRead(request, pairing, me)) {
            throw new NotFoundException(NO_SUCH_360);
        }
        return request;
    }

    public static boolean mayCoachRead(FeedbackRequest request, Pairing pairing, long me) {
        return pairing != null && request.getSharedPairingId() != null && request.getSharedPairingId().equals(pairing.getId())
                && pairing.getCoachId() == me && pairing.getCoacheeId() == request.getLearnerId() && me != request.getLearnerId()
                && pairing.getState().isCurrent();
    }

    /** The learner may share their own 360 with a coach they work with now. */
    public static Pairing checkMayShare(FeedbackRequest request, Pairing pairing, long me) {
        checkOwn(request, me);
        if (pairing == null || pairing.getCoacheeId() != me || !pairing.getState().isCurrent()) {
            throw new BusinessException("You can share your report only with a coach you are working with now.");
        }
        return pairing;
    }
}
