package org.leadingtogether.feedback;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

import java.util.List;

/** Raters not invited: the lines at fault, each with its number and what is wrong. Nothing was saved. */
@ApplicationException(rollback = true)
public class InvitationRefused extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final List<RaterList.Problem> problems;

    public InvitationRefused(List<RaterList.Problem> problems) {
        super("addresses", "Nobody was invited: put right the lines listed under the addresses and send the list again.");
        this.problems = List.copyOf(problems);
    }

    public List<RaterList.Problem> getProblems() {
        return problems;
    }
}
