package org.leadingtogether.cohort;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.leadingtogether.cohort.CohortDashboard.AtRisk;
import org.leadingtogether.cohort.CohortDashboard.MemberRow;
import org.leadingtogether.cohort.CohortDashboard.ModuleCompletion;
import org.leadingtogether.platform.ClockProducer;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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

    // ---------------------------------------------------------------------------------------------- PDF

    private static final float MARGIN = 40;
    /** The width between the margins of an A4 page, which every table on the page spans. */
    private static final float CONTENT_WIDTH = PageSize.A4.getWidth() - 2 * MARGIN;
    /** A cell's padding and borders, taken off a column's width to find the room for its text. */
    private static final float CELL_INSET = 6;

    private static final Color RULE = new Color(0xCC, 0xCC, 0xCC);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font BODY_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font FIGURE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font MUTED = new Font(Font.HELVETICA, 9, Font.NORMAL, new Color(0x55, 0x55, 0x55));

    /** Bounds on the parts above the at-risk list, so the list always has room and the page never spills. */
    private static final int MAX_MODULES = 12;
    private static final int MAX_PROFESSIONS = 5;
    private static final int MAX_SECTORS = 6;
    private static final int MAX_WARNINGS = 4;

    /** The standard fonts' encoding; Java's windows-1252 is the same table. */
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    /**
     * One A4 page for a board: the figures that matter, completion by required module, the mix and who is at
     * risk. A board paper has to be one page, so long lists are capped (the at-risk list to the space left)
     * and say how many more there are, and every value is kept to one line. Built-in Helvetica keeps the file
     * small and needs no font files; its WinAnsi encoding covers the accents of British and Irish names (Siân,
     * Zoë, Siobhán) and typographic dashes and quotes, and {@link #pdfText} spells out the few letters it lacks.
     */
    public static byte[] pdf(CohortDashboard d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(pdfText(title(d)));
        document.addSubject("Cohort summary as of " + longDate(d.asOf()));
        document.addCreator("Leading Together");
        document.open();

        document.add(new Paragraph(oneLine(title(d), TITLE, CONTENT_WIDTH), TITLE));
        Paragraph dates = new Paragraph(longDate(d.start()) + " to " + longDate(d.end())
                + "   \u00b7   Figures as of " + longDate(d.asOf()), MUTED);
        dates.setSpacingAfter(10);
        document.add(dates);

        document.add(keyFigures(d));
        addModules(document, d);
        addMix(document, d);
        addAtRisk(document, writer, d);

        document.close();
        return out.toByteArray();
    }

    private static PdfPTable keyFigures(CohortDashboard d) {
        PdfPTable table = new PdfPTable(3);
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        table.addCell(figure(d.activeMembers().size() + " / " + d.capacity(), "active members / capacity"));
        table.addCell(figure(d.overallPercent() + "%", "overall completion"));
        table.addCell(figure(String.valueOf(d.atRisk().size()), "members at risk"));
        return table;
    }

    private static PdfPCell figure(String value, String label) {
        Paragraph content = new Paragraph(value, FIGURE);
        content.add(new Phrase("\n" + label, BODY));
        PdfPCell cell = new PdfPCell(content);
        cell.setBorderColor(RULE);
        cell.setPadding(8);
        cell.setPaddingTop(4);
        return cell;
    }

    private static void addModules(Document document, CohortDashboard d) {
        document.add(heading("Completion by required module"));
        List<ModuleCompletion> modules = d.modules();
        if (modules.isEmpty()) {
            document.add(new Paragraph("No required modules.", BODY));
            return;
        }
        Columns columns = new Columns(CONTENT_WIDTH, 6, 1.5f, 1);
        PdfPTable table = columns.table();
        headerRow(table, true, "Module", "Completed", "%");
        for (ModuleCompletion module : modules.subList(0, Math.min(MAX_MODULES, modules.size()))) {
            table.addCell(cell(columns.fit(0, module.title()), Element.ALIGN_LEFT));
            table.addCell(cell(module.completed() + " of " + module.members(), Element.ALIGN_RIGHT));
            table.addCell(cell(module.percent() + "%", Element.ALIGN_RIGHT));
        }
        document.add(table);
        more(document, modules.size() - MAX_MODULES, "required modules");
    }

    private static void addMix(Document document, CohortDashboard d) {
        document.add(heading("Mix of the cohort"));
        float gap = 8;
        PdfPTable sideBySide = new PdfPTable(2);
        sideBySide.setWidthPercentage(100);
        sideBySide.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        sideBySide.getDefaultCell().setPadding(0);
        sideBySide.getDefaultCell().setPaddingRight(gap);
        float half = CONTENT_WIDTH / 2 - gap;
        sideBySide.addCell(mixTable(half, "Profession (top " + MAX_PROFESSIONS + ")", d.mix().professions(),
                MAX_PROFESSIONS, "professions"));
        sideBySide.addCell(mixTable(half, "Sector", d.mix().sectors(), MAX_SECTORS, "sectors"));
        document.add(sideBySide);

        List<String> warnings = d.mix().warnings();
        for (String warning : warnings.subList(0, Math.min(MAX_WARNINGS, warnings.size()))) {
            String bullet = "\u2022 ";
            document.add(new Paragraph(bullet + oneLine(warning, BODY, CONTENT_WIDTH - width(bullet, BODY)), BODY));
        }
        more(document, warnings.size() - MAX_WARNINGS, "warnings");
    }

    /** The largest groups by name, and the rest summed in one line so the counts still add up. */
    private static PdfPTable mixTable(float width, String heading, List<MixCount> counts, int max, String plural) {
        Columns columns = new Columns(width, 5, 1);
        PdfPTable table = columns.table();
        headerRow(table, true, heading, "Count");
        for (MixCount count : counts.subList(0, Math.min(max, counts.size()))) {
            table.addCell(cell(columns.fit(0, count.label()), Element.ALIGN_LEFT));
            table.addCell(cell(String.valueOf(count.count()), Element.ALIGN_RIGHT));
        }
        if (counts.size() > max) {
            List<MixCount> rest = counts.subList(max, counts.size());
            table.addCell(cell(rest.size() + " other " + plural, Element.ALIGN_LEFT));
            table.addCell(cell(String.valueOf(rest.stream().mapToInt(MixCount::count).sum()), Element.ALIGN_RIGHT));
        }
        if (counts.isEmpty()) {
            table.addCell(cell("None recorded", Element.ALIGN_LEFT));
            table.addCell(cell("", Element.ALIGN_RIGHT));
        }
        return table;
    }

    /**
     * The at-risk list, as many as fit in the space left on the page, then "and N more". The rows are
     * measured rather than counted, so the list still stops in time if the layout above it changes; the
     * "and N more" line is the table's last row so that it is measured too.
     */
    private static void addAtRisk(Document document, PdfWriter writer, CohortDashboard d) {
        List<AtRisk> atRisk = d.atRisk();
        document.add(heading("Members at risk (" + atRisk.size() + ")"));
        if (atRisk.isEmpty()) {
            document.add(new Paragraph("No members are at risk as of " + longDate(d.asOf()) + ".", BODY));
            return;
        }
        // A point or two spare for rounding.
        float room = writer.getVerticalPosition(true) - document.bottom() - 2;

        // Never measure more rows than could fit on an A4 page anyway.
        List<AtRisk> candidates = atRisk.subList(0, Math.min(atRisk.size(), 60));
        PdfPTable measured = atRiskTable(candidates, 1);
        float moreLine = measured.getRowHeight(candidates.size() + 1);
        float used = measured.getRowHeight(0);
        int fits = 0;
        while (fits < candidates.size()) {
            float next = used + measured.getRowHeight(fits + 1);
            boolean everyone = fits + 1 == atRisk.size();
            if (next + (everyone ? 0 : moreLine) > room) {
                break;
            }
            used = next;
            fits++;
        }
        document.add(atRiskTable(atRisk.subList(0, fits), atRisk.size() - fits));
    }

    private static PdfPTable atRiskTable(List<AtRisk> rows, int notShown) {
        Columns columns = new Columns(CONTENT_WIDTH, 2, 5);
        PdfPTable table = columns.table();
        headerRow(table, false, "Name", "Reason");
        for (AtRisk row : rows) {
            table.addCell(cell(columns.fit(0, row.name()), Element.ALIGN_LEFT));
            table.addCell(cell(columns.fit(1, row.reason()), Element.ALIGN_LEFT));
        }
        if (notShown > 0) {
            PdfPCell more = new PdfPCell(new Phrase("and " + notShown + " more members at risk", MUTED));
            more.setColspan(2);
            more.setBorder(Rectangle.NO_BORDER);
            more.setPaddingTop(4);
            table.addCell(more);
        }
        return table;
    }

    /** A table's columns in points, so text can be fitted to its column before it is placed. */
    private record Columns(float total, float... relative) {

        PdfPTable table() {
            PdfPTable table = new PdfPTable(relative);
            table.setTotalWidth(total);
            table.setLockedWidth(true);
            table.setHorizontalAlignment(Element.ALIGN_LEFT);
            table.setHeaderRows(1);
            return table;
        }

        String fit(int column, String text) {
            float sum = 0;
            for (float r : relative) {
                sum += r;
            }
            return oneLine(text, BODY, total * relative[column] / sum - CELL_INSET);
        }
    }

    private static void more(Document document, int more, String what) {
        if (more > 0) {
            Paragraph line = new Paragraph("and " + more + " more " + what, MUTED);
            line.setSpacingBefore(2);
            document.add(line);
        }
    }

    private static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(text, HEADING);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(4);
        return heading;
    }

    /**
     * The shaded heading row. When the columns after the first hold figures, their headings sit to the right,
     * over the figures they name.
     */
    private static void headerRow(PdfPTable table, boolean figures, String... headings) {
        for (int i = 0; i < headings.length; i++) {
            PdfPCell cell = cell(headings[i], i > 0 && figures ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
            cell.setPhrase(new Phrase(headings[i], BODY_BOLD));
            cell.setBackgroundColor(SHADE);
            table.addCell(cell);
        }
    }

    private static PdfPCell cell(String text, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text, BODY));
        cell.setHorizontalAlignment(alignment);
        cell.setBorderColor(RULE);
        cell.setPaddingTop(2);
        cell.setPaddingBottom(4);
        return cell;
    }

    /**
     * Portal text cut to one line of the given width, ending in an ellipsis when cut, so one long name or
     * title cannot push the page onto a second sheet and every row keeps the same height.
     */
    private static String oneLine(String text, Font font, float width) {
        String clean = pdfText(text);
        if (width(clean, font) <= width) {
            return clean;
        }
        String ellipsis = "\u2026";
        int fits = 0;
        int tooLong = clean.length();
        while (tooLong - fits > 1) {
            int middle = (fits + tooLong) >>> 1;
            if (width(clean.substring(0, middle).strip() + ellipsis, font) <= width) {
                fits = middle;
            } else {
                tooLong = middle;
            }
        }
        return clean.substring(0, fits).strip() + ellipsis;
    }

    private static float width(String text, Font font) {
        return font.getCalculatedBaseFont(false).getWidthPoint(text, font.getCalculatedSize());
    }

    /**
     * Text that Helvetica's WinAnsi encoding can show. Letters it lacks would otherwise vanish silently
     * ("Dŵr" printed as "Dr"), so they lose their accent instead (ŵ to w, Ł to L), and anything with no plain
     * form becomes "?". Line breaks and other control characters become spaces so a value stays on its line.
     */
    static String pdfText(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder winAnsi = WIN_ANSI.newEncoder();
        StringBuilder result = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                result.append(' ');
            } else if (winAnsi.canEncode(ch)) {
                result.append(ch);
            } else {
                result.append(plainForm(ch, winAnsi));
            }
        });
        return result.toString().strip();
    }

    /** Letters with a stroke have no decomposition, so they are mapped by hand. */
    private static final String STROKED = "ŁłĐđĦħıŦŧ";
    private static final String UNSTROKED = "LlDdHhiTt";

    private static String plainForm(String ch, CharsetEncoder winAnsi) {
        int stroked = STROKED.indexOf(ch);
        if (stroked >= 0) {
            return String.valueOf(UNSTROKED.charAt(stroked));
        }
        String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return !base.isEmpty() && winAnsi.canEncode(base) ? base : "?";
    }

    // ------------------------------------------------------------------------------------------- shared

    private static String title(CohortDashboard d) {
        return d.programmeName() + " \u2013 " + d.cohortName();
    }

    private static String longDate(LocalDate date) {
        return date == null ? "" : LONG_DATE.format(date);
    }
}
