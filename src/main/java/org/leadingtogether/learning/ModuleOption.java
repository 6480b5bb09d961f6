package org.leadingtogether.learning;

import java.io.Serializable;

/** A published module as a choice in a form. */
public record ModuleOption(String key, String title, int minutes) implements Serializable {

    public ModuleOption(String key, String title, Integer minutes) {
        this(key, title, minutes.intValue());
    }
}
