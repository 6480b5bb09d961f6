package org.leadingtogether.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestPriorityTest {

    private static <T> T nothing(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(RequestPriorityTest.class.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> null));
    }

    /**
     * Every request, page or resource, is served at Java's lowest priority, below the password checks' normal one, and
     * the thread stays there for the next request (raising it again would need a privilege).
     */
    @Test
    void aRequestIsServedAtTheLowestPriorityAndItsThreadStaysThere() throws Exception {
        int[] seen = new int[3];
        Thread requestThread = new Thread(() -> {
            seen[0] = Thread.currentThread().getPriority();
            try {
                RequestPriority filter = new RequestPriority();
                filter.doFilter(nothing(HttpServletRequest.class), nothing(HttpServletResponse.class),
                        (request, response) -> seen[1] = Thread.currentThread().getPriority());
            } catch (Exception failed) {
                throw new IllegalStateException(failed);
            }
            seen[2] = Thread.currentThread().getPriority();
        });
        requestThread.start();
        requestThread.join(10_000);
        assertEquals(Thread.NORM_PRIORITY, seen[0], "a new thread starts at the normal priority");
        assertEquals(Thread.MIN_PRIORITY, seen[1], "the request is served at the lowest");
        assertEquals(Thread.MIN_PRIORITY, seen[2], "and the thread stays there");
    }
}
