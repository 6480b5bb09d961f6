package org.leadingtogether.cohort.view;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.cohort.CohortManagers;
import org.leadingtogether.cohort.CohortService;
import org.leadingtogether.cohort.PersonMatch;
import org.leadingtogether.platform.web.Messages;

import java.io.Serializable;
import java.util.List;

/** Who runs a cohort ({@code ?id=…}): the programme's managers, and others added to this cohort alone. */
@Named
@ViewScoped
public class CohortManagersBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private CohortService cohorts;

    private Long id;
    private CohortManagers managers;
    private String words;
    private List<PersonMatch> matches = List.of();

    public void load() {
        managers = cohorts.getCohortManagers(id == null ? -1 : id);
    }

    public void search() {
        matches = cohorts.findManagersToAdd(id, words);
        if (matches.isEmpty()) {
            Messages.info("No programme manager matches '" + words + "'. An administrator gives people the programme manager role.");
        }
    }

    public void add(PersonMatch person) {
        cohorts.addCohortManager(id, person.id());
        Messages.info(person.name() + " now manages this cohort.");
        matches = List.of();
        words = null;
        load();
    }

    public void remove(CohortManagers.Manager manager) {
        cohorts.removeCohortManager(id, manager.id());
        Messages.info(manager.name() + " no longer manages this cohort.");
        load();
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public CohortManagers getManagers() {
        return managers;
    }

    public String getWords() {
        return words;
    }

    public void setWords(String words) {
        this.words = words;
    }

    public List<PersonMatch> getMatches() {
        return matches;
    }
}
