/**
 * Protected-time booking: learners' blocks of protected development time and their ledger, coaches' session slots
 * and the sessions coachees book in them, iCalendar invitations, private calendar feeds, and the emails a booking
 * change calls for (written here, sent by the mail feature's outbox).
 *
 * <p>Why it is shaped this way:
 * <ul>
 *   <li><b>One {@link org.leadingtogether.booking.Booking} table for both kinds</b>, so "nobody holds two
 *       overlapping bookings, coaching or protected time" is one query, and one calendar feed lists both.</li>
 *   <li><b>No double booking, by the database.</b> {@link org.leadingtogether.booking.BookingService} locks the
 *       people whose time changes ({@code SELECT … FOR UPDATE}, in id order) before it checks and writes, and
 *       unique keys refuse a second standing booking at the same start for a person or a coach. A coach's slots
 *       are not rows to fight over: they are cut from patterns by {@link org.leadingtogether.booking.SlotGenerator}
 *       and are free while no booking of the coach lies within their buffer.</li>
 *   <li><b>Time.</b> People type and read London time; instants are stored in UTC. A local time that does not
 *       exist or happens twice on a clock-change night is refused with a message ({@link
 *       org.leadingtogether.booking.LondonTime}); patterns keep to wall-clock times across the changes.</li>
 *   <li><b>The ledger</b> ({@link org.leadingtogether.booking.ProtectedTimeLedger}) is plain arithmetic: booked and
 *       used time count against the entitlement; lost and cancelled time do not, and keep their reason. Going beyond
 *       the entitlement is never refused and never silent: it needs a reason, and the cohort's managers see it.
 *       Time already taken can be recorded up to 14 days afterwards, then confirmed like any other block.</li>
 *   <li><b>Calendars.</b> {@link org.leadingtogether.booking.BookingCalendar} writes RFC 5545 with ical4j: one UID
 *       per booking for life, SEQUENCE up with each change, REQUEST or CANCEL, Europe/London with its VTIMEZONE.
 *       A feed's secret address is stored only as a hash.</li>
 *   <li><b>Email.</b> A change's emails (with the invitation, or its cancellation, when a booking's time
 *       changes) are written by {@link org.leadingtogether.booking.NoticeWriter} into the outbox of {@link
 *       org.leadingtogether.mail} in the booking's own transaction, so they go only for a change that was saved;
 *       sending, trying again and the administrators' list are that feature's. Day-before reminders are claimed
 *       booking by booking ({@link org.leadingtogether.booking.BookingReminders}), so a cluster writes each once,
 *       and one is never sent for a booking cancelled since: the outbox asks ({@link
 *       org.leadingtogether.booking.ReminderBookings}). {@link org.leadingtogether.booking.BookingJobs} writes the
 *       reminders every minute; the outbox has a timer of its own for what waits.</li>
 * </ul>
 * Coaching sessions booked here are also written as {@code CoachingSession} records of the pairing, so the
 * coaching pages and the cohort dashboard see them like any other session.
 */
package org.leadingtogether.booking;
