package org.leadingtogether.platform.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.math.BigDecimal;

/**
 * A number with its noun, singular or plural as the number asks: "1 hour", "1.5 hours", "2 sessions", "1 entry".
 * Pages write {@code #{counts.of(n, 'hour')}} rather than {@code #{n} hours}, so a count of one never reads "1 hours".
 */
@Named
@ApplicationScoped
public class Counts {

    /** {@code n} and the noun, made plural with an "s" unless {@code n} is exactly one. */
    public String of(Number n, String singular) {
        return text(n, singular, singular + "s");
    }

    /** {@code n} and the noun, with its own plural ("entry", "entries"). */
    public String of(Number n, String singular, String plural) {
        return text(n, singular, plural);
    }

    /** The same as {@link #of(Number, String, String)}, for Java code. */
    public static String text(Number n, String singular, String plural) {
        if (n == null) {
            return "";
        }
        BigDecimal value = n instanceof BigDecimal decimal ? decimal : new BigDecimal(n.toString());
        BigDecimal tidy = value.stripTrailingZeros();
        String figure = tidy.scale() < 0 ? tidy.setScale(0).toPlainString() : tidy.toPlainString();
        return figure + " " + (value.compareTo(BigDecimal.ONE) == 0 ? singular : plural);
    }

    /** The same as {@link #of(Number, String)}, for Java code. */
    public static String text(Number n, String singular) {
        return text(n, singular, singular + "s");
    }
}
