package org.leadingtogether.coaching.view;

import org.leadingtogether.platform.web.FormIntent;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.coaching.CoachingService;
import org.leadingtogether.coaching.CohortCoaching;
import org.leadingtogether.coaching.CohortSuggestions;
import org.leadingtogether.coaching.ProposedPair;
import org.leadingtogether.coaching.Suggestion;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Coaching in a cohort for its programme manager ({@code ?cohort=…}): who is paired with whom and how it goes
 * (counts only), suggestions for everyone who needs a coach to review, change and confirm, and suggestions for
 * one member at a time.
 */
@Named
@ViewScoped
public class CohortCoachingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CoachingService coaching;

    private Long cohort;
    private CohortCoaching overview;
    private CohortSuggestions suggestions;
    private final Map<Long, Long> chosen = new HashMap<>();
    private final Map<Long, Boolean> included = new HashMap<>();
    private Long member;
    private String memberName;
    private List<Suggestion> memberSuggestions = List.of();

    public void load() {
        overview = coaching.getCohortCoaching(cohort == null ? -1 : cohort);
    }

    public void suggestAll() {
        suggestions = coaching.suggestForCohort(cohort);
        chosen.clear();
        included.clear();
        suggestions.pairs().forEach(p -> {
            chosen.put(p.coacheeId(), p.coachId());
            included.put(p.coacheeId(), Boolean.TRUE);
        });
        member = null;
        if (suggestions.pairs().isEmpty()) {
            Messages.info(suggestions.unmatched().isEmpty() ? "Everyone in the cohort has a coach or a request waiting."
                    : "No available coach can take the members who need one. Ask coaches to open places, or allow coaching within organisations.");
        }
    }

    public String confirm() {
        Map<Long, Long> picks = new LinkedHashMap<>();
        suggestions.pairs().forEach(p -> {
            if (Boolean.TRUE.equals(included.get(p.coacheeId()))) {
                picks.put(p.coacheeId(), chosen.get(p.coacheeId()));
            }
        });
        int proposed = coaching.proposePairings(cohort, picks, FormIntent.submitted());
        Messages.flashInfo(proposed + (proposed == 1 ? " pairing is" : " pairings are")
                + " proposed. Each coach is asked to accept; you will see their answers here.");
        return "/manager/coaching?faces-redirect=true&cohort=" + cohort;
    }

    public void suggestFor(CohortCoaching.Member one) {
        member = one.personId();
        memberName = one.name();
        memberSuggestions = coaching.suggestFor(cohort, one.personId());
        suggestions = null;
        if (memberSuggestions.isEmpty()) {
            Messages.info("No available coach can take " + one.name() + " now.");
        }
    }

    /** Proposes the coach whose button was pressed (its id travels with the press) for the member shown. */
    public String proposeChosen() {
        long coachId = FormIntent.chosenId("memberSuggestions:propose");
        coaching.proposePairings(cohort, Map.of(member, coachId), FormIntent.submitted());
        String name = memberSuggestions == null ? null : memberSuggestions.stream().filter(s -> s.coach().coachId() == coachId)
                .map(s -> s.coach().name()).findFirst().orElse(null);
        Messages.flashInfo((name == null ? "The coach" : name) + " is asked to coach " + memberName + ".");
        return "/manager/coaching?faces-redirect=true&cohort=" + cohort;
    }

    public List<ProposedPair.Option> options(ProposedPair pair) {
        return pair.options();
    }

    public Long getCohort() {
        return cohort;
    }

    public void setCohort(Long cohort) {
        this.cohort = cohort;
    }

    public CohortCoaching getOverview() {
        return overview;
    }

    public CohortSuggestions getSuggestions() {
        return suggestions;
    }

    public Map<Long, Long> getChosen() {
        return chosen;
    }

    public Map<Long, Boolean> getIncluded() {
        return included;
    }

    public Long getMember() {
        return member;
    }

    public String getMemberName() {
        return memberName;
    }

    public List<Suggestion> getMemberSuggestions() {
        return memberSuggestions;
    }
}
