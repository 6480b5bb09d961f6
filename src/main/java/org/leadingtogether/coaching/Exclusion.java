package org.leadingtogether.coaching;

/**
 * A coach who cannot be suggested to a coachee, and the rule that stops it, so that a programme manager
 * wondering why an obvious coach is missing gets an answer rather than a mystery.
 *
 * @param reason short plain words, such as "own organisation" or "no free places"
 */
public record Exclusion(MatchCandidate coach, String reason) {
}
