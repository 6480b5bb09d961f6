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
 * The programme's impact on one A4 page for a board: the change per dimension from learners' own and others' ratings,
 * what the programme's members did, and the cohorts of five learners or more. Figures over fewer than five learners are
 * left out here as on the page.
 */
final class ImpactPdf {

    private static final Color RULE = new Color(0xCC, 0xCC, 0xCC);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 11, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 9, Font.NORMAL);
    private static final Font BODY_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font MUTED = new Font(Font.HELVETICA, 9, Font.NORMAL, new Color(0x55, 0x55, 0x55));
    /** Cohorts listed before "and N more", so the page never spills. */
    private static final int MAX_COHORTS = 8;

    private ImpactPdf() {
    }

    static byte[] pdf(FeedbackPages.Impact impact) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 40, 40, 36, 36);
        PdfWriter.getInstance(document, out);
        document.addTitle(PdfText.of("Programme impact: " + impact.programmeName()));
        document.addCreator("Leading Together");
        document.open();
        document.add(new Paragraph(PdfText.of("Programme impact: " + impact.programmeName()), TITLE));
        document.add(new Paragraph(PdfText.of("360 feedback, " + (impact.firstRound() == null ? "" : impact.firstRound()) + " to "
                + (impact.lastRound() == null ? "" : impact.lastRound()) + " \u00b7 as of " + FeedbackPolicy.DAY.format(impact.asOf())), MUTED));
        if (!impact.isReady()) {
            document.add(new Paragraph(PdfText.of(impact.notReady()), BODY));
            document.close();
            return out.toByteArray();
        }
        ImpactFigures.Group all = impact.figures().programme();
        document.add(heading("Average change per dimension, " + all.learners() + " learners who completed both rounds"));
        document.add(new Paragraph("On the 1 to 4 scale: last round minus first. A dash: fewer than five learners had ratings in both.", MUTED));
        changes(document, all.changes());

        document.add(heading("What the learners did"));
        PdfPTable activity = new PdfPTable(new float[] {4, 2, 2});
        activity.setWidthPercentage(100);
        for (String h : List.of("", "All members", "Learners compared")) {
            activity.addCell(cell(h, BODY_BOLD, SHADE, h.isEmpty() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
        FeedbackPages.Activity m = impact.members();
        FeedbackPages.Activity c = impact.compared();
        line(activity, "Learners", String.valueOf(m.learners()), String.valueOf(c.learners()));
        line(activity, "Completed the programme", String.valueOf(m.completedProgramme()), String.valueOf(c.completedProgramme()));
        line(activity, "Required lessons done", m.lessonsPercent() + "%", c.lessonsPercent() + "%");
        line(activity, "Protected time used, hours per learner", m.hoursPerLearner(), c.hoursPerLearner());
        line(activity, "Coaching sessions held per learner", m.sessionsPerLearner(), c.sessionsPerLearner());
        document.add(activity);

        List<ImpactFigures.Group> cohorts = impact.figures().cohorts();
        if (!cohorts.isEmpty()) {
            document.add(heading("By cohort (five learners or more)"));
            PdfPTable table = new PdfPTable(new float[] {4, 1.2f, 2, 2});
            table.setWidthPercentage(100);
            for (String h : List.of("Cohort", "Learners", "Own ratings, average change", "Others' ratings, average change")) {
                table.addCell(cell(h, BODY_BOLD, SHADE, h.equals("Cohort") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
            }
            for (ImpactFigures.Group cohort : cohorts.subList(0, Math.min(MAX_COHORTS, cohorts.size()))) {
                table.addCell(cell(cohort.name(), BODY, null, Element.ALIGN_LEFT));
                table.addCell(cell(String.valueOf(cohort.learners()), BODY, null, Element.ALIGN_RIGHT));
                table.addCell(cell(cohort.selfOverallText(), BODY, null, Element.ALIGN_RIGHT));
                table.addCell(cell(cohort.othersOverallText(), BODY, null, Element.ALIGN_RIGHT));
            }
            document.add(table);
            if (cohorts.size() > MAX_COHORTS) {
                document.add(new Paragraph((cohorts.size() - MAX_COHORTS) + " more cohorts are on the page in the portal.", MUTED));
            }
        }
        if (impact.figures().hiddenCohorts() > 0) {
            document.add(new Paragraph(impact.figures().hiddenCohorts() + (impact.figures().hiddenCohorts() == 1 ? " cohort" : " cohorts")
                    + " with fewer than five learners compared " + (impact.figures().hiddenCohorts() == 1 ? "is" : "are")
                    + " not shown on its own; its learners count in the figures above.", MUTED));
        }
        document.close();
        return out.toByteArray();
    }

    private static void changes(Document document, List<ImpactFigures.Change> changes) {
        PdfPTable table = new PdfPTable(new float[] {4, 2, 2});
        table.setWidthPercentage(100);
        for (String h : List.of("Principle or dimension", "Own ratings", "Others' ratings")) {
            table.addCell(cell(h, BODY_BOLD, SHADE, h.startsWith("Principle") ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT));
        }
        for (ImpactFigures.Change change : changes) {
            line(table, change.name(), change.selfText(), change.othersText());
        }
        document.add(table);
    }

    private static void line(PdfPTable table, String label, String one, String two) {
        table.addCell(cell(label, BODY, null, Element.ALIGN_LEFT));
        table.addCell(cell(one, BODY, null, Element.ALIGN_RIGHT));
        table.addCell(cell(two, BODY, null, Element.ALIGN_RIGHT));
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
