package org.leadingtogether.platform.web;

import jakarta.faces.FacesException;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which failures are a session ended by another request halfway through this one: only the container's refusal of a
 * session the request came with and that no longer stands. Everything else still goes to the error page, so that a real
 * fault is never hidden behind the sign-in page.
 */
class EndedSessionTest {

    private static final IllegalStateException REFUSED = new IllegalStateException("getAttribute: Session already invalidated");

    private static HttpServletRequest request(String sessionId, boolean sessionStands) {
        return (HttpServletRequest) Proxy.newProxyInstance(EndedSessionTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestedSessionId" -> sessionId;
                    case "isRequestedSessionIdValid" -> sessionStands;
                    default -> null;
                });
    }

    @Test
    void theContainerRefusingASessionThatHasSinceEndedIsAnEndedSessionHoweverDeepItIsWrapped() {
        HttpServletRequest ended = request("abc", false);
        assertTrue(EndedSession.isEnded(ended, REFUSED));
        assertTrue(EndedSession.isEnded(ended, new ServletException(new FacesException(REFUSED))));
    }

    @Test
    void aSessionThatStillStandsOrNoSessionAtAllIsNot() {
        assertFalse(EndedSession.isEnded(request("abc", true), REFUSED), "the session stands: a fault of another kind");
        assertFalse(EndedSession.isEnded(request(null, false), REFUSED), "the request came without a session");
    }

    @Test
    void anyOtherFailureIsNotEvenWhenTheSessionHasEnded() {
        HttpServletRequest ended = request("abc", false);
        assertFalse(EndedSession.isEnded(ended, new ServletException(new SQLException("deadlock"))));
        assertFalse(EndedSession.isEnded(ended, new NullPointerException()));
    }
}
