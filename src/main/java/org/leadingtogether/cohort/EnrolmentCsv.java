package org.leadingtogether.cohort;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.Serializable;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads a cohort enrolment file: one person a line, as exported from a spreadsheet.
 *
 * <p>The file is checked completely before anything is imported, and every problem is reported at once with
 * its line, because the person fixing it is a programme manager with the file open in Excel: one round trip
 * listing every mistake is far kinder than one mistake per upload. Nothing here throws for a bad file; the
 * caller imports nothing unless {@link Parsed#ok()}.
 *
 * <p>It is deliberately forgiving where spreadsheets differ harmlessly (a byte order mark, Windows line
 * endings, semicolons in locales that use the comma as a decimal point, column order, heading spellings,
 * upper or lower case in professions and organisations) and strict where a guess could enrol the wrong
 * person (field counts, email addresses, names the portal does not know).
 */
public final class EnrolmentCsv {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 5000;

    /** The longest address SMTP can deliver to (RFC 5321 path limit less the angle brackets). */
    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 100;
    static final int MAX_JOB_TITLE = 150;

    static final String EMPTY = "The file is empty. Add a header line and one line for each person, then upload it again.";
    static final String NOT_UTF8 = "The file is not in UTF-8. In Excel, save it as 'CSV UTF-8 (Comma delimited)'.";
    static final String NO_PEOPLE = "The file has a header but no people in it.";

    /** Something@somewhere.tld, with no spaces: enough to catch a name or a phone number in the wrong column. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s.]+(?:\\.[^@\\s.]+)+");

    /**
     * What was read. {@code rows} holds the people whose lines are fine, in file order, so a preview can show
     * them; {@code problems} is sorted by line, whole-file problems (line 0) first.
     */
    public record Parsed(List<EnrolmentRow> rows, List<RowProblem> problems) implements Serializable {

        public Parsed {
            rows = List.copyOf(rows);
            problems = List.copyOf(problems);
        }

        /** Whether the file can be imported: no problems at all, and at least one person. */
        public boolean ok() {
            return problems.isEmpty() && !rows.isEmpty();
        }
    }

    /**
     * What the portal knows of the account a line's email address belongs to, for {@link #accountProblems}.
     *
     * @param active      whether the account is active
     * @param enrolledHere whether the person is enrolled in (or completed) this very cohort already: nothing to do
     * @param otherCohort the name of another cohort of the same programme they are enrolled in or completed, or null
     */
    public record Account(boolean active, boolean enrolledHere, String otherCohort) implements Serializable {
    }

    private EnrolmentCsv() {
    }

    /**
     * The lines of a read file whose person the portal cannot enrol, each with its line: an account that is
     * deactivated, or a person already in another cohort of the programme ({@link CohortMembership#refusal}). Lines
     * of people new to the portal ({@code accounts} has no entry for their email address) and of people already in
     * this cohort (nothing will happen to them) are fine.
     *
     * @param accounts what is known of each account, by email address as read (trimmed, lower case)
     */
    public static List<RowProblem> accountProblems(List<EnrolmentRow> rows, Map<String, Account> accounts) {
        List<RowProblem> problems = new ArrayList<>();
        for (EnrolmentRow row : rows) {
            Account account = accounts.get(row.email());
            if (account == null || account.enrolledHere()) {
                continue;
            }
            CohortMembership.refusal(row.email(), account.active(), account.otherCohort())
                    .ifPresent(message -> problems.add(new RowProblem(row.line(), message)));
        }
        return problems;
    }

    /**
     * @param content       the uploaded file as it arrived
     * @param professions   the professions the portal knows, spelt as it shows them
     * @param organisations the organisations the portal knows, spelt as it shows them
     */
    public static Parsed parse(byte[] content, Collection<String> professions, Collection<String> organisations) {
        if (content == null || content.length == 0) {
            return fileProblem(EMPTY);
        }
        // Before decoding: a huge upload should cost as little as possible to turn away.
        if (content.length > MAX_BYTES) {
            return fileProblem("The file is " + megabytes(content.length) + " MB; the largest file accepted is "
                    + MAX_BYTES / (1024 * 1024) + " MB. Split it into smaller files.");
        }
        Optional<String> decoded = decodeUtf8(content);
        if (decoded.isEmpty()) {
            return fileProblem(NOT_UTF8);
        }
        String text = decoded.get();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return fileProblem(EMPTY);
        }
        return new Reading(text, new KnownNames(professions), new KnownNames(organisations)).read();
    }

    private static Parsed fileProblem(String message) {
        return new Parsed(List.of(), List.of(new RowProblem(0, message)));
    }

    /** Rounded up, so that a file just over the limit never reads as "5.0 MB" against a 5 MB limit. */
    private static String megabytes(long bytes) {
        return BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(1024L * 1024L), 1, RoundingMode.CEILING)
                .toPlainString();
    }

    /**
     * Strict decoding: the lenient default would quietly turn an ANSI "Zoë" into "Zo�" and enrol that. A NUL
     * character counts as not UTF-8 too, as it is what a UTF-16 ("Unicode text") file looks like when read as
     * UTF-8.
     */
    private static Optional<String> decodeUtf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
            return text.indexOf('\u0000') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Headings are compared without case, spaces, underscores or hyphens: "E-mail address" is "emailaddress". */
    static String headingKey(String heading) {
        return EnrolmentColumn.headingKey(heading);
    }

    /** One pass over one file; collects the good rows and every problem. */
    private static final class Reading {

        private final String text;
        private final KnownNames professions;
        private final KnownNames organisations;
        private final char delimiter;
        private final List<EnrolmentRow> rows = new ArrayList<>();
        private final List<RowProblem> problems = new ArrayList<>();
        /** Each email seen, with the first line it was on, to point a duplicate back to it. */
        private final Map<String, Integer> emailLines = new HashMap<>();
        private Map<EnrolmentColumn, Integer> columns;
        private int headerSize;
        private int people;

        Reading(String text, KnownNames professions, KnownNames organisations) {
            this.text = text;
            this.professions = professions;
            this.organisations = organisations;
            this.delimiter = delimiterOf(text);
        }

        /** Excel in locales with a decimal comma writes semicolons; the header line tells which was used. */
        private static char delimiterOf(String text) {
            int end = 0;
            while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
                end++;
            }
            String header = text.substring(0, end);
            return header.indexOf(',') < 0 && header.indexOf(';') >= 0 ? ';' : ',';
        }

        Parsed read() {
            // Blank lines are kept as records (and skipped below) so that line numbers stay those of the file.
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            try (CSVParser parser = format.parse(new StringReader(text))) {
                Iterator<CSVRecord> records = parser.iterator();
                boolean header = true;
                while (true) {
                    int line = (int) parser.getCurrentLineNumber() + 1;
                    CSVRecord record;
                    try {
                        if (!records.hasNext()) {
                            break;
                        }
                        record = records.next();
                    } catch (UncheckedIOException e) {
                        problems.add(new RowProblem(line, "Line " + line + " has a quotation mark that is not"
                                + " closed properly, so the file cannot be read from there on. Put quotation marks"
                                + " around the whole value and double any quotation mark inside it (\"\")."));
                        return result();
                    }
                    if (header) {
                        header = false;
                        if (!readHeader(record)) {
                            return new Parsed(List.of(), problems);
                        }
                    } else if (!isBlank(record)) {
                        people++;
                        readPerson(line, record);
                    }
                }
            } catch (IOException e) {
                // Reading from a String cannot fail; kept only because the API declares it.
                throw new UncheckedIOException(e);
            }
            if (people == 0) {
                problems.add(new RowProblem(0, NO_PEOPLE));
            }
            if (people > MAX_ROWS) {
                problems.add(new RowProblem(0, "The file has " + people + " people; the most one file can enrol is "
                        + MAX_ROWS + "."));
            }
            return result();
        }

        private Parsed result() {
            problems.sort(Comparator.comparingInt(RowProblem::line));
            return new Parsed(rows, problems);
        }

        private static boolean isBlank(CSVRecord record) {
            return record.stream().allMatch(v -> v == null || v.isBlank());
        }

        private boolean readHeader(CSVRecord record) {
            headerSize = record.size();
            columns = new EnumMap<>(EnrolmentColumn.class);
            Map<EnrolmentColumn, String> headings = new EnumMap<>(EnrolmentColumn.class);
            for (int i = 0; i < record.size(); i++) {
                String heading = record.get(i);
                Optional<EnrolmentColumn> column = EnrolmentColumn.forHeading(heading);
                if (column.isEmpty()) {
                    continue;
                }
                EnrolmentColumn c = column.get();
                if (columns.containsKey(c)) {
                    problems.add(new RowProblem(1, "The first line has two " + c.label + " columns ('"
                            + headings.get(c) + "' and '" + heading.strip() + "'). Keep one of them."));
                    continue;
                }
                columns.put(c, i);
                headings.put(c, heading.strip());
            }
            String missing = Arrays.stream(EnrolmentColumn.values())
                    .filter(c -> c.required && !columns.containsKey(c))
                    .map(c -> c.label)
                    .collect(Collectors.joining(", "));
            if (!missing.isEmpty()) {
                problems.add(new RowProblem(1, "The first line must name the columns: " + EnrolmentColumn.describeAll()
                        + ". Missing: " + missing + "."));
            }
            return problems.isEmpty();
        }

        private void readPerson(int line, CSVRecord record) {
            if (!fieldCountFits(record)) {
                String separator = delimiter == ';' ? "semicolon" : "comma";
                problems.add(new RowProblem(line, "Line " + line + " has " + record.size() + " values but the header has "
                        + headerSize + ". Check for a missing or extra " + separator + ", or a value containing a "
                        + separator + " that is not in quotation marks."));
                return;
            }
            int before = problems.size();
            String email = email(line, value(record, EnrolmentColumn.EMAIL));
            String givenName = name(line, value(record, EnrolmentColumn.GIVEN_NAME), "given name");
            String familyName = name(line, value(record, EnrolmentColumn.FAMILY_NAME), "family name");
            String profession = profession(line, value(record, EnrolmentColumn.PROFESSION));
            String organisation = organisation(line, value(record, EnrolmentColumn.ORGANISATION));
            String jobTitle = jobTitle(line, value(record, EnrolmentColumn.JOB_TITLE));
            if (problems.size() == before) {
                rows.add(new EnrolmentRow(line, email, givenName, familyName, profession, organisation, jobTitle));
            }
        }

        /** Extra values are tolerated only when empty, as Excel writes them for formatted but empty cells. */
        private boolean fieldCountFits(CSVRecord record) {
            if (record.size() < headerSize) {
                return false;
            }
            for (int i = headerSize; i < record.size(); i++) {
                if (!record.get(i).isBlank()) {
                    return false;
                }
            }
            return true;
        }

        private String value(CSVRecord record, EnrolmentColumn column) {
            Integer index = columns.get(column);
            return index == null ? "" : record.get(index).strip();
        }

        private void problem(int line, String message) {
            problems.add(new RowProblem(line, message));
        }

        private String email(int line, String raw) {
            if (raw.isEmpty()) {
                problem(line, "The email column is empty. Everyone needs an email address to sign in.");
                return null;
            }
            String email = raw.toLowerCase(Locale.ROOT);
            if (length(email) > MAX_EMAIL) {
                problem(line, "The email address is longer than " + MAX_EMAIL + " characters.");
                return null;
            }
            if (!EMAIL.matcher(email).matches()) {
                problem(line, "'" + raw + "' in the email column is not an email address.");
                return null;
            }
            Integer first = emailLines.putIfAbsent(email, line);
            if (first != null) {
                problem(line, email + " is already on line " + first + ". Each person can be on the file only once.");
            }
            return email;
        }

        private String name(int line, String name, String column) {
            if (name.isEmpty()) {
                problem(line, "The " + column + " column is empty.");
            } else if (length(name) > MAX_NAME) {
                problem(line, "The " + column + " is longer than " + MAX_NAME + " characters.");
            }
            return name;
        }

        private String jobTitle(int line, String jobTitle) {
            if (jobTitle.isEmpty()) {
                return null;
            }
            if (length(jobTitle) > MAX_JOB_TITLE) {
                problem(line, "The job title is longer than " + MAX_JOB_TITLE + " characters.");
            }
            return jobTitle;
        }

        private String profession(int line, String raw) {
            if (raw.isEmpty()) {
                problem(line, "The profession column is empty.");
                return null;
            }
            Optional<String> known = professions.find(raw);
            if (known.isEmpty()) {
                problem(line, "Unknown profession '" + raw + "'. " + (professions.isEmpty()
                        ? "No professions are set up yet: ask an administrator to add them."
                        : "Use one of: " + professions.listed() + "."));
            }
            return known.orElse(null);
        }

        private String organisation(int line, String raw) {
            if (raw.isEmpty()) {
                problem(line, "The organisation column is empty.");
                return null;
            }
            Optional<String> known = organisations.find(raw);
            if (known.isEmpty()) {
                problem(line, "Unknown organisation '" + raw + "'. Ask an administrator to add it, or use one of"
                        + " the organisations listed under Administration → Organisations.");
            }
            return known.orElse(null);
        }

        /** In characters as a person counts them (and as the database limits them), not UTF-16 units. */
        private static int length(String s) {
            return s.codePointCount(0, s.length());
        }
    }
}
