package org.leadingtogether.framework;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leadingtogether.platform.content.ContentError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each test writes the fixture framework twice, as {@code good.yaml} (active) and {@code other.yaml} (a second,
 * inactive framework), breaks {@code other.yaml} one way, and checks the line and message reported, that the
 * broken file is left out and that the good one is still read.
 */
class FrameworkReaderTest {

    private static final String OTHER = "frameworks/other.yaml";

    @TempDir
    Path root;

    private Path frameworks;
    private String fixture;

    @BeforeEach
    void writeTwoGoodFrameworks() throws IOException {
        frameworks = root.resolve("frameworks");
        Files.createDirectories(frameworks);
        try (InputStream in = getClass().getResourceAsStream("/content-fixtures/framework.yaml")) {
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        write("good.yaml", fixture);
        write("other.yaml", fixture.replace("id: tqf", "id: other").replace("active: true", "active: false")
                .replace("TQF-", "OTH-"));
    }

    @Test
    void aGoodFileIsReadInFull() {
        FrameworkReader.Result result = read();

        assertEquals(List.of(), result.errors());
        assertEquals(List.of("tqf", "other"), codes(result));
        FrameworkDefinition good = result.frameworks().get(0);
        assertEquals("1", good.version());
        assertEquals("Test Qualities Framework", good.title());
        assertEquals("Test Qualities", good.shortTitle());
        assertEquals("A small framework for tests.", good.summary());
        assertTrue(good.active());
        assertEquals("frameworks/good.yaml", good.path());
        assertEquals(List.of(new ScalePointDefinition(1, "Starting", "Just beginning."),
                new ScalePointDefinition(2, "Practised", "Does it reliably."),
                new ScalePointDefinition(3, "Leading", "Others learn from it.")), good.scale());
        assertEquals(2, good.dimensions().size());
        DimensionDefinition second = good.dimensions().get(1);
        assertEquals("TQF-2", second.code());
        assertEquals("senior", second.tier());
        assertEquals(List.of(new ElementDefinition("TQF-2.1", "Building partnerships", "Working as equals with partners.")),
                second.elements());
        assertEquals(Set.of("TQF-1.1", "TQF-1.2", "TQF-2.1"), good.elementCodes());
        assertFalse(result.frameworks().get(1).active());
    }

    @Test
    void optionalTextsDefaultSensibly() {
        edit("shortTitle: Test Qualities\n", "");
        edit("summary: A small framework for tests.\n", "");
        edit("    description: Just beginning.\n", "");
        FrameworkDefinition other = read().frameworks().get(1);
        assertEquals("Test Qualities Framework", other.shortTitle());
        assertEquals("", other.summary());
        assertEquals("", other.scale().get(0).description());
    }

    @Test
    void behaviourStatementsAreReadWithTheirElementForThe360() {
        edit("        description: Seeing how you affect others.\n", "        description: Seeing how you affect others.\n"
                + "        behaviours:\n"
                + "          - Asks how their decisions landed with the people they affect.\n"
                + "          - Changes course when feedback shows a better way.\n");
        FrameworkReader.Result result = read();
        assertEquals(List.of(), result.errors());
        ElementDefinition noticing = result.frameworks().get(1).dimensions().get(0).elements().get(0);
        assertEquals(List.of("Asks how their decisions landed with the people they affect.",
                "Changes course when feedback shows a better way."), noticing.behaviours());
        assertEquals(List.of(), result.frameworks().get(1).dimensions().get(0).elements().get(1).behaviours(),
                "an element without behaviours has none");
    }

    @Test
    void behavioursThatAreNotAListOfStatements() {
        edit("        description: Seeing how you affect others.\n", "        description: Seeing how you affect others.\n"
                + "        behaviours: Asks how decisions landed.\n");
        assertOnlyError(read(), 26, "'behaviours'");
    }

    @Test
    void anEmptyBehaviourStatement() {
        edit("        description: Seeing how you affect others.\n", "        description: Seeing how you affect others.\n"
                + "        behaviours:\n"
                + "          - Asks how their decisions landed.\n"
                + "          - \"  \"\n");
        assertOnlyError(read(), 28, "Each item under 'behaviours' must be a short piece of text");
    }

    @Test
    void aVersionWrittenAsANumberIsReadAsText() {
        edit("version: \"1\"", "version: 2012");
        FrameworkReader.Result result = read();
        assertEquals(List.of(), result.errors());
        assertEquals("2012", result.frameworks().get(1).version());
    }

    @Test
    void aMissingId() {
        edit("id: other\n", "");
        assertOnlyError(read(), 1, "needs an 'id'");
    }

    @Test
    void anIdWithCapitals() {
        edit("id: other", "id: Other");
        assertOnlyError(read(), 1, "'Other' may contain only lowercase letters, digits and hyphens");
    }

    @Test
    void aMissingVersion() {
        edit("version: \"1\"", "version:");
        assertOnlyError(read(), 2, "needs a 'version'");
    }

    @Test
    void aMissingTitle() {
        edit("title: Test Qualities Framework\n", "");
        assertOnlyError(read(), 1, "needs a 'title'");
    }

    @Test
    void activeThatIsNotTrueOrFalse() {
        edit("active: false", "active: sometimes");
        assertOnlyError(read(), 5, "'active' must be true or false, not 'sometimes'");
    }

    @Test
    void aScaleOfOnePoint() {
        String text = readOther();
        write("other.yaml", text.substring(0, text.indexOf("  - value: 2")) + text.substring(text.indexOf("dimensions:")));
        assertOnlyError(read(), 7, "at least two points");
    }

    @Test
    void aScaleValueUsedTwice() {
        edit("value: 3", "value: 2");
        assertOnlyError(read(), 14, "The scale value 2 is used twice");
    }

    @Test
    void aScaleValueThatIsNotANumber() {
        edit("value: 3", "value: three");
        assertOnlyError(read(), 14, "'value' must be a whole number");
    }

    @Test
    void aScalePointWithoutLabel() {
        edit("    label: Practised\n", "");
        assertOnlyError(read(), 11, "needs a 'label'");
    }

    @Test
    void noDimensions() {
        String text = readOther();
        write("other.yaml", text.substring(0, text.indexOf("dimensions:")) + "dimensions: []\n");
        assertOnlyError(read(), 17, "at least one item under 'dimensions'");
    }

    @Test
    void aDimensionWithoutCode() {
        edit("  - code: OTH-2\n    name", "  - name");
        assertOnlyError(read(), 29, "Each dimension needs a 'code'");
    }

    @Test
    void aDimensionWithoutName() {
        edit("    name: Shaping the system\n", "");
        assertOnlyError(read(), 29, "Each dimension needs a 'name'");
    }

    @Test
    void anUnknownTier() {
        edit("tier: senior", "tier: expert");
        assertOnlyError(read(), 31, "The tier 'expert' is not recognised; use core, senior or principle");
    }

    @Test
    void aDimensionWithoutElements() {
        String text = readOther();
        write("other.yaml", text.substring(0, text.lastIndexOf("    elements:")) + "    elements: []\n");
        assertOnlyError(read(), 33, "The dimension 'OTH-2' needs at least one item under 'elements'");
    }

    @Test
    void anElementWithoutCode() {
        edit("      - code: OTH-2.1\n        name", "      - name");
        assertOnlyError(read(), 34, "Each element needs a 'code'");
    }

    @Test
    void anElementWithoutName() {
        edit("        name: Building partnerships\n", "");
        assertOnlyError(read(), 34, "Each element needs a 'name'");
    }

    @Test
    void anElementCodeUsedTwice() {
        edit("code: OTH-2.1", "code: OTH-1.2");
        assertOnlyError(read(), 34, "The element code 'OTH-1.2' is used twice in this framework");
    }

    @Test
    void aDimensionCodeUsedTwice() {
        edit("code: OTH-2\n", "code: OTH-1\n");
        assertOnlyError(read(), 29, "The dimension code 'OTH-1' is used twice in this framework");
    }

    @Test
    void theSameIdAndVersionInTwoFilesIsReportedOnTheSecond() {
        edit("id: other", "id: tqf");
        assertOnlyError(read(), 1, "The framework 'tqf' version '1' is already defined in frameworks/good.yaml");
    }

    @Test
    void theSameIdWithANewVersionIsWelcome() {
        edit("id: other", "id: tqf");
        edit("version: \"1\"", "version: \"2\"");
        assertEquals(List.of(), read().errors());
    }

    @Test
    void aSecondActiveFrameworkIsReportedAndTreatedAsInactive() {
        edit("active: false", "active: true");
        FrameworkReader.Result result = read();
        assertEquals(1, result.errors().size(), result.errors().toString());
        ContentError error = result.errors().get(0);
        assertEquals(OTHER, error.path());
        assertEquals(5, error.line());
        assertTrue(error.message().contains("Only one framework can be active, and 'tqf' (frameworks/good.yaml) already is"),
                error.message());
        assertEquals(List.of("tqf", "other"), codes(result));
        assertTrue(result.frameworks().get(0).active());
        assertFalse(result.frameworks().get(1).active());
    }

    @Test
    void malformedYamlIsReportedAtItsLine() {
        edit("title: Test Qualities Framework", "title: Test: Qualities Framework");
        assertOnlyError(read(), 3, "The YAML is malformed");
    }

    @Test
    void aFileThatIsAListRatherThanKeysAndValues() {
        write("other.yaml", "- id: other\n- version: 1\n");
        assertOnlyError(read(), 1, "must be a set of keys and values");
    }

    @Test
    void aFileThatIsNotUtf8() throws IOException {
        Files.write(frameworks.resolve("other.yaml"), new byte[] {'i', 'd', ':', ' ', (byte) 0xFF, '\n'});
        assertOnlyError(read(), 0, "not valid UTF-8");
    }

    @Test
    void otherFilesInTheFolderAreIgnoredAndYmlIsRead() throws IOException {
        Files.move(frameworks.resolve("other.yaml"), frameworks.resolve("other.yml"));
        Files.writeString(frameworks.resolve("notes.txt"), "not a framework: [");
        FrameworkReader.Result result = read();
        assertEquals(List.of(), result.errors());
        assertEquals(List.of("tqf", "other"), codes(result));
    }

    @Test
    void aMissingFolder() {
        FrameworkReader.Result result = FrameworkReader.read(root.resolve("missing"), root);
        assertEquals(List.of(new ContentError("missing", 0, "The content folder 'missing' does not exist.")),
                result.errors());
        assertTrue(result.frameworks().isEmpty());
    }

    private FrameworkReader.Result read() {
        return FrameworkReader.read(frameworks, root);
    }

    private static void assertOnlyError(FrameworkReader.Result result, int line, String fragment) {
        assertEquals(1, result.errors().size(), result.errors().toString());
        ContentError error = result.errors().get(0);
        assertEquals(OTHER, error.path(), error.toString());
        assertEquals(line, error.line(), error.toString());
        assertTrue(error.message().contains(fragment), error.message());
        assertEquals(List.of("tqf"), codes(result), "the broken file is left out and the good one kept");
    }

    private static List<String> codes(FrameworkReader.Result result) {
        return result.frameworks().stream().map(FrameworkDefinition::code).toList();
    }

    private void edit(String from, String to) {
        String text = readOther();
        assertTrue(text.contains(from), "other.yaml contains: " + from);
        write("other.yaml", text.replace(from, to));
    }

    private String readOther() {
        try {
            return Files.readString(frameworks.resolve("other.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aNewerEditionNamesTheOneItReplacesAndHowEachElementCarriesOver() {
        write("other.yaml", fixture.replace("id: tqf", "id: other").replace("active: true", "active: false")
                .replace("TQF-", "OTH-") + CROSSWALK);

        FrameworkReader.Result result = read();

        assertEquals(List.of(), result.errors());
        FrameworkDefinition newer = result.frameworks().get(1);
        assertEquals("tqf", newer.replaces().code());
        assertEquals("1", newer.replaces().version());
        assertEquals(List.of("OTH-1.1", "OTH-1.2"), newer.replaces().crosswalk().get("TQF-1.1"));
        assertEquals(List.of("OTH-2.1"), newer.replaces().crosswalk().get("TQF-2.1"));
        assertEquals("Element names are the portal's own.", newer.notice());
    }

    @Test
    void aCrosswalkLeadingToAnElementTheNewerEditionLacksLeavesTheFileOut() {
        write("other.yaml", fixture.replace("id: tqf", "id: other").replace("active: true", "active: false")
                .replace("TQF-", "OTH-") + CROSSWALK.replace("to: [OTH-2.1]", "to: [OTH-9.9]"));

        FrameworkReader.Result result = read();

        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).message().contains("leads to 'OTH-9.9', which is not an element of this"
                + " framework"), result.errors().toString());
        assertEquals(List.of("tqf"), codes(result));
    }

    @Test
    void aCrosswalkFromAnElementTheEarlierEditionLacksIsReportedAndSetAside() {
        write("other.yaml", fixture.replace("id: tqf", "id: other").replace("active: true", "active: false")
                .replace("TQF-", "OTH-") + CROSSWALK.replace("from: TQF-2.1", "from: TQF-7.7"));

        FrameworkReader.Result result = read();

        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).message().contains("starts from 'TQF-7.7'"), result.errors().toString());
        assertEquals(List.of("tqf", "other"), codes(result), "the framework itself is still good to use");
        assertEquals(null, result.frameworks().get(1).replaces());
    }

    @Test
    void aCrosswalkFromAnEditionNoFileDefines() {
        write("other.yaml", fixture.replace("id: tqf", "id: other").replace("active: true", "active: false")
                .replace("TQF-", "OTH-") + CROSSWALK.replace("framework: tqf", "framework: gone"));

        FrameworkReader.Result result = read();

        assertEquals(1, result.errors().size(), result.errors().toString());
        assertTrue(result.errors().get(0).message().contains("replaces 'gone' version '1', but no valid framework"
                + " file defines it"), result.errors().toString());
    }

    private static final String CROSSWALK = """
            notice: Element names are the portal's own.
            replaces:
              framework: tqf
              version: "1"
              crosswalk:
                - {from: TQF-1.1, to: [OTH-1.1, OTH-1.2]}
                - {from: TQF-2.1, to: [OTH-2.1]}
            """;

    private void write(String name, String text) {
        try {
            Files.writeString(frameworks.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
