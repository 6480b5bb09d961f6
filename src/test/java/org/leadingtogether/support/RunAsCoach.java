package org.leadingtogether.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.concurrent.Callable;

/** Calls services as the test coach ({@link TestLearner#COACH_ID}) would, for in-container tests. */
@Stateless
@RunAs("COACH")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunAsCoach {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
