package org.leadingtogether.journal;

/**
 * Something happened to a shared entry that the other side of the pairing may want to know about, fired in the
 * transaction that did it (so it is seen only if that commits). It carries ids only, never the entry's words: whoever
 * listens (the notification feature) tells the person that something happened and links to the page, which checks
 * who may read it as every page does.
 *
 * @param entryId     the entry
 * @param authorId    the entry's author (the coachee)
 * @param coachId     the coach of the pairing the entry is shared through
 * @param byCoach     true: the coach commented; false: the author shared it with the coach
 */
public record JournalHappened(long entryId, long authorId, long coachId, boolean byCoach) {
}
