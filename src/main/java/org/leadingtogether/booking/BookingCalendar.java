package org.leadingtogether.booking;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import org.leadingtogether.platform.ClockProducer;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;

/**
 * Bookings as iCalendar (RFC 5545), made with ical4j: an invitation per booking ({@code METHOD:REQUEST}, or
 * {@code METHOD:CANCEL} once cancelled) and a person's feed ({@code METHOD:PUBLISH}).
 *
 * <p>Times are written as London local times with {@code TZID=Europe/London} and the calendar carries the
 * matching {@code VTIMEZONE}: the compact form Outlook and Google write themselves (the present rule, clocks
 * forward at 01:00 GMT on the last Sunday of March and back at 02:00 BST on the last Sunday of October), so a
 * session at 14:00 shows at 14:00 on both sides of a change. The event's {@code UID} is the booking's for life,
 * and {@code SEQUENCE} goes up with each change, so a calendar replaces the event it has rather than adding one.
 */
public final class BookingCalendar {

    static final String PRODUCT = "-//Leading Together//Bookings 1.0//EN";

    private static final String LONDON_VTIMEZONE = String.join("\r\n",
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:" + PRODUCT,
            "BEGIN:VTIMEZONE", "TZID:Europe/London",
            "BEGIN:DAYLIGHT", "TZNAME:BST", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100", "DTSTART:19810329T010000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZNAME:GMT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000", "DTSTART:19961027T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
            "END:VTIMEZONE", "END:VCALENDAR", "");

    /** Someone taking part: their name and email address. */
    public record Person(String name, String email) implements Serializable {
    }

    /** One booking as a calendar event. */
    public record Event(String uid, int sequence, TimeRange range, String summary, String description, boolean cancelled,
                        List<Person> attendees) implements Serializable {
    }

    private final Person organiser;

    /** Invitations come from {@code organiser}: the portal's own sending address. */
    public BookingCalendar(Person organiser) {
        this.organiser = organiser;
    }

    /** The invitation for one booking: a request while it stands, a cancellation once it is cancelled. */
    public String invitation(Event event, Instant stamp) {
        Calendar calendar = calendar(event.cancelled() ? ImmutableMethod.CANCEL : ImmutableMethod.REQUEST);
        calendar.add(vevent(event, stamp));
        return calendar.toString();
    }

    /** A person's feed of bookings, for subscribing from a calendar program. */
    public String feed(String name, List<Event> events, Instant stamp) {
        Calendar calendar = calendar(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        calendar.add(new XProperty("X-WR-TIMEZONE", "Europe/London"));
        events.forEach(event -> calendar.add(vevent(event, stamp)));
        return calendar.toString();
    }

    /** The method an invitation of this booking carries: REQUEST or CANCEL. */
    public static String method(boolean cancelled) {
        return cancelled ? "CANCEL" : "REQUEST";
    }

    private static Calendar calendar(Property method) {
        Calendar calendar = new Calendar().withProdId(PRODUCT).withDefaults().getFluentTarget();
        calendar.add(method);
        calendar.add(londonTimeZone());
        return calendar;
    }

    private VEvent vevent(Event event, Instant stamp) {
        VEvent vevent = new VEvent();
        vevent.replace(new DtStamp(stamp));
        vevent.add(new DtStart<>(local(event.range().start())));
        vevent.add(new DtEnd<>(local(event.range().end())));
        vevent.add(new Summary(event.summary()));
        vevent.add(new Uid(event.uid()));
        vevent.add(new Sequence(event.sequence()));
        vevent.add(event.cancelled() ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        if (event.description() != null) {
            vevent.add(new Description(event.description()));
        }
        Organizer organizer = new Organizer(mailto(organiser.email()));
        organizer.add(new Cn(organiser.name()));
        vevent.add(organizer);
        for (Person person : event.attendees()) {
            Attendee attendee = new Attendee(mailto(person.email()));
            attendee.add(new Cn(person.name()));
            attendee.add(Role.REQ_PARTICIPANT);
            attendee.add(event.cancelled() ? PartStat.DECLINED : PartStat.ACCEPTED);
            vevent.add(attendee);
        }
        return vevent;
    }

    /**
     * A London local time with its TZID, except the second 01:00–01:59 of the night the clocks go back: a local
     * time there names the first occurrence (RFC 5545 §3.3.5), so that one instant is written in UTC instead.
     */
    static Temporal local(Instant instant) {
        ZonedDateTime london = instant.atZone(ClockProducer.LONDON);
        List<ZoneOffset> offsets = ClockProducer.LONDON.getRules().getValidOffsets(london.toLocalDateTime());
        if (offsets.size() > 1 && !london.getOffset().equals(offsets.get(0))) {
            return instant;
        }
        return london;
    }

    private static URI mailto(String email) {
        try {
            return new URI("mailto", email, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not an email address: " + email, e);
        }
    }

    /** A fresh copy of the London VTIMEZONE (a component belongs to one calendar). */
    static VTimeZone londonTimeZone() {
        try {
            Calendar parsed = new CalendarBuilder().build(new StringReader(LONDON_VTIMEZONE));
            return (VTimeZone) parsed.getComponent("VTIMEZONE").orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ParserException e) {
            throw new IllegalStateException("The London time zone definition does not parse", e);
        }
    }
}
