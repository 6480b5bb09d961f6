package org.leadingtogether.support;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.util.concurrent.Callable;

/**
 * Calls services as the test learner ({@link TestLearner#ID}) would, for in-container tests: the test
 * descriptors give this bean's run-as identity that person's id as its principal name.
 */
@Stateless
@RunAs("LEARNER")
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RunAsLearner {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
