package org.leadingtogether.coaching;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

/** A coach has no free place left: nothing of the request is saved. */
@ApplicationException(rollback = true)
public class CoachAtCapacityException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public CoachAtCapacityException(String message) {
        super(message);
    }
}
