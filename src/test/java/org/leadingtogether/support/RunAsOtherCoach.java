package org.leadingtogether.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.concurrent.Callable;

/** Calls services as a second test coach ({@link TestLearner#OTHER_COACH_ID}) would: one who is not the coachee's. */
@Stateless
@RunAs("COACH")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunAsOtherCoach {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
