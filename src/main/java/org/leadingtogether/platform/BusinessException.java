package org.leadingtogether.platform;

import jakarta.ejb.ApplicationException;

import java.util.Optional;

/**
 * A rule of the portal was broken: the one exception tree every service throws.
 *
 * <p>It rolls the transaction back, so nothing is half saved, and the Faces exception handler turns it
 * into a message the user understands. The message is plain British English meant for the person at the
 * screen; {@link #getField()} names the form field at fault when there is one, so the message can sit
 * next to it; {@link #getNextStep()} names the page where what stands in the way can be changed, when there is
 * one, so that a refusal is never a dead end.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    private final NextStep nextStep;

    /**
     * Where the person can change what stands in the way: a link shown with the message.
     *
     * @param label what the link says, such as "Change the cohort's places and dates"
     * @param path  the page, from the portal's root, such as {@code /manager/cohort-settings.xhtml?id=12}
     */
    public record NextStep(String label, String path) implements java.io.Serializable {
    }

    public BusinessException(String message) {
        this(null, message);
    }

    public BusinessException(String field, String message) {
        this(field, message, null);
    }

    public BusinessException(String field, String message, NextStep nextStep) {
        super(message);
        this.field = field;
        this.nextStep = nextStep;
    }

    /** The id of the form field at fault, if the rule concerns one field. */
    public Optional<String> getField() {
        return Optional.ofNullable(field);
    }

    /** The page where what stands in the way can be changed, if there is one. */
    public Optional<NextStep> getNextStep() {
        return Optional.ofNullable(nextStep);
    }
}
