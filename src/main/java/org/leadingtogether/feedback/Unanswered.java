package org.leadingtogether.feedback;

import jakarta.ejb.ApplicationException;
import org.leadingtogether.platform.BusinessException;

import java.util.List;

/** Ratings not saved because some elements have no answer: their codes, so the page can mark each one. */
@ApplicationException(rollback = true)
public class Unanswered extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final List<String> codes;

    public Unanswered(List<String> codes, boolean mayNotSay) {
        super((codes.size() == 1 ? "One quality has" : codes.size() + " qualities have") + " no answer yet: choose "
                + (mayNotSay ? "a rating or 'Not able to say'" : "a rating") + " for each one marked below. Nothing was saved.");
        this.codes = List.copyOf(codes);
    }

    public List<String> getCodes() {
        return codes;
    }
}
