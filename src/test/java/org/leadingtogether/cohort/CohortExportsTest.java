package org.leadingtogether.cohort;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.leadingtogether.cohort.CohortDashboard.AtRisk;
import org.leadingtogether.cohort.CohortDashboard.MemberRow;
import org.leadingtogether.cohort.CohortDashboard.Mix;
import org.leadingtogether.cohort.CohortDashboard.ModuleCompletion;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CSV, workbook and board PDF made from a cohort dashboard, read back with independent readers. */
class CohortExportsTest {

    private static final String FORMULA_NAME = "=HYPERLINK(\"http://evil.example/x\",\"Open\")";

    /** Three members: two enrolled and at risk (accents, an apostrophe), one withdrawn with a formula for a name. */
    private static final CohortDashboard SMALL = new CohortDashboard(7, "Compassionate Leadership", "Spring 2026",
            LocalDate.of(2025, 9, 1), LocalDate.of(2026, 7, 31), 20, LocalDate.of(2026, 3, 3),
            List.of(new MemberRow(1, "Siân O'Brien", "sian.obrien@example.nhs.uk", "Nurse", "Leeds Teaching Hospitals",
                            "NHS", MembershipStatus.ENROLLED, 2, 4, 9, 16, 1, 3, 3.5, 10, Instant.parse("2025-10-25T23:30:00Z")),
                    new MemberRow(2, "Zoë Adeyemi", "zoe.adeyemi@example.gov.uk", "Social worker", "Leeds City Council",
                            "Local authority", MembershipStatus.ENROLLED, 4, 4, 16, 16, 0, 3, 10, 10,
                            Instant.parse("2026-02-20T10:00:00Z")),
                    new MemberRow(3, FORMULA_NAME, "x@example.org", "@SUM(1)", "-Org", "Voluntary",
                            MembershipStatus.WITHDRAWN, 0, 4, 1, 16, 0, 0, 0, 0, null)),
            List.of(new ModuleCompletion("m1", "Leading with compassion", 2, 2),
                    new ModuleCompletion("m2", "Working across boundaries – systems leadership", 1, 2),
                    new ModuleCompletion("m3", "Quality improvement", 0, 2)),
            List.of(new AtRisk(1, "Siân O'Brien", "No lessons completed for four weeks"),
                    new AtRisk(2, "Zoë Adeyemi", "No coaching session held yet")),
            new Mix(List.of(new MixCount("Nurse", 1), new MixCount("Social worker", 1)),
                    List.of(new MixCount("NHS", 1), new MixCount("Local authority", 1)),
                    List.of(new MixCount("Leeds Teaching Hospitals", 1), new MixCount("Leeds City Council", 1)),
                    List.of("Half of the cohort comes from one organisation")));

    // ---------------------------------------------------------------------------------------------- CSV

    @Test
    void csvStartsWithAByteOrderMarkAndEndsEveryLineWithCrLf() {
        byte[] csv = CohortExports.csv(SMALL);
        assertArrayEquals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = csvText(csv);
        assertEquals(4, text.split("\r\n").length);
        assertTrue(text.endsWith("\r\n"));
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare line feeds");
    }

    @Test
    void csvParsesBackToTheHeaderAndOneRowPerMemberWhateverTheirStatus() throws IOException {
        List<CSVRecord> rows = parseCsv(CohortExports.csv(SMALL));
        assertEquals(CohortExports.MEMBER_COLUMNS, rows.get(0).toList());
        assertEquals(16, rows.get(0).size());
        assertEquals(4, rows.size());

        assertEquals(List.of("Siân O'Brien", "sian.obrien@example.nhs.uk", "Nurse", "Leeds Teaching Hospitals", "NHS",
                "Enrolled", "2", "4", "9", "16", "56", "1", "3", "3.5", "10",
                // 23:30 UTC on 25 October 2025 is 00:30 on the 26th in London (still summer time)
                "2025-10-26"), rows.get(1).toList());
        assertEquals("Zoë Adeyemi", rows.get(2).get(0));
        assertEquals("100", rows.get(2).get(10));
        assertEquals("Withdrawn", rows.get(3).get(5));
        assertEquals("", rows.get(3).get(15), "no activity, no date");
    }

