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
import org.leadingtogether.cohort.CohortDashboard.AtRisk;
import org.leadingtogether.cohort.CohortDashboard.ModuleCompletion;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.util.List;

/**
 * The one-page A4 board summary of a cohort, made with OpenPDF. Part of {@link CohortExports}; kept apart
 * because laying out one page that never spills is a job of its own.
 */
final class CohortBoardPdf {

    private CohortBoardPdf() {
    }

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
     *
     * <p>A board paper travels: members at risk are counted by reason, and named only when the manager asks for the
     * named version ({@code names}), for a meeting that needs it.
     */
    static byte[] pdf(CohortDashboard d, boolean names) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, 36, 36);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(pdfText(CohortExports.title(d)));
        document.addSubject("Cohort summary as of " + CohortExports.longDate(d.asOf()));
        document.addCreator("Leading Together");
        document.open();

        document.add(new Paragraph(oneLine(CohortExports.title(d), TITLE, CONTENT_WIDTH), TITLE));
        Paragraph dates = new Paragraph(CohortExports.longDate(d.start()) + " to " + CohortExports.longDate(d.end())
                + "   \u00b7   Figures as of " + CohortExports.longDate(d.asOf()), MUTED);
        dates.setSpacingAfter(10);
        document.add(dates);

        document.add(keyFigures(d));
        addModules(document, d);
        addMix(document, d);
        if (names) {
            addAtRisk(document, writer, d);
        } else {
            addAtRiskCounts(document, d);
        }

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
            document.add(new Paragraph("No members are at risk as of " + CohortExports.longDate(d.asOf()) + ".", BODY));
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

    /** Members at risk counted by the kind of reason, with nobody named. */
    private static void addAtRiskCounts(Document document, CohortDashboard d) {
        List<AtRisk> atRisk = d.atRisk();
        document.add(heading("Members at risk (" + atRisk.size() + ")"));
        if (atRisk.isEmpty()) {
            document.add(new Paragraph("No members are at risk as of " + CohortExports.longDate(d.asOf()) + ".", BODY));
            return;
        }
        java.util.Map<String, Integer> byKind = new java.util.LinkedHashMap<>();
        for (String kind : List.of(PaceRule.BEHIND, PaceRule.QUIET, PaceRule.OTHER)) {
            int count = (int) atRisk.stream().filter(a -> PaceRule.kindsOf(a.reason()).contains(kind)).count();
            if (count > 0) {
                byKind.put(kind, count);
            }
        }
        Columns columns = new Columns(CONTENT_WIDTH, 5, 1);
        PdfPTable table = columns.table();
        headerRow(table, false, "Reason", "Members");
        byKind.forEach((kind, count) -> {
            table.addCell(cell(columns.fit(0, kind), Element.ALIGN_LEFT));
            table.addCell(cell(String.valueOf(count), Element.ALIGN_RIGHT));
        });
        document.add(table);
        document.add(new Paragraph("Someone can be at risk for more than one reason. Names are left out of this summary.", MUTED));
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

}
