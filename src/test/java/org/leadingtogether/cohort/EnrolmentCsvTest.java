package org.leadingtogether.cohort;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnrolmentCsvTest {

    private static final List<String> PROFESSIONS =
            List.of("Social work", "Nursing", "Allied health", "Medicine", "Care management");
    private static final List<String> ORGANISATIONS =
            List.of("Northshire NHS Foundation Trust", "Northshire County Council", "Riverside Care Homes");
    private static final String HEADER = "Email,Given name,Family name,Profession,Organisation,Job title";

    private static EnrolmentCsv.Parsed parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static EnrolmentCsv.Parsed parse(byte[] bytes) {
        return EnrolmentCsv.parse(bytes, PROFESSIONS, ORGANISATIONS);
    }

    /** The file has lines for the header and the given people, nothing else. */
    private static String file(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static RowProblem onlyProblem(EnrolmentCsv.Parsed parsed) {
        assertFalse(parsed.ok());
        assertEquals(1, parsed.problems().size(), () -> "Expected one problem, got " + parsed.problems());
        return parsed.problems().get(0);
    }

    private static void assertProblem(EnrolmentCsv.Parsed parsed, int line, String part) {
        assertFalse(parsed.ok());
        assertTrue(parsed.problems().stream().anyMatch(p -> p.line() == line && p.message().contains(part)),
                () -> "No problem on line " + line + " containing \"" + part + "\" in " + parsed.problems());
    }

    // A good file

    @Test
    void aGoodExcelFileIsReadWithBomCrlfQuotesAndCanonicalNames() {
        String text = "\uFEFF" + HEADER + "\r\n"
                + " Sam.Jones@Example.ORG ,Sam,Jones,social WORK,Northshire County Council,\"Team manager, adults\"\r\n"
                + "alex@example.org,Alex,Okafor, nursing ,northshire nhs foundation trust,\r\n";

        EnrolmentCsv.Parsed parsed = parse(text);

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        assertEquals(List.of(
                new EnrolmentRow(2, "sam.jones@example.org", "Sam", "Jones", "Social work", "Northshire County Council",
                        "Team manager, adults"),
                new EnrolmentRow(3, "alex@example.org", "Alex", "Okafor", "Nursing", "Northshire NHS Foundation Trust",
                        null)), parsed.rows());
    }

    @Test
    void theJobTitleColumnIsOptionalAndColumnsMayComeInAnyOrderUnderOtherHeadings() {
        String text = file("Surname,First name,Organization,E-mail address,Notes,profession",
                "Jones,Sam,Riverside Care Homes,sam@example.org,met at induction,Care management");

        EnrolmentCsv.Parsed parsed = parse(text);

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        assertEquals(new EnrolmentRow(2, "sam@example.org", "Sam", "Jones", "Care management", "Riverside Care Homes", null),
                parsed.rows().get(0));
    }

    @Test
    void aSemicolonFileFromExcelInAnotherLocaleIsRead() {
        String text = file("email;forename;last_name;profession;employer;role",
                "sam@example.org;Sam;Jones;Medicine;Riverside Care Homes;\"GP; partner\"");

        EnrolmentCsv.Parsed parsed = parse(text);

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        assertEquals("GP; partner", parsed.rows().get(0).jobTitle());
        assertEquals("Medicine", parsed.rows().get(0).profession());
    }

    @Test
    void blankLinesAreSkippedAndLineNumbersStayThoseOfTheFile() {
        String text = file(HEADER,
                "",
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,\"Ward sister,",
                "nights\"",
                ",,,,,",
                "alex@example.org,Alex,Okafor,Nursing,Riverside Care Homes,");

        EnrolmentCsv.Parsed parsed = parse(text);

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        assertEquals(2, parsed.rows().size());
        assertEquals(3, parsed.rows().get(0).line());
        assertEquals("Ward sister,\nnights", parsed.rows().get(0).jobTitle());
        assertEquals(6, parsed.rows().get(1).line(), "a quoted value over two lines counts as two lines");
    }

    @Test
    void emptyTrailingValuesThatExcelAddsAreTolerated() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER, "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,Nurse,,"));

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
    }

    // Bad files: the whole file

    @Test
    void anEmptyFileIsRefused() {
        for (byte[] empty : List.of(new byte[0], " \r\n ".getBytes(StandardCharsets.UTF_8),
                new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})) {
            RowProblem problem = onlyProblem(parse(empty));
            assertEquals(0, problem.line());
            assertTrue(problem.message().startsWith("The file is empty."));
        }
        assertEquals(0, onlyProblem(EnrolmentCsv.parse(null, PROFESSIONS, ORGANISATIONS)).line());
    }

    @Test
    void aFileWithOnlyAHeaderHasNoPeople() {
        RowProblem problem = onlyProblem(parse(file(HEADER, "", ",,,,,")));

        assertEquals(new RowProblem(0, "The file has a header but no people in it."), problem);
    }

    @Test
    void aFileWithoutAHeaderNamesEveryMissingColumn() {
        RowProblem problem = onlyProblem(parse(file("sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,Nurse")));

        assertEquals(1, problem.line());
        assertTrue(problem.message().startsWith("The first line must name the columns: email, given name, family name,"
                + " profession, organisation, job title (optional). Missing: email, given name, family name,"
                + " profession, organisation."), problem.message());
    }

    @Test
    void missingRequiredColumnsAreNamed() {
        RowProblem problem = onlyProblem(parse(file("Email,Given name,Profession,Job title",
                "sam@example.org,Sam,Nursing,Nurse")));

        assertEquals(1, problem.line());
        assertTrue(problem.message().endsWith("Missing: family name, organisation."), problem.message());
    }

    @Test
    void aColumnGivenTwiceIsRefused() {
        RowProblem problem = onlyProblem(parse(file(HEADER + ",Email address",
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,Nurse,sam@example.org")));

        assertEquals(1, problem.line());
        assertTrue(problem.message().contains("two email columns ('Email' and 'Email address')"), problem.message());
    }

    @Test
    void aFileOver5MbIsRefusedBeforeItIsRead() {
        RowProblem problem = onlyProblem(parse(new byte[50 * 1024 * 1024]));

        assertEquals(new RowProblem(0,
                "The file is 50.0 MB; the largest file accepted is 5 MB. Split it into smaller files."), problem);
    }

    @Test
    void aFileJustOverTheLimitDoesNotClaimToBeWithinIt() {
        RowProblem problem = onlyProblem(parse(new byte[EnrolmentCsv.MAX_BYTES + 1]));

        assertTrue(problem.message().startsWith("The file is 5.1 MB;"), problem.message());
    }

    @Test
    void aFileNotInUtf8IsRefused() {
        byte[] latin1 = file(HEADER, "zoe@example.org,Zoë,Smith,Nursing,Riverside Care Homes,")
                .getBytes(StandardCharsets.ISO_8859_1);

        RowProblem problem = onlyProblem(parse(latin1));

        assertEquals(0, problem.line());
        assertEquals("The file is not in UTF-8. In Excel, save it as 'CSV UTF-8 (Comma delimited)'.", problem.message());
    }

    @Test
    void aUtf16FileIsRefusedAsNotUtf8() {
        byte[] utf16 = file(HEADER, "zoe@example.org,Zoe,Smith,Nursing,Riverside Care Homes,")
                .getBytes(StandardCharsets.UTF_16LE);

        assertTrue(onlyProblem(parse(utf16)).message().startsWith("The file is not in UTF-8."));
    }

    @Test
    void utf8NamesAreKept() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER, "zoe@example.org,Zoë,Ó Briain,Nursing,Riverside Care Homes,"));

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        assertEquals("Zoë", parsed.rows().get(0).givenName());
        assertEquals("Ó Briain", parsed.rows().get(0).familyName());
    }

    @Test
    void malformedQuotingIsReportedAtItsLineNotThrown() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER,
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,",
                "alex@example.org,Alex,\"Okafor\"x,Nursing,Riverside Care Homes,"));

        RowProblem problem = onlyProblem(parsed);
        assertEquals(3, problem.line());
        assertTrue(problem.message().contains("quotation mark"), problem.message());
    }

    @Test
    void anUnclosedQuoteIsReportedWhereItOpens() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER,
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,\"Nurse",
                "alex@example.org,Alex,Okafor,Nursing,Riverside Care Homes,",
                "jo@example.org,Jo,Bell,Nursing,Riverside Care Homes,"));

        RowProblem problem = onlyProblem(parsed);
        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith("Line 2 has a quotation mark that is not closed"), problem.message());
    }

    @Test
    void tooManyPeopleAreRefused() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i <= EnrolmentCsv.MAX_ROWS; i++) {
            text.append("person").append(i).append("@example.org,Pat,Smith,Nursing,Riverside Care Homes,\n");
        }

        RowProblem problem = onlyProblem(parse(text.toString()));

        assertEquals(new RowProblem(0, "The file has 5001 people; the most one file can enrol is 5000."), problem);
    }

    @Test
    void exactlyTheMostPeopleAreAccepted() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < EnrolmentCsv.MAX_ROWS; i++) {
            text.append("person").append(i).append("@example.org,Pat,Smith,Nursing,Riverside Care Homes,\n");
        }

        EnrolmentCsv.Parsed parsed = parse(text.toString());

        assertTrue(parsed.ok(), () -> parsed.problems().toString());
        assertEquals(EnrolmentCsv.MAX_ROWS, parsed.rows().size());
    }

    // Bad rows

    @Test
    void aWrongNumberOfValuesIsReportedWithTheLine() {
        RowProblem problem = onlyProblem(parse(file(HEADER,
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,",
                "alex@example.org,Alex,Nursing,Riverside Care Homes")));

        assertEquals(3, problem.line());
        assertTrue(problem.message().startsWith("Line 3 has 4 values but the header has 6."), problem.message());
    }

    @Test
    void aValueWithAnUnquotedCommaIsOneValueTooMany() {
        RowProblem problem = onlyProblem(parse(file(HEADER,
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,Team manager, adults")));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("has 7 values but the header has 6"), problem.message());
    }

    @Test
    void aMissingEmailIsReported() {
        RowProblem problem = onlyProblem(parse(file(HEADER, " ,Sam,Jones,Nursing,Riverside Care Homes,")));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("email column is empty"), problem.message());
    }

    @Test
    void somethingThatIsNotAnEmailAddressIsReported() {
        for (String notEmail : List.of("sam.example.org", "sam@example", "sam jones@example.org", "sam@@example.org",
                "sam@example..org")) {
            RowProblem problem = onlyProblem(parse(file(HEADER, notEmail + ",Sam,Jones,Nursing,Riverside Care Homes,")));
            assertEquals(2, problem.line());
            assertEquals("'" + notEmail + "' in the email column is not an email address.", problem.message());
        }
    }

    @Test
    void anOverlongEmailIsReported() {
        String email = "a".repeat(250) + "@example.org";

        RowProblem problem = onlyProblem(parse(file(HEADER, email + ",Sam,Jones,Nursing,Riverside Care Homes,")));

        assertEquals(2, problem.line());
        assertTrue(problem.message().contains("longer than 254"), problem.message());
    }

    @Test
    void missingNamesAreReportedSeparately() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER, "sam@example.org,,,Nursing,Riverside Care Homes,"));

        assertEquals(List.of(new RowProblem(2, "The given name column is empty."),
                new RowProblem(2, "The family name column is empty.")), parsed.problems());
        assertTrue(parsed.rows().isEmpty());
    }

    @Test
    void overlongNamesAndJobTitlesAreReported() {
        String name = "N".repeat(101);
        String jobTitle = "J".repeat(151);

        EnrolmentCsv.Parsed parsed = parse(file(HEADER,
                "sam@example.org," + name + "," + name + ",Nursing,Riverside Care Homes," + jobTitle,
                "jo@example.org," + "N".repeat(100) + ",Bell,Nursing,Riverside Care Homes," + "J".repeat(150)));

        assertProblem(parsed, 2, "given name is longer than 100");
        assertProblem(parsed, 2, "family name is longer than 100");
        assertProblem(parsed, 2, "job title is longer than 150");
        assertEquals(3, parsed.problems().size(), "the limits themselves are allowed");
        assertEquals(3, parsed.rows().get(0).line());
    }

    @Test
    void aMissingProfessionOrOrganisationIsReported() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER, "sam@example.org,Sam,Jones,,,"));

        assertEquals(List.of(new RowProblem(2, "The profession column is empty."),
                new RowProblem(2, "The organisation column is empty.")), parsed.problems());
    }

    @Test
    void anUnknownProfessionListsTheKnownOnesInOrder() {
        RowProblem problem = onlyProblem(parse(file(HEADER, "sam@example.org,Sam,Jones,Nurse,Riverside Care Homes,")));

        assertEquals(new RowProblem(2, "Unknown profession 'Nurse'. Use one of: Allied health, Care management, "
                + "Medicine, Nursing, Social work."), problem);
    }

    @Test
    void anUnknownOrganisationPointsToTheAdministrator() {
        RowProblem problem = onlyProblem(parse(file(HEADER, "sam@example.org,Sam,Jones,Nursing,Hilltop Surgery,")));

        assertEquals(2, problem.line());
        assertTrue(problem.message().startsWith("Unknown organisation 'Hilltop Surgery'. Ask an administrator to add it"),
                problem.message());
        assertTrue(problem.message().contains("Administration → Organisations"));
    }

    @Test
    void aDuplicateEmailPointsToItsFirstLine() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER,
                "alex@example.org,Alex,Okafor,Nursing,Riverside Care Homes,",
                "sam@x.org,Sam,Jones,Nursing,Riverside Care Homes,",
                "jo@example.org,Jo,Bell,Nursing,Riverside Care Homes,",
                "SAM@X.org,Samantha,Jones,Medicine,Riverside Care Homes,"));

        RowProblem problem = onlyProblem(parsed);
        assertEquals(5, problem.line());
        assertTrue(problem.message().startsWith("sam@x.org is already on line 3."), problem.message());
        assertEquals(List.of(2, 3, 4), parsed.rows().stream().map(EnrolmentRow::line).toList());
    }

    @Test
    void everyBadRowIsReportedAtOnceInLineOrder() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER,
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,",
                "sam.example.org,Sam,Jones,Nurse,Riverside Care Homes,",
                "jo@example.org,Jo,Bell,Nursing",
                "",
                "alex@example.org,,Okafor,Nursing,Hilltop Surgery,",
                "sam@example.org,Sam,Jones,Nursing,Riverside Care Homes,",
                "pat@example.org,Pat,Smith,Medicine,Northshire County Council,Consultant"));

        assertFalse(parsed.ok());
        assertEquals(List.of(3, 3, 4, 6, 6, 7), parsed.problems().stream().map(RowProblem::line).toList());
        assertProblem(parsed, 3, "'sam.example.org' in the email column");
        assertProblem(parsed, 3, "Unknown profession 'Nurse'");
        assertProblem(parsed, 4, "has 4 values");
        assertProblem(parsed, 6, "given name column is empty");
        assertProblem(parsed, 6, "Unknown organisation 'Hilltop Surgery'");
        assertProblem(parsed, 7, "already on line 2");
        assertEquals(List.of(2, 8), parsed.rows().stream().map(EnrolmentRow::line).toList(),
                "only the good rows are kept, in file order");
    }

    @Test
    void aRowProblemComesAfterWholeFileProblems() {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("bad,Pat,Smith,Nursing,Riverside Care Homes,\n");
        for (int i = 0; i < EnrolmentCsv.MAX_ROWS; i++) {
            text.append("person").append(i).append("@example.org,Pat,Smith,Nursing,Riverside Care Homes,\n");
        }

        EnrolmentCsv.Parsed parsed = parse(text.toString());

        assertEquals(List.of(0, 2), parsed.problems().stream().map(RowProblem::line).toList());
        assertNull(parsed.rows().stream().filter(r -> r.line() == 2).findAny().orElse(null));
    }

    // The accounts a file names

    @Test
    void linesWhosePeopleCannotBeEnrolledAreReportedAtTheirLines() {
        EnrolmentCsv.Parsed parsed = parse(file(HEADER,
                "new@example.org,Nia,New,Nursing,Riverside Care Homes,",
                "elsewhere@example.org,Ed,Elsewhere,Nursing,Riverside Care Homes,",
                "leaver@example.org,Lee,Leaver,Nursing,Riverside Care Homes,",
                "here@example.org,Hal,Here,Nursing,Riverside Care Homes,",
                "fine@example.org,Fay,Fine,Nursing,Riverside Care Homes,"));
        assertTrue(parsed.ok(), parsed.problems().toString());

        List<RowProblem> problems = EnrolmentCsv.accountProblems(parsed.rows(), java.util.Map.of(
                "elsewhere@example.org", new EnrolmentCsv.Account(true, false, "Autumn cohort"),
                "leaver@example.org", new EnrolmentCsv.Account(false, false, null),
                "here@example.org", new EnrolmentCsv.Account(false, true, "Autumn cohort"),
                "fine@example.org", new EnrolmentCsv.Account(true, false, null)));

        assertEquals(List.of(3, 4), problems.stream().map(RowProblem::line).toList(), problems.toString());
        assertTrue(problems.get(0).message().startsWith("elsewhere@example.org is already in Autumn cohort of this programme"),
                problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("leaver@example.org has a deactivated account"), problems.get(1).message());
    }
}
