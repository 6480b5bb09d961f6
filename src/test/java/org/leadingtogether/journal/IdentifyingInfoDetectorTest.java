package org.leadingtogether.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.leadingtogether.journal.IdentifyingInfoDetector.Finding;
import org.leadingtogether.journal.IdentifyingInfoDetector.Kind;
import org.leadingtogether.journal.MarkedText.Segment;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentifyingInfoDetectorTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    private static List<Finding> scan(String text) {
        return IdentifyingInfoDetector.scan(text, TODAY);
    }

    /** The texts found, as "KIND:text". */
    private static List<String> found(String text) {
        return scan(text).stream().map(f -> f.kind() + ":" + f.text()).toList();
    }

    // ------------------------------------------------------------------------------------ NHS numbers

    @Test
    void theCheckDigitIsModulusEleven() {
        assertTrue(IdentifyingInfoDetector.isValidNhsNumber("9434765919"));
        assertTrue(IdentifyingInfoDetector.isValidNhsNumber("4010232137"));
        assertFalse(IdentifyingInfoDetector.isValidNhsNumber("9434765918"), "wrong check digit");
        assertFalse(IdentifyingInfoDetector.isValidNhsNumber("9434765910"), "wrong check digit");
        assertFalse(IdentifyingInfoDetector.isValidNhsNumber("123456789"), "nine digits");
        assertFalse(IdentifyingInfoDetector.isValidNhsNumber("94347659190"), "eleven digits");
        assertFalse(IdentifyingInfoDetector.isValidNhsNumber("94347a5919"));
        assertFalse(IdentifyingInfoDetector.isValidNhsNumber(null));
    }

    @Test
    void aCheckOfElevenMeansZeroAndTenIsNeverValid() {
        // 1,0,0,0,0,0,0,0,1 weighted: 10 + 2 = 12; 12 mod 11 = 1; 11 - 1 = 10: no valid check digit exists.
        for (int last = 0; last <= 9; last++) {
            assertFalse(IdentifyingInfoDetector.isValidNhsNumber("100000001" + last));
        }
        // 0,0,0,0,0,0,0,0,0: sum 0, 11 - 0 = 11, which counts as 0.
        assertTrue(IdentifyingInfoDetector.isValidNhsNumber("0000000000"));
    }

    @Test
    void nhsNumbersAreFoundTogetherOrSpacedThreeThreeFour() {
        assertEquals(List.of("NHS_NUMBER:9434765919"), found("Her NHS number 9434765919 was on the letter."));
        assertEquals(List.of("NHS_NUMBER:943 476 5919"), found("NHS no. 943 476 5919."));
        assertEquals(List.of("NHS_NUMBER:943-476-5919"), found("(943-476-5919)"));
    }

    @Test
    void tenDigitsWithAWrongCheckDigitOrOddSpacingAreNotAnNhsNumber() {
        assertEquals(List.of(), found("Order reference 9434765918 was chased twice."));
        assertEquals(List.of(), found("The figures were 943 4765 919 in the audit."));
        assertEquals(List.of(), found("943 476-5919 mixes separators."));
        assertEquals(List.of(), found("Budget line 19434765919 is eleven digits."));
    }

    // ------------------------------------------------------------------------------------ dates of birth

    @ParameterizedTest
    @ValueSource(strings = {
            "The gentleman was born on 3 April 1961 and lived alone.",
            "DOB: 03/04/1961, admitted overnight.",
            "d.o.b. 3.4.61 noted on the chart",
            "Her date of birth is April 3, 1961.",
            "birthday 2010-04-03 was the day before",
            "A child (03/04/2019 DOB) came in with her father."})
    void datesAfterOrBeforeBirthWordsAreFlagged(String text) {
        List<Finding> findings = scan(text);
        assertEquals(1, findings.size(), text + " -> " + findings);
        assertEquals(Kind.DATE_OF_BIRTH, findings.get(0).kind());
    }

    @Test
    void aYearOrMonthAndYearStraightAfterBornIsFlagged() {
        assertEquals(List.of("DATE_OF_BIRTH:1958"), found("He was born in 1958 in Cardiff."));
        assertEquals(List.of("DATE_OF_BIRTH:March 1990"), found("born March 1990"));
    }

    @Test
    void aFullDateLongAgoIsTakenForABirthDateEvenWithoutACue() {
        assertEquals(List.of("DATE_OF_BIRTH:12/07/1938"), found("Letter mentions 12/07/1938 at the top."));
        assertEquals(List.of("DATE_OF_BIRTH:1 January 2000"), found("Someone wrote 1 January 2000 on the form."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "On 3 March 2026 I chaired the discharge meeting.",
            "The audit ran from 01/09/2025 to 30/09/2025.",
            "Version 3.5.10 of the rota tool was released.",
            "We were born to lead, the speaker said in 2024.",
            "The newborn unit moved in May.",
            "The policy dated 2019 was out of date.",
            "The 31/02/1950 typo is not a date at all."})
    void everydayDatesAreNotFlagged(String text) {
        assertEquals(List.of(), found(text), text);
    }

    // ------------------------------------------------------------------------------------ names

    @Test
    void namesAfterTitlesAreFlaggedWithTheTitle() {
        assertEquals(List.of("NAME:Mrs Jones"), found("I spoke with Mrs Jones about her discharge."));
        assertEquals(List.of("NAME:Dr. Amelia Hart"), found("Dr. Amelia Hart reviewed the plan."));
        assertEquals(List.of("NAME:Mr J. O'Brien"), found("Mr J. O'Brien was anxious."));
        assertEquals(List.of("NAME:Miss McDonald-Reid"), found("We met Miss McDonald-Reid on the ward."));
        assertEquals(List.of("NAME:Ms Patel"), found("Ms Patel. She was calm."));
    }

    @Test
    void namesAfterPatientAndServiceUserAreFlagged() {
        assertEquals(List.of("NAME:John Smith"), found("The patient John Smith refused his medication."));
        assertEquals(List.of("NAME:Edna"), found("A service user called Edna asked to go home."));
        assertEquals(List.of("NAME:Ray"), found("One resident, Ray, sat by the window."));
        assertEquals(List.of("NAME:Kasia"), found("The client known as Kasia rang twice."));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Patient safety was the theme of the day.",
            "The patient I saw was anxious.",
            "Each patient On the list had a plan.",
            "A patient. The next day was calmer.",
            "MRSA screening was done for every patient.",
            "Patients and service users were involved in the design.",
            "The patient Monday clinic was cancelled.",
            "Ms. and Mrs. are both titles.",
            "I asked the resident what mattered to her."})
    void ordinaryUsesOfTheseWordsAreNotNames(String text) {
        assertEquals(List.of(), found(text), text);
    }

    // ------------------------------------------------------------------------------------ postcodes and phones

    @Test
    void ukPostcodesAreFlagged() {
        assertEquals(List.of("POSTCODE:SW1A 1AA"), found("She lives near SW1A 1AA."));
        assertEquals(List.of("POSTCODE:M1 1AE"), found("Flat off M1 1AE"));
        assertEquals(List.of("POSTCODE:CR26XH"), found("CR26XH"));
        assertEquals(List.of("POSTCODE:ls6 2ab"), found("moved to ls6 2ab last year"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We met in bay B2 4th floor.",
            "Vitamin B12 levels were low.",
            "COVID-19 changed the rota.",
            "The A1 road was closed.",
            "NHS 111 gave advice."})
    void thingsThatMerelyLookLikePostcodesAreNot(String text) {
        assertEquals(List.of(), found(text), text);
    }

    @Test
    void ukPhoneNumbersAreFlagged() {
        assertEquals(List.of("PHONE:020 7946 0958"), found("Ring 020 7946 0958 for the team."));
        assertEquals(List.of("PHONE:07700 900123"), found("Her mobile 07700 900123."));
        assertEquals(List.of("PHONE:+44 7700 900123"), found("call +44 7700 900123"));
        assertEquals(List.of("PHONE:+44 (0)1632 960001"), found("+44 (0)1632 960001"));
        assertEquals(List.of("PHONE:(01632) 960 001"), found("Office (01632) 960 001."));
        assertEquals(List.of("PHONE:07700900123"), found("07700900123"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "We had 0 falls and 12 near misses.",
            "The dose was 0.5 mg at 0900 and 2100.",
            "Scores were 0123 then 456.",
            "Extension 4567 is the ward.",
            "06 1234 5678 is not a UK number."})
    void numbersThatAreNotPhoneNumbersAreNotFlagged(String text) {
        assertEquals(List.of(), found(text), text);
    }

    // ------------------------------------------------------------------------------------ together

    @Test
    void severalFindingsComeInOrderAndNeverOverlap() {
        String text = "Mrs Jones (DOB 03/04/1941, NHS 943 476 5919) of SW1A 1AA, phone 020 7946 0958.";
        assertEquals(List.of("NAME:Mrs Jones", "DATE_OF_BIRTH:03/04/1941", "NHS_NUMBER:943 476 5919",
                "POSTCODE:SW1A 1AA", "PHONE:020 7946 0958"), found(text));
    }

    @Test
    void aReflectionWithNothingIdentifyingGivesNothing() {
        String text = """
                I led the multidisciplinary huddle on the ward for the first time. The social worker and the
                physiotherapist disagreed about a discharge; I asked each to say what mattered most to the person,
                and we agreed a plan by 11:30. On reflection I spoke too quickly at the start.""";
        assertEquals(List.of(), scan(text));
        assertEquals(List.of(), scan(""));
        assertEquals(List.of(), scan(null));
    }

    @Test
    void segmentsCutTheTextIntoPlainAndMarkedPieces() {
        String text = "Saw Mrs Jones today.";
        List<Segment> segments = MarkedText.segments(text, scan(text));
        assertEquals(List.of(new Segment("Saw ", null), new Segment("Mrs Jones", Kind.NAME), new Segment(" today.", null)), segments);
        assertEquals(text, String.join("", segments.stream().map(Segment::text).toList()));
    }

    @Test
    void aLongFieldIsShownAsExcerptsAroundEachFinding() {
        String filler = "The team talked about flow through the hospital and the handover to community services. ".repeat(6);
        String text = filler + "Then Mrs Jones rang. " + filler + "Her number was 020 7946 0958." ;
        List<Finding> findings = scan(text);
        List<Segment> excerpt = MarkedText.excerpt(text, findings);
        assertEquals("\u2026", excerpt.get(0).text(), "text left out before");
        assertEquals(2, excerpt.stream().filter(Segment::isMarked).count());
        int shown = excerpt.stream().mapToInt(s -> s.text().length()).sum();
        assertTrue(shown < text.length() / 2, "only the stretches around the findings: " + shown);
        assertTrue(excerpt.stream().anyMatch(s -> s.isMarked() && s.text().equals("Mrs Jones")));
        String shortText = "Saw Mrs Jones.";
        assertEquals(MarkedText.segments(shortText, scan(shortText)), MarkedText.excerpt(shortText, scan(shortText)));
    }
}
