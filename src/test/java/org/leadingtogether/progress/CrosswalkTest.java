package org.leadingtogether.progress;

import org.junit.jupiter.api.Test;
import org.leadingtogether.framework.FrameworkView;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A 2012-style assessment and evidence carried across to the edition that replaces it. */
class CrosswalkTest {

    private static final FrameworkView EARLIER = new FrameworkView(1, "old", "2012", "Old", "Old",
            List.of(new FrameworkView.Scale(1, "One", ""), new FrameworkView.Scale(4, "Four", "")),
            List.of(new FrameworkView.DimensionView(10, "O-1", "Old one", "core", "", List.of(
                    new FrameworkView.ElementView(101, "O-1.1", "a", ""),
                    new FrameworkView.ElementView(102, "O-1.2", "b", ""),
                    new FrameworkView.ElementView(103, "O-1.3", "c", "")))));

    private static final FrameworkView NEWER = new FrameworkView(2, "new", "2026", "New", "New",
            EARLIER.scale(),
            List.of(new FrameworkView.DimensionView(20, "N-1", "New one", "core", "", List.of(
                    new FrameworkView.ElementView(201, "N-1.1", "x", ""),
                    new FrameworkView.ElementView(202, "N-1.2", "y", ""),
                    new FrameworkView.ElementView(203, "N-1.3", "new in 2026", "")))),
            "", "old", "2012",
            Map.of("O-1.1", List.of("N-1.1"), "O-1.2", List.of("N-1.1", "N-1.2"), "O-1.3", List.of("N-1.2")));

    @Test
    void eachNewerElementTakesTheRatingsOfTheEarlierElementsThatLeadToIt() {
        Map<Long, Integer> carried = Crosswalk.carry(Map.of(101L, 2, 102L, 3, 103L, 4), EARLIER, NEWER);

        // N-1.1 from O-1.1 (2) and O-1.2 (3): 2.5, rounded half up to 3; N-1.2 from O-1.2 (3) and O-1.3 (4): 3.5 to 4
        assertEquals(Map.of(201L, 3, 202L, 4), carried, "N-1.3 is new, so it stays unrated");
    }

    @Test
    void anUnratedEarlierElementCarriesNothing() {
        assertEquals(Map.of(201L, 1, 202L, 1), Crosswalk.carry(Map.of(102L, 1), EARLIER, NEWER));
        assertEquals(Map.of(), Crosswalk.carry(Map.of(), EARLIER, NEWER));
    }

    @Test
    void evidenceTaggedWithEarlierElementsCountsOnceForEachNewerElementItLeadsTo() {
        assertEquals(Set.of("N-1.1", "N-1.2"), NEWER.ownCodes(List.of("O-1.1", "O-1.2", "N-1.1")));
        assertEquals(Set.of("N-1.3"), NEWER.ownCodes(List.of("N-1.3", "X-9")));
        assertEquals(Set.of("O-1.1"), EARLIER.ownCodes(List.of("O-1.1", "N-1.1")), "nothing is carried backwards");
        Set<String> newerCodes = NEWER.elementCodes();
        assertEquals(NEWER.ownCodes(List.of("O-1.1", "O-1.2", "N-1.1")), NEWER.ownCodes(List.of("O-1.1", "O-1.2", "N-1.1"), newerCodes),
                "the same with the element codes worked out once");
        assertEquals(Set.of("N-1.3"), NEWER.ownCodes(List.of("N-1.3", "X-9"), newerCodes));
        assertEquals(true, NEWER.replaces("old", "2012"));
        assertEquals(false, NEWER.replaces("old", "2026"));
    }
}
