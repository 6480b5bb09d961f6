package org.leadingtogether.cohort;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.leadingtogether.cohort.CohortDashboard.MemberRow;
import org.leadingtogether.cohort.CohortDashboard.ModuleCompletion;
import org.leadingtogether.platform.ClockProducer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The cohort dashboard as files a programme team can take away: a CSV and a workbook for working with the
 * figures, and a one-page PDF for a board. Every export is made from a {@link CohortDashboard} and nothing
 * else, so a file can never show more than the page does; the record holds counts and dates only, so no
 * export has a place for the text of reflections, journal entries or coaching notes.
 */
public final class CohortExports {

    /** The member columns, shared by the CSV and the "Members" sheet so the two never drift apart. */
    static final List<String> MEMBER_COLUMNS = List.of("Name", "Email", "Profession", "Organisation", "Sector",
            "Status", "Modules completed", "Modules required", "Lessons done", "Lessons required", "Completion %",
            "Coaching sessions held", "Coaching sessions expected", "Protected hours used",
            "Protected hours entitled", "Last activity");

    /** Spreadsheet programs run a cell that starts with one of these as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private CohortExports() {
    }

    // ---------------------------------------------------------------------------------------------- CSV

    /**
     * One row per member, every status included, so the team can reconcile the file with their own records.
     * UTF-8 with a byte order mark, because without it Excel reads the file as the local code page and turns
     * "Siân" into "SiÃ¢n"; CRLF line ends, as RFC 4180 and Excel expect.
     */
    public static byte[] csv(CohortDashboard d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader(MEMBER_COLUMNS.toArray(String[]::new))
                .setRecordSeparator("\r\n")
                .get();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (MemberRow m : d.members()) {
                    printer.printRecord(neutralise(m.name()), neutralise(m.email()), neutralise(m.profession()),
                            neutralise(m.organisation()), neutralise(m.sector()), m.status().getLabel(),
                            m.modulesCompleted(), m.modulesRequired(), m.lessonsDone(), m.lessonsRequired(),
                            m.percent(), m.coachingHeld(), m.coachingExpected(), hours(m.protectedHoursUsed()),
                            hours(m.protectedHoursEntitled()), isoDate(m.lastActivity()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the cohort CSV", e);
        }
        return out.toByteArray();
    }

    /**
     * A cell that starts with =, +, -, @, tab or carriage return gets a leading apostrophe, so a spreadsheet
     * shows it as text instead of running it. Names and organisations are entered by many hands, enrolment
     * files included, so a "name" such as {@code =HYPERLINK(...)} must not become a live link or command on
     * the machine of whoever opens the file.
     */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** Hours as people write them ("3.5", and "10" rather than "10.0"), never in scientific notation. */
    private static String hours(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** The London calendar day of an instant (ISO, so it sorts), or empty when there is none. */
    private static String isoDate(Instant instant) {
        return instant == null ? "" : londonDay(instant).toString();
    }

    private static LocalDate londonDay(Instant instant) {
        return LocalDate.ofInstant(instant, ClockProducer.LONDON);
    }

    // --------------------------------------------------------------------------------------------- XLSX

    /**
     * A workbook: the summary first (it is what most people open the file for), then the members with
     * numbers as numbers so they can be sorted and summed, completion by module, and the cohort's mix.
     */
    public static byte[] xlsx(CohortDashboard d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook workbook = new Workbook(out, "Leading Together", "1.0")) {
            workbook.properties().setTitle(title(d));
            summarySheet(workbook.newWorksheet("Summary"), d);
            membersSheet(workbook.newWorksheet("Members"), d);
            modulesSheet(workbook.newWorksheet("Modules"), d);
            mixSheet(workbook.newWorksheet("Mix"), d);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the cohort workbook", e);
        }
        return out.toByteArray();
    }

    private static void summarySheet(Worksheet ws, CohortDashboard d) {
        ws.width(0, 24);
        ws.width(1, 60);
        int r = 0;
        label(ws, r, "Programme");
        text(ws, r++, 1, d.programmeName());
        label(ws, r, "Cohort");
        text(ws, r++, 1, d.cohortName());
        label(ws, r, "Dates");
        text(ws, r++, 1, longDate(d.start()) + " to " + longDate(d.end()));
        label(ws, r, "Capacity");
        ws.value(r++, 1, d.capacity());
        label(ws, r, "Active members");
        ws.value(r++, 1, d.activeMembers().size());
        label(ws, r, "Overall completion %");
        ws.value(r++, 1, d.overallPercent());
        label(ws, r, "As of");
        date(ws, r++, 1, d.asOf(), "d mmmm yyyy");
        label(ws, r, "At risk count");
        ws.value(r++, 1, d.atRisk().size());
        label(ws, r, "Warnings");
        List<String> warnings = d.mix().warnings();
        if (warnings.isEmpty()) {
            text(ws, r, 1, "None");
        }
        for (String warning : warnings) {
            text(ws, r++, 1, warning);
        }
    }

    private static void membersSheet(Worksheet ws, CohortDashboard d) {
        double[] widths = {26, 32, 22, 32, 20, 12, 11, 11, 10, 10, 11, 11, 11, 11, 11, 13};
        for (int c = 0; c < widths.length; c++) {
            ws.width(c, widths[c]);
        }
        header(ws, 0, MEMBER_COLUMNS);
        int r = 1;
        for (MemberRow m : d.members()) {
            text(ws, r, 0, m.name());
            text(ws, r, 1, m.email());
            text(ws, r, 2, m.profession());
            text(ws, r, 3, m.organisation());
            text(ws, r, 4, m.sector());
            text(ws, r, 5, m.status().getLabel());
            ws.value(r, 6, m.modulesCompleted());
            ws.value(r, 7, m.modulesRequired());
            ws.value(r, 8, m.lessonsDone());
            ws.value(r, 9, m.lessonsRequired());
            ws.value(r, 10, m.percent());
            ws.value(r, 11, m.coachingHeld());
            ws.value(r, 12, m.coachingExpected());
            ws.value(r, 13, m.protectedHoursUsed());
            ws.value(r, 14, m.protectedHoursEntitled());
            if (m.lastActivity() != null) {
                date(ws, r, 15, londonDay(m.lastActivity()), "yyyy-mm-dd");
            }
            r++;
        }
        // Keep the headings in view while scrolling through a large cohort, and let the team sort and filter.
        ws.freezePane(0, 1);
        ws.setAutoFilter(0, 0, MEMBER_COLUMNS.size() - 1);
    }

    private static void modulesSheet(Worksheet ws, CohortDashboard d) {
        ws.width(0, 48);
        ws.width(1, 12);
        ws.width(2, 12);
        ws.width(3, 14);
        header(ws, 0, List.of("Module", "Completed", "Members", "Completion %"));
        int r = 1;
        for (ModuleCompletion module : d.modules()) {
            text(ws, r, 0, module.title());
            ws.value(r, 1, module.completed());
            ws.value(r, 2, module.members());
            ws.value(r, 3, module.percent());
            r++;
        }
        ws.freezePane(0, 1);
    }

    /** Three small tables one under another, each with a title row, so the sheet reads top to bottom. */
    private static void mixSheet(Worksheet ws, CohortDashboard d) {
        ws.width(0, 40);
        ws.width(1, 10);
        int r = mixBlock(ws, 0, "Professions", "Profession", d.mix().professions());
        r = mixBlock(ws, r + 1, "Sectors", "Sector", d.mix().sectors());
        mixBlock(ws, r + 1, "Organisations", "Organisation", d.mix().organisations());
    }

    /** Writes one table from {@code row} and returns the row after it. */
    private static int mixBlock(Worksheet ws, int row, String title, String column, List<MixCount> counts) {
        ws.value(row, 0, title);
        ws.style(row, 0).bold().fontSize(12).set();
        header(ws, row + 1, List.of(column, "Count"));
        int r = row + 2;
        for (MixCount count : counts) {
            text(ws, r, 0, count.label());
            ws.value(r, 1, count.count());
            r++;
        }
        return r;
    }

    private static void header(Worksheet ws, int row, List<String> headings) {
        for (int c = 0; c < headings.size(); c++) {
            ws.value(row, c, headings.get(c));
        }
        ws.range(row, 0, row, headings.size() - 1).style().bold().fillColor("E8E8E8").wrapText(true)
                .verticalAlignment("top").set();
    }

    private static void label(Worksheet ws, int row, String label) {
        ws.value(row, 0, label);
        ws.style(row, 0).bold().set();
    }

    /**
     * Text from the portal, always as a string cell. A workbook's string cell is never run as a formula, but
     * sheets are copied, pasted and saved as CSV, where it would be; the same apostrophe guard as the CSV keeps
     * a formula-looking value harmless wherever it ends up.
     */
    private static void text(Worksheet ws, int row, int column, String value) {
        ws.value(row, column, neutralise(value));
    }

    private static void date(Worksheet ws, int row, int column, LocalDate value, String format) {
        ws.value(row, column, value);
        ws.style(row, column).format(format).horizontalAlignment("left").set();
    }

    /** "Programme – Cohort", the title of every export. */
    static String title(CohortDashboard d) {
        return d.programmeName() + " \u2013 " + d.cohortName();
    }

    /** A date as a person writes it: "3 March 2026". */
    static String longDate(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }

    /** The one-page board summary, naming the members at risk only when {@code names}; see {@link CohortBoardPdf}. */
    public static byte[] pdf(CohortDashboard d, boolean names) {
        return CohortBoardPdf.pdf(d, names);
    }

    /** Text as the PDF writes it; see {@link CohortBoardPdf#pdfText}. */
    static String pdfText(String text) {
        return CohortBoardPdf.pdfText(text);
    }
}