    @Test
    void csvCellsThatLookLikeFormulasAreNeutralised() throws IOException {
        CSVRecord withdrawn = parseCsv(CohortExports.csv(SMALL)).get(3);
        assertEquals("'" + FORMULA_NAME, withdrawn.get(0));
        assertEquals("'@SUM(1)", withdrawn.get(2));
        assertEquals("'-Org", withdrawn.get(3));
        assertEquals("x@example.org", withdrawn.get(1), "an @ later in the text is harmless");
    }

    @Test
    void everyOwaspFormulaStartIsGuardedAndOrdinaryTextIsLeftAlone() {
        for (String risky : List.of("=1+1", "+1", "-1", "@A1", "\tx", "\rx")) {
            assertEquals("'" + risky, CohortExports.neutralise(risky));
        }
        assertEquals("Anne-Marie O'Neill", CohortExports.neutralise("Anne-Marie O'Neill"));
        assertEquals("", CohortExports.neutralise(null));
    }

    // --------------------------------------------------------------------------------------------- XLSX

    @Test
    void workbookHasTheSummaryFirstThenMembersModulesAndMix() throws IOException {
        try (ReadableWorkbook workbook = workbook(CohortExports.xlsx(SMALL))) {
            assertEquals(List.of("Summary", "Members", "Modules", "Mix"), workbook.getSheets().map(Sheet::getName).toList());
            List<Row> summary = rows(workbook, "Summary");
            assertEquals("Compassionate Leadership", valueOf(summary, "Programme"));
            assertEquals("Spring 2026", valueOf(summary, "Cohort"));
            assertEquals("1 September 2025 to 31 July 2026", valueOf(summary, "Dates"));
            assertEquals(new BigDecimal("20"), row(summary, "Capacity").getCellAsNumber(1).orElseThrow());
            assertEquals(new BigDecimal("2"), row(summary, "Active members").getCellAsNumber(1).orElseThrow());
            // (9 + 16) / (16 + 16) lessons of the active members; the withdrawn member does not count
            assertEquals(new BigDecimal("78"), row(summary, "Overall completion %").getCellAsNumber(1).orElseThrow());
            assertEquals(LocalDate.of(2026, 3, 3), row(summary, "As of").getCellAsDate(1).orElseThrow().toLocalDate());
            assertEquals(new BigDecimal("2"), row(summary, "At risk count").getCellAsNumber(1).orElseThrow());
            assertEquals("Half of the cohort comes from one organisation", valueOf(summary, "Warnings"));
        }
    }

    @Test
    void membersSheetHasTheSameColumnsWithNumbersAsNumbers() throws IOException {
        try (ReadableWorkbook workbook = workbook(CohortExports.xlsx(SMALL))) {
            List<Row> members = rows(workbook, "Members");
            assertEquals(4, members.size());
            assertEquals(CohortExports.MEMBER_COLUMNS,
                    IntStream.range(0, 16).mapToObj(c -> members.get(0).getCellText(c)).toList());

            Row sian = members.get(1);
            assertEquals("Siân O'Brien", sian.getCellText(0));
            assertEquals("Enrolled", sian.getCellText(5));
            for (int c = 6; c <= 15; c++) {
                assertEquals(CellType.NUMBER, sian.getCell(c).getType(), numberMessage(c));
            }
            assertEquals(new BigDecimal("9"), sian.getCellAsNumber(8).orElseThrow());
            assertEquals(new BigDecimal("56"), sian.getCellAsNumber(10).orElseThrow());
            assertEquals(new BigDecimal("3.5"), sian.getCellAsNumber(13).orElseThrow());
            assertEquals(LocalDate.of(2025, 10, 26), sian.getCellAsDate(15).orElseThrow().toLocalDate());

            Row withdrawn = members.get(3);
            assertEquals(CellType.STRING, withdrawn.getCell(0).getType());
            assertEquals("'" + FORMULA_NAME, withdrawn.getCellText(0));
            assertNull(withdrawn.getCell(0).getFormula(), "text, never a formula");
            assertEquals("Withdrawn", withdrawn.getCellText(5));
            assertFalse(withdrawn.getOptionalCell(15).map(c -> c.getType() != CellType.EMPTY).orElse(false),
                    "no activity, no date");
        }
    }

