package org.leadingtogether.platform.web;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which address an expired form's page is opened again at: its own, with its query, and never another. */
class PortalExceptionHandlerTest {

    private static final String LESSON = "/learner/lesson.xhtml";

    @Test
    void theQueryOfTheSamePageIsKept() {
        assertEquals("?id=why-systems-leadership",
                PortalExceptionHandler.queryOfSamePage("http://localhost:8080/learner/lesson.xhtml?id=why-systems-leadership", LESSON));
        assertEquals("?id=a%20b&x=1", PortalExceptionHandler.queryOfSamePage("https://portal.example/learner/lesson.xhtml?id=a%20b&x=1", LESSON));
    }

    @Test
    void anotherPageOrNoQueryGivesNothing() {
        assertEquals("", PortalExceptionHandler.queryOfSamePage("http://localhost:8080/learner/home.xhtml?id=x", LESSON));
        assertEquals("", PortalExceptionHandler.queryOfSamePage("http://localhost:8080/learner/lesson.xhtml", LESSON));
        assertEquals("", PortalExceptionHandler.queryOfSamePage("http://localhost:8080/learner/lesson.xhtml?", LESSON));
        assertEquals("", PortalExceptionHandler.queryOfSamePage(null, LESSON));
        assertEquals("", PortalExceptionHandler.queryOfSamePage("", LESSON));
    }

    @Test
    void aMalformedOrForeignLookingRefererGivesNothingButTheQueryOfThisPortalsPath() {
        assertEquals("", PortalExceptionHandler.queryOfSamePage("http://exa mple/learner/lesson.xhtml?id=x", LESSON));
        assertEquals("", PortalExceptionHandler.queryOfSamePage("http://evil.example/elsewhere?id=x", LESSON));
        // The host is never used: only the query follows the portal's own path.
        assertEquals("?id=x", PortalExceptionHandler.queryOfSamePage("http://evil.example/learner/lesson.xhtml?id=x", LESSON));
    }
}
