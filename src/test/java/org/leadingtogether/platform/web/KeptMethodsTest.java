package org.leadingtogether.platform.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.ExpressionFactory;
import jakarta.el.StandardELContext;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The methods pages call without arguments give what the standard resolver gave, and the calls this resolver does not
 * take (arguments, inherited methods, classes that are not public) still reach the standard one.
 */
class KeptMethodsTest {

    public record Learning(String next, int done) {
        public boolean hasNext() {
            return next != null;
        }

        public String greeting(String name) {
            return "Hello, " + name;
        }

        public String broken() {
            throw new IllegalStateException("no lesson");
        }
    }

    public record Overview(Learning learning) {
    }

    private static final ExpressionFactory EL = ExpressionFactory.newInstance();

    /** An expression's value with {@code base} as {@code o}, and which calls {@link KeptMethods} answered. */
    private static Object value(String expression, Object base, List<String> taken) {
        StandardELContext context = new StandardELContext(EL);
        context.addELResolver(new KeptMethods() {
            @Override
            public Object invoke(ELContext el, Object on, Object method, Class<?>[] types, Object[] params) {
                Object result = super.invoke(el, on, method, types, params);
                if (el.isPropertyResolved()) {
                    taken.add(on.getClass().getSimpleName() + "." + method);
                }
                return result;
            }
        });
        context.getVariableMapper().setVariable("o", EL.createValueExpression(base, Object.class));
        return EL.createValueExpression(context, expression, Object.class).getValue(context);
    }

    @Test
    void recordsAccessorsAndOwnMethodsAreCalledHere() {
        List<String> taken = new ArrayList<>();
        Overview overview = new Overview(new Learning("Systems thinking", 3));
        assertEquals("Systems thinking", value("#{o.learning().next()}", overview, taken));
        assertEquals(true, value("#{o.learning().hasNext()}", overview, taken));
        assertEquals(false, value("#{not o.learning().hasNext()}", overview, taken));
        assertEquals(4L, value("#{o.learning().done() + 1}", overview, taken));
        assertEquals(List.of("Overview.learning", "Learning.next", "Overview.learning", "Learning.hasNext", "Overview.learning",
                "Learning.hasNext", "Overview.learning", "Learning.done"), taken);
        assertEquals(false, value("#{o.learning().hasNext()}", new Overview(new Learning(null, 0)), new ArrayList<>()));
    }

    @Test
    void whatItDoesNotTakeIsAnsweredAsBefore() {
        List<String> taken = new ArrayList<>();
        Overview overview = new Overview(new Learning("Systems thinking", 3));
        assertEquals("Hello, Sam", value("#{o.learning().greeting('Sam')}", overview, taken), "a method with an argument");
        assertEquals(List.of("Overview.learning"), taken);
        taken.clear();
        assertEquals("Learning", value("#{o.learning().getClass().getSimpleName()}", overview, taken), "a method the record inherits");
        assertEquals(2, value("#{o.size()}", List.of("a", "b"), taken), "a class that is not public, through its public interface");
        assertEquals(List.of("Overview.learning", "Class.getSimpleName"), taken);
    }

    @Test
    void whatAMethodThrowsReachesThePageAsTheStandardResolverWouldSayIt() {
        ELException thrown = assertThrows(ELException.class,
                () -> value("#{o.learning().broken()}", new Overview(new Learning("x", 0)), new ArrayList<>()));
        Throwable cause = thrown;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        assertTrue(cause instanceof IllegalStateException && "no lesson".equals(cause.getMessage()), String.valueOf(cause));
    }

    @Test
    void propertiesAreLeftToTheOtherResolvers() {
        ELResolver kept = new KeptMethods();
        StandardELContext context = new StandardELContext(EL);
        assertEquals(null, kept.getValue(context, new Learning("x", 0), "next"));
        assertFalse(context.isPropertyResolved());
    }
}