    @Test
    void modulesSheetGivesCompletionPerRequiredModule() throws IOException {
        try (ReadableWorkbook workbook = workbook(CohortExports.xlsx(SMALL))) {
            List<Row> modules = rows(workbook, "Modules");
            assertEquals(List.of("Module", "Completed", "Members", "Completion %"),
                    IntStream.range(0, 4).mapToObj(c -> modules.get(0).getCellText(c)).toList());
            Row boundaries = modules.get(2);
            assertEquals("Working across boundaries – systems leadership", boundaries.getCellText(0));
            assertEquals(new BigDecimal("1"), boundaries.getCellAsNumber(1).orElseThrow());
            assertEquals(new BigDecimal("2"), boundaries.getCellAsNumber(2).orElseThrow());
            assertEquals(new BigDecimal("50"), boundaries.getCellAsNumber(3).orElseThrow());
            assertEquals(new BigDecimal("100"), modules.get(1).getCellAsNumber(3).orElseThrow());
        }
    }

    @Test
    void mixSheetHasThreeTitledTables() throws IOException {
        try (ReadableWorkbook workbook = workbook(CohortExports.xlsx(SMALL))) {
            List<Row> mix = rows(workbook, "Mix");
            assertEquals(List.of("Professions", "Profession", "Nurse", "Social worker",
                            "Sectors", "Sector", "NHS", "Local authority",
                            "Organisations", "Organisation", "Leeds Teaching Hospitals", "Leeds City Council"),
                    mix.stream().map(r -> r.getCellText(0)).toList());
            assertEquals(row(mix, "Social worker").getRowNum() + 2, row(mix, "Sectors").getRowNum(), "a blank row between tables");
            assertEquals("Count", row(mix, "Profession").getCellText(1));
            assertEquals(new BigDecimal("1"), row(mix, "Nurse").getCellAsNumber(1).orElseThrow());
        }
    }

    // ---------------------------------------------------------------------------------------------- PDF

