package org.leadingtogether.platform;

import jakarta.ejb.ApplicationException;

/**
 * What was asked for does not exist, or is not the caller's to see. The two are deliberately the same
 * answer, so that a hand-typed URL cannot tell a stranger whether a record exists.
 */
@ApplicationException(rollback = true)
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
