package org.leadingtogether.journal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like information that identifies a person in a reflection, so the author can take it
 * out before saving. Regulators expect reflections to be anonymised (nobody identifiable, alone or with
 * other information) and remind that reflective notes are not legally privileged.
 *
 * <p>What it looks for, and the decisions behind each:
 * <ul>
 *   <li><b>NHS numbers</b>: ten digits, together or spaced 3-3-4 (spaces or hyphens, the same both times),
 *       whose last digit is the right modulus-11 check digit. Ten digits that fail the check are not an NHS
 *       number and are not flagged, which keeps order numbers and the like quiet.</li>
 *   <li><b>Dates of birth</b>: a full date (or a year) within a few words after "born", "DOB", "D.O.B.",
 *       "date of birth", "birth date" or "birthday", or a full date followed by "(DOB)". Also any full date
 *       (day, month and year) sixteen or more years before today: reflections are about recent practice, so
 *       an old full date is far more often someone's birthday than an event. Recent dates are not flagged,
 *       because dating an event is normal and useful.</li>
 *   <li><b>Names</b>: capitalised words after a title (Mr, Mrs, Ms, Miss, Mx, Dr, Prof, with or without a
 *       full stop), or after "patient", "service user", "resident" or "client" (optionally "called", "named"
 *       or a comma). Sentence words that are often capitalised (The, She, Monday, March…) are not names.</li>
 *   <li><b>Postcodes</b>: the UK pattern (outward code, optional space, inward code such as "1AA"), in
 *       capitals or, when spaced, in lower case.</li>
 *   <li><b>UK phone numbers</b>: starting 0 or +44, with the usual spaces, hyphens or brackets, ten or
 *       eleven digits in all (nine or ten after +44).</li>
 * </ul>
 * A finding is a warning, never a refusal: the author may save anyway. When two findings overlap the
 * earlier (then the longer) is kept, so each word is highlighted once.
 */
public final class IdentifyingInfoDetector {

    /** What a finding looks like, in words for the warning ("looks like an NHS number"). */
    public enum Kind {
        NHS_NUMBER("an NHS number"),
        DATE_OF_BIRTH("a date of birth"),
        NAME("a person's name"),
        POSTCODE("a postcode"),
        PHONE("a phone number");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String getDescription() {
            return description;
        }
    }

    /** One thing found: what it looks like, where it is in the text ({@code start} inclusive, {@code end} exclusive). */
    public record Finding(Kind kind, int start, int end, String text) {
    }

    /** How many years back a full date has to be before it is taken for a date of birth without any cue word. */
    static final int BIRTH_DATE_YEARS = 16;

    private static final String MONTHS = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

    private static final Pattern NHS_NUMBER = Pattern.compile("(?<![\\d.+])(\\d{3})([ -]?)(\\d{3})\\2(\\d{4})(?![\\d])");

