package org.leadingtogether.journal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.leadingtogether.journal.JournalViews.Export;
import org.leadingtogether.journal.JournalViews.ExportEntry;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JournalExportsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static ExportEntry gibbs() {
        EntryContent content = new EntryContent("Leading my first huddle", LocalDate.of(2026, 10, 2), EntryKind.PRACTICE_EVENT,
                ReflectionModel.GIBBS, List.of("I chaired the morning huddle.", "Nervous.", "", "", "Ask before telling.", "Practise with my coach."),
                null, null, Set.of("LQF-2.4"), Set.of(NmcTheme.PRIORITISE_PEOPLE, NmcTheme.PRESERVE_SAFETY),
                new BigDecimal("1.5"), true, null, null);
        return new ExportEntry(1, content, List.of("Working within teams"), null);
    }

    private static ExportEntry rolfe() {
        EntryContent content = new EntryContent("=Siân's lesson on networks", LocalDate.of(2026, 11, 1), EntryKind.LEARNING_ACTIVITY,
                ReflectionModel.ROLFE, List.of("Read about informal networks.", "They carry the work.", "Meet the care home manager."),
                "Relationships happen outside meetings.", "I will book a visit.", Set.of(), Set.of(), new BigDecimal("0.75"), false,
                "why-systems-leadership", null);
        return new ExportEntry(2, content, List.of(), "Why systems leadership");
    }

    private static ExportEntry noHours() {
        EntryContent content = new EntryContent("No hours", LocalDate.of(2026, 11, 5), EntryKind.OTHER, ReflectionModel.FREE,
                List.of("Just thinking."), null, null, Set.of(), Set.of(), null, false, null, null);
        return new ExportEntry(3, content, List.of(), null);
    }

    @Test
    void thePdfHasOneNmcStyleAccountPerEntryWithTheFormsFourQuestions() throws Exception {
        byte[] pdf = ReflectiveAccountsPdf.pdf(new Export("Amara Okafor", TODAY, List.of(gibbs(), rolfe())));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(2, document.getNumberOfPages());
            String first = text(document, 1);
            String flat = first.replaceAll("\\s+", " ");
            assertTrue(flat.contains("Reflective accounts form"), flat);
            assertTrue(flat.contains("Reflective account: 1"), flat);
            assertTrue(flat.contains("Leading my first huddle") && flat.contains("2 October 2026"), flat);
            assertTrue(flat.contains("nature of the CPD activity"), flat);
            assertTrue(flat.contains("Event or experience in practice") && flat.contains("I chaired the morning huddle."), flat);
            assertTrue(flat.contains("What did you learn") && flat.contains("Ask before telling."), "the Conclusion stage answers it: " + flat);
            assertTrue(flat.contains("change or improve your practice") && flat.contains("Practise with my coach."), flat);
            assertTrue(flat.contains("relevant to the Code"), flat);
            assertTrue(flat.contains("[x] Prioritise people") && flat.contains("[ ] Practise effectively")
                    && flat.contains("[x] Preserve safety"), flat);
            assertTrue(flat.contains("Working within teams") && flat.contains("1.5 (participatory)"), flat);

            String second = text(document, 2).replaceAll("\\s+", " ");
            assertTrue(second.contains("Reflective account: 2") && second.contains("=Siân's lesson on networks"), second);
            assertTrue(second.contains("Relationships happen outside meetings.") && second.contains("I will book a visit."), second);
            assertTrue(second.contains("(lesson: Why systems leadership)"), second);
        }
    }

    @Test
    void theCpdLogListsEntriesWithHoursAndTotalsThem() throws Exception {
        byte[] csv = CpdLog.csv(new Export("Amara Okafor", TODAY, List.of(gibbs(), rolfe(), noHours())));
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a byte order mark for Excel");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(3, rows.size(), "two entries with hours and the total");
        assertEquals("2026-10-02", rows.get(0).get("Date"));
        assertEquals("Event or experience in practice (participatory)", rows.get(0).get("Method"));
        assertEquals("1.5", rows.get(0).get("CPD hours"));
        assertEquals("1.5", rows.get(0).get("Participatory hours"));
        assertEquals("Prioritise people; Preserve safety", rows.get(0).get("Relevance to the Code"));
        assertEquals("'=Siân's lesson on networks", rows.get(1).get("Topic"), "a formula-looking title stays text");
        assertEquals("0", rows.get(1).get("Participatory hours"));
        assertTrue(rows.get(1).get("Method").contains("Why systems leadership"));
        assertEquals("Total", rows.get(2).get("Date"));
        assertEquals("2.25", rows.get(2).get("CPD hours"));
        assertEquals("1.5", rows.get(2).get("Participatory hours"));
        assertTrue(text.contains("\r\n"));
    }

    @Test
    void pdfTextKeepsLineBreaksAndSpellsOutMissingLetters() {
        assertEquals("Dwr\nLódz ?", ReflectiveAccountsPdf.pdfText("Dŵr\r\nŁódź ✓"));
        assertEquals("Siân – Zoë", ReflectiveAccountsPdf.pdfText("Siân – Zoë"));
    }

    private static String text(PDDocument document, int page) throws Exception {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        return stripper.getText(document);
    }
}