    @Test
    void pdfIsOnePageWithTheTitleDatesFiguresAndNamesSpeltRight() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(CohortExports.pdf(SMALL, true))) {
            assertEquals(1, pdf.getNumberOfPages());
            assertEquals("Compassionate Leadership – Spring 2026", pdf.getDocumentInformation().getTitle());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.contains("Compassionate Leadership – Spring 2026"), text);
            assertTrue(text.contains("1 September 2025 to 31 July 2026"), text);
            assertTrue(text.contains("as of 3 March 2026"), text);
            assertTrue(text.contains("2 / 20"), "active members over capacity: " + text);
            assertTrue(text.contains("78%"), "overall completion: " + text);
            assertTrue(text.contains("Working across boundaries – systems leadership"), text);
            assertTrue(text.contains("1 of 2"), text);
            assertTrue(text.contains("50%"), text);
            assertTrue(text.contains("Siân O'Brien"), text);
            assertTrue(text.contains("Zoë Adeyemi"), text);
            assertTrue(text.contains("No coaching session held yet"), text);
            assertTrue(text.contains("Social worker"), text);
            assertTrue(text.contains("Local authority"), text);
            assertTrue(text.contains("Half of the cohort comes from one organisation"), text);
            assertFalse(text.contains(" more members at risk"), "the whole list fits: " + text);
        }
    }

    @Test
    void theBoardSummaryCountsMembersAtRiskByReasonAndNamesThemOnlyWhenAskedTo() throws IOException {
        CohortDashboard paced = new CohortDashboard(SMALL.cohortId(), SMALL.programmeName(), SMALL.cohortName(), SMALL.start(), SMALL.end(),
                SMALL.capacity(), SMALL.asOf(), SMALL.members(), SMALL.modules(),
                List.of(new AtRisk(1, "Siân O'Brien", "10% done; 60% expected by now. No learning activity for 40 days."),
                        new AtRisk(2, "Zoë Adeyemi", "20% done; 60% expected by now."),
                        new AtRisk(3, "Tomos Price", "No learning activity since enrolling.")), SMALL.mix());
        String counted = pdfText(CohortExports.pdf(paced, false));
        for (String name : List.of("Siân", "O'Brien", "Zoë", "Adeyemi", "Tomos", "Price")) {
            assertFalse(counted.contains(name), "nobody is named unless asked: " + counted);
        }
        assertTrue(counted.contains("Members at risk (3)"), counted);
        assertTrue(counted.replaceAll("\\s+", " ").contains(PaceRule.BEHIND + " 2"), counted);
        assertTrue(counted.replaceAll("\\s+", " ").contains(PaceRule.QUIET + " 2"), counted);
        assertTrue(counted.contains("Names are left out of this summary."), counted);
        String named = pdfText(CohortExports.pdf(paced, true));
        assertTrue(named.contains("Siân O'Brien") && named.contains("Tomos Price"), "named when the manager asks: " + named);
    }

    @Test
    void pdfShowsNothingThatIsNotInTheRecordAndNoContactDetails() throws IOException {
        String text = pdfText(CohortExports.pdf(SMALL, true));
        // The page's own wording; every other word must come from the dashboard record itself.
        Set<String> allowed = words("to Figures as of active members capacity overall completion at risk Members Completion by"
                + " required module Module Completed Mix the cohort Profession top Sector Count other professions"
                + " sectors Name Reason and more warnings None recorded No are modules January February March April May"
                + " June July August September October November December");
        allowed.addAll(words(SMALL.programmeName() + " " + SMALL.cohortName()));
        SMALL.modules().forEach(m -> allowed.addAll(words(m.title())));
        SMALL.atRisk().forEach(a -> allowed.addAll(words(a.name() + " " + a.reason())));
        Stream.of(SMALL.mix().professions(), SMALL.mix().sectors()).flatMap(List::stream)
                .forEach(c -> allowed.addAll(words(c.label())));
        SMALL.mix().warnings().forEach(w -> allowed.addAll(words(w)));

        Set<String> unexpected = new HashSet<>(words(text));
        unexpected.removeAll(allowed);
        assertEquals(Set.of(), unexpected, text);
        assertFalse(text.contains("@"), "a board paper carries no email addresses");
        assertFalse(text.contains("HYPERLINK"), "withdrawn members are not listed");
    }

    @Test
    void aCohortOfTwoHundredFitsOnOnePageWithTheAtRiskListCappedAndCounted() throws IOException {
        CohortDashboard large = large(false);
        try (PDDocument pdf = Loader.loadPDF(CohortExports.pdf(large, true))) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);

            Matcher more = Pattern.compile("and (\\d+) more members at risk").matcher(text);
            assertTrue(more.find(), text);
            List<String> shown = large.atRisk().stream().map(AtRisk::name).filter(text::contains).toList();
            assertTrue(shown.size() >= 10, "the list uses the room left on the page: " + shown.size());
            assertEquals(large.atRisk().size(), shown.size() + Integer.parseInt(more.group(1)));
            assertEquals(large.atRisk().subList(0, shown.size()).stream().map(AtRisk::name).toList(), shown,
                    "the first of the list, in order");

            assertTrue(text.contains("180 / 180"), "active members over capacity: " + text);
            assertTrue(text.contains("Members at risk (150)"), text);
            assertTrue(text.contains("and 2 more required modules"), text);
            assertTrue(text.contains("7 other professions"), text);
            assertTrue(text.contains("Profession 01"), text);
            assertFalse(text.contains("Profession 06"), "only the top five professions are named");
        }
    }

    @Test
    void evenLongNamesReasonsAndTitlesStayOnOnePage() throws IOException {
        CohortDashboard worst = large(true);
        try (PDDocument pdf = Loader.loadPDF(CohortExports.pdf(worst, true))) {
            assertEquals(1, pdf.getNumberOfPages());
            String text = new PDFTextStripper().getText(pdf);
            assertTrue(text.matches("(?s).*and \\d+ more members at risk.*"), text);
            assertTrue(text.contains("…"), "long text is cut short visibly");
        }
    }

    @Test
    void lettersHelveticaLacksLoseTheirAccentRatherThanVanish() throws IOException {
        CohortDashboard welsh = new CohortDashboard(SMALL.cohortId(), SMALL.programmeName(), SMALL.cohortName(),
                SMALL.start(), SMALL.end(), SMALL.capacity(), SMALL.asOf(), SMALL.members(), SMALL.modules(),
                List.of(new AtRisk(9, "Łucja Dŵr", "Line one\nline two")), SMALL.mix());
        String text = pdfText(CohortExports.pdf(welsh, true));
        assertTrue(text.contains("Lucja Dwr"), text);
        assertTrue(text.contains("Line one line two"), text);
        assertEquals("Siân – Zoë ‘x’ ? ok", CohortExports.pdfText("Siân – Zoë ‘x’ \u4e2d ok"));
    }

    @Test
    void anEmptyCohortStillMakesEveryExport() throws IOException {
        CohortDashboard empty = new CohortDashboard(1, "Compassionate Leadership", "Autumn 2026",
                LocalDate.of(2026, 9, 1), LocalDate.of(2027, 7, 31), 24, LocalDate.of(2026, 9, 1),
                List.of(), List.of(), List.of(), new Mix(List.of(), List.of(), List.of(), List.of()));
        assertEquals(1, parseCsv(CohortExports.csv(empty)).size());
        try (ReadableWorkbook workbook = workbook(CohortExports.xlsx(empty))) {
            assertEquals("None", valueOf(rows(workbook, "Summary"), "Warnings"));
            assertEquals(1, rows(workbook, "Members").size());
        }
        String text = pdfText(CohortExports.pdf(empty, true));
        assertTrue(text.contains("0 / 24"), text);
        assertTrue(text.contains("No members are at risk as of 1 September 2026."), text);
    }

    // -------------------------------------------------------------------------------------- test data

    /**
     * 200 members, 180 active, 150 at risk; 14 required modules and 12 professions, so every capped list is
     * capped. With {@code longText} set, every name, reason and title is far longer than the page allows.
     */
    private static CohortDashboard large(boolean longText) {
        String padding = longText ? " " + "Wordy ".repeat(30) : "";
        List<MemberRow> members = new ArrayList<>();
        List<AtRisk> atRisk = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String name = String.format("Member %03d", i) + padding;
            MembershipStatus status = i <= 180 ? MembershipStatus.ENROLLED : MembershipStatus.WITHDRAWN;
            members.add(new MemberRow(i, name, "member" + i + "@example.nhs.uk", String.format("Profession %02d", i % 12 + 1),
                    "Organisation " + (i % 30), "Sector " + (i % 5), status, i % 5, 5, i % 20, 20, 0, 4, 2, 10,
                    Instant.parse("2026-02-01T09:00:00Z")));
            if (i <= 150) {
                atRisk.add(new AtRisk(i, name, (i % 3 == 0 ? "No activity for six weeks and no coaching session held"
                        : "Behind the expected pace") + padding));
            }
        }
        List<ModuleCompletion> modules = IntStream.rangeClosed(1, 14)
                .mapToObj(m -> new ModuleCompletion("m" + m, "Required module " + m + padding, m * 10, 180)).toList();
        List<MixCount> professions = IntStream.rangeClosed(1, 12)
                .mapToObj(p -> new MixCount(String.format("Profession %02d", p) + padding, 20 - p)).toList();
        List<MixCount> sectors = IntStream.range(0, 5).mapToObj(s -> new MixCount("Sector " + s + padding, 36)).toList();
        List<MixCount> organisations = IntStream.range(0, 30).mapToObj(o -> new MixCount("Organisation " + o, 6)).toList();
        List<String> warnings = IntStream.rangeClosed(1, longText ? 8 : 2)
                .mapToObj(w -> "Warning " + w + " about the mix" + padding).toList();
        return new CohortDashboard(42, "Compassionate Leadership", "Large 2026", LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 7, 31), 180, LocalDate.of(2026, 3, 3), members, modules, atRisk,
                new Mix(professions, sectors, organisations, warnings));
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String csvText(byte[] csv) {
        return new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> parseCsv(byte[] csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csvText(csv)), CSVFormat.DEFAULT)) {
            return parser.getRecords();
        }
    }

    private static ReadableWorkbook workbook(byte[] xlsx) throws IOException {
        return new ReadableWorkbook(new ByteArrayInputStream(xlsx));
    }

    private static List<Row> rows(ReadableWorkbook workbook, String sheet) throws IOException {
        return workbook.findSheet(sheet).orElseThrow().read();
    }

    private static Row row(List<Row> rows, String label) {
        return rows.stream().filter(r -> label.equals(r.getCellText(0))).findFirst().orElseThrow(() -> new AssertionError(label));
    }

    private static String valueOf(List<Row> rows, String label) {
        return row(rows, label).getCellText(1);
    }

    private static String numberMessage(int column) {
        return CohortExports.MEMBER_COLUMNS.get(column) + " is a number";
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static Set<String> words(String text) {
        return Arrays.stream(text.split("[^\\p{L}]+")).filter(w -> !w.isEmpty()).collect(Collectors.toCollection(HashSet::new));
    }
}
