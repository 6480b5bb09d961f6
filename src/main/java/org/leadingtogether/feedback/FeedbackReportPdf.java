package org.leadingtogether.feedback;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * A learner's 360 report as a PDF, to keep or take to a debrief: the same figures, gaps, comments and previous round
 * as the page, in the same words. Built with OpenPDF and its built-in Helvetica (see {@link PdfText}).
 */
final class FeedbackReportPdf {

    private static final Color RULE = new Color(0xCC, 0xCC, 0xCC);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font BODY_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font MUTED = new Font(Font.HELVETICA, 9, Font.NORMAL, new Color(0x55, 0x55, 0x55));

    private FeedbackReportPdf() {
    }

    static byte[] pdf(FeedbackPages.Report report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(PdfText.of("360 feedback: " + report.learnerName() + ", " + report.roundName()));
        document.addCreator("Leading Together");
        document.open();
        document.add(new Paragraph(PdfText.of("360 feedback: " + report.learnerName()), TITLE));
        document.add(new Paragraph(PdfText.of(report.programmeName() + " \u00b7 " + report.roundName() + ", closed "
                + FeedbackPolicy.DAY.format(report.closesOn()) + " \u00b7 " + report.figures().answers() + " of " + report.invited()
                + " invited answered"), MUTED));
        FeedbackFigures.Report figures = report.figures();
        if (!figures.folded().isEmpty()) {
            document.add(new Paragraph(PdfText.of(FeedbackText.folded(figures)), MUTED));
        }

        document.add(heading("Your ratings beside others' (1 to " + report.framework().maxScale() + "; – where too few answered to show)"));
        List<FeedbackFigures.Column> columns = figures.columns();
        PdfPTable table = new PdfPTable(columns.size() + 1);
        table.setWidthPercentage(100);
        float[] widths = new float[columns.size() + 1];
        widths[0] = 5;
        for (int i = 1; i < widths.length; i++) {
            widths[i] = 1.3f;
        }
        table.setWidths(widths);
        table.setHeaderRows(1);
        table.addCell(cell("Dimension and element", BODY_BOLD, SHADE, Element.ALIGN_LEFT));
        columns.forEach(c -> table.addCell(cell(c.label() + (c.isSelf() ? "" : " (" + c.answers() + ")"), BODY_BOLD, SHADE, Element.ALIGN_RIGHT)));
        for (FeedbackFigures.Section section : figures.sections()) {
            row(table, section.dimension(), BODY_BOLD, SHADE);
            section.elements().forEach(e -> row(table, e, BODY, null));
        }
        document.add(table);

        document.add(heading("Others see more than you do"));
        gaps(document, figures.othersSeeMore());
        document.add(heading("You see more than others do"));
        gaps(document, figures.youSeeMore());

        if (report.previous() != null) {
            document.add(heading("Beside your previous round (" + report.previous().roundName() + ")"));
            PdfPTable before = new PdfPTable(new float[] {5, 1.3f, 1.3f, 1.3f, 1.3f});
            before.setWidthPercentage(100);
            for (String h : List.of("Dimension", "You before", "You now", "Others before", "Others now")) {
                before.addCell(cell(h, BODY_BOLD, SHADE, h.equals("Dimension") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
            }
            for (FeedbackPages.PreviousLine line : report.previous().dimensions()) {
                before.addCell(cell(line.name(), BODY, null, Element.ALIGN_LEFT));
                for (FeedbackFigures.Cell c : List.of(line.selfBefore(), line.selfNow(), line.othersBefore(), line.othersNow())) {
                    before.addCell(cell(c.text(), BODY, null, Element.ALIGN_RIGHT));
                }
            }
            document.add(before);
        }

        document.add(heading("What they should keep doing"));
        comments(document, report.keepDoing());
        document.add(heading("What they could do differently, or more of"));
        comments(document, report.doDifferently());
        if (!report.debriefs().isEmpty()) {
            document.add(heading("Notes of the debrief"));
            report.debriefs().forEach(d -> document.add(new Paragraph(PdfText.of(d.coachName() + ", "
                    + new org.leadingtogether.platform.web.Dates().date(d.written()) + ": " + d.body()), BODY)));
        }
        document.close();
        return out.toByteArray();
    }

    private static void row(PdfPTable table, FeedbackFigures.Row row, Font font, Color shade) {
        table.addCell(cell(row.name(), font, shade, Element.ALIGN_LEFT));
        row.cells().forEach(c -> table.addCell(cell(c.text(), font, shade, Element.ALIGN_RIGHT)));
    }

    private static void gaps(Document document, List<FeedbackFigures.Gap> gaps) {
        if (gaps.isEmpty()) {
            document.add(new Paragraph("No difference of half a point or more.", MUTED));
        }
        gaps.forEach(g -> document.add(new Paragraph(PdfText.of("\u2022 " + g.name() + ": you " + String.format(java.util.Locale.UK, "%.1f", g.self())
                + ", all others " + String.format(java.util.Locale.UK, "%.1f", g.others()) + " (a gap of " + g.text() + ")"), BODY)));
    }

    private static void comments(Document document, List<String> comments) {
        if (comments.isEmpty()) {
            document.add(new Paragraph("No comments.", MUTED));
        }
        comments.forEach(c -> {
            Paragraph p = new Paragraph(PdfText.of("\u201c" + c + "\u201d"), BODY);
            p.setSpacingAfter(3);
            document.add(p);
        });
    }

    private static Paragraph heading(String text) {
        Paragraph heading = new Paragraph(PdfText.of(text), HEADING);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        return heading;
    }

    private static PdfPCell cell(String text, Font font, Color shade, int align) {
        PdfPCell cell = new PdfPCell(new Phrase(PdfText.of(text), font));
        cell.setBorderColor(RULE);
        cell.setHorizontalAlignment(align);
        cell.setPadding(3);
        if (shade != null) {
            cell.setBackgroundColor(shade);
        }
        return cell;
    }
}
