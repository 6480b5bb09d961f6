package org.leadingtogether.platform;

import jakarta.ejb.ApplicationException;

import java.util.Optional;

/**
 * A rule of the portal was broken: the one exception tree every service throws.
 *
 * <p>It rolls the transaction back, so nothing is half saved, and the Faces exception handler turns it
 * into a message the user understands. The message is plain British English meant for the person at the
 * screen; {@link #getField()} names the form field at fault when there is one, so the message can sit
 * next to it.
 */
@ApplicationException(rollback = true)
public class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public BusinessException(String message) {
        this(null, message);
    }

    public BusinessException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The id of the form field at fault, if the rule concerns one field. */
    public Optional<String> getField() {
        return Optional.ofNullable(field);
    }
}
