package org.leadingtogether.feedback;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.leadingtogether.account.Person;
import org.leadingtogether.framework.FrameworkService;
import org.leadingtogether.framework.FrameworkView;
import org.leadingtogether.journal.IdentifyingInfoDetector;
import org.leadingtogether.journal.MarkedText;
import org.leadingtogether.platform.BusinessException;
import org.leadingtogether.platform.NotFoundException;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The boundary of a rater's link: what it opens, and the answers sent through it. Apart from {@link FeedbackService},
 * where every method checks a signed-in caller, because a rater has no account: the link is the key. Both methods are
 * open to anyone, and the link's secret, found by its hash, is the only check; a link never made, already used or
 * past its round's closing shows no question and takes no answer.
 *
 * <p>A rater's answers are taken once: one conditional update marks the invitation answered, so two sends of the same
 * form (or the same link in two tabs) save one set of answers. The answers are stored with the rater's group only.
 */
@Stateless
public class RaterAnswers {

    /** The longest comment a rater may write, per question. */
    public static final int COMMENT_MAX = 2000;

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Clock clock;

    @Inject
    private FrameworkService frameworks;

    /** What a rater's link opens: the questions, or a plain answer when it was used, has expired or does not exist. */
    @PermitAll
    public FeedbackPages.Rater findRater(String token) {
        Optional<FeedbackRater> found = raterByToken(token);
        if (found.isEmpty()) {
            return FeedbackPages.Rater.unknown();
        }
        FeedbackRater rater = found.get();
        FeedbackRequest request = em.find(FeedbackRequest.class, rater.getRequestId());
        FeedbackRound round = em.find(FeedbackRound.class, request.getRoundId());
        FeedbackPages.LinkState state = rater.isAnswered() ? FeedbackPages.LinkState.ANSWERED
                : round.isClosedOn(FeedbackCommon.today(clock)) ? FeedbackPages.LinkState.CLOSED : FeedbackPages.LinkState.OPEN;
        return new FeedbackPages.Rater(state, em.find(Person.class, request.getLearnerId()).getFullName(),
                FeedbackCommon.programmeName(em, round.getProgrammeId()), rater.getRelationship(), round.getClosesOn(),
                state == FeedbackPages.LinkState.OPEN ? frameworks.getFramework(request.getFrameworkId()) : null);
    }

    /**
     * A rater's answers: a point of the scale or 0 ("not able to say") for every element, and two optional comments.
     * A comment that seems to identify someone is held back, with the words marked, until the rater sends it anyway
     * ({@code keepAnyway}); nothing is stored meanwhile. Taken once: a second send of the same link is refused.
     */
    @PermitAll
    public FeedbackPages.Sent sendAnswers(String token, Map<String, Integer> answers, String keepDoing, String doDifferently, boolean keepAnyway) {
        FeedbackRater rater = raterByToken(token).orElseThrow(() -> new NotFoundException(
                "This link does not work. Check that you used the whole address from the email."));
        FeedbackRequest request = em.find(FeedbackRequest.class, rater.getRequestId());
        FeedbackRound round = em.find(FeedbackRound.class, request.getRoundId());
        if (round.isClosedOn(FeedbackCommon.today(clock))) {
            throw new BusinessException("The closing date, " + FeedbackPolicy.DAY.format(round.getClosesOn())
                    + ", has passed, so your answers could not be sent.");
        }
        if (rater.isAnswered()) {
            throw new BusinessException("Your answers were sent already, and cannot be changed.");
        }
        FrameworkView framework = frameworks.getFramework(request.getFrameworkId());
        Map<String, Integer> ratings = FeedbackCommon.checkedRatings(framework, answers, true);
        String first = comment(keepDoing, "keepDoing");
        String second = comment(doDifferently, "doDifferently");
        if (!keepAnyway) {
            List<IdentifyingInfoDetector.Finding> inFirst = IdentifyingInfoDetector.scan(first, FeedbackCommon.today(clock));
            List<IdentifyingInfoDetector.Finding> inSecond = IdentifyingInfoDetector.scan(second, FeedbackCommon.today(clock));
            if (!inFirst.isEmpty() || !inSecond.isEmpty()) {
                return new FeedbackPages.Sent(false, List.of(MarkedText.segments(first == null ? "" : first, inFirst),
                        MarkedText.segments(second == null ? "" : second, inSecond)));
            }
        }
        int taken = em.createNativeQuery("UPDATE feedback_rater SET answered = TRUE WHERE id = ? AND answered = FALSE")
                .setParameter(1, rater.getId()).executeUpdate();
        if (taken != 1) {
            throw new BusinessException("Your answers were sent already, and cannot be changed.");
        }
        em.persist(new FeedbackResponse(request.getId(), rater.getRelationship(), ratings));
        em.createNativeQuery("UPDATE feedback_request SET answers = answers + 1 WHERE id = ?").setParameter(1, request.getId()).executeUpdate();
        Scores.others(em, request.getId(), framework, ratings);
        int question = 1;
        for (String text : new String[] {first, second}) {
            if (text != null) {
                em.createNativeQuery("INSERT INTO feedback_comment (request_id, question, body, sort_key) VALUES (?, ?, ?, ?)")
                        .setParameter(1, request.getId()).setParameter(2, question).setParameter(3, text)
                        .setParameter(4, RANDOM.nextInt(Integer.MAX_VALUE)).executeUpdate();
            }
            question++;
        }
        return new FeedbackPages.Sent(true, List.of());
    }

    private static String comment(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > COMMENT_MAX) {
            throw new BusinessException(field, "Keep each answer to " + COMMENT_MAX + " characters or fewer (this one has " + stripped.length() + ").");
        }
        return stripped;
    }

    private Optional<FeedbackRater> raterByToken(String token) {
        if (!RaterToken.looksLikeToken(token)) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery("SELECT rater_id FROM feedback_link WHERE token_hash = ?")
                .setParameter(1, RaterToken.hash(token)).getResultList();
        return ids.stream().findFirst().map(id -> em.find(FeedbackRater.class, ((Number) id).longValue()));
    }
}
