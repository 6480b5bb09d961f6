package org.leadingtogether.account;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HashingFiguresTest {

    private static final long MS = 1_000_000L;

    @Test
    void aWindowWhereSignInsQueuedIsReportedWithWhatAHashCostAndTheQueue() {
        HashingFigures figures = new HashingFigures(0);
        figures.waiting(120);
        figures.checked(3_000 * MS, 80 * MS, 20 * MS, 2);
        figures.checked(5_000 * MS, 100 * MS, 22 * MS, 4);
        figures.refused();
        assertEquals(Optional.empty(), figures.endIfDue(9_999 * MS, 4), "the window has not ended");

        String line = figures.endIfDue(10_000 * MS, 4).orElseThrow();
        assertEquals("Sign-ins in the last 10 s: 2 passwords checked (0.2 a second), each 21 ms of CPU in 90 ms with its turn; "
                + "waited 4.0 s on average, 5.0 s at most; 120 waiting at most; 4 of 4 checking at once at most; "
                + "1 told to try again", line);
        assertEquals(Optional.empty(), figures.endIfDue(20_000 * MS, 4), "a new window began, with nothing in it");
    }

    @Test
    void aQuietWindowLogsNothing() {
        HashingFigures figures = new HashingFigures(0);
        figures.checked(900 * MS, 20 * MS, 19 * MS, 1);
        assertEquals(Optional.empty(), figures.endIfDue(10_000 * MS, 4), "nobody waited a second, nobody was refused");
        figures.checked(1_000 * MS, 20 * MS, 19 * MS, 1);
        assertTrue(figures.endIfDue(20_000 * MS, 4).isPresent(), "a second's wait is worth a line");
    }
}
