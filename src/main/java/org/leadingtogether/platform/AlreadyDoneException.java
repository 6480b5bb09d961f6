package org.leadingtogether.platform;

import jakarta.ejb.ApplicationException;

/**
 * The same form was sent again (a double click, a browser's resubmission, a second tab): what it asked for was
 * done the first time, and is not done twice. The message says so in the words of the form ("already booked").
 */
@ApplicationException(rollback = true)
public class AlreadyDoneException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AlreadyDoneException(String message) {
        super(message);
    }
}
