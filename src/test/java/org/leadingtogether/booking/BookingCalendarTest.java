package org.leadingtogether.booking;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.Temporal;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invitations and feeds written by {@link BookingCalendar}, read back by ical4j and checked field by field. */
class BookingCalendarTest {

    private static final BookingCalendar CALENDAR = new BookingCalendar(new BookingCalendar.Person("Leading Together", "portal@example.org"));
    private static final Instant STAMP = Instant.parse("2026-03-01T09:15:00Z");

    private static BookingCalendar.Event event(String start, String end, int sequence, boolean cancelled) {
        return new BookingCalendar.Event("b1c2@leadingtogether", sequence, new TimeRange(Instant.parse(start), Instant.parse(end)),
                "Coaching session: Amara Okafor with Gareth Hughes", "Booked through Leading Together; to change it, use the portal.",
                cancelled, List.of(new BookingCalendar.Person("Amara Okafor", "amara@example.org"),
                new BookingCalendar.Person("Gareth Hughes", "gareth@example.org")));
    }

    private static Calendar parse(String text) throws Exception {
        return new CalendarBuilder().build(new StringReader(text));
    }

    private static String value(PropertyContainer component, String name) {
        return component.getProperty(name).map(Property::getValue).orElseThrow(() -> new AssertionError("no " + name));
    }

    private static Instant instant(VEvent event, String name) {
        Property property = event.getProperty(name).orElseThrow();
        Temporal temporal = name.equals("DTSTART") ? event.getDateTimeStart().getDate() : event.getDateTimeEnd().getDate();
        return Instant.from(temporal);
    }

    @Test
    void anInvitationIsARequestWithItsUidSequenceAndLondonTimes() throws Exception {
        // Tuesday 7 July 2026, 14:00 to 15:00 London (BST): 13:00 to 14:00 UTC.
        String text = CALENDAR.invitation(event("2026-07-07T13:00:00Z", "2026-07-07T14:00:00Z", 0, false), STAMP);
        assertTrue(text.contains("\r\n"), "lines end in CRLF");
        assertTrue(text.contains("DTSTART;TZID=Europe/London:20260707T140000"), text);
        assertTrue(text.contains("DTEND;TZID=Europe/London:20260707T150000"), text);

        Calendar calendar = parse(text);
        assertEquals("REQUEST", value(calendar, "METHOD"));
        assertEquals("2.0", value(calendar, "VERSION"));
        assertEquals(BookingCalendar.PRODUCT, value(calendar, "PRODID"));
        VTimeZone zone = (VTimeZone) calendar.getComponent("VTIMEZONE").orElseThrow();
        assertEquals("Europe/London", value(zone, "TZID"));
        assertTrue(zone.getObservances().stream().anyMatch(c -> c.getName().equals("DAYLIGHT")));
        assertTrue(zone.getObservances().stream().anyMatch(c -> c.getName().equals("STANDARD")));

        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("b1c2@leadingtogether", value(event, "UID"));
        assertEquals("0", value(event, "SEQUENCE"));
        assertEquals("CONFIRMED", value(event, "STATUS"));
        assertEquals("20260301T091500Z", value(event, "DTSTAMP"));
        assertEquals("Coaching session: Amara Okafor with Gareth Hughes", value(event, "SUMMARY"));
        assertEquals("Booked through Leading Together; to change it, use the portal.", value(event, "DESCRIPTION"));
        assertEquals(Instant.parse("2026-07-07T13:00:00Z"), instant(event, "DTSTART"));
        assertEquals(Instant.parse("2026-07-07T14:00:00Z"), instant(event, "DTEND"));
        assertEquals("mailto:portal@example.org", value(event, "ORGANIZER"));
        List<Property> attendees = event.getProperties("ATTENDEE");
        assertEquals(List.of("mailto:amara@example.org", "mailto:gareth@example.org"), attendees.stream().map(Property::getValue).toList());
        assertEquals("Amara Okafor", attendees.get(0).getParameter("CN").orElseThrow().getValue());
        assertEquals("Europe/London", event.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue());
    }

    @Test
    void aCancellationKeepsTheUidAndRaisesTheSequence() throws Exception {
        Calendar calendar = parse(CALENDAR.invitation(event("2026-11-10T14:00:00Z", "2026-11-10T15:00:00Z", 2, true), STAMP));
        assertEquals("CANCEL", value(calendar, "METHOD"));
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals("b1c2@leadingtogether", value(event, "UID"));
        assertEquals("2", value(event, "SEQUENCE"));
        assertEquals("CANCELLED", value(event, "STATUS"));
        assertEquals(Instant.parse("2026-11-10T14:00:00Z"), instant(event, "DTSTART"), "14:00 GMT in November");
    }

    @Test
    void timesOnTheClockChangeDaysReadBackAsTheSameInstants() throws Exception {
        // 29 March 2026: 03:00 BST is 02:00 UTC. 25 October 2026: 01:30 happens twice; the second (GMT) is written in UTC.
        for (String[] times : new String[][]{
                {"2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"},   // 00:30 GMT to 02:30 BST, across the change
                {"2026-03-29T02:00:00Z", "2026-03-29T03:00:00Z"},   // 03:00 to 04:00 BST
                {"2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"},   // 01:30 BST (first) to 01:30 GMT (second)
                {"2026-10-25T13:00:00Z", "2026-10-25T14:00:00Z"}}) { // 13:00 to 14:00 GMT
            Calendar calendar = parse(CALENDAR.invitation(event(times[0], times[1], 0, false), STAMP));
            VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
            assertEquals(Instant.parse(times[0]), instant(event, "DTSTART"), "start " + times[0]);
            assertEquals(Instant.parse(times[1]), instant(event, "DTEND"), "end " + times[1]);
        }
        String october = CALENDAR.invitation(event("2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", 0, false), STAMP);
        assertTrue(october.contains("DTSTART;TZID=Europe/London:20261025T013000"), october);
        assertTrue(october.contains("DTEND:20261025T013000Z"), october);
    }

    @Test
    void aFeedPublishesEveryBookingWithItsTimeZone() throws Exception {
        String text = CALENDAR.feed("Leading Together", List.of(event("2026-07-07T13:00:00Z", "2026-07-07T14:00:00Z", 0, false),
                new BookingCalendar.Event("other@leadingtogether", 1, new TimeRange(Instant.parse("2026-12-01T10:00:00Z"),
                        Instant.parse("2026-12-01T12:00:00Z")), "Protected time: Module study", null, false,
                        List.of(new BookingCalendar.Person("Amara Okafor", "amara@example.org")))), STAMP);
        Calendar calendar = parse(text);
        assertEquals("PUBLISH", value(calendar, "METHOD"));
        assertEquals("Leading Together", value(calendar, "X-WR-CALNAME"));
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        assertEquals("other@leadingtogether", value(events.get(1), "UID"));
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), instant(events.get(1), "DTSTART"));
        assertFalse(events.get(1).getProperty("DESCRIPTION").isPresent());
    }
}
