package org.leadingtogether.booking;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

/** The slot was taken (or withdrawn) between showing it and booking it: someone else was quicker. */
@ApplicationException(rollback = true)
public class SlotAlreadyBookedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public SlotAlreadyBookedException() {
        super("Sorry, that slot has just been taken or is no longer offered. The free slots shown now are up to date: choose another.");
    }
}
