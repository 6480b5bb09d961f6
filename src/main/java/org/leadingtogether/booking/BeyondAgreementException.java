package org.leadingtogether.booking;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

/**
 * A coachee asked for a session beyond the number their coaching agreement allows: nothing is booked until they
 * have been told so and choose to book it all the same (the coach can then talk it through with them).
 */
@ApplicationException(rollback = true)
public class BeyondAgreementException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public BeyondAgreementException(String message) {
        super(message);
    }
}
