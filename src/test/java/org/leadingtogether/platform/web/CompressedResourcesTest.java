package org.leadingtogether.platform.web;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which answers {@link CompressedResources} keeps, and that what it keeps is the resource. */
class CompressedResourcesTest {

    @Test
    void keepsStyleSheetsScriptsAndImagesThatWereFound() {
        assertTrue(CompressedResources.keepable(200, "text/css", 10_000));
        assertTrue(CompressedResources.keepable(200, "text/css;charset=UTF-8", 10_000));
        assertTrue(CompressedResources.keepable(200, "application/javascript", 400_000));
        assertTrue(CompressedResources.keepable(200, "image/svg+xml", 500));
    }

    @Test
    void leavesEverythingElseToFaces() {
        assertFalse(CompressedResources.keepable(404, "text/css", 100), "a missing resource");
        assertFalse(CompressedResources.keepable(304, "text/css", 0), "a browser's copy still current");
        assertFalse(CompressedResources.keepable(200, "text/html", 100), "a page");
        assertFalse(CompressedResources.keepable(200, "image/png", 100), "already compressed");
        assertFalse(CompressedResources.keepable(200, null, 100), "no kind said");
        assertFalse(CompressedResources.keepable(200, "application/javascript", CompressedResources.LARGEST + 1), "too large");
    }

    @Test
    void whatIsKeptIsTheResourceCompressed() throws IOException {
        byte[] script = "function hello() { return 'hello'; }\n".repeat(500).getBytes(StandardCharsets.UTF_8);
        byte[] gzipped = CompressedResources.gzip(script);
        assertTrue(gzipped.length * 10 < script.length, "compressed: " + gzipped.length + " of " + script.length);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            assertArrayEquals(script, in.readAllBytes());
        }
    }
}
