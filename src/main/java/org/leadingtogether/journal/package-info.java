/**
 * The reflective journal: structured reflections, private by default, shared entry by entry with a coach,
 * sealed at rest, and exported as revalidation-ready accounts.
 *
 * <p>What it owns and why it is shaped this way:
 * <ul>
 *   <li>{@link org.leadingtogether.journal.JournalEntry} and {@link org.leadingtogether.journal.JournalComment}: the
 *       entities. Every text an author or coach writes is sealed with
 *       {@link org.leadingtogether.journal.JournalCipher} (AES-256-GCM, a fresh IV per value, bound to whose entry
 *       and which field) before it reaches the database, because regulators remind that reflective notes are not
 *       legally privileged and a database copy must not be a readable diary. The key comes from configuration
 *       ({@code JOURNAL_KEY}; {@link org.leadingtogether.journal.JournalKey} says where else, and when start-up
 *       refuses).</li>
 *   <li>{@link org.leadingtogether.journal.JournalService}: the one boundary, and
 *       {@link org.leadingtogether.journal.JournalPolicy}: who may read what. Only the author reads an entry; a coach
 *       reads one the author shares with them, while their pairing is current (read from the coaching tables at
 *       every request by {@code CoachingRecords}, so an ended pairing ends the sharing at once). Programme managers
 *       and administrators have no way in at all.</li>
 *   <li>Plain control classes, tested without a container: {@link org.leadingtogether.journal.ReflectionModel}
 *       (free text, Gibbs, What? So what? Now what?, with a hint per stage),
 *       {@link org.leadingtogether.journal.IdentifyingInfoDetector} (NHS numbers with their check digit, dates of
 *       birth, names after titles or "patient", postcodes, phone numbers: a warning the author may override),
 *       {@link org.leadingtogether.journal.ReflectiveAccountsPdf} (the NMC reflective account layout) and
 *       {@link org.leadingtogether.journal.CpdLog} (the CPD log as CSV).</li>
 * </ul>
 * Framework elements an entry evidences count in the learner's progress (the {@code progress} feature asks
 * {@link org.leadingtogether.journal.JournalService#findMyEvidence()}).
 */
package org.leadingtogether.journal;
