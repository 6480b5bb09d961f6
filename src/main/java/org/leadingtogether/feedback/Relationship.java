package org.leadingtogether.feedback;

import java.util.Arrays;
import java.util.List;

/**
 * Who is rating: the learner themselves, or a rater in one of the groups a learner invites. The groups are those
 * common in 360 practice in health and care, with people who use services and carers among them.
 */
public enum Relationship {
    SELF("You", "you"),
    LINE_MANAGER("Line manager", "their line manager"),
    PEER("Peers", "a peer"),
    DIRECT_REPORT("Direct reports", "someone they manage"),
    PARTNER("Partners in other organisations", "a partner in another organisation"),
    SERVICE_USER("People who use services or carers", "someone who uses services, or a carer"),
    OTHER("Others", "someone who works with them");

    private final String label;
    private final String raterRole;

    Relationship(String label, String raterRole) {
        this.label = label;
        this.raterRole = raterRole;
    }

    /** The group's name in a report ("Peers"). */
    public String getLabel() {
        return label;
    }

    /** How a rater in this group is described to them ("a peer"): "You are asked as a peer". */
    public String getRaterRole() {
        return raterRole;
    }

    /** The groups a learner invites raters in, in the order the pages list them. */
    public static List<Relationship> groups() {
        return Arrays.stream(values()).filter(r -> r != SELF).toList();
    }

    public boolean isLineManager() {
        return this == LINE_MANAGER;
    }
}
