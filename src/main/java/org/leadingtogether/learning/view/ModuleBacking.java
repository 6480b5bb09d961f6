package org.leadingtogether.learning.view;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.leadingtogether.learning.LearningService;
import org.leadingtogether.learning.ModulePage;

/** A module's page ({@code ?id=<module id>}). */
@Named
@RequestScoped
public class ModuleBacking {

    @Inject
    private LearningService learning;

    private String id;
    private ModulePage module;

    public void load() {
        module = learning.getModule(id);
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public ModulePage getModule() {
        return module;
    }
}
