package org.leadingtogether.journal;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.leadingtogether.journal.JournalViews.Export;
import org.leadingtogether.journal.JournalViews.ExportEntry;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Chosen entries as reflective accounts laid out like the NMC revalidation form: one account to a page
 * (continuing over the next if it is long), each with the date and title, then four boxes in the form's order:
 * the nature of the activity, feedback or event; what was learned; how practice changed or improved; and how
 * it is relevant to the Code, with the four themes ticked or not. Where the author left "what I learned" or
 * "what I will do differently" empty, the matching stage of their model fills the box (see
 * {@link ReflectionModel#learnedStage()}).
 *
 * <p>Built-in Helvetica keeps the file small and needs no font files; {@link #pdfText} keeps line breaks and
 * spells out the few letters its WinAnsi encoding lacks, so nothing the author wrote silently disappears.
 */
public final class ReflectiveAccountsPdf {

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final Charset WIN_ANSI = Charset.forName("windows-1252");

    private static final Color RULE = new Color(0x55, 0x55, 0x55);
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font QUESTION = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10, Font.NORMAL);
    private static final Font MUTED = new Font(Font.HELVETICA, 9, Font.NORMAL, new Color(0x44, 0x44, 0x44));

    static final String NATURE = "What was the nature of the CPD activity, the practice-related feedback, or the event or experience in your practice?";
    static final String LEARNED = "What did you learn from the CPD activity, feedback, or event or experience?";
    static final String CHANGED = "How did you change or improve your practice as a result?";
    static final String CODE = "How is this relevant to the Code? Select one or more themes.";

    private ReflectiveAccountsPdf() {
    }

    public static byte[] pdf(Export export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 48, 48, 42, 42);
        PdfWriter.getInstance(document, out);
        document.addTitle("Reflective accounts");
        document.addAuthor(pdfText(export.authorName()));
        document.addCreator("Leading Together");
        document.open();
        int number = 0;
        for (ExportEntry entry : export.entries()) {
            if (number > 0) {
                document.newPage();
            }
            number++;
            account(document, export, entry, number);
        }
        document.close();
        return out.toByteArray();
    }

    private static void account(Document document, Export export, ExportEntry entry, int number) {
        EntryContent c = entry.content();
        document.add(new Paragraph("Reflective accounts form", TITLE));
        Paragraph intro = new Paragraph(pdfText("Reflective account " + number + " of " + export.entries().size()
                + " \u00b7 " + export.authorName() + " \u00b7 exported " + date(export.today())), MUTED);
        intro.setSpacingAfter(10);
        document.add(intro);

        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        table.addCell(header("Reflective account: " + number));
        table.addCell(answer("Date: " + date(c.eventDate()) + "\nTitle: " + nullToEmpty(c.title())));
        table.addCell(question(NATURE));
        String kind = c.kind() == null ? EntryKind.OTHER.getLabel() : c.kind().getLabel();
        String nature = kind + (entry.lessonTitle() == null ? "" : " (lesson: " + entry.lessonTitle() + ")");
        table.addCell(answer(nature + "\n\n" + orNone(c.stage(c.model().natureStage()))));
        table.addCell(question(LEARNED));
        table.addCell(answer(orNone(c.learnedOrStage())));
        table.addCell(question(CHANGED));
        table.addCell(answer(orNone(c.changeOrStage())));
        table.addCell(question(CODE));
        StringBuilder code = new StringBuilder();
        for (NmcTheme theme : NmcTheme.values()) {
            code.append(c.themes().contains(theme) ? "[x] " : "[  ] ").append(theme.getLabel()).append('\n');
        }
        if (!entry.elementNames().isEmpty()) {
            code.append("\nLeadership framework elements evidenced: ").append(String.join("; ", entry.elementNames()));
        }
        if (c.cpdHours() != null) {
            code.append("\nCPD hours: ").append(c.cpdHours().stripTrailingZeros().toPlainString())
                    .append(c.participatory() ? " (participatory)" : " (individual)");
        }
        table.addCell(answer(code.toString().strip()));
        document.add(table);
        Paragraph reminder = new Paragraph("Make sure nothing in this account identifies a patient, a person who uses services,"
                + " a colleague or anyone else.", MUTED);
        reminder.setSpacingBefore(6);
        document.add(reminder);
    }

    private static PdfPCell header(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, HEADING));
        cell.setBackgroundColor(SHADE);
        cell.setBorderColor(RULE);
        cell.setPadding(6);
        return cell;
    }

    private static PdfPCell question(String text) {
        PdfPCell cell = new PdfPCell(new Phrase(text, QUESTION));
        cell.setBackgroundColor(SHADE);
        cell.setBorderColor(RULE);
        cell.setPadding(6);
        return cell;
    }

    private static PdfPCell answer(String text) {
        Phrase phrase = new Phrase();
        phrase.add(new Chunk(pdfText(text), BODY));
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorderColor(RULE);
        cell.setPadding(8);
        cell.setMinimumHeight(60);
        cell.setLeading(0, 1.3f);
        return cell;
    }

    private static String date(LocalDate date) {
        return date == null ? "not given" : LONG_DATE.format(date);
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(Not written.)" : text.strip();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * Text Helvetica's WinAnsi encoding can show, keeping line breaks: a letter it lacks loses its accent
     * (ŵ to w, Ł to L), anything with no plain form becomes "?", and other control characters become spaces.
     */
    static String pdfText(String text) {
        if (text == null) {
            return "";
        }
        CharsetEncoder winAnsi = WIN_ANSI.newEncoder();
        StringBuilder result = new StringBuilder(text.length());
        text.replace("\r\n", "\n").codePoints().forEach(cp -> {
            String ch = Character.toString(cp);
            if (cp == '\n') {
                result.append('\n');
            } else if (Character.isISOControl(cp)) {
                result.append(' ');
            } else if (winAnsi.canEncode(ch)) {
                result.append(ch);
            } else {
                String base = Normalizer.normalize(ch, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
                int stroked = "ŁłĐđĦħıŦŧ".indexOf(ch);
                result.append(stroked >= 0 ? String.valueOf("LlDdHhiTt".charAt(stroked))
                        : !base.isEmpty() && winAnsi.canEncode(base) ? base : "?");
            }
        });
        return result.toString();
    }
}
