package org.leadingtogether.platform;

import jakarta.ejb.ApplicationException;

/** The caller may not do this. Thrown by the feature policies at the top of service methods. */
@ApplicationException(rollback = true)
public class AccessDeniedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AccessDeniedException(String message) {
        super(message);
    }
}