    /** A full date in the forms people write: 3/4/1947, 03-04-47, 1947-04-03, 3 April 1947, 3rd of April 1947, April 3, 1947. */
    private static final Pattern FULL_DATE = Pattern.compile(
            "(?<![\\d/.-])(?:(?<d1>\\d{1,2})[/.-](?<m1>\\d{1,2})[/.-](?<y1>\\d{4}|\\d{2})"
                    + "|(?<y2>\\d{4})-(?<m2>\\d{2})-(?<d2>\\d{2})"
                    + "|(?<d3>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(?<m3>" + MONTHS + ")\\.?,?\\s+(?<y3>\\d{4})"
                    + "|(?<m4>" + MONTHS + ")\\.?\\s+(?<d4>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y4>\\d{4}))(?![\\d/])",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BIRTH_CUE = Pattern.compile(
            "\\b(?:born\\b|d\\.?\\s?o\\.?\\s?b\\b\\.?|date\\s+of\\s+birth\\b|birth\\s*date\\b|birthday\\b)", Pattern.CASE_INSENSITIVE);

    private static final Pattern YEAR_AFTER_CUE = Pattern.compile(
            "[\\s:,.-]*(?:(?:in|on|was|is)\\s+)?(?:the\\s+year\\s+)?(?<when>(?:" + MONTHS + "\\.?\\s+)?(?:19|20)\\d{2})(?![\\d/.-]\\d)",
            Pattern.CASE_INSENSITIVE);

    /** What may stand between a cue word and the date it introduces: "DOB: ", "born on ", "date of birth is ". */
    private static final Pattern CUE_GAP = Pattern.compile("[\\s:,.()-]*(?:(?:was|is|on|in)[\\s:,]+)?", Pattern.CASE_INSENSITIVE);

    private static final Pattern DOB_AFTER = Pattern.compile("^\\s*\\(?\\s*(?:DOB|D\\.O\\.B\\.?|date of birth)\\b", Pattern.CASE_INSENSITIVE);

    /** How far after a cue word a date may start and still be read as a date of birth. */
    private static final int CUE_REACH = 25;

    private static final String NAME_WORD = "(?:Ma?c|O['’])?[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*";

    private static final Pattern TITLED_NAME = Pattern.compile(
            "\\b(?:Mrs|Mr|Ms|Miss|Mx|Dr|Prof)\\.?\\s+(?<name>(?:[A-Z]\\.?\\s+)*" + NAME_WORD + "(?:\\s+" + NAME_WORD + ")*)");

    private static final Pattern CALLED_NAME = Pattern.compile(
            "\\b(?i:patient|service\\s+user|resident|client)(?:\\s*,\\s*|\\s+(?i:called|named|known\\s+as)\\s+|\\s+)"
                    + "(?<name>" + NAME_WORD + "(?:\\s+" + NAME_WORD + ")*)");

    /** Capitalised words that start sentences or name days and months, never taken for a name on their own. */
    private static final Set<String> NOT_NAMES = Set.of("I", "The", "This", "That", "These", "Those", "There", "Then", "They",
            "She", "He", "We", "It", "His", "Her", "Their", "Our", "My", "And", "But", "So", "Or", "If", "When", "While",
            "After", "Before", "During", "On", "In", "At", "As", "A", "An", "However", "Although", "Because", "Today",
            "Yesterday", "Tomorrow", "Later", "Afterwards", "Who", "What", "Why", "How", "Where", "Which", "Also", "Both",
            "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
            "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
            "November", "December", "NHS", "Safety", "Experience", "Team", "Ward");

    private static final String OUTWARD = "(?:[A-PR-UWYZ][A-HK-Y]?\\d[A-Z\\d]?|GIR)";
    private static final String INWARD = "(?:\\d[ABD-HJLNP-UW-Z]{2}|0AA)";
    private static final Pattern POSTCODE = Pattern.compile(
            "(?<![A-Za-z\\d])(?:(" + OUTWARD + ")\\s?(" + INWARD + ")|(?i:(" + OUTWARD + ")\\s(" + INWARD + ")))(?![A-Za-z\\d])");

    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\w+])(?:\\+44\\s?(?:\\(0\\)\\s?)?|\\(?0)\\d{2,5}\\)?[\\s-]?\\d{3,4}[\\s-]?\\d{3,4}(?![\\d])");

    private IdentifyingInfoDetector() {
    }

    /** What in {@code text} looks identifying, in order of position, without overlaps. Today is {@code today}. */
    public static List<Finding> scan(String text, LocalDate today) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<Finding> found = new ArrayList<>();
        nhsNumbers(text, found);
        datesOfBirth(text, today, found);
        names(text, found);
        postcodes(text, found);
        phones(text, found);
        return withoutOverlaps(found);
    }

    // ------------------------------------------------------------------------------------------ NHS numbers

    private static void nhsNumbers(String text, List<Finding> found) {
        Matcher m = NHS_NUMBER.matcher(text);
        while (m.find()) {
            if (isValidNhsNumber(m.group(1) + m.group(3) + m.group(4))) {
                found.add(finding(Kind.NHS_NUMBER, m.start(), m.end(), text));
            }
        }
    }

    /**
     * The NHS number check: the first nine digits weighted 10 down to 2 and summed; eleven minus the remainder
     * on division by 11 is the check digit (11 counts as 0; 10 means the number cannot be valid).
     */
    public static boolean isValidNhsNumber(String digits) {
        if (digits == null || !digits.matches("\\d{10}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    // ------------------------------------------------------------------------------------------ dates of birth

    private static void datesOfBirth(String text, LocalDate today, List<Finding> found) {
        Matcher date = FULL_DATE.matcher(text);
        while (date.find()) {
            LocalDate value = parse(date, today);
            if (value == null) {
                continue;
            }
            boolean cueBefore = cueBefore(text, date.start());
            boolean cueAfter = DOB_AFTER.matcher(text.substring(date.end())).find();
            // Without a cue word only an unambiguous date counts: "3.5.10" is more likely a version than a birthday.
            boolean unambiguous = date.group("d1") == null || date.group("y1").length() == 4;
            boolean old = today != null && unambiguous && !value.isAfter(today.minusYears(BIRTH_DATE_YEARS));
            if (cueBefore || cueAfter || old) {
                found.add(finding(Kind.DATE_OF_BIRTH, date.start(), date.end(), text));
            }
        }
        // "born in 1947", "DOB April 1947": a month and year, or a year alone, straight after the cue.
        Matcher cue = BIRTH_CUE.matcher(text);
        while (cue.find()) {
            Matcher when = YEAR_AFTER_CUE.matcher(text).region(cue.end(), text.length());
            if (when.lookingAt()) {
                found.add(finding(Kind.DATE_OF_BIRTH, when.start("when"), when.end("when"), text));
            }
        }
    }

    /** Whether a birth cue word comes just before {@code position}, with only "is", "was", "on" or punctuation between. */
    private static boolean cueBefore(String text, int position) {
        String before = text.substring(Math.max(0, position - CUE_REACH), position);
        Matcher cue = BIRTH_CUE.matcher(before);
        int lastEnd = -1;
        while (cue.find()) {
            lastEnd = cue.end();
        }
        return lastEnd >= 0 && CUE_GAP.matcher(before.substring(lastEnd)).matches();
    }

    private static LocalDate parse(Matcher m, LocalDate today) {
        try {
            if (m.group("d1") != null) {
                return LocalDate.of(fullYear(m.group("y1"), today), Integer.parseInt(m.group("m1")), Integer.parseInt(m.group("d1")));
            }
            if (m.group("y2") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y2")), Integer.parseInt(m.group("m2")), Integer.parseInt(m.group("d2")));
            }
            if (m.group("d3") != null) {
                return LocalDate.of(Integer.parseInt(m.group("y3")), month(m.group("m3")), Integer.parseInt(m.group("d3")));
            }
            return LocalDate.of(Integer.parseInt(m.group("y4")), month(m.group("m4")), Integer.parseInt(m.group("d4")));
        } catch (DateTimeException | NumberFormatException notADate) {
            return null;
        }
    }

    /** A two-digit year is read as the latest such year not after today's: 47 is 1947, 09 is 2009. */
    private static int fullYear(String year, LocalDate today) {
        if (year.length() == 4) {
            return Integer.parseInt(year);
        }
        int twoDigits = Integer.parseInt(year);
        int thisYear = (today == null ? LocalDate.now() : today).getYear();
        int candidate = thisYear - thisYear % 100 + twoDigits;
        return candidate > thisYear ? candidate - 100 : candidate;
    }

    private static int month(String name) {
        String start = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.SHORT, Locale.UK).toLowerCase(Locale.ROOT).startsWith(start)) {
                return month.getValue();
            }
        }
        throw new NumberFormatException(name);
    }

    // ------------------------------------------------------------------------------------------ names

    private static void names(String text, List<Finding> found) {
        for (Pattern pattern : List.of(TITLED_NAME, CALLED_NAME)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                int start = pattern == TITLED_NAME ? m.start() : m.start("name");
                int end = nameEnd(text, m.start("name"), m.end("name"));
                if (end > m.start("name")) {
                    found.add(finding(Kind.NAME, start, end, text));
                }
            }
        }
    }

    /**
     * Where the name in {@code [start, end)} really ends: at the first word that is not a name (a sentence word,
     * a day or month). Returns {@code start} when the first word is not a name at all.
     */
    private static int nameEnd(String text, int start, int end) {
        Matcher word = Pattern.compile("[^\\s.]+").matcher(text.substring(start, end));
        int last = start;
        while (word.find()) {
            String w = word.group();
            boolean initial = w.length() == 1 && Character.isUpperCase(w.charAt(0));
            if (NOT_NAMES.contains(w) && !initial) {
                break;
            }
            last = start + word.end();
            if (end > last && text.charAt(last) == '.') {
                last++;
            }
        }
        // An initial alone ("Mr J.") is kept only with a surname after it.
        String name = text.substring(start, last).strip();
        return name.replaceAll("[A-Z]\\.?\\s*", "").isEmpty() ? start : last;
    }

    // ------------------------------------------------------------------------------------------ postcodes, phones

    private static void postcodes(String text, List<Finding> found) {
        Matcher m = POSTCODE.matcher(text);
        while (m.find()) {
            // In lower case, "b2 4th" is far more likely a bay and a floor than a postcode.
            String inward = m.group(2) != null ? m.group(2) : m.group(4);
            if (m.group(2) == null && inward.toLowerCase(Locale.ROOT).matches("\\d(?:st|nd|rd|th)")) {
                continue;
            }
            found.add(finding(Kind.POSTCODE, m.start(), m.end(), text));
        }
    }

    private static void phones(String text, List<Finding> found) {
        Matcher m = PHONE.matcher(text);
        while (m.find()) {
            String match = m.group();
            String digits = match.replaceAll("\\D", "");
            boolean valid;
            if (match.startsWith("+44")) {
                String national = digits.substring(2);
                if (match.contains("(0)")) {
                    national = national.substring(1);
                }
                valid = national.length() >= 9 && national.length() <= 10 && national.charAt(0) != '0';
            } else {
                valid = (digits.length() == 10 || digits.length() == 11) && "1235789".indexOf(digits.charAt(1)) >= 0;
            }
            if (valid && balancedBrackets(match)) {
                found.add(finding(Kind.PHONE, m.start(), m.end(), text));
            }
        }
    }

    private static boolean balancedBrackets(String match) {
        long open = match.chars().filter(c -> c == '(').count();
        long close = match.chars().filter(c -> c == ')').count();
        return open == close;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static Finding finding(Kind kind, int start, int end, String text) {
        return new Finding(kind, start, end, text.substring(start, end));
    }

    private static List<Finding> withoutOverlaps(List<Finding> found) {
        List<Finding> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Finding::start).thenComparing(f -> -(f.end() - f.start())));
        List<Finding> kept = new ArrayList<>();
        int reached = 0;
        for (Finding finding : sorted) {
            if (finding.start() >= reached) {
                kept.add(finding);
                reached = finding.end();
            }
        }
        return List.copyOf(kept);
    }
}
