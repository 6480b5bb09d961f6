package org.leadingtogether.journal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.leadingtogether.journal.JournalViews.Export;
import org.leadingtogether.journal.JournalViews.ExportEntry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The chosen entries as a CPD log, the record NMC revalidation asks for beside the reflective accounts: one
 * line per entry with CPD hours (entries without hours are not CPD and are left out), then a total line, so
 * the 35 hours (20 participatory) can be checked at a glance.
 *
 * <p>UTF-8 with a byte order mark and CRLF line ends, as Excel expects; every cell of text the author wrote is
 * neutralised like the cohort exports, so a title starting with "=" stays text in a spreadsheet.
 */
public final class CpdLog {

    static final List<String> COLUMNS = List.of("Date", "Method", "Topic", "CPD hours", "Participatory hours",
            "Relevance to the Code", "Framework elements");

    /** Spreadsheet programs run a cell that starts with one of these as a formula (OWASP, CSV injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";

    private CpdLog() {
    }

    public static byte[] csv(Export export) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator("\r\n").get();
        BigDecimal hours = BigDecimal.ZERO;
        BigDecimal participatory = BigDecimal.ZERO;
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (ExportEntry entry : export.entries()) {
                    EntryContent c = entry.content();
                    if (c.cpdHours() == null) {
                        continue;
                    }
                    hours = hours.add(c.cpdHours());
                    participatory = participatory.add(c.participatoryHours());
                    printer.printRecord(c.eventDate() == null ? "" : c.eventDate().toString(), method(entry),
                            neutralise(c.title()), number(c.cpdHours()), number(c.participatoryHours()),
                            c.themes().stream().sorted().map(NmcTheme::getLabel).collect(Collectors.joining("; ")),
                            neutralise(String.join("; ", entry.elementNames())));
                }
                printer.printRecord("Total", "", "", number(hours), number(participatory), "", "");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the CPD log", e);
        }
        return out.toByteArray();
    }

    /** How the learning was done: the kind, whether participatory, and the module lesson if there was one. */
    static String method(ExportEntry entry) {
        EntryContent c = entry.content();
        String kind = c.kind() == null ? EntryKind.OTHER.getLabel() : c.kind().getLabel();
        String how = c.participatory() ? "participatory" : "individual";
        return neutralise(kind + " (" + how + ")" + (entry.lessonTitle() == null ? "" : ": online lesson \u201c" + entry.lessonTitle() + "\u201d"));
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return FORMULA_STARTS.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    private static String number(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
